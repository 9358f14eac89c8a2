"""A long directory export is written by a task to the private storage and sent by email,
with a link only its requester can open, until it expires."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail as outbox
from django.core.files.storage import storages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.models import ExportFile
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

EXPORT = "members:organisation-export"


@pytest.fixture
def long_list(settings):
    """Three organisations in the directory count as long."""
    settings.EXPORT_SYNC_ROWS = 2
    return [OrganisationFactory(name=f"Export fictif {n}") for n in range(2)]


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/exports/\S+/)", message.body).group(1)


def test_a_short_list_is_answered_in_the_response(client, settings):
    settings.EXPORT_SYNC_ROWS = 100
    member = MembershipFactory().user
    client.force_login(member)
    response = client.get(reverse(EXPORT))
    assert response["Content-Type"].startswith("text/csv")
    assert not ExportFile.objects.exists()


def test_a_long_list_comes_by_email_with_a_private_link(client, long_list, mail_on_commit):
    member = MembershipFactory().user  # its organisation is the third of the list
    client.force_login(member)
    with mail_on_commit():
        response = client.get(reverse(EXPORT), {"q": "fictive", "sort": "name"})
    assert response.status_code == 302
    assert response["Location"] == reverse("members:organisation-list") + "?q=fictive&sort=name"
    export = ExportFile.objects.get()
    assert export.owner == member
    assert export.file.storage.__class__ is storages["private"].__class__
    assert len(outbox.outbox) == 1
    assert outbox.outbox[0].to == [member.email]
    link = link_in(outbox.outbox[0])
    assert link == export.get_absolute_url()

    response = client.get(link)
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert len(rows) == 1 + export.rows
    assert export.rows == 3


def test_the_link_is_for_its_requester_only(client, long_list, mail_on_commit):
    member = MembershipFactory().user
    client.force_login(member)
    with mail_on_commit():
        client.get(reverse(EXPORT))
    link = ExportFile.objects.get().get_absolute_url()
    client.logout()
    anonymous = client.get(link)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(MembershipFactory().user)  # another member
    assert client.get(link).status_code == 404
    client.force_login(UserFactory(is_staff=True))  # staff too: the file is the member's
    assert client.get(link).status_code == 404


def test_an_expired_link_is_gone_and_pruned(client, long_list, mail_on_commit):
    member = MembershipFactory().user
    client.force_login(member)
    with mail_on_commit():
        client.get(reverse(EXPORT))
    export = ExportFile.objects.get()
    name = export.file.name
    now = timezone.now()
    ExportFile.objects.update(
        created_at=now - timedelta(days=8), expires_at=now - timedelta(days=1)
    )
    assert client.get(export.get_absolute_url()).status_code == 404
    call_command("prune_exports", stdout=io.StringIO())
    assert not ExportFile.objects.exists()
    assert not export.file.storage.exists(name)


def test_non_members_still_cannot_export_a_long_list(client, long_list):
    client.force_login(UserFactory())
    assert client.get(reverse(EXPORT)).status_code == 403
    assert not ExportFile.objects.exists()
