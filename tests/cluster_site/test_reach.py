"""Reach: Open Graph and Twitter tags, the sitemap with its language alternates, JSON-LD
blocks and the RSS and Atom feeds, in both languages."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import Article
from tests.events.factories import EventFactory
from tests.factories import ArticleFactory, MarketFactory
from tests.members.factories import OrganisationFactory, PlatformFactory
from tests.projects.factories import CallFactory
from tests.trainings.factories import SessionFactory, TrainingFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def meta(html: str) -> dict:
    """The page's ``property``/``name`` meta tags (the last one wins, alternates listed)."""
    found = {}
    for _kind, key, value in re.findall(
        r'<meta (property|name)="([^"]+)" content="([^"]*)">', html
    ):
        if key == "og:locale:alternate":
            found.setdefault(key, []).append(value)
        else:
            found[key] = unescape(value)
    return found


def json_ld(html: str) -> dict:
    """Every JSON-LD item of the page by its ``@type``."""
    items = {}
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        for item in data if isinstance(data, list) else [data]:
            items[item["@type"]] = item
    return items


def title_of(html: str) -> str:
    return unescape(re.search(r"<title>(.*?) · ", html, re.S).group(1).strip())


# Open Graph and Twitter cards ---------------------------------------------------------------


@pytest.mark.parametrize("address", ["home", "content:article-list", "events:event-list", "search"])
def test_every_page_has_its_social_card(client, address, settings):
    html = client.get(reverse(address)).content.decode()
    tags = meta(html)
    assert tags["og:title"] == title_of(html) == tags["twitter:title"]
    assert tags["og:description"] == tags["twitter:description"] != ""
    assert tags["og:url"] == settings.SITE_URL + reverse(address)
    assert tags["og:locale"] == "fr_FR" and tags["og:locale:alternate"] == ["en_GB"]
    assert tags["og:image"].startswith(settings.SITE_URL) and "social-card" in tags["og:image"]
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["twitter:card"] == "summary_large_image"


def test_english_pages_say_so(client, in_english):
    tags = meta(client.get("/en/news/").content.decode())
    assert tags["og:locale"] == "en_GB" and tags["og:locale:alternate"] == ["fr_FR"]
    assert tags["og:url"].endswith("/en/news/")


def test_an_article_shows_its_own_picture_and_is_an_article(client, monkeypatch, settings):
    article = ArticleFactory(title="Rallye des véhicules sobres", excerpt="Cent kilomètres")
    monkeypatch.setattr(
        Article, "social_image", property(lambda self: "/media/og/rallye.webp"), raising=False
    )
    tags = meta(client.get(article.get_absolute_url()).content.decode())
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Rallye des véhicules sobres"
    assert tags["og:image"] == settings.SITE_URL + "/media/og/rallye.webp"
    assert tags["twitter:image"] == tags["og:image"]
    assert "og:image:width" not in tags  # the size of the default card only
    assert tags["article:published_time"].startswith(str(article.published_at.year))


# Sitemap ------------------------------------------------------------------------------------


def test_sitemap_lists_home_lists_and_english_alternates(client):
    event = EventFactory(slug="salon-h2")
    organisation = OrganisationFactory(slug="forges-demo")
    platform = PlatformFactory(slug="banc-demo", organisation=organisation)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        entries[url.find(f"{SITEMAP}loc").text.split("://", 1)[1].split("/", 1)[1]] = links
    paths = {"/" + path for path in entries}
    for path in ("/", "/en/", "/news/", "/en/news/", "/events/", "/en/trainings/", "/members/"):
        assert path in paths, path
    for path in ("/projects/calls/", "/partners/", "/en/markets/"):
        assert path in paths, path
    # The pages of the public face: contact, team, joining, accessibility statement.
    for path in ("/contact/", "/en/team/", "/members/apply/", "/en/accessibility/"):
        assert path in paths, path
    for obj in (event, organisation, platform):
        french = obj.get_absolute_url()
        assert french in paths and "/en" + french in paths
        links = entries[french.lstrip("/")]
        assert links["fr"].endswith(french)
        assert links["en"].endswith("/en" + french)
        assert links["x-default"].endswith(french)
    home = entries[""]
    assert set(home) == {"fr", "en", "x-default"}


# JSON-LD ------------------------------------------------------------------------------------


def test_home_describes_the_cluster_and_its_search(client):
    items = json_ld(client.get(reverse("home")).content.decode())
    assert items["Organization"]["name"] and items["Organization"]["foundingDate"] == "2005"
    assert items["Organization"]["url"].endswith("/")
    action = items["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"].endswith("/search/?q={search_term_string}")
    assert action["query-input"] == "required name=search_term_string"


