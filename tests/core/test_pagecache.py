"""The page cache (core/pagecache.py): hits cost no SQL, writes make pages fresh, personal
responses are never stored or shared."""

import time
import uuid
from datetime import timedelta

import pytest
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from content.models import Article, HomeBlock
from core import pagecache
from events.models import Registration
from members.models import MembershipSettings
from projects.models import Project
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import ArticleFactory, UserFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


def get(client, url, **headers):
    return client.get(url, headers=headers)


def stored(client, url) -> str:
    """The page, checked to come from the cache (after a first request that may create
    first-use rows, such as the settings, and one that stores the page)."""
    for _attempt in range(2):
        assert get(client, url).status_code == 200
    again = get(client, url)
    assert again["X-Page-Cache"] == "hit", url
    return again.content.decode()


def fresh(client, url) -> str:
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss", url
    return response.content.decode()


# Hits.


def test_a_cached_page_costs_no_query(client, django_assert_num_queries):
    ArticleFactory(title="Hydrogène à Belfort")
    stored(client, "/news/")
    with django_assert_num_queries(0):
        response = get(client, "/news/")
    assert response.status_code == 200
    assert "Hydrogène à Belfort" in response.content.decode()


def test_the_home_page_is_cached_whole(client, django_assert_num_queries):
    get(client, "/")  # first use creates the settings rows
    stored(client, "/")
    with django_assert_num_queries(0):
        assert get(client, "/")["X-Page-Cache"] == "hit"


def test_pages_are_keyed_by_language_and_query(client):
    ArticleFactory(title="Titre français", title_en="English title")
    assert "Titre français" in stored(client, "/news/")
    assert "English title" in fresh(client, "/en/news/")
    assert fresh(client, "/news/?page=1")
    assert get(client, "/en/news/")["X-Page-Cache"] == "hit"


def test_a_head_request_is_answered_from_the_cache_without_body(client):
    stored(client, "/news/")
    response = client.head("/news/")
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert int(response["Content-Length"]) > 0


# Invalidation: every write to a table a page read makes it fresh.


def test_publishing_an_article_refreshes_the_list_and_the_home_page(client):
    get(client, "/")
    article = ArticleFactory(title="Brouillon secret", status=Article.Status.DRAFT)
    assert "Brouillon secret" not in stored(client, "/news/")
    assert "Brouillon secret" not in stored(client, "/")
    article.status = Article.Status.PUBLISHED
    article.save()
    assert "Brouillon secret" in fresh(client, "/news/")
    assert "Brouillon secret" in fresh(client, "/")


def test_editing_and_deleting_an_article(client):
    article = ArticleFactory(title="Ancien titre")
    url = article.get_absolute_url()
    assert "Ancien titre" in stored(client, url)
    article.title = "Nouveau titre"
    article.save()
    assert "Nouveau titre" in fresh(client, url)
    assert "Nouveau titre" in stored(client, "/news/")
    article.delete()
    assert get(client, url).status_code == 404
    assert "Nouveau titre" not in fresh(client, "/news/")


def test_a_queryset_update_and_a_bulk_create_are_seen(client):
    article = ArticleFactory(title="Avant la mise à jour")
    stored(client, "/news/")
    Article.objects.filter(pk=article.pk).update(title="Après la mise à jour")
    assert "Après la mise à jour" in fresh(client, "/news/")
    get(client, "/")
    stored(client, "/")
    # (The home page's figures are counted live; its "what we do" blocks are rows.)
    HomeBlock.objects.bulk_create([HomeBlock(title="plateformes fictives", body="Texte.")])
    assert "plateformes fictives" in fresh(client, "/")


def test_editing_an_organisation_refreshes_the_directory_and_its_profile(client):
    organisation = OrganisationFactory(name="Mécanique Fictive")
    profile = organisation.get_absolute_url()
    assert "Mécanique Fictive" in stored(client, "/members/")
    assert "Mécanique Fictive" in stored(client, profile)
    organisation.name = "Mécanique Renommée"
    organisation.save()
    assert "Mécanique Renommée" in fresh(client, "/members/")
    assert "Mécanique Renommée" in fresh(client, profile)


