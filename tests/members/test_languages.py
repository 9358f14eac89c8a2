"""The members pages speak one language at a time: the English pages carry none of the
French interface texts, the French pages none of the English ones (the organisations' own
texts excepted: a pitch written only in French is shown as written)."""

import gettext
import html
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from members.models import ConsentRecord, Membership
from tests.factories import UserFactory
from tests.members.factories import (
    ApplicationFactory,
    CompetencyFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    PlatformFactory,
    invitation_for,
)

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "members/locale/fr/LC_MESSAGES/django.mo"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")
TAG = re.compile(r"<[^>]+>")
ATTRIBUTE = re.compile(r'(?:aria-label|placeholder|title|alt|value)="([^"]*)"')


def _fragments(text: str) -> list[str]:
    """The literal pieces of a message between its placeholders, long enough to be telling."""
    return [part.strip() for part in PLACEHOLDER.split(text) if len(part.strip()) >= 14]


def interface_texts() -> tuple[set[str], set[str]]:
    """(English fragments, French fragments) of the messages whose translation differs."""
    with CATALOGUE.open("rb") as stream:
        catalogue = gettext.GNUTranslations(stream)._catalog
    english, french = set(), set()
    for key, translated in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or not translated or msgid == translated:
            continue
        french_parts = set(_fragments(translated))
        english_parts = set(_fragments(msgid))
        # A fragment both languages share ("Bourgogne-Franche-Comté") tells nothing.
        english |= english_parts - french_parts
        french |= french_parts - english_parts
    return english, french


def visible_text(response) -> str:
    """The page as a reader (or a screen reader) meets it: text and attribute values."""
    content = response.content.decode()
    content = re.sub(r"<script.*?</script>", " ", content, flags=re.S)
    attributes = " ".join(ATTRIBUTE.findall(content))
    return html.unescape(TAG.sub(" ", content) + " " + attributes)


@pytest.fixture
def pages(client, markets):
    organisation = OrganisationFactory(
        name="Atelier Bilingue",
        website="https://www.bilingue.example",
        markets=[markets["electric"]],
        competencies=[CompetencyFactory(name="Économie circulaire", slug="economie")],
    )
    abroad = OrganisationFactory(name="Werkstatt Nord", country="DE", postcode="", city="Kiel")
    admin = MembershipFactory(
        organisation=organisation,
        role=Membership.Role.ADMIN,
        user=UserFactory(email="admin@bilingue.example"),
        visibility=Membership.Visibility.PUBLIC,
    ).user
    ConsentRecord.objects.create(
        user=admin,
        organisation=organisation,
        visibility="public",
        source=ConsentRecord.Source.PERSON,
    )
    colleague = MembershipFactory(organisation=organisation)
    platform = PlatformFactory(organisation=organisation, contact=admin)
    JoinRequestFactory(organisation=organisation, user=UserFactory(email="new@bilingue.example"))
    invitation_for(organisation, email="invited@bilingue.example")
    _invitation, token = invitation_for(organisation, email="someone.else@bilingue.example")
    application = ApplicationFactory()
    slug = organisation.slug
    return {
        "admin": admin,
        "visitor": [
            ("members:organisation-list", [], {"q": "atelier", "market": "electric", "sort": ""}),
            ("members:organisation-list", [], {"region": "nowhere"}),
            ("members:organisation-map", [], {}),
            ("members:platform-list", [], {"q": "banc", "access": "request"}),
            ("members:platform-detail", [platform.slug], {}),
            ("members:organisation-detail", [slug], {}),
            ("members:organisation-detail", [abroad.slug], {}),
            ("members:application-create", [], {}),
            ("members:application-status", [application.public_id], {}),
            ("members:invitation-accept", ["no-such-token"], {}),
            ("members:invitation-accept", [token], {}),
        ],
        "signed in": [
            ("members:organisation-list", [], {"competency": "economie"}),
            ("members:organisation-detail", [slug], {}),
            ("members:organisation-edit", [slug], {}),
            ("members:organisation-people", [slug], {}),
            ("members:membership-self", [slug], {}),
            ("members:platform-create", [slug], {}),
            ("members:platform-edit", [slug, platform.slug], {}),
            ("members:platform-request-access", [platform.slug], {}),
            ("members:contact-person", [slug, colleague.pk], {}),
            ("members:invitation-accept", [token], {}),
            ("dashboard", [], {}),
        ],
    }


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_page_speaks_only_its_language(client, pages, language):
    english, french = interface_texts()
    own, foreign = (english, french) if language == "en" else (french, english)
    assert len(foreign) > 100  # the catalogue was read
    found, recognised = {}, set()
    for audience in ("visitor", "signed in"):
        if audience == "signed in":
            client.force_login(pages["admin"])
        for name, args, params in pages[audience]:
            with translation.override(language):
                url = reverse(name, args=args)
            response = client.get(url, params)
            assert response.status_code in (200, 404), url
            text = visible_text(response)
            recognised |= {fragment for fragment in own if fragment in text}
            leaks = sorted(fragment for fragment in foreign if fragment in text)
            if leaks:
                found[url] = leaks
    assert not found, found
    # The check sees the pages' texts: many of the language's own messages were found.
    assert len(recognised) > 100, len(recognised)