def test_news_article_data_is_escaped_and_complete(client):
    market = MarketFactory(name="Hydrogène")
    article = ArticleFactory(title="Fin du </script><script>alert(1)</script>", markets=[market])
    html = client.get(article.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
    items = json_ld(html)
    news = items["NewsArticle"]
    assert news["headline"] == "Fin du </script><script>alert(1)</script>"
    assert news["datePublished"] == article.published_at.isoformat()
    assert news["publisher"]["@type"] == "Organization"
    assert news["keywords"] == ["Hydrogène"]
    crumbs = items["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert crumbs[1]["item"].endswith(reverse("content:article-list"))
    assert crumbs[2]["item"].endswith(article.get_absolute_url())


def test_event_data_names_its_real_organiser_and_its_place(client):
    organiser = OrganisationFactory(name="Forges de l'Est (démo)")
    event = EventFactory(
        organiser=organiser, city="Besançon", venue_name="Atelier 3", address="12 rue Secrète"
    )
    items = json_ld(client.get(event.get_absolute_url()).content.decode())
    data = items["Event"]
    assert data["organizer"]["name"] == "Forges de l'Est (démo)"
    assert data["organizer"]["url"].endswith(organiser.get_absolute_url())
    address = data["location"]["address"]
    assert address["@type"] == "PostalAddress"
    assert (address["addressLocality"], address["addressCountry"]) == ("Besançon", "FR")
    # The venue is given to registered people only, so a visitor's page keeps it out.
    assert "12 rue Secrète" not in json.dumps(data)
    assert items["BreadcrumbList"]["itemListElement"][-1]["name"] == event.title


def test_a_public_venue_is_in_the_event_data_and_on_the_page(client):
    event = EventFactory(
        city="Metz",
        venue_name="Centre des congrès Robert Schuman",
        address="100 rue aux Arènes",
        venue_is_public=True,
    )
    page = client.get(event.get_absolute_url()).content.decode()
    place = json_ld(page)["Event"]["location"]
    assert place["name"] == "Centre des congrès Robert Schuman"
    assert place["address"]["streetAddress"] == "100 rue aux Arènes"
    assert "100 rue aux Arènes" in page


def offer_of(client, event) -> dict:
    return json_ld(client.get(event.get_absolute_url()).content.decode())["Event"]["offers"]


def test_an_event_open_for_registration_is_in_stock_or_sold_out(client):
    event = EventFactory(capacity=5)
    assert offer_of(client, event)["availability"] == "https://schema.org/InStock"
    assert offer_of(client, EventFactory(capacity=0))["availability"] == (
        "https://schema.org/SoldOut"
    )


def test_a_past_event_says_nothing_about_availability(client):
    start = timezone.now() - timedelta(days=10)
    event = EventFactory(start=start, end=start + timedelta(hours=3))
    offer = offer_of(client, event)
    assert "availability" not in offer
    assert offer["priceCurrency"] == "EUR"


def test_an_event_whose_registration_opens_later_is_on_pre_sale(client):
    opens = timezone.now() + timedelta(days=2)
    event = EventFactory(registration_opens_at=opens)
    offer = offer_of(client, event)
    assert offer["availability"] == "https://schema.org/PreSale"
    assert offer["validFrom"].startswith(opens.date().isoformat()[:7])


def test_event_without_organiser_is_the_clusters(client):
    data = json_ld(client.get(EventFactory().get_absolute_url()).content.decode())["Event"]
    assert data["organizer"]["@type"] == "Organization"
    assert data["organizer"]["url"].endswith("/")


def test_training_is_a_course_with_its_sessions(client):
    session = SessionFactory()
    items = json_ld(client.get(session.training.get_absolute_url()).content.decode())
    instance = items["Course"]["hasCourseInstance"][0]
    assert instance["@type"] == "CourseInstance"
    assert instance["location"]["address"]["postalCode"] == "25460"
    assert items["BreadcrumbList"]["itemListElement"][1]["item"].endswith(
        reverse("trainings:training-list")
    )


# Feeds --------------------------------------------------------------------------------------


@pytest.fixture
def feed_items():
    market = MarketFactory(name="Hydrogène", name_en="Hydrogen")
    ArticleFactory(title="Journée hydrogène", title_en="Hydrogen day", markets=[market])
    EventFactory(title="Atelier batteries", title_en="Battery workshop")
    EventFactory(title="Atelier passé", start=timezone.now() - timedelta(days=30))
    TrainingFactory(title="Sécurité des batteries", title_en="Battery safety")
    CallFactory(title="Appel mobilité rurale", title_en="Rural mobility call")


FEEDS = [
    ("content:article", "Journée hydrogène", "Hydrogen day"),
    ("events:event", "Atelier batteries", "Battery workshop"),
    ("trainings:training", "Sécurité des batteries", "Battery safety"),
    ("projects:call", "Appel mobilité rurale", "Rural mobility call"),
]


@pytest.mark.parametrize(("name", "french", "english"), FEEDS)
def test_rss_feeds_are_valid_and_in_the_language_of_their_address(
    client, feed_items, name, french, english
):
    response = client.get(reverse(f"{name}-rss"))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("language").text == "fr"
    assert [item.find("title").text for item in channel.iter("item")] == [french]
    english_feed = client.get("/en" + reverse(f"{name}-rss"))
    channel = ET.fromstring(english_feed.content).find("channel")
    assert channel.find("language").text == "en"
    assert [item.find("title").text for item in channel.iter("item")] == [english]
    assert channel.find("link").text.endswith("/en" + reverse(f"{name}-list"))


@pytest.mark.parametrize(("name", "french", "english"), FEEDS)
def test_atom_feeds_are_valid(client, feed_items, name, french, english):
    response = client.get(reverse(f"{name}-atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")] == [french]


def test_feeds_are_announced_in_the_head_and_cached_like_pages(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    html = client.get(reverse("home")).content.decode()
    for name, *_titles in FEEDS:
        for kind, suffix in (("rss", "rss+xml"), ("atom", "atom+xml")):
            url = settings.SITE_URL + reverse(f"{name}-{kind}")
            assert f'<link rel="alternate" type="application/{suffix}"' in html
            assert f'href="{url}"' in html
    response = client.get(reverse("content:article-rss"))
    assert response["Cache-Control"].startswith("public, max-age=")
    assert response.has_header("ETag")


def test_feeds_stay_within_a_few_queries(client, django_assert_max_num_queries):
    for n in range(8):
        ArticleFactory(markets=[MarketFactory(name=f"M{n}")])
    with django_assert_max_num_queries(4):
        client.get(reverse("content:article-rss"))