def test_editing_an_event_and_taking_a_seat(client):
    event = EventFactory(title="Atelier batteries", capacity=20)
    url = event.get_absolute_url()
    assert "20 places restantes" in stored(client, url)
    RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    assert "19 places restantes" in fresh(client, url)
    event.title = "Atelier piles à combustible"
    event.save()
    assert "Atelier piles à combustible" in fresh(client, url)
    assert "Atelier piles à combustible" in stored(client, "/events/")


def test_labelling_a_project_puts_it_in_the_showcase(client):
    project = ProjectFactory(title="Navette autonome fictive", status=Project.Status.SUBMITTED)
    assert "Navette autonome fictive" not in stored(client, "/projects/")
    project.status = Project.Status.LABELLED
    project.save()
    assert "Navette autonome fictive" in fresh(client, "/projects/")


def test_changing_a_setting_refreshes_the_pages_that_use_it(client):
    lapsed = timezone.localdate() - timedelta(days=30)
    OrganisationFactory(name="Membre en retard", paid_until=lapsed)
    assert "Membre en retard" in stored(client, "/members/")  # 60 days of grace
    settings_row = MembershipSettings.current()
    settings_row.grace_days = 10
    settings_row.save()
    assert "Membre en retard" not in fresh(client, "/members/")


def test_writes_are_bumped_again_after_the_commit(django_capture_on_commit_callbacks):
    cache = pagecache.shared_cache()
    before = pagecache.snapshot(cache, ["content_article"])["content_article"]
    with django_capture_on_commit_callbacks() as callbacks:
        ArticleFactory()
        ArticleFactory()
    after_write = pagecache.snapshot(cache, ["content_article"])["content_article"]
    assert after_write != before
    pending = [c for c in callbacks if isinstance(c, pagecache._AfterCommit)]
    assert len(pending) == 1 and "content_article" in pending[0].tables
    pending[0]()
    assert pagecache.snapshot(cache, ["content_article"])["content_article"] != after_write


# Time alone: at most PAGE_CACHE_SECONDS.


def test_a_page_is_fresh_again_after_five_minutes(client, monkeypatch):
    stored(client, "/news/")
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 301)
    assert get(client, "/news/")["X-Page-Cache"] == "miss"


def test_http_caching_headers_of_a_visitor_page(client, settings):
    response = get(client, "/news/")
    cache_control = response["Cache-Control"]
    assert cache_control.startswith("public, max-age=")
    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= min(300, settings.PAGE_CACHE_MAX_AGE)
    assert response["ETag"]
    assert response["Last-Modified"]
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary


def test_conditional_get_answers_304_from_the_cache_without_sql(client, django_assert_num_queries):
    response = get(client, "/news/")
    with django_assert_num_queries(0):
        by_etag = get(client, "/news/", if_none_match=response["ETag"])
        by_date = get(client, "/news/", if_modified_since=response["Last-Modified"])
    assert by_etag.status_code == 304
    assert by_date.status_code == 304
    assert by_etag["ETag"] == response["ETag"]
    ArticleFactory()
    assert get(client, "/news/", if_none_match=response["ETag"]).status_code == 200


def test_pages_are_compressed_for_browsers_that_ask_and_revalidate_by_etag(client):
    """GZipMiddleware wraps the page cache: a stored page leaves compressed too, its ETag
    made weak, and a browser revalidating with it gets its 304."""
    import gzip

    plain = stored(client, "/news/")
    for _reading in range(2):
        response = get(client, "/news/", accept_encoding="gzip")
        assert response["X-Page-Cache"] == "hit"
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content).decode() == plain
    assert response["ETag"].startswith("W/")
    again = get(client, "/news/", accept_encoding="gzip", if_none_match=response["ETag"])
    assert again.status_code == 304


def test_the_feeds_carry_http_caching_headers(client):
    EventFactory()
    for url in ("/events/feed.ics", "/projects/feed/"):
        response = get(client, url)
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("public"), url
        assert response["ETag"]
        assert "Cookie" in response["Vary"]
        assert get(client, url, if_none_match=response["ETag"]).status_code == 304


