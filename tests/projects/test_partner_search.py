"""“Looking for partners” posts: members only, filtered, and gone when closed or expired."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import PartnerSearch
from tests.factories import MarketFactory, UserFactory
from tests.members.factories import CompetencyFactory, OrganisationFactory
from tests.projects.factories import CallFactory, PartnerSearchFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db
LIST = reverse("projects:partnersearch-list")
TODAY = timezone.localdate()


def test_visitors_are_told_what_is_behind_and_offered_sign_in_and_joining(client):
    search = PartnerSearchFactory(title="Annonce réservée")

    for url in (LIST, search.get_absolute_url(), reverse("projects:partnersearch-create")):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Annonce réservée" not in html
        assert f"{reverse('account_login')}?next=" in html
        assert reverse("members:application-create") in html
        assert 'name="password"' not in html  # not a bare login form


def test_people_without_a_member_organisation_are_told_why(client):
    PartnerSearchFactory(title="Annonce discrète")
    client.force_login(UserFactory())

    response = client.get(LIST)

    assert response.status_code == 403
    assert "Annonce discrète" not in response.content.decode()
    assert "organisation adhérente active" in response.content.decode()


def test_people_of_a_lapsed_organisation_are_not_members(client):
    client.force_login(colleague_of(OrganisationFactory(membership_status="lapsed")))

    assert client.get(LIST).status_code == 403


def test_members_see_open_posts_only(client, colleague):
    PartnerSearchFactory(title="Ouverte")
    PartnerSearchFactory(title="Expirée", deadline=TODAY - datetime.timedelta(days=1))
    PartnerSearchFactory(title="Fermée", closed_at=timezone.now())
    PartnerSearchFactory(title="Dernier jour", deadline=TODAY)
    client.force_login(colleague)

    html = client.get(LIST).content.decode()

    assert "Ouverte" in html and "Dernier jour" in html
    assert "Expirée" not in html and "Fermée" not in html


def test_a_post_leaves_the_list_by_itself_when_its_deadline_passes(client, colleague):
    search = PartnerSearchFactory(deadline=TODAY)
    client.force_login(colleague)
    assert search in PartnerSearch.objects.open()

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: tomorrow)
        assert search not in PartnerSearch.objects.open()
        assert search.title not in client.get(LIST).content.decode()


def test_posts_are_filtered_by_market_and_competency(client, colleague):
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    batteries = CompetencyFactory(name="Batteries", slug="batteries")
    sensors = CompetencyFactory(name="Capteurs", slug="capteurs")
    PartnerSearchFactory(title="Pack batterie", markets=[electric], competencies=[batteries])
    PartnerSearchFactory(title="Station H2", markets=[hydrogen], competencies=[sensors])
    PartnerSearchFactory(title="Capteur batterie", markets=[electric], competencies=[sensors])
    client.force_login(colleague)

    def titles(**params):
        page = client.get(LIST, params).context["page_obj"]
        return {search.title for search in page.object_list}

    assert titles(market="electric") == {"Pack batterie", "Capteur batterie"}
    assert titles(competency="capteurs") == {"Station H2", "Capteur batterie"}
    assert titles(market="electric", competency="capteurs") == {"Capteur batterie"}
    assert titles(market="nope") == {"Pack batterie", "Station H2", "Capteur batterie"}


def test_an_expired_post_stays_visible_to_its_own_organisation(client, organisation, colleague):
    search = PartnerSearchFactory(organisation=organisation, deadline=TODAY - datetime.timedelta(5))

    client.force_login(colleague)
    assert client.get(search.get_absolute_url()).status_code == 200
    assert search.title in client.get(LIST).content.decode()  # in "my organisation's posts"
    client.force_login(colleague_of(OrganisationFactory()))
    assert client.get(search.get_absolute_url()).status_code == 404


def test_a_member_posts_a_search(client, organisation, colleague):
    market = MarketFactory()
    competency = CompetencyFactory()
    call = CallFactory()
    client.force_login(colleague)

    response = client.post(
        reverse("projects:partnersearch-create"),
        {
            "organisation": organisation.pk,
            "title": "Cherche intégrateur",
            "idea": "Un démonstrateur de navette.",
            "competencies": [competency.pk],
            "markets": [market.pk],
            "call": call.pk,
            "deadline": (TODAY + datetime.timedelta(days=20)).isoformat(),
        },
    )

    search = PartnerSearch.objects.get()
    assert response.status_code == 302 and response.url == search.get_absolute_url()
    assert search.author == colleague
    assert search.organisation == organisation
    assert list(search.competencies.all()) == [competency]
    assert search.call == call


@pytest.mark.parametrize(
    ("deadline", "field"),
    [
        (TODAY - datetime.timedelta(days=1), "deadline"),
        (TODAY.replace(year=TODAY.year + 2), "deadline"),
    ],
)
def test_a_bad_deadline_is_refused(client, organisation, colleague, deadline, field):
    client.force_login(colleague)

    response = client.post(
        reverse("projects:partnersearch-create"),
        {
            "organisation": organisation.pk,
            "title": "Titre",
            "idea": "Idée",
            "competencies": [CompetencyFactory().pk],
            "markets": [MarketFactory().pk],
            "deadline": deadline.isoformat(),
        },
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not PartnerSearch.objects.exists()


def test_a_member_cannot_post_for_an_organisation_they_do_not_belong_to(client, colleague):
    other = OrganisationFactory()
    client.force_login(colleague)

    response = client.post(
        reverse("projects:partnersearch-create"),
        {
            "organisation": other.pk,
            "title": "Titre",
            "idea": "Idée",
            "competencies": [CompetencyFactory().pk],
            "markets": [MarketFactory().pk],
            "deadline": (TODAY + datetime.timedelta(days=3)).isoformat(),
        },
    )

    assert "organisation" in response.context["form"].errors
    assert not PartnerSearch.objects.exists()


def test_author_and_admins_edit_and_close_others_cannot(client, organisation, colleague, owner):
    search = PartnerSearchFactory(organisation=organisation, author=colleague)
    outsider = admin_of(OrganisationFactory())
    other_colleague = colleague_of(organisation)
    close = reverse("projects:partnersearch-close", args=[search.pk])
    edit = reverse("projects:partnersearch-edit", args=[search.pk])

    for person in (outsider, other_colleague):
        client.force_login(person)
        assert client.get(edit).status_code == 403
        assert client.post(close).status_code == 403
    search.refresh_from_db()
    assert search.closed_at is None

    client.force_login(colleague)
    assert client.get(edit).status_code == 200
    client.force_login(owner)
    assert client.post(close).status_code == 302
    search.refresh_from_db()
    assert search.closed_at is not None
    assert search not in PartnerSearch.objects.open()


@pytest.mark.parametrize("count", [3, 60])
def test_the_list_makes_a_constant_number_of_queries(
    client, colleague, django_assert_max_num_queries, count
):
    market = MarketFactory()
    competencies = [CompetencyFactory(), CompetencyFactory()]
    PartnerSearchFactory.create_batch(count, markets=[market], competencies=competencies)
    client.force_login(colleague)

    with django_assert_max_num_queries(14):
        assert client.get(LIST).status_code == 200
