"""Rate limits live in the shared cache, so that they hold across app server processes."""

import multiprocessing
import os
import uuid

import pytest

from core import ratelimit
from tests.conftest import skip_or_fail

RATE = (ratelimit.Rate(5, 60),)


def test_a_rate_allows_its_limit_then_refuses():
    results = [ratelimit.hit("test", "someone", RATE) for _ in range(7)]
    assert results == [True] * 5 + [False] * 2
    assert ratelimit.is_limited("test", "someone", RATE)
    assert ratelimit.hit("test", "someone-else", RATE)


def _hits_in_another_process(url, prefix, count, results):
    from django.core.cache.backends.redis import RedisCache

    backend = RedisCache(url, {"KEY_PREFIX": prefix})
    results.put(sum(ratelimit.hit("test", 42, RATE, cache=backend) for _ in range(count)))


def test_the_limit_holds_across_processes_sharing_redis():
    redis = pytest.importorskip("redis")
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.exceptions.RedisError:
        skip_or_fail(f"needs a Redis server at {url} (set REDIS_URL)")
    prefix = f"members-test-{uuid.uuid4().hex}"
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [
        context.Process(target=_hits_in_another_process, args=(url, prefix, 4, results))
        for _ in range(3)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=30)
    allowed = sum(results.get(timeout=5) for _ in processes)
    # Twelve attempts from three processes: exactly five went through.
    assert allowed == 5
