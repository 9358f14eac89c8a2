"""The contact page: the cluster's details, a form routed by topic through the relay, the
team page and the social links set by staff."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from content.models import ContactRequest, ContactSettings, SocialLink, TeamMember
from content.views import CONTACT_RATES
from core import ratelimit
from core.models import OutgoingEmail

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "membership": "adhesion@team.example",
    "projects": "projets@team.example",
    "training": "formation@team.example",
    "events": "evenements@team.example",
    "press": "presse@team.example",
}


@pytest.fixture
def details(db):
    return ContactSettings.objects.create(
        street="1 rue de la Démonstration",
        postcode="25460",
        city="Étupes",
        phone="+33 3 00 00 00 00",
        opening_hours_fr="Du lundi au vendredi",
        opening_hours_en="Monday to Friday",
        **{f"{topic}_email": address for topic, address in ADDRESSES.items()},
    )


def message(**changes):
    return {
        "topic": "projects",
        "name": "Alice Exemple",
        "email": "alice@visitor.example",
        "organisation": "Exemple SAS",
        "subject": "Un projet sur l'hydrogène",
        "message": "Nous cherchons des partenaires pour un projet de stockage.",
        "website": "",
        **changes,
    }


def test_the_page_shows_the_details_but_no_team_address(client, details, in_english):
    html = client.get(reverse("content:contact")).content.decode()
    assert "1 rue de la Démonstration" in html and "+33 3 00 00 00 00" in html
    assert "Monday to Friday" in html
    assert "@team.example" not in html
    assert "csrfmiddlewaretoken" not in html  # the page stays in the page cache


def test_the_contact_page_is_served_from_the_page_cache(client, details):
    first = client.get(reverse("content:contact"))
    assert "public" in first["Cache-Control"] and not first.cookies
    second = client.get(reverse("content:contact"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304


@pytest.mark.parametrize("topic", list(ADDRESSES))
def test_each_topic_goes_to_its_team_address(client, details, mail_on_commit, topic):
    with mail_on_commit():
        response = client.post(reverse("content:contact"), message(topic=topic))
    assert response.status_code == 302
    assert response["Location"] == reverse("content:contact-sent")
    email = OutgoingEmail.objects.get()
    assert email.recipients == ADDRESSES[topic]
    assert email.payload["reply_to"] == ["alice@visitor.example"]
    assert "Un projet sur l'hydrogène" in email.subject
    assert "Nous cherchons des partenaires" in email.payload["text"]
    saved = ContactRequest.objects.get()
    assert (saved.topic, saved.routed_to) == (topic, ADDRESSES[topic])


def test_the_team_address_is_never_shown_after_sending(client, details):
    response = client.post(reverse("content:contact"), message(), follow=True)
    assert response.status_code == 200
    assert "@team.example" not in response.content.decode()


def test_bad_input_gets_errors_next_to_the_fields(client, details, in_english):
    response = client.post(
        reverse("content:contact"),
        message(topic="weather", email="not-an-address", message="Too short", name=""),
    )
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("topic", "email", "message", "name"):
        assert re.search(rf'id="error_\d+_id_{field}"', html), field
    assert "the message is not sent yet" in html
    assert not ContactRequest.objects.exists() and not OutgoingEmail.objects.exists()


def test_a_robot_filling_the_trap_field_sends_nothing(client, details):
    response = client.post(reverse("content:contact"), message(website="https://spam.example"))
    assert response.status_code == 302
    assert not ContactRequest.objects.exists() and not OutgoingEmail.objects.exists()


def test_messages_are_rate_limited_per_origin(client, details, in_english):
    for number in range(3):
        assert (
            client.post(reverse("content:contact"), message(subject=f"n{number}")).status_code
            == 302
        )
    response = client.post(reverse("content:contact"), message(subject="one too many"))
    assert response.status_code == 429
    html = response.content.decode()
    # It says the limit is reached and when to try again, not that a field is wrong.
    assert (
        "Your message was not sent: at most 3 messages may be sent from the same connection "
        "in 10 minutes, and that limit is reached. Send it again in 10 minutes at the latest"
    ) in html
    assert "correct the fields" not in html and "is-invalid" not in html
    assert 'value="one too many"' in html  # what was written is kept
    assert ContactRequest.objects.count() == 3


def test_the_daily_limit_says_to_wait_a_day(client, details, in_english):
    daily = CONTACT_RATES[1]
    cache.set(ratelimit._key("contact-form", "127.0.0.1", daily), daily.limit, daily.seconds)
    html = client.post(reverse("content:contact"), message()).content.decode()
    assert "at most 10 messages may be sent from the same connection in 24 hours" in html
    assert "Send it again in 24 hours at the latest" in html
    assert not ContactRequest.objects.exists()


def test_the_rate_limit_names_the_longest_window_used_up():
    rates = (ratelimit.Rate(1, 60), ratelimit.Rate(2, 3600))
    assert ratelimit.exhausted("t", "a", rates) is None
    assert ratelimit.hit("t", "a", rates)
    assert ratelimit.exhausted("t", "a", rates) == rates[0]
    cache.set(ratelimit._key("t", "a", rates[1]), 2, 3600)
    assert ratelimit.exhausted("t", "a", rates) == rates[1]


def test_without_contact_details_the_form_says_so(client, in_english):
    response = client.post(reverse("content:contact"), message())
    assert response.status_code == 400
    html = response.content.decode()
    assert "not open yet" in html and "correct the fields" not in html
    assert not OutgoingEmail.objects.exists()


def test_the_team_page_shows_people_with_initials_and_roles(client, in_english):
    TeamMember.objects.create(
        first_name="Claire", last_name="Démo", role_fr="Déléguée", role_en="Director"
    )
    TeamMember.objects.create(
        first_name="Hidden", last_name="Person", role_fr="x", is_visible=False
    )
    html = client.get(reverse("content:team")).content.decode()
    assert "Claire Démo" in html and ">CD<" in html and "Director" in html
    assert "Hidden Person" not in html


def test_social_links_set_by_staff_show_in_every_footer(client):
    SocialLink.objects.create(network="linkedin", url="https://linkedin.example/company/demo")
    SocialLink.objects.create(network="youtube", url="https://video.example/x", is_visible=False)
    for name in ("home", "content:team"):
        html = client.get(reverse(name)).content.decode()
        assert "https://linkedin.example/company/demo" in html
        assert "https://video.example/x" not in html


def test_staff_edit_the_details_in_the_back_office(staff_client, details):
    for name in ("contactsettings", "contactrequest", "teammember", "sociallink"):
        assert staff_client.get(reverse(f"admin:content_{name}_changelist")).status_code == 200
    change = reverse("admin:content_contactsettings_change", args=[details.pk])
    assert staff_client.get(change).status_code == 200


def test_the_footer_and_hero_lead_to_joining_and_contact(client):
    html = client.get(reverse("home")).content.decode()
    assert html.count(f'href="{reverse("members:application-create")}"') >= 2
    assert f'href="{reverse("content:contact")}"' in html


def test_a_link_may_choose_the_topic(client, details):
    html = client.get(reverse("content:contact"), {"topic": "press"}).content.decode()
    assert '<option value="press" selected>' in html
    html = client.get(reverse("content:contact"), {"topic": "weather"}).content.decode()
    assert '<option value="" selected>' in html
