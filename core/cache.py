"""The shared cache, which must never take the site down with it.

:class:`ResilientRedisCache` is Django's Redis cache where a connection error or a timeout
(Redis stopped, restarting, unreachable) is logged and read as a miss: ``get`` gives the
default, ``set``/``delete`` do nothing, ``incr`` behaves as for a missing key, and ``add``
answers True (nothing stored, but whoever takes a lock with it, as allauth's login rate
limit does, goes on instead of waiting for a lock that cannot exist). After
a failure, Redis is left alone for ``RETRY_AFTER`` seconds (a per-process circuit breaker), so
a page does not wait on a dead server for each of its cache reads. Sessions are
``cached_db``: they fall back to the database, logins keep working.

Rate limits kept in the cache (core/ratelimit.py, allauth's login limits) therefore fail
open while Redis is down: an outage of Redis must not lock every member out of the portal,
and the login limits come back as soon as Redis does (a warning is logged meanwhile).
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 5.0


def _degrading(fallback):
    """Run the cache operation; on a connection failure log it and give ``fallback(...)``."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except FAILURES as error:
                self._down_until = time.monotonic() + RETRY_AFTER
                logger.warning(
                    "Cache unavailable (%s: %s); running without it for %.0f s",
                    type(error).__name__,
                    error,
                    RETRY_AFTER,
                )
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unavailable).")


def _default(key, default=None, *args, **kwargs):
    return default


class OneClientPerPool(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` for every cache operation, and each one
    registers some 300 response callbacks: about half a millisecond of CPU per operation,
    several per page. A ``redis.Redis`` is thread-safe and draws its connections from the
    pool, so one per pool serves every operation."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """See the module."""

    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = OneClientPerPool

    add = _degrading(lambda *a, **k: True)(RedisCache.add)
    get = _degrading(_default)(RedisCache.get)
    set = _degrading(lambda *a, **k: None)(RedisCache.set)
    touch = _degrading(lambda *a, **k: False)(RedisCache.touch)
    delete = _degrading(lambda *a, **k: False)(RedisCache.delete)
    get_many = _degrading(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _degrading(lambda *a, **k: False)(RedisCache.has_key)
    incr = _degrading(_missing_key)(RedisCache.incr)
    set_many = _degrading(lambda *a, **k: [])(RedisCache.set_many)
    delete_many = _degrading(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _degrading(lambda *a, **k: False)(RedisCache.clear)
