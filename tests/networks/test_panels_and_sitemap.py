import pytest
from django.urls import reverse

from networks.models import Partner
from tests.networks.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_home_shows_featured_partners_only(client):
    PartnerFactory(name="Partenaire mis en avant", featured=True)
    PartnerFactory(name="Partenaire discret")
    PartnerFactory(name="Brouillon en avant", featured=True, status=Partner.Status.DRAFT)

    html = client.get(reverse("home")).content.decode()

    assert "Partenaire mis en avant" in html
    assert "Partenaire discret" not in html
    assert "Brouillon en avant" not in html


def test_home_has_no_partner_band_without_featured_partners(client):
    PartnerFactory()

    html = client.get(reverse("home")).content.decode()

    assert "home-partners-title" not in html


def test_sitemap_lists_published_partners_only(client):
    online = PartnerFactory(slug="en-ligne")
    PartnerFactory(slug="brouillon", status=Partner.Status.DRAFT)

    xml = client.get(reverse("sitemap")).content.decode()

    assert online.get_absolute_url() in xml
    assert "/partners/brouillon/" not in xml


def test_demo_loads_twice_without_duplicates():
    from networks import demo

    demo.load(scale=0, log=lambda message: None)
    demo.load(scale=0, log=lambda message: None)

    assert Partner.objects.count() == len(demo.PARTNERS)
    assert Partner.objects.filter(kind=Partner.Kind.NETWORK).count() == 2
    assert Partner.objects.filter(kind=Partner.Kind.FUNDER).count() == 2
    assert Partner.objects.get(slug="eacn").description_en


def test_portal_search_finds_published_partners_only(client):
    PartnerFactory(name="Cluster des Vosges", summary="Un partenaire vosgien.")
    PartnerFactory(name="Cluster caché des Vosges", status=Partner.Status.DRAFT)

    html = client.get(reverse("search"), {"q": "Vosges"}).content.decode()

    assert "Cluster des <mark>Vosges</mark>" in html
    assert "Cluster caché" not in html
