"""The French and English texts of organisations and platforms (django-modeltranslation):
each page shows its language's text and falls back to French; the forms write each
language to its own column whatever the language of the page they are sent from."""

import pytest
from django.urls import reverse
from django.utils import translation

from members.models import Organisation
from tests.members.factories import OrganisationFactory, PlatformFactory
from tests.members.test_application import URL as APPLY_URL
from tests.members.test_organisation_edit import edit_url, form_data
from tests.members.test_platforms import platform_data

pytestmark = pytest.mark.django_db


def test_setting_the_plain_field_fills_the_french_text_in_french():
    organisation = OrganisationFactory(pitch="Des bancs d'essai.")
    assert (organisation.pitch_fr, organisation.pitch_en) == ("Des bancs d'essai.", None)


def test_each_language_reads_its_text_and_english_falls_back_to_french():
    organisation = OrganisationFactory(pitch="Des bancs d'essai.", description="En français.")
    organisation.pitch_en = "Test benches."
    organisation.save()
    with translation.override("en"):
        assert (organisation.pitch, organisation.description) == ("Test benches.", "En français.")
    with translation.override("fr"):
        assert organisation.pitch == "Des bancs d'essai."


def test_the_platform_page_shows_the_english_summary_in_english(client):
    platform = PlatformFactory(summary="Un banc moteur.", summary_en="An engine bench.")
    french = client.get(platform.get_absolute_url()).content.decode()
    english = client.get("/en" + platform.get_absolute_url()).content.decode()
    assert "Un banc moteur." in french and "An engine bench." not in french
    assert "An engine bench." in english


def test_the_search_finds_both_languages():
    OrganisationFactory(pitch="Des bancs d'essai.", pitch_en="Hydrogen test benches.")
    assert Organisation.objects.search("hydrogen").count() == 1
    assert Organisation.objects.search("essai").count() == 1


def test_the_profile_form_sent_from_the_english_page_keeps_each_language(
    client, organisation, owner
):
    client.force_login(owner)
    data = form_data(organisation, pitch_fr="Le pitch français.", pitch_en="The English pitch.")
    response = client.post("/en" + edit_url(organisation), data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.pitch_fr, organisation.pitch_en) == (
        "Le pitch français.",
        "The English pitch.",
    )


def test_an_application_from_the_english_page_fills_the_french_pitch(client, application_data):
    response = client.post("/en" + APPLY_URL, application_data)
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="nouvelle-mobilite")
    assert organisation.pitch_fr == application_data["pitch_fr"]
    assert not organisation.pitch_en


def test_the_platform_form_writes_both_summaries(client, organisation, owner, markets):
    client.force_login(owner)
    create = reverse("members:platform-create", args=[organisation.slug])
    data = platform_data(markets, summary_fr="Un banc.", summary_en="A bench.")
    assert client.post("/en" + create, data).status_code == 302
    platform = organisation.platforms.get()
    assert (platform.summary_fr, platform.summary_en) == ("Un banc.", "A bench.")
