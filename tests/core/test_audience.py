"""Audience figures without tracking (core.audience): counted on the server, in the cache,
flushed to the database by a task; the staff page of the back-office."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import audience
from core.models import PageViewDay
from tests.factories import ArticleFactory
from tests.members.factories import OrganisationFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/140.0"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def buffered(obj, day=None):
    key = audience.buffer_key(day or timezone.localdate(), audience.item_key(obj))
    return audience.buffer_cache().get(key, 0)


def writes(queries) -> list[str]:
    return [
        q["sql"] for q in queries if q["sql"].lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE")
    ]


@pytest.mark.page_cache
@pytest.mark.django_db
def test_a_view_is_counted_in_the_cache_with_no_sql_write_and_no_cookie(client):
    organisation = OrganisationFactory()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(organisation.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert writes(queries.captured_queries) == []
    assert buffered(organisation) == 1
    assert not response.cookies
    assert audience.HEADER not in response  # the marking never leaves the server
    assert not PageViewDay.objects.exists()


@pytest.mark.page_cache
@pytest.mark.django_db
def test_a_page_served_from_the_page_cache_is_counted_too(client):
    article = ArticleFactory()
    first = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert len(queries.captured_queries) == 0
    assert audience.HEADER not in second
    assert buffered(article) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "agent",
    [
        GOOGLEBOT,
        "",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    ],
)
def test_robots_and_scripts_are_not_counted(client, agent):
    organisation = OrganisationFactory()
    assert client.get(organisation.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    assert buffered(organisation) == 0


@pytest.mark.django_db
def test_prefetches_head_requests_and_missing_pages_are_not_counted(client):
    organisation = OrganisationFactory()
    url = organisation.get_absolute_url()
    client.get(url, HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch")
    client.head(url, HTTP_USER_AGENT=BROWSER)
    assert buffered(organisation) == 0
    assert client.get("/fr/members/nobody/", HTTP_USER_AGENT=BROWSER).status_code == 404


@pytest.mark.django_db
def test_a_signed_in_reader_is_counted_and_pages_of_lists_are_not(client, user):
    organisation = OrganisationFactory()
    client.force_login(user)
    client.get(organisation.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(reverse("members:organisation-list"), HTTP_USER_AGENT=BROWSER)
    assert buffered(organisation) == 1


@pytest.mark.django_db
def test_flush_moves_the_counts_to_the_database_idempotently():
    organisation, other = OrganisationFactory(), OrganisationFactory()
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    for _ in range(3):
        audience.record(audience.item_key(organisation))
    audience.record(audience.item_key(organisation), day=yesterday)
    audience.record(audience.item_key(other))

    assert audience.flush() == 3
    figures = {(r.object_id, r.day): r.views for r in PageViewDay.objects.all()}
    assert figures == {
        (organisation.pk, today): 3,
        (organisation.pk, yesterday): 1,
        (other.pk, today): 1,
    }
    assert audience.flush() == 0  # nothing new: nothing written, nothing doubled
    assert PageViewDay.objects.get(object_id=organisation.pk, day=today).views == 3

    audience.record(audience.item_key(organisation))
    assert audience.flush() == 1
    assert PageViewDay.objects.get(object_id=organisation.pk, day=today).views == 4


@pytest.mark.django_db
def test_a_cache_that_lost_its_counts_never_lowers_a_figure():
    organisation = OrganisationFactory()
    for _ in range(5):
        audience.record(audience.item_key(organisation))
    audience.flush()
    audience.buffer_cache().clear()  # Redis restarted
    audience.record(audience.item_key(organisation))
    assert audience.flush() == 0
    assert PageViewDay.objects.of(organisation).get().views == 5


@pytest.mark.django_db
def test_the_scheduled_command_enqueues_the_flush(capsys):
    organisation = OrganisationFactory()
    audience.record(audience.item_key(organisation))
    call_command("flush_page_views")
    assert "1 daily figure(s) written." in capsys.readouterr().out
    assert PageViewDay.objects.of(organisation).get().views == 1


@pytest.mark.django_db
def test_a_cache_down_loses_the_view_but_serves_the_page(client, monkeypatch):
    organisation = OrganisationFactory()

    def broken(*args, **kwargs):
        raise ConnectionError("down")

    monkeypatch.setattr(audience, "buffer_cache", broken)
    assert client.get(organisation.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200


def views(obj, day, count):
    return PageViewDay.objects.create(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, day=day, views=count
    )


def fill(size: int):
    """``size`` organisations and articles with views today and in the previous period."""
    today = timezone.localdate()
    for n in range(size):
        organisation, article = OrganisationFactory(), ArticleFactory()
        views(organisation, today, 10 + n)
        views(organisation, today - timedelta(days=40), 5)
        views(article, today - timedelta(days=3), 2 + n)


@pytest.mark.django_db
def test_staff_see_the_most_viewed_pages_against_the_previous_period(staff_client, in_english):
    today = timezone.localdate()
    top, second = OrganisationFactory(name="Top Org"), ArticleFactory(title="Second article")
    views(top, today, 30)
    views(top, today - timedelta(days=35), 20)  # previous 30-day period
    views(top, today - timedelta(days=70), 99)  # before both: not counted
    views(second, today - timedelta(days=2), 12)
    response = staff_client.get(reverse("admin:core_pageviewday_audience"), {"period": 30})
    assert response.status_code == 200
    report = response.context["report"]
    assert (report["current"], report["previous"], report["change"]) == (42, 20, 110)
    assert [item["object"] for item in report["items"]] == [top, second]
    assert report["items"][0]["change"] == 50
    assert report["items"][1]["change"] is None
    assert len(report["trend"]) == 30 and sum(row["views"] for row in report["trend"]) == 42
    content = response.content.decode()
    assert "Top Org" in content and "+50 %" in content


@pytest.mark.django_db
def test_the_period_changes_the_window_and_bad_periods_fall_back(staff_client):
    url = reverse("admin:core_pageviewday_audience")
    year = staff_client.get(url, {"period": 365}).context["report"]
    assert year["bucket"] == "month" and 12 <= len(year["trend"]) <= 13
    response = staff_client.get(url, {"period": "12"})
    assert response.status_code == 200
    assert response.context["days"] == 30
    assert response.context["form"].errors["period"]


@pytest.mark.django_db
def test_the_csv_lists_every_page_viewed_in_the_period(staff_client):
    today = timezone.localdate()
    organisation = OrganisationFactory(name="Csv Org")
    views(organisation, today, 7)
    response = staff_client.get(
        reverse("admin:core_pageviewday_audience"), {"period": 7, "format": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Csv Org" in text and f"{organisation.get_absolute_url()}" in text
    assert ";7;0;" in text


@pytest.mark.django_db
def test_only_staff_reach_the_audience_page(client, owner):
    url = reverse("admin:core_pageviewday_audience")
    assert client.get(url).status_code == 302
    client.force_login(owner)
    assert client.get(url).status_code == 302  # the back-office login, not the figures


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 12])
def test_the_audience_page_query_budget_holds_at_two_sizes(
    staff_client, django_assert_max_num_queries, size
):
    fill(size)
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("admin:core_pageviewday_audience"))
    assert len(response.context["report"]["items"]) == 2 * size


@pytest.mark.django_db
def test_the_demo_figures_are_plausible_and_loaded_once():
    from cluster_site import demo

    organisation = OrganisationFactory()
    ArticleFactory()
    lines = []
    demo.load(scale=0, log=lines.append)
    count = PageViewDay.objects.count()
    assert count > 100
    assert PageViewDay.objects.of(organisation).exists()
    assert not PageViewDay.objects.filter(day__gte=timezone.localdate()).exists()  # live buffer
    assert len(PageViewDay.objects.by_month()) >= 6  # the last months
    demo.load(scale=0, log=lines.append)
    assert PageViewDay.objects.count() == count
    assert lines[0].startswith("audience: ")


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 12])
def test_the_daily_figures_list_query_budget_holds_at_two_sizes(
    staff_client, django_assert_max_num_queries, size
):
    fill(size)
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("admin:core_pageviewday_changelist"))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["project", "event", "training"])
def test_the_other_public_detail_pages_are_counted_too(client, kind):
    from tests.events.factories import EventFactory
    from tests.projects.factories import ProjectFactory
    from tests.trainings.factories import TrainingFactory

    item = {"project": ProjectFactory, "event": EventFactory, "training": TrainingFactory}[kind]()
    response = client.get(item.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert audience.HEADER not in response
    assert buffered(item) == 1


@pytest.mark.django_db
def test_the_french_page_calls_the_change_an_evolution(staff_client):
    fill(1)
    content = staff_client.get(reverse("admin:core_pageviewday_audience")).content.decode()
    assert content.count('<th scope="col" class="numeric">Évolution</th>') == 2


def test_the_privacy_page_says_what_is_counted():
    """The demo's privacy page, in both languages, says what the audience figures keep."""
    from core import demo

    privacy = next(p for p in demo.read("content", "pages")["pages"] if p["role"] == "privacy")
    french, english = privacy["body_fr"], privacy["body_en"]
    assert "Mesure d'audience sans suivi" in french
    assert "aucun cookie" in french and "adresse IP" in french and "robots" in french.lower()
    assert "Audience figures without tracking" in english
    assert "no cookie" in english and "IP address" in english and "Robots" in english
    for kind in ("organisations", "projets", "événements", "formations", "articles"):
        assert kind in french