# Never stored nor shared.


def test_pages_of_a_signed_in_person_are_private_and_not_stored(client):
    user = UserFactory(first_name="Théodora")
    client.force_login(user)
    response = get(client, "/news/")
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"
    for url in ("/dashboard/", "/accounts/me/"):
        assert "no-store" in get(client, url)["Cache-Control"], url
    client.logout()
    assert "Théodora" not in fresh(client, "/news/")


def test_the_back_office_and_the_accounts_pages_are_never_cached(client):
    for url in ("/admin/login/", "/accounts/login/", "/en/accounts/signup/"):
        get(client, url)
        response = get(client, url)
        assert "X-Page-Cache" not in response, url
        assert "public" not in response["Cache-Control"], url


@pytest.mark.urls("tests.core.pagecache_urls")
@pytest.mark.parametrize(
    "url", ["/cookie/", "/csrf/", "/message/", "/missing/", "/broken/", "/private/", "/nonce/"]
)
def test_personal_or_failed_responses_are_never_stored(client, url):
    get(client, url)
    response = get(client, url)
    assert "X-Page-Cache" not in response
    assert "public" not in response["Cache-Control"]


@pytest.mark.urls("tests.core.pagecache_urls")
def test_a_post_is_never_answered_from_the_cache(client):
    ArticleFactory(title="Premier")
    assert "Premier" in stored(client, "/titles/")
    response = client.post("/titles/")
    assert "X-Page-Cache" not in response
    assert "public" not in response["Cache-Control"]


def test_a_request_with_a_message_cookie_is_not_served_from_the_cache(client):
    stored(client, "/news/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in get(client, "/news/")


def test_switched_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, "/news/")
    assert "X-Page-Cache" not in get(client, "/news/")


# Fragments.


def test_a_fragment_is_kept_until_a_table_it_read_is_written(django_assert_num_queries):
    ArticleFactory(title="Un")

    def titles():
        return list(Article.objects.order_by("pk").values_list("title", flat=True))

    assert pagecache.cached_fragment("titles", titles) == ["Un"]
    with django_assert_num_queries(0):
        assert pagecache.cached_fragment("titles", titles) == ["Un"]
    ArticleFactory(title="Deux")
    assert pagecache.cached_fragment("titles", titles) == ["Un", "Deux"]


def test_a_page_depends_on_the_fragments_it_showed_from_the_cache(client):
    """A page rendered with the settings fragment already cached depends on its table."""
    lapsed = timezone.localdate() - timedelta(days=30)
    OrganisationFactory(name="Membre en sursis", paid_until=lapsed)
    MembershipSettings.current()  # the row, as staff saved it
    MembershipSettings.grace()  # cached before the page is rendered
    assert "Membre en sursis" in stored(client, "/members/")
    MembershipSettings.objects.filter(pk=1).update(grace_days=5)
    assert "Membre en sursis" not in fresh(client, "/members/")


# Two app servers sharing Redis.


@pytest.fixture
def shared_redis(settings):
    prefix = f"test-pagecache-{uuid.uuid4().hex[:8]}"
    location = "redis://127.0.0.1:6379/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
        }
    }
    servers = [RedisCache(location, {"KEY_PREFIX": prefix}) for _ in range(2)]
    try:
        servers[0].get("ping")
    except Exception as error:
        from tests.conftest import skip_or_fail

        skip_or_fail(f"needs Redis at 127.0.0.1:6379 ({error})")
    yield servers
    redis = servers[0]._cache.get_client(write=True)
    keys = redis.keys(f"{prefix}:*")
    if keys:
        redis.delete(*keys)


