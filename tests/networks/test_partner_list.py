import pytest
from django.urls import reverse
from django.utils import timezone

from networks.models import Partner
from tests.networks.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_partners_are_grouped_by_kind_with_network_memberships_first(client):
    PartnerFactory(name="Région fictive", kind=Partner.Kind.FUNDER)
    PartnerFactory(name="Cluster étranger fictif", kind=Partner.Kind.CLUSTER_ABROAD)
    PartnerFactory(name="Réseau national fictif", kind=Partner.Kind.NETWORK)

    response = client.get(reverse("networks:partner-list"))

    assert response.status_code == 200
    kinds = [group["kind"] for group in response.context["groups"]]
    assert kinds == ["network", "cluster-abroad", "funder"]
    html = response.content.decode()
    assert html.index("Réseau national fictif") < html.index("Cluster étranger fictif")
    assert html.index("Cluster étranger fictif") < html.index("Région fictive")


def test_featured_partners_lead_their_group(client):
    PartnerFactory(name="Alpha", order=1)
    PartnerFactory(name="Zeta", order=2, featured=True)

    response = client.get(reverse("networks:partner-list"))

    names = [p.name for p in response.context["groups"][0]["partners"]]
    assert names == ["Zeta", "Alpha"]


def test_drafts_and_scheduled_partners_are_hidden_from_visitors(client):
    PartnerFactory(name="Brouillon", status=Partner.Status.DRAFT)
    PartnerFactory(name="Programmé", published_at=timezone.now() + timezone.timedelta(days=2))
    PartnerFactory(name="En ligne")

    html = client.get(reverse("networks:partner-list")).content.decode()

    assert "En ligne" in html
    assert "Brouillon" not in html
    assert "Programmé" not in html


def test_staff_preview_drafts(staff_client):
    PartnerFactory(name="Brouillon", status=Partner.Status.DRAFT)

    html = staff_client.get(reverse("networks:partner-list")).content.decode()

    assert "Brouillon" in html


def test_english_page_shows_english_names(client):
    PartnerFactory(name="Les Pôles", name_en="The clusters network", kind=Partner.Kind.NETWORK)

    html = client.get("/en" + reverse("networks:partner-list")).content.decode()

    assert "The clusters network" in html
    assert "Networks the cluster belongs to" in html


def test_empty_list_says_so(client):
    response = client.get(reverse("networks:partner-list"))

    assert "Aucun partenaire" in response.content.decode()


@pytest.mark.parametrize("count", [3, 60])
def test_list_makes_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    PartnerFactory.create_batch(count)

    with django_assert_max_num_queries(3):
        response = client.get(reverse("networks:partner-list"))

    assert response.status_code == 200
