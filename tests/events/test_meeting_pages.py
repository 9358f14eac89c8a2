"""The pages of business meetings: what participants and staff see, forms and their
errors, the agenda as page, PDF and .ics; no email address printed anywhere."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.matchmaking import services
from events.models import Meeting, MeetingProfile
from tests.events.meeting_factories import meeting_day, participant, request
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return meeting_day()


def url(name, day, *args):
    return reverse(f"events:{name}", args=[day.event.slug, *args])


def test_event_page_leads_participants_to_their_meetings(client, day):
    profile = participant(day)
    client.force_login(profile.registration.user)
    html = client.get(day.event.get_absolute_url()).content.decode()
    assert url("meetings-home", day) in html


def test_profile_is_prefilled_from_the_organisation(client, day):
    market = MarketFactory()
    organisation = OrganisationFactory(pitch="Nous usinons des pièces fictives.")
    organisation.markets.add(market)
    membership = MembershipFactory(organisation=organisation)
    from tests.events.factories import RegistrationFactory

    RegistrationFactory(event=day.event, user=membership.user, organisation=organisation)
    client.force_login(membership.user)
    response = client.get(url("meetings-profile", day))
    form = response.context["form"]
    assert form.initial["offer"] == "Nous usinons des pièces fictives." or (
        form.instance.offer == "Nous usinons des pièces fictives."
    )
    assert form.instance.organisation_name == organisation.name
    assert list(form.initial["markets"]) == [market]


def test_a_profile_without_language_is_refused_next_to_the_field(client, day):
    profile = participant(day)
    client.force_login(profile.registration.user)
    response = client.post(
        url("meetings-profile", day),
        {
            "display_name": "Autre nom",
            "organisation_name": "Société",
            "organisation_kind": "company",
            "offer": "x",
            "seek": "y",
        },
    )
    assert response.status_code == 200
    assert "languages" in response.context["form"].errors
    profile.refresh_from_db()
    assert profile.display_name != "Autre nom"


def test_directory_filters_by_language_kind_and_words(client, day):
    me = participant(day)
    participant(day, display_name="Germanophone", languages=",de,", organisation_kind="lab")
    participant(day, display_name="Francophone", offer="Des piles à hydrogène.")
    client.force_login(me.registration.user)
    names = lambda query: [  # noqa: E731
        p.display_name
        for p in client.get(url("meetings-directory", day) + query).context["page_obj"]
    ]
    assert names("?language=de") == ["Germanophone"]
    assert names("?kind=lab") == ["Germanophone"]
    assert names("?q=hydrogène") == ["Francophone"]
    assert sorted(names("")) == ["Francophone", "Germanophone"]


def test_directory_asks_for_a_profile_first(client, day):
    profile = participant(day)
    user = profile.registration.user
    profile.delete()
    client.force_login(user)
    response = client.get(url("meetings-directory", day))
    assert response.url == url("meetings-profile", day)


def test_request_form_refuses_a_short_message(client, day):
    me, other = participant(day), participant(day)
    client.force_login(me.registration.user)
    response = client.post(url("meetings-participant", day, other.pk), {"message": "Salut"})
    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert not Meeting.objects.exists()


def test_no_email_address_is_printed(client, day, staff):
    people = [participant(day) for _index in range(3)]
    services.meeting_answer(meeting=request(people[0], people[1]), profile=people[1], accept=True)
    request(people[2], people[0])
    services.schedule_publish(matchmaking=day)
    emails = [p.registration.user.email for p in people]
    client.force_login(people[0].registration.user)
    pages = [
        url("meetings-home", day),
        url("meetings-directory", day),
        url("meetings-participant", day, people[1].pk),
        url("meetings-agenda", day),
    ]
    for page in pages:
        html = client.get(page).content.decode()
        assert not any(email in html for email in emails), page
    client.force_login(staff)
    for page in [url("meetings-grid", day), url("meetings-print", day)]:
        html = client.get(page).content.decode()
        assert not any(email in html for email in emails), page


def test_agenda_waits_for_publication_then_shows_table_and_time(client, day):
    a, b = participant(day), participant(day, display_name="Bernadette Fictive")
    meeting = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    meeting.refresh_from_db()
    client.force_login(a.registration.user)
    response = client.get(url("meetings-agenda", day))
    assert not response.context["published"]
    assert client.get(url("meetings-agenda-ics", day)).status_code == 404
    services.schedule_publish(matchmaking=day)
    response = client.get(url("meetings-agenda", day))
    html = response.content.decode()
    assert "Bernadette Fictive" in html
    row = next(r for r in response.context["rows"] if r["meeting"])
    assert row["meeting"].table == meeting.table and row["slot"] == meeting.slot
    ics = client.get(url("meetings-agenda-ics", day))
    assert ics["Content-Type"].startswith("text/calendar")
    assert f"Table {meeting.table}" in ics.content.decode()
    pdf = client.get(url("meetings-agenda-pdf", day))
    assert pdf.content.startswith(b"%PDF")


def test_agenda_in_english(client, day):
    a, b = participant(day), participant(day)
    services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    services.schedule_publish(matchmaking=day)
    client.force_login(a.registration.user)
    with translation.override("en"):
        address = url("meetings-agenda", day)
    html = client.get(address).content.decode()
    assert "My agenda" in html


def test_staff_grid_shows_figures_and_meetings(client, day, staff):
    a, b, c = participant(day), participant(day), participant(day)
    services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    request(c, a)
    client.force_login(staff)
    response = client.get(url("meetings-grid", day))
    assert response.context["figures"]["requests"] == 2
    assert response.context["figures"]["accepted"] == 1
    assert a.display_name in response.content.decode()
    assert client.get(url("meetings-print", day)).status_code == 200
    assert client.get(url("meetings-print", day) + "?format=pdf").content.startswith(b"%PDF")
    day_page = client.get(url("meetings-day", day))
    assert day_page.status_code == 200


def test_staff_see_follow_up_figures(client, day, staff):
    a, b = participant(day), participant(day)
    meeting = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    Meeting.objects.filter(pk=meeting.pk).update(
        attendance="held", requester_follow_up="yes", recipient_follow_up="maybe"
    )
    client.force_login(staff)
    figures = client.get(url("meetings-grid", day)).context["figures"]
    assert (figures["held"], figures["follow_up_yes"], figures["follow_up_maybe"]) == (1, 1, 0)


def test_an_event_without_meetings_has_no_meeting_pages(client, staff):
    from tests.events.factories import EventFactory

    event = EventFactory()
    client.force_login(staff)
    assert client.get(reverse("events:meetings-grid", args=[event.slug])).status_code == 404


def test_outside_participants_take_part(client, day):
    # A person of no organisation registers (public event) and writes a profile.
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    client.post(reverse("events:registration-create", args=[day.event.slug]))
    response = client.post(
        url("meetings-profile", day),
        {
            "display_name": "Extérieure Fictive",
            "organisation_name": "Fiktiv GmbH",
            "organisation_kind": "company",
            "offer": "Des capteurs.",
            "seek": "Des clients.",
            "languages": ["de"],
        },
    )
    assert response.status_code == 302
    assert MeetingProfile.objects.get(registration__user=user).languages == ",de,"


def test_contacts_go_through_the_relay(client, day):
    from members.models import Membership

    me = participant(day)
    organisation = OrganisationFactory()
    membership = MembershipFactory(
        organisation=organisation, visibility=Membership.Visibility.PUBLIC
    )
    hidden = MembershipFactory(organisation=organisation, visibility=Membership.Visibility.MEMBERS)
    shown = participant(day, membership.user, organisation=organisation)
    private = participant(day, hidden.user, organisation=organisation)
    client.force_login(me.registration.user)
    html = client.get(url("meetings-participant", day, shown.pk)).content.decode()
    relay = reverse("members:contact-person", args=[organisation.slug, membership.pk])
    assert relay in html
    assert membership.user.email not in html
    html = client.get(url("meetings-participant", day, private.pk)).content.decode()
    # (The footer's link to the cluster's own contact page is not a relay to a person.)
    assert reverse("members:contact-person", args=[organisation.slug, hidden.pk]) not in html
    assert "/contact/" not in html.replace('href="/contact/"', ""), (
        "a person hidden from non-members is not offered"
    )
