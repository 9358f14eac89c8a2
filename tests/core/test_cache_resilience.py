"""With Redis stopped, pages and logins keep working: the cache degrades to misses."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from core import ratelimit
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# Nothing listens there: every connection is refused, as with Redis stopped.
CLOSED_PORT = "redis://127.0.0.1:6390/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }


def test_cache_operations_read_as_misses_and_are_logged(redis_down, caplog):
    assert cache.get("key", "default") == "default"
    assert cache.add("key", 1) is True  # a lock taken with add() does not block
    cache.set("key", 1)
    cache.delete("key")
    assert cache.get_many(["a", "b"]) == {}
    assert cache.get_or_set("key", 3) == 3
    with pytest.raises(ValueError):
        cache.incr("key")
    assert "Cache unavailable" in caplog.text


def test_after_a_failure_redis_is_left_alone_for_a_while(redis_down, caplog):
    cache.get("key")
    caplog.clear()
    started = time.monotonic()
    for _ in range(50):
        cache.get("key")
    assert time.monotonic() - started < 0.5
    assert "Cache unavailable" not in caplog.text  # no new attempt, no new warning


def test_rate_limits_fail_open_when_the_cache_is_down(redis_down):
    rates = [ratelimit.Rate(limit=1, seconds=60)]
    assert ratelimit.hit("contact", "someone", rates)
    assert ratelimit.hit("contact", "someone", rates)  # not counted: open


def test_pages_and_logins_keep_working_with_redis_stopped(redis_down, client):
    user = UserFactory()
    for name in (
        "home",
        "events:event-list",
        "trainings:training-list",
        "members:organisation-list",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    # The session lives in the database (cached_db): the next page knows the person.
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert response.context["user"] == user
    client.post(reverse("account_logout"))
    assert client.get(reverse("dashboard")).status_code == 302