def test_two_app_servers_share_pages_and_invalidations(shared_redis):
    def view(request):
        titles = Article.objects.order_by("pk").values_list("title", flat=True)
        return HttpResponse(" | ".join(titles))

    first, second = (pagecache.PageCacheMiddleware(view, cache=cache) for cache in shared_redis)
    factory = RequestFactory()
    article = ArticleFactory(title="Version une")

    assert first(factory.get("/news/"))["X-Page-Cache"] == "miss"
    response = second(factory.get("/news/"))
    assert response["X-Page-Cache"] == "hit"  # stored by the other server
    assert b"Version une" in response.content

    article.title = "Version deux"
    article.save()  # on either server: the generation lives in Redis
    for server in (second, first):
        response = server(factory.get("/news/"))
        assert b"Version deux" in response.content
    assert first(factory.get("/news/"))["X-Page-Cache"] == "hit"

    pagecache.bump(Article, cache=shared_redis[1])  # through the second server's client
    assert first(factory.get("/news/"))["X-Page-Cache"] == "miss"


def test_a_page_fetches_the_fragments_of_its_last_request_in_one_round_trip(shared_redis):
    from unittest import mock

    from django.contrib.auth.models import AnonymousUser

    def view(request):
        parts = [
            pagecache.cached_fragment(
                f"part-{n}",
                lambda n=n: (
                    f"{n}:"
                    + ",".join(Article.objects.order_by("pk").values_list("title", flat=True))
                ),
            )
            for n in range(3)
        ]
        return HttpResponse(" | ".join(parts), headers={"Cache-Control": "private"})

    server = pagecache.PageCacheMiddleware(view)
    cache = pagecache.shared_cache()  # Redis, as in production
    request = RequestFactory().get("/dashboard/")  # never stored whole: fragments only
    request.user = AnonymousUser()
    ArticleFactory(title="Un")
    server(request)  # builds and stores the fragments
    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as reads:
        assert server(request).content.decode() == "0:Un | 1:Un | 2:Un"
    fragment_reads = [
        call
        for call in reads.call_args_list
        if any(pagecache.FRAGMENT_PREFIX in key for key in call.args[0])
    ]
    assert len(fragment_reads) == 1  # the three fragments and their generations at once
    # What was fetched ahead is checked like any lookup: a write in between is seen.
    ArticleFactory(title="Deux")
    assert server(request).content.decode() == "0:Un,Deux | 1:Un,Deux | 2:Un,Deux"


def test_a_signed_in_home_page_reads_its_shared_content_from_the_cache(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory())
    get(client, "/")  # first-use rows
    pagecache.clear()
    with CaptureQueriesContext(connection) as cold:
        get(client, "/")
    with CaptureQueriesContext(connection) as warm:
        response = get(client, "/")
    assert len(warm) < len(cold)
    assert "no-store" in response["Cache-Control"]
    ArticleFactory(title="Nouvelle du jour")
    assert "Nouvelle du jour" in get(client, "/").content.decode()


def test_the_members_map_is_a_fragment_refreshed_by_a_new_member(client):
    from members.map import directory_map

    OrganisationFactory(postcode="25000")
    assert {t["code"]: t["count"] for t in directory_map()["tiles"]}["25"] == 1
    OrganisationFactory(postcode="25200")
    assert {t["code"]: t["count"] for t in directory_map()["tiles"]}["25"] == 2


def test_shared_panels_are_fragments_refreshed_by_writes(client):
    from core import hooks
    from tests.factories import MarketFactory

    shared = {p.template: p for p in hooks._panels["market"] if p.shared}
    assert shared["events/includes/_market_panel.html"].variant is None  # one for everyone
    # Kept for each class of readers (tests/projects/test_visibility.py).
    assert shared["projects/includes/_market_panel.html"].variant is not None
    market = MarketFactory()
    EventFactory(title="Salon hydrogène", markets=[market])
    client.force_login(UserFactory())
    url = market.get_absolute_url()
    assert "Salon hydrogène" in get(client, url).content.decode()
    EventFactory(title="Forum batteries", markets=[market])
    assert "Forum batteries" in get(client, url).content.decode()


def test_a_cache_that_is_down_serves_pages_live(caplog):
    class Down:
        def __getattr__(self, name):
            raise ConnectionError("cache down")

    middleware = pagecache.PageCacheMiddleware(lambda request: HttpResponse("live"), cache=Down())
    response = middleware(RequestFactory().get("/news/"))
    assert response.content == b"live"
    assert "X-Page-Cache" not in response
    assert "lookup failed" in caplog.text
