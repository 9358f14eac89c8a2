import pytest
from django.urls import reverse

from networks.models import Partner
from tests.networks.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_detail_shows_the_partner(client):
    partner = PartnerFactory(
        name="Cluster du Nord (démo)",
        description="Un **partenaire** de longue date.",
        partnership_since=2012,
        website="https://cluster-nord.example/",
        country="DE",
    )

    response = client.get(partner.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Cluster du Nord (démo)" in html
    assert "<strong>partenaire</strong>" in html
    assert "2012" in html
    assert "Allemagne" in html
    assert 'href="https://cluster-nord.example/"' in html


def test_description_markdown_is_sanitised(client):
    partner = PartnerFactory(description="<script>alert(1)</script> texte")

    html = client.get(partner.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html


def test_draft_partner_is_404_for_visitors_and_shown_to_staff(client, staff):
    partner = PartnerFactory(status=Partner.Status.DRAFT)

    assert client.get(partner.get_absolute_url()).status_code == 404
    client.force_login(staff)
    assert client.get(partner.get_absolute_url()).status_code == 200


def test_unknown_partner_is_404(client):
    assert client.get(reverse("networks:partner-detail", args=["nobody"])).status_code == 404


def test_detail_suggests_partners_of_the_same_kind(client):
    partner = PartnerFactory(kind=Partner.Kind.FUNDER)
    sibling = PartnerFactory(kind=Partner.Kind.FUNDER, name="Autre financeur")
    PartnerFactory(kind=Partner.Kind.ACADEMIC, name="Une école")

    response = client.get(partner.get_absolute_url())

    assert list(response.context["others"]) == [sibling]


@pytest.mark.parametrize("count", [2, 40])
def test_detail_makes_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    partners = PartnerFactory.create_batch(count)

    with django_assert_max_num_queries(3):
        assert client.get(partners[0].get_absolute_url()).status_code == 200
