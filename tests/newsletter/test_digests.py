"""The alert digest, on a fixed clock across several weeks: what matches what a member
follows or their organisation's markets, never empty, never the same item twice, never an
item the reader may not see, in the reader's language; and the count on a partner search."""

import datetime
import re
from contextlib import contextmanager
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from members.models import Membership
from newsletter.models import AlertSettings, Follow, SentAlertItem
from projects.models import Project
from tests.events.factories import EventFactory
from tests.factories import MarketFactory, UserFactory
from tests.members.factories import CompetencyFactory, MembershipFactory, OrganisationFactory
from tests.projects.factories import CallFactory, PartnerSearchFactory, ProjectFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime.datetime(2027, 1, 4, 7, 0, tzinfo=PARIS)


class Clock:
    def __init__(self, start):
        self.now = start

    def advance(self, **delta):
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock():
    clock = Clock(MONDAY)
    with mock.patch("django.utils.timezone.now", side_effect=lambda: clock.now):
        yield clock


@pytest.fixture
def run(mail_on_commit):
    """The daily cron job: returns the digests it sent."""

    def daily():
        before = len(mail.outbox)
        with mail_on_commit():
            call_command("send_digests", stdout=mock.MagicMock())
        return mail.outbox[before:]

    return daily


@contextmanager
def nothing():
    yield


def member_of_new_organisation(**fields):
    return MembershipFactory(role=Membership.Role.COLLEAGUE, **fields).user


def follow_market(user, market):
    Follow.objects.create(user=user, kind="market", market=market)


def test_weekly_digest_over_three_weeks(clock, run):
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    reader = member_of_new_organisation()
    follow_market(reader, electric)
    author_org = OrganisationFactory()

    assert run() == []  # nothing new: no empty digest
    clock.advance(days=1)
    first = PartnerSearchFactory(
        organisation=author_org, title="Cherche partenaire batterie", markets=[electric]
    )
    PartnerSearchFactory(organisation=author_org, title="Hors sujet", markets=[hydrogen])
    clock.advance(hours=1)
    [digest] = run()
    assert digest.to == [reader.email]
    assert "Cherche partenaire batterie" in digest.body and "Hors sujet" not in digest.body
    assert "<table" in digest.alternatives[0][0]

    clock.advance(days=1)
    second = PartnerSearchFactory(
        organisation=author_org, title="Deuxième recherche", markets=[electric]
    )
    assert run() == []  # weekly: not due yet
    clock.advance(days=6)
    [digest] = run()
    assert "Deuxième recherche" in digest.body
    assert "Cherche partenaire batterie" not in digest.body  # never twice
    clock.advance(days=7)
    assert run() == []  # a quiet week: nothing is sent
    assert set(SentAlertItem.objects.filter(user=reader).values_list("object_id", flat=True)) == {
        first.pk,
        second.pk,
    }


def test_organisation_markets_and_competencies_count_as_interests(clock, run):
    electric = MarketFactory(theme="electric")
    welding = CompetencyFactory(name="Soudage laser", slug="soudage-laser")
    organisation = OrganisationFactory(markets=[electric], competencies=[welding])
    reader = MembershipFactory(organisation=organisation, role=Membership.Role.COLLEAGUE).user
    clock.advance(hours=1)
    PartnerSearchFactory(title="Compétence cherchée", competencies=[welding])
    PartnerSearchFactory(
        title="Notre propre recherche", organisation=organisation, markets=[electric]
    )
    CallFactory(title="Appel électrique", markets=[electric])
    clock.advance(hours=1)
    [digest] = run()
    assert digest.to == [reader.email]
    assert "Compétence cherchée" in digest.body and "Appel électrique" in digest.body
    assert "Notre propre recherche" not in digest.body  # their own post


