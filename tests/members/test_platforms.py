"""Platforms and resource centres: the searchable directory, the profile section, editing."""

import pytest
from django.core import mail
from django.urls import reverse

from members.models import ContactMessage, Organisation, Platform
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory, PlatformFactory

pytestmark = pytest.mark.django_db
URL = reverse("members:platform-list")


def names(response):
    return [platform.name for platform in response.context["page_obj"].object_list]


def test_the_list_shows_platforms_of_listed_organisations_only(client, organisation):
    PlatformFactory(organisation=organisation, name="Visible")
    PlatformFactory(
        organisation=OrganisationFactory(membership_status=Organisation.Status.LAPSED),
        name="Invisible",
    )
    assert names(client.get(URL)) == ["Visible"]


@pytest.mark.parametrize(
    "query", ["banc hydrogène", "hydrogene", "BANC D'ESSAI HYDROGENE", "chambre climatique"]
)
def test_search_by_equipment_and_capability_ignores_accents(client, organisation, query):
    PlatformFactory(
        organisation=organisation,
        name="Plateforme énergie",
        equipment="Banc d'essai hydrogène 150 kW\nChambre climatique -40 °C",
    )
    PlatformFactory(organisation=organisation, name="Atelier", equipment="Imprimante 3D métal")
    assert names(client.get(URL, {"q": query})) == ["Plateforme énergie"]


def test_market_region_and_access_filters(client, markets):
    est = OrganisationFactory(postcode="67000")
    PlatformFactory(organisation=est, name="Est", markets=[markets["hydrogen"]])
    PlatformFactory(name="Comté", markets=[markets["electric"]], access=Platform.Access.MEMBERS)
    assert names(client.get(URL, {"market": "hydrogen"})) == ["Est"]
    assert names(client.get(URL, {"region": "grand-est"})) == ["Est"]
    assert names(client.get(URL, {"access": "members"})) == ["Comté"]


def test_the_detail_lists_the_equipment(client, organisation):
    platform = PlatformFactory(organisation=organisation, equipment="- Banc A\n- Banc B\n")
    response = client.get(platform.get_absolute_url())
    assert response.status_code == 200
    assert platform.equipment_list == ["Banc A", "Banc B"]
    assert "Banc B" in response.content.decode()


def test_a_signed_in_person_requests_access_and_the_contact_gets_it(
    client, organisation, owner, mail_on_commit
):
    contact = MembershipFactory(organisation=organisation).user
    platform = PlatformFactory(organisation=organisation, contact=contact)
    requester = UserFactory()
    url = reverse("members:platform-request-access", args=[platform.slug])
    assert client.get(url).status_code == 302  # anonymous: login first
    client.force_login(requester)
    page = client.get(url).content.decode()
    assert contact.email not in page
    with mail_on_commit():
        response = client.post(url, {"subject": "Essais en mars", "body": "Trois jours."})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert mail.outbox[0].reply_to == [requester.email]
    message = ContactMessage.objects.get()
    assert (message.kind, message.platform, message.sender) == ("platform", platform, requester)


def test_without_a_contact_the_access_request_goes_to_the_admins(
    client, organisation, owner, mail_on_commit
):
    platform = PlatformFactory(organisation=organisation)
    client.force_login(UserFactory())
    with mail_on_commit():
        client.post(
            reverse("members:platform-request-access", args=[platform.slug]),
            {"subject": "Accès", "body": "Bonjour"},
        )
    assert [m.to for m in mail.outbox] == [[owner.email]]


def platform_data(markets, **changes):
    data = {
        "name": "Banc batteries",
        "kind": "test-bench",
        "summary_fr": "Cycleurs haute tension.",
        "summary_en": "",
        "equipment": "Cycleur 800 V\nEnceinte climatique",
        "description_fr": "",
        "description_en": "",
        "markets": [markets["electric"].pk],
        "access": "request",
        "city": "",
        "contact": "",
    }
    data.update(changes)
    return data


def test_the_owner_adds_edits_and_deletes_a_platform(client, organisation, owner, markets):
    client.force_login(owner)
    create = reverse("members:platform-create", args=[organisation.slug])
    assert client.get(create).status_code == 200
    response = client.post(create, platform_data(markets, contact=owner.pk))
    platform = Platform.objects.get()
    assert response["Location"] == platform.get_absolute_url()
    assert (platform.organisation, platform.contact) == (organisation, owner)
    assert "cycleur 800 v" in platform.search_text
    edit = reverse("members:platform-edit", args=[organisation.slug, platform.slug])
    client.post(edit, platform_data(markets, name="Banc batteries 2"))
    platform.refresh_from_db()
    assert platform.name == "Banc batteries 2"
    client.post(reverse("members:platform-delete", args=[organisation.slug, platform.slug]))
    assert not Platform.objects.exists()


def test_the_contact_must_be_one_of_the_organisations_people(
    client, organisation, owner, outsider, markets
):
    client.force_login(owner)
    create = reverse("members:platform-create", args=[organisation.slug])
    response = client.post(create, platform_data(markets, contact=outsider.pk))
    assert "contact" in response.context["form"].errors
    assert not Platform.objects.exists()


def test_bad_input_is_a_field_error(client, organisation, owner, markets):
    client.force_login(owner)
    create = reverse("members:platform-create", args=[organisation.slug])
    response = client.post(create, platform_data(markets, equipment="", access="everyone"))
    assert set(response.context["form"].errors) == {"equipment", "access"}
    assert not Platform.objects.exists()


@pytest.mark.parametrize("who", ["colleague", "outsider", "anonymous"])
def test_others_cannot_manage_platforms_even_with_forged_posts(
    client, organisation, colleague, outsider, markets, who
):
    platform = PlatformFactory(organisation=organisation, name="Original")
    expected = {"colleague": 403, "outsider": 404, "anonymous": 302}[who]
    if who != "anonymous":
        client.force_login(colleague if who == "colleague" else outsider)
    slug = organisation.slug
    responses = [
        client.get(reverse("members:platform-create", args=[slug])),
        client.post(reverse("members:platform-create", args=[slug]), platform_data(markets)),
        client.post(
            reverse("members:platform-edit", args=[slug, platform.slug]),
            platform_data(markets, name="Piraté"),
        ),
        client.post(reverse("members:platform-delete", args=[slug, platform.slug])),
    ]
    assert [r.status_code for r in responses] == [expected] * 4
    platform.refresh_from_db()
    assert platform.name == "Original"
    assert Platform.objects.count() == 1


def test_an_admin_cannot_edit_another_organisations_platform_through_their_own(
    client, organisation, outsider, markets
):
    platform = PlatformFactory(organisation=organisation)
    own = outsider.memberships.get().organisation
    client.force_login(outsider)
    url = reverse("members:platform-edit", args=[own.slug, platform.slug])
    assert client.post(url, platform_data(markets, name="Piraté")).status_code == 404


def test_deleting_asks_first_and_says_what_goes(client, organisation, owner, colleague):
    platform = PlatformFactory(organisation=organisation, name="Banc moteur fictif")
    url = reverse("members:platform-delete", args=[organisation.slug, platform.slug])
    client.force_login(owner)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Banc moteur fictif" in text and 'method="post"' in text
    assert Platform.objects.count() == 1  # asking deletes nothing
    client.force_login(colleague)
    assert client.get(url).status_code == 403
