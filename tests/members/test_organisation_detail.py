"""The profile page: what visitors, members and staff see of the people; structured data."""

import json
import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import Membership, Organisation
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory, PlatformFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(organisation):
    def person(first, visibility):
        user = UserFactory(first_name=first, last_name="Essai", phone="+33 6 12 34 56 78")
        return MembershipFactory(
            organisation=organisation, user=user, visibility=visibility, job_title=f"Poste {first}"
        )

    return {
        "public": person("Publique", Membership.Visibility.PUBLIC),
        "members": person("Membres", Membership.Visibility.MEMBERS),
        "hidden": person("Cachée", Membership.Visibility.HIDDEN),
    }


def profile(client, organisation):
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def shown(content) -> set[str]:
    return {name for name in ("Publique", "Membres", "Cachée") if f"{name} Essai" in content}


def test_a_visitor_sees_public_people_only(client, organisation, people):
    content = profile(client, organisation)
    assert shown(content) == {"Publique"}
    assert "Poste Publique" in content
    assert _("Sign in to contact") in content


def test_a_signed_in_person_outside_member_organisations_sees_public_people_only(
    client, organisation, people
):
    client.force_login(UserFactory())
    assert shown(profile(client, organisation)) == {"Publique"}


def test_a_member_sees_public_and_members_only_people(client, organisation, people, member):
    client.force_login(member)
    content = profile(client, organisation)
    assert shown(content) == {"Publique", "Membres"}
    contact = reverse("members:contact-person", args=[organisation.slug, people["members"].pk])
    assert contact in content


def test_staff_see_everyone_including_hidden_people(client, organisation, people, staff):
    client.force_login(staff)
    content = profile(client, organisation)
    assert shown(content) == {"Publique", "Membres", "Cachée"}
    assert _("Hidden from everyone but staff") in content


@pytest.mark.parametrize("viewer", ["visitor", "member", "staff"])
def test_email_addresses_and_phone_numbers_are_never_printed(
    client, organisation, people, member, staff, viewer
):
    if viewer != "visitor":
        client.force_login(member if viewer == "member" else staff)
    content = profile(client, organisation)
    for membership in people.values():
        assert membership.user.email not in content
    assert "12 34 56 78" not in content
    assert "mailto:" not in content


def test_the_profile_carries_schema_org_data(client, organisation):
    organisation.siret = "73282932000074"
    organisation.save()
    content = profile(client, organisation)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == organisation.name
    assert data["identifier"]["value"] == "73282932000074"
    assert data["address"]["addressLocality"] == "Besançon"


def test_structured_data_cannot_break_out_of_its_script(client, organisation):
    organisation.name = "</script><script>alert(1)</script>"
    organisation.save()
    content = profile(client, organisation)
    assert "<script>alert(1)" not in content


def test_the_english_pitch_is_shown_in_english(client, organisation):
    organisation.pitch_en = "An English pitch."
    organisation.save()
    assert (
        "An English pitch." in client.get("/en" + organisation.get_absolute_url()).content.decode()
    )
    assert "An English pitch." not in profile(client, organisation)


def test_platforms_appear_on_the_profile(client, organisation):
    platform = PlatformFactory(organisation=organisation, name="Banc hydrogène du Doubs")
    content = profile(client, organisation)
    assert platform.name in content and platform.get_absolute_url() in content


def test_admins_see_the_completeness_and_their_tools_others_do_not(
    client, organisation, owner, colleague
):
    client.force_login(owner)
    content = profile(client, organisation)
    assert 'id="completeness-title"' in content
    assert reverse("members:organisation-edit", args=[organisation.slug]) in content
    client.force_login(colleague)
    content = profile(client, organisation)
    assert 'id="completeness-title"' not in content
    assert reverse("members:organisation-edit", args=[organisation.slug]) not in content


def test_an_unlisted_organisation_is_hidden_except_from_its_people_and_staff(
    client, owner, staff, member
):
    lapsed = OrganisationFactory(membership_status=Organisation.Status.LAPSED)
    MembershipFactory(organisation=lapsed, user=owner)
    assert client.get(lapsed.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(lapsed.get_absolute_url()).status_code == 404
    client.force_login(owner)
    response = client.get(lapsed.get_absolute_url())
    assert response.status_code == 200
    assert 'name="robots" content="noindex"' in response.content.decode()
    client.force_login(staff)
    assert client.get(lapsed.get_absolute_url()).status_code == 200


def test_the_profile_shows_when_it_was_last_updated(client, organisation):
    from django.utils import timezone
    from django.utils.formats import date_format

    updated = date_format(timezone.localtime(organisation.updated_at), "DATE_FORMAT")
    assert updated in profile(client, organisation)


def test_other_apps_panels_are_rendered_on_the_profile(client, organisation, settings, tmp_path):
    from core import hooks

    (tmp_path / "panel.html").write_text(
        '<section class="mt-5"><h2>Panneau {{ object.name }}</h2></section>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    hooks.panel("organisation", template="panel.html", context=lambda request, obj: {}, order=99)
    try:
        assert f"Panneau {organisation.name}" in profile(client, organisation)
    finally:
        hooks._panels["organisation"] = [
            p for p in hooks._panels["organisation"] if p.template != "panel.html"
        ]


def test_an_organisation_abroad_shows_its_country_in_the_readers_language(client):
    abroad = OrganisationFactory(country="CH", postcode="4001", city="Basel")
    french = client.get(abroad.get_absolute_url()).content.decode()
    english = client.get("/en" + abroad.get_absolute_url()).content.decode()
    assert "Basel, Suisse" in french
    assert "Basel, Switzerland" in english


def test_know_how_is_listed_alphabetically_in_the_readers_language(client):
    from tests.members.factories import CompetencyFactory

    organisation = OrganisationFactory(
        competencies=[
            CompetencyFactory(slug="a", name_fr="Économie circulaire", name_en="Circular economy"),
            CompetencyFactory(slug="b", name_fr="Batteries", name_en="Vehicle batteries"),
        ]
    )
    french = client.get(organisation.get_absolute_url()).content.decode()
    english = client.get("/en" + organisation.get_absolute_url()).content.decode()
    assert french.index("Batteries") < french.index("Économie circulaire")
    assert english.index("Circular economy") < english.index("Vehicle batteries")


def test_the_description_is_markdown_with_dangerous_html_removed(client):
    organisation = OrganisationFactory(
        description=(
            "**Bancs d'essai** pour [batteries](https://www.exemple.example).\n\n"
            '<script>alert("x")</script><img src="x" onerror="alert(1)">'
            "[piège](javascript:alert(1))"
        ),
        description_en="",
    )
    content = client.get(organisation.get_absolute_url()).content.decode()
    about = content.split('id="about-title"', 1)[1].split("</section>", 1)[0]
    assert "<strong>Bancs d" in about
    assert 'href="https://www.exemple.example"' in about
    assert "<script" not in about and "onerror" not in about and "javascript:" not in about
