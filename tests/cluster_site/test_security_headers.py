"""Headers every response carries, and the site-wide files (robots, sitemap, errors)."""

from django.urls import reverse

from tests.factories import ArticleFactory


def test_responses_carry_a_strict_content_security_policy(client, db):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script_or_style_attribute(client, db):
    html = client.get(reverse("home")).content.decode()
    assert "<script>" not in html
    assert 'style="' not in html
    assert "onclick" not in html


def test_unknown_address_gets_the_styled_404(client, db):
    response = client.get("/this-page-does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "Cette page n'existe pas" in html


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_published_articles_only(client, db):
    published = ArticleFactory(slug="publie")
    ArticleFactory(slug="brouillon", status="draft")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert published.get_absolute_url() in body
    assert "/en/news/publie/" in body
    assert "brouillon" not in body
