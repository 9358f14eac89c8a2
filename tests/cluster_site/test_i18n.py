"""French first, English second: language switching and complete catalogues."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.factories import ArticleFactory, MarketFactory

pytestmark = pytest.mark.django_db


def test_french_is_served_without_prefix_and_english_under_en(client):
    french = client.get("/markets/")
    english = client.get("/en/markets/")
    assert '<html lang="fr"' in french.content.decode()
    assert "Nos marchés" in french.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert "Our markets" in english.content.decode()


def test_language_switcher_keeps_the_current_page_and_query(client):
    market = MarketFactory()
    html = client.get(market.get_absolute_url() + "?x=1").content.decode()
    assert f'href="/en{market.get_absolute_url()}?x=1" hreflang="en"' in html
    html = client.get("/en" + market.get_absolute_url()).content.decode()
    assert f'href="{market.get_absolute_url()}" hreflang="fr"' in html


def test_pages_declare_their_alternate_languages(client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'hreflang="en" href="{settings.SITE_URL}/en{article.get_absolute_url()}"' in html
    assert f'hreflang="fr" href="{settings.SITE_URL}{article.get_absolute_url()}"' in html


def test_market_names_follow_the_language_with_french_fallback(client):
    market = MarketFactory(name="Hydrogène", name_en="Hydrogen")
    assert "Hydrogen" in client.get("/en" + market.get_absolute_url()).content.decode()
    market.name_en = ""
    market.save()
    assert "Hydrogène" in client.get("/en" + market.get_absolute_url()).content.decode()


CATALOGUES = sorted(Path(settings.BASE_DIR).glob("*/locale/fr/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_french_catalogues_are_complete_and_compiled(path):
    catalogue = polib.pofile(str(path))
    lagging = [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert lagging == []
    # The committed .mo must hold exactly the .po's translations (run compilemessages).
    compiled = polib.mofile(str(path.with_suffix(".mo")))

    def pairs(entries):
        return {
            (e.msgctxt, e.msgid, e.msgstr or tuple(sorted(e.msgstr_plural.items())))
            for e in entries
            if e.msgid and not e.obsolete
        }

    assert pairs(compiled) == pairs(catalogue)
