"""The demo members of `make run`: fictional, over both regions, idempotent, scalable."""

import pytest

from accounts.demo import MEMBER_EMAIL
from core.images import rendition_name
from members import demo
from members.models import (
    Membership,
    MembershipApplication,
    Organisation,
    Platform,
)

pytestmark = pytest.mark.django_db


def test_the_demo_loads_fictional_members_and_runs_again_without_duplicates(markets):
    logs = []
    demo.load(scale=25, log=logs.append)
    counts = (Organisation.objects.count(), Membership.objects.count(), Platform.objects.count())
    demo.load(scale=25, log=logs.append)
    assert counts == (
        Organisation.objects.count(),
        Membership.objects.count(),
        Platform.objects.count(),
    )
    hand_made = Organisation.objects.exclude(slug__startswith=demo.GENERATED_PREFIX)
    assert 55 <= hand_made.count() <= 65
    assert Organisation.objects.filter(slug__startswith=demo.GENERATED_PREFIX).count() == 25
    assert all("(démo)" in name for name in hand_made.values_list("name", flat=True))
    assert set(hand_made.values_list("region", flat=True)) >= {"bfc", "grand-est"}
    assert set(hand_made.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    themes = set(hand_made.values_list("markets__theme", flat=True)) - {None}
    assert themes == set(markets)
    assert all(
        website.endswith(".example") for website in hand_made.values_list("website", flat=True)
    )
    voltaria = Organisation.objects.get(name="Voltaria (démo)")
    assert voltaria.website == "https://www.voltaria-demo.example"
    assert voltaria.memberships.get(user__email=MEMBER_EMAIL).role == Membership.Role.ADMIN
    assert voltaria.is_listed
    storage = voltaria.logo.storage
    assert storage.exists(voltaria.logo.name)
    assert storage.exists(rendition_name(voltaria.logo.name, 240))
    assert MembershipApplication.objects.pending().count() == 1
    assert voltaria.join_requests.pending().exists()
    assert Platform.objects.count() >= 10
    assert "members:" in logs[0]


def test_generated_organisations_are_searchable_and_filterable(markets, client):
    competencies = [
        demo.Competency.objects.create(name="Robotique", name_fr="Robotique", slug="robotique")
    ]
    demo.load_generated(40, list(markets.values()), competencies)
    organisation = Organisation.objects.filter(slug__startswith=demo.GENERATED_PREFIX).first()
    assert organisation.department and organisation.region in ("bfc", "grand-est", "france")
    assert "robotique" in organisation.search_text
    response = client.get("/members/", {"competency": "robotique", "q": "robotique"})
    assert response.context["page_obj"].paginator.count == 40


def test_demo_logos_are_png_initials():
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(demo.logo_png("Voltaria (démo)"))) as image:
        assert image.format == "PNG" and image.size == (256, 256)
