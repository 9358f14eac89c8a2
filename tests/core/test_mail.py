"""The mail service (core.mail): every email of the portal goes through it."""

import pytest
from django.conf import settings
from django.core import mail as outbox
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from core import mail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Test emails kept in memory. They use Django's own French catalogue ("January" is
# "janvier") and a page of the portal, so they do not depend on an app's texts.
EMAILS = {
    "tests/emails/hello.subject.txt": (
        "{% load i18n %}{% autoescape off %}\n  {% translate 'January' %}:   {{ title }}\n"
        "{% endautoescape %}"
    ),
    "tests/emails/hello.txt": (
        "{% load i18n %}{% autoescape off %}{% translate 'January' %} & {{ title }}\n"
        "{{ site_url }}{% url 'home' %}{% endautoescape %}"
    ),
    "tests/emails/designed.subject.txt": "Designed",
    "tests/emails/designed.txt": "The plain text.",
    "tests/emails/designed.html": "<p>{{ site_url }}{% url 'home' %}</p>",
    "tests/emails/named.subject.txt": "Hi",
    "tests/emails/named.txt": "Hello {{ recipient.first_name }}",
}


@pytest.fixture(autouse=True)
def email_templates(settings):
    """The in-memory test emails, before the portal's own templates (the HTML layout)."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {
            "BACKEND": engine["BACKEND"],
            "DIRS": engine["DIRS"],
            "OPTIONS": {
                **engine["OPTIONS"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", EMAILS),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the callbacks of the block as a real commit would (the test itself runs inside
    a transaction that is never committed)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_each_person_reads_the_email_in_their_language_with_links_to_match(on_commit):
    english = UserFactory(language="en")
    french = UserFactory(language="fr")
    with on_commit():
        mail.send_to_users("tests/emails/hello", [english, french], context={"title": "Hydrogen"})
    in_english = next(m for m in outbox.outbox if m.to == [english.email])
    in_french = next(m for m in outbox.outbox if m.to == [french.email])
    # One brand per language, in the subject too.
    assert in_english.subject == "[Vehicle of the Future] January: Hydrogen"
    assert in_french.subject == "[Véhicule du Futur] janvier: Hydrogen"
    assert f"{settings.SITE_URL}/en/\n" in in_english.body
    assert "/en/" not in in_french.body and f"{settings.SITE_URL}/\n" in in_french.body
    # Rendering in another language leaves the caller's language alone.
    assert translation.get_language() == settings.LANGUAGE_CODE


def test_the_site_language_is_used_without_one(on_commit):
    with translation.override("en"), on_commit():
        mail.send("tests/emails/hello", to=["someone@example.org"], context={"title": "x"})
    (message,) = outbox.outbox
    assert "janvier" in message.subject


def test_a_message_has_a_text_part_and_an_html_part(on_commit):
    with on_commit():
        mail.send("tests/emails/hello", to=["someone@example.org"], context={"title": "A&B"})
    (message,) = outbox.outbox
    assert message.body.startswith("janvier & A&B\n")
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
    assert "janvier &amp; A&amp;B" in html, "the text is escaped in the HTML layout"
    assert f'<a href="{settings.SITE_URL}/"' in html, "links are clickable"


def test_an_email_with_its_own_html_template_uses_it(on_commit):
    with translation.override("en"), on_commit():
        mail.send("tests/emails/designed", to=["someone@example.org"], language="en")
    (message,) = outbox.outbox
    assert message.body == "The plain text.\n"
    assert message.alternatives[0][0] == f"<p>{settings.SITE_URL}/en/</p>"


def test_the_subject_is_one_line_with_the_portal_prefix():
    rendered = mail.render("tests/emails/hello", {"title": "Two\nlines"}, language="en")
    assert rendered.subject == "[Vehicle of the Future] January: Two lines"


def test_attachments_go_with_every_message(on_commit):
    calendar = "BEGIN:VCALENDAR\r\nSUMMARY:Journée\r\nEND:VCALENDAR\r\n"
    with on_commit():
        mail.send(
            "tests/emails/hello",
            to=["one@example.org", "two@example.org"],
            context={"title": "x"},
            attachments=[
                mail.Attachment("event.ics", calendar.encode(), "text/calendar"),
                mail.Attachment("data.bin", b"\x00\xff", "application/octet-stream"),
                mail.Attachment("notes.txt", "En texte", "text/plain"),
            ],
        )
    assert len(outbox.outbox) == 2
    for message in outbox.outbox:
        ics, data, notes = message.attachments
        assert ics == ("event.ics", calendar, "text/calendar")
        assert data == ("data.bin", b"\x00\xff", "application/octet-stream")
        assert notes == ("notes.txt", "En texte", "text/plain")


def test_one_message_per_address_so_nobody_sees_the_others(on_commit):
    with on_commit():
        queued = mail.send(
            "tests/emails/hello",
            to=["one@example.org", "two@example.org", "one@example.org", ""],
            cc=["ONE@example.org", "copy@example.org"],
            reply_to=["sender@example.org"],
            context={"title": "x"},
        )
    assert queued == 2
    assert [m.to for m in outbox.outbox] == [["one@example.org"], ["two@example.org"]]
    # The copy goes with each message, but never to its own recipient twice.
    assert outbox.outbox[0].cc == ["copy@example.org"]
    assert outbox.outbox[1].cc == ["ONE@example.org", "copy@example.org"]
    assert all(m.reply_to == ["sender@example.org"] for m in outbox.outbox)


def test_nothing_leaves_before_the_transaction_commits(on_commit):
    with on_commit():
        mail.send("tests/emails/hello", to=["someone@example.org"], context={"title": "x"})
        assert outbox.outbox == []
    assert len(outbox.outbox) == 1


def test_nothing_is_sent_when_the_transaction_rolls_back(on_commit):
    with on_commit():
        with pytest.raises(RuntimeError), transaction.atomic():
            mail.send("tests/emails/hello", to=["lost@example.org"], context={"title": "x"})
            raise RuntimeError("the change is rolled back")
        mail.send("tests/emails/hello", to=["kept@example.org"], context={"title": "x"})
    assert [m.to for m in outbox.outbox] == [["kept@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_without_a_transaction_the_email_leaves_at_once():
    """In autocommit mode (a management command outside ``atomic``) it goes at once."""
    mail.send("tests/emails/hello", to=["now@example.org"], context={"title": "x"})
    assert [m.to for m in outbox.outbox] == [["now@example.org"]]


def test_send_to_users_skips_duplicates_and_people_without_an_address(on_commit):
    person = UserFactory(language="en")
    no_address = UserFactory(email="", verified_email=False)
    with on_commit():
        queued = mail.send_to_users(
            "tests/emails/hello", [person, no_address, None, person], context={"title": "x"}
        )
    assert queued == 1
    (message,) = outbox.outbox
    assert message.to == [person.email]
    assert "January" in message.subject


def test_send_to_users_gives_the_template_its_recipient(on_commit):
    person = UserFactory(first_name="Ada")
    with on_commit():
        mail.send_to_users("tests/emails/named", [person])
    assert outbox.outbox[0].body == "Hello Ada\n"


def test_staff_read_the_site_language_at_the_staff_addresses(on_commit, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["team@example.org", "board@example.org"]
    with translation.override("en"), on_commit():
        mail.send_to_staff("tests/emails/hello", context={"title": "x"})
    assert [m.to for m in outbox.outbox] == [["team@example.org"], ["board@example.org"]]
    assert all("janvier" in m.subject for m in outbox.outbox)


def test_no_staff_address_sends_nothing(on_commit, settings):
    settings.STAFF_NOTIFICATION_EMAILS = []
    with on_commit():
        assert mail.send_to_staff("tests/emails/hello", context={"title": "x"}) == 0
    assert outbox.outbox == []


def test_absolute_url_prefixes_the_site_address():
    assert mail.absolute_url(reverse("home")) == f"{settings.SITE_URL}/"


def test_the_sender_name_is_the_brand_of_the_email_language(settings):
    settings.DEFAULT_FROM_EMAIL = "Vehicle of the Future <no-reply@portal.example>"
    french = mail.render("tests/emails/hello", {"title": "x"}, language="fr")
    english = mail.render("tests/emails/hello", {"title": "x"}, language="en")
    assert french.from_email == "Véhicule du Futur <no-reply@portal.example>"
    assert english.from_email == "Vehicle of the Future <no-reply@portal.example>"