def test_daily_and_off(clock, run):
    electric = MarketFactory(theme="electric")
    daily_reader = member_of_new_organisation()
    quiet_reader = member_of_new_organisation()
    for reader in (daily_reader, quiet_reader):
        follow_market(reader, electric)
    AlertSettings.objects.create(user=daily_reader, frequency=AlertSettings.Frequency.DAILY)
    AlertSettings.objects.create(user=quiet_reader, frequency=AlertSettings.Frequency.OFF)
    clock.advance(hours=1)
    PartnerSearchFactory(title="Jour un", markets=[electric])
    # Labelling has a date, not a time: the next day's window still covers it, the log of
    # sent items keeps it out of the second digest.
    ProjectFactory(title="Projet du jour", markets=[electric], labelled_on=clock.now.date())
    clock.advance(hours=1)
    [digest] = run()
    assert digest.to == [daily_reader.email] and "Projet du jour" in digest.body
    clock.advance(days=1)
    PartnerSearchFactory(title="Jour deux", markets=[electric])
    clock.advance(minutes=5)
    [digest] = run()
    assert "Jour deux" in digest.body
    assert "Jour un" not in digest.body and "Projet du jour" not in digest.body


def test_never_shows_what_the_reader_may_not_see(clock, run):
    electric = MarketFactory(theme="electric")
    visitor = UserFactory()  # an account without a member organisation
    member = member_of_new_organisation()
    for reader in (visitor, member):
        follow_market(reader, electric)
    clock.advance(hours=1)
    today = clock.now.date()
    PartnerSearchFactory(title="Recherche réservée", markets=[electric])
    ProjectFactory(title="Projet public", markets=[electric], labelled_on=today)
    ProjectFactory(
        title="Projet adhérents",
        markets=[electric],
        labelled_on=today,
        visibility=Project.Visibility.MEMBERS,
    )
    ProjectFactory(
        title="Projet confidentiel",
        markets=[electric],
        labelled_on=today,
        visibility=Project.Visibility.CONFIDENTIAL,
    )
    EventFactory(title="Atelier adhérents", markets=[electric], audience="members")
    clock.advance(hours=1)
    digests = {m.to[0]: m.body for m in run()}
    assert "Projet public" in digests[visitor.email]
    for hidden in (
        "Recherche réservée",
        "Projet adhérents",
        "Projet confidentiel",
        "Atelier adhérents",
    ):
        assert hidden not in digests[visitor.email]
    assert "Recherche réservée" in digests[member.email]
    assert "Projet confidentiel" not in digests[member.email]
    # Only labelled *public* projects are announced, even to members.
    assert "Projet adhérents" not in digests[member.email]


def test_digest_in_the_readers_language(clock, run):
    electric = MarketFactory(theme="electric")
    reader = member_of_new_organisation(user__language="en")
    follow_market(reader, electric)
    clock.advance(hours=1)
    PartnerSearchFactory(title="Titre français", title_en="English title", markets=[electric])
    clock.advance(hours=1)
    [digest] = run()
    assert "new item for you" in digest.subject
    assert "English title" in digest.body and "/en/projects/" in digest.body


def test_author_sees_how_many_members_were_alerted(clock, run, client):
    electric = MarketFactory(theme="electric")
    author_org = OrganisationFactory()
    author = MembershipFactory(organisation=author_org, role=Membership.Role.ADMIN).user
    readers = [member_of_new_organisation() for _ in range(2)]
    for reader in readers:
        follow_market(reader, electric)
    clock.advance(hours=1)
    search = PartnerSearchFactory(organisation=author_org, author=author, markets=[electric])
    clock.advance(hours=1)
    assert len(run()) == 2
    client.force_login(author)
    html = client.get(search.get_absolute_url()).content.decode()
    assert "2 members were told about your post" in html or "2 adhérents" in html
    client.force_login(readers[0])
    html = client.get(search.get_absolute_url()).content.decode()
    assert "told about your post" not in html and "Members alerted" not in html


def test_digest_carries_a_one_click_stop(clock, run):
    electric = MarketFactory(theme="electric")
    reader = member_of_new_organisation()
    follow_market(reader, electric)
    clock.advance(hours=1)
    PartnerSearchFactory(markets=[electric])
    clock.advance(hours=1)
    [digest] = run()
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.search(r"<https://[^/]+([^>]+)>", digest.extra_headers["List-Unsubscribe"])[1]
    client = Client(enforce_csrf_checks=True)
    assert client.get(url).status_code == 200
    assert AlertSettings.objects.get(user=reader).frequency == AlertSettings.Frequency.WEEKLY
    forged = url.replace(f"/{reader.pk}-", f"/{reader.pk + 1}-")
    assert client.post(forged).status_code == 404
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert AlertSettings.objects.get(user=reader).frequency == AlertSettings.Frequency.OFF
    clock.advance(days=8)
    PartnerSearchFactory(markets=[electric])
    assert run() == []
