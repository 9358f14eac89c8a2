"""The page cache: visitors' pages whole from the shared cache, exactly invalidated.

**What is cached.** A GET (or HEAD) for a page by a visitor who is not signed in (no
session cookie) is answered from the shared cache (``caches["default"]``: Redis with
``REDIS_URL``, so every app server shares it), keyed by scheme, host, language and the
full address with its query. A hit touches neither the database nor the session store.
Never stored: responses that set a cookie, carry a CSRF token or a message, use a CSP
nonce, are not 200, answer anything but GET, come from the back-office or the accounts
pages (:data:`EXCLUDED_PATHS`), or say ``Cache-Control: private``/``no-store``/``no-cache``.

**How invalidation stays exact without listing pages.** Every statement on the database
goes through :func:`_watch` (an ``execute_wrapper`` installed on each connection):

* while a cacheable page is rendered, the tables its SELECTs read are recorded;
* every INSERT, UPDATE, DELETE or TRUNCATE (``save()``, ``delete()``, m2m changes, but
  also ``QuerySet.update()``, ``bulk_create`` and raw SQL) gives the table a new
  *generation* in the shared cache, at once and again after the transaction commits (a
  page rendered meanwhile from the data not yet committed is then dropped too).

A page is stored with the generation each of its tables had *before* it was rendered, and
served only while they are all unchanged (one ``get_many`` fetches the page and the
generations). What changes with time alone (a scheduled article, a membership that lapses)
is fresh after :setting:`PAGE_CACHE_SECONDS` (300 s) at most.

**HTTP caching.** Pages that may be shared carry ``Cache-Control: public, max-age``
(:setting:`PAGE_CACHE_MAX_AGE`, never past the page's own expiry), an ``ETag``, a
``Last-Modified`` and ``Vary: Accept-Language, Cookie``, and a conditional GET is answered
304 from the cache. Responses for signed-in people (or holding a CSRF token, a message or a
new cookie) get ``Cache-Control: private, no-store`` unless the view said otherwise.

**Fragments.** :func:`cached_fragment` (and ``{% cachedblock %}`` of the ``pagecache``
template library) keep what every reader shares on a signed-in page (home panels, the
members map) under the same generations: the builder's tables are recorded the same way.

Switched off with ``PAGE_CACHE_SECONDS = 0`` (pages) and ``FRAGMENT_CACHE_SECONDS = 0``
(fragments).
"""

import functools
import hashlib
import logging
import re
import secrets
import time
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

logger = logging.getLogger(__name__)

GENERATION_PREFIX = "pagecache:gen:"
PAGE_PREFIX = "pagecache:page:"
FRAGMENT_PREFIX = "pagecache:fragment:"
# A generation every page and fragment depends on: bumped by clear() and by a change of
# settings (tests), it drops everything at once.
EVERYTHING = "*"

# Addresses never served from the cache nor stored: the back-office, the accounts and
# personal pages, language switching, private feeds, health and metrics.
EXCLUDED_PATHS = re.compile(
    r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?"
    r"(?:admin|accounts|dashboard|i18n|calendar|healthz|readyz|metrics)(?:/|$|\.)"
)
# Tables whose writes never change a page (sessions are written on every signed-in request).
IGNORED_TABLES = frozenset({"django_session", "django_migrations"})
VARY_ON = ("Accept-Language", "Cookie")
# Response headers a stored page does not keep (they are computed again for each answer).
UNSTORED_HEADERS = frozenset({"content-length", "cache-control", "age", "set-cookie"})

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WRITTEN = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"\[]?([A-Za-z0-9_]+)',
    re.IGNORECASE,
)
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE")

# The sets of tables being recorded (a page, and a fragment built while it renders).
_recording: ContextVar[tuple[set, ...]] = ContextVar("pagecache_recording", default=())
# The fragments already read during the request being answered (set by the middleware),
# so that a fragment asked several times (a setting read by every row) costs one lookup;
# emptied by any write.
_request_fragments: ContextVar[dict | None] = ContextVar("pagecache_fragments", default=None)
# A hint, per page or fragment key, of the tables it depends on, so that a hit is one
# get_many. Only a hint: what is served is checked against what was stored.
_hints: dict[str, tuple[str, ...]] = {}
_HINTS_MAX = 20_000
# A hint, per address, of the fragments its last request looked up: the next request to
# it fetches them all, with their generations, in one get_many at its first lookup rather
# than one round trip to the cache per fragment (a signed-in page reads about a dozen).
_request_page: ContextVar["_Page | None"] = ContextVar("pagecache_page", default=None)
_page_fragments: dict[str, tuple[str, ...]] = {}
_PAGE_FRAGMENTS_MAX = 64  # keys per address
_PAGE_ADDRESSES_MAX = 2_000  # addresses remembered (a few MB at most), then forgotten


class _Page:
    """The request being answered: its address, the fragment keys it looked up, and the
    entries fetched ahead for it (``None`` until its first lookup)."""

    __slots__ = ("address", "looked_up", "fetched")

    def __init__(self, address: str):
        self.address = address
        self.looked_up: dict[str, None] = {}
        self.fetched: dict | None = None

    def remember(self) -> None:
        if not self.looked_up:
            return
        if len(_page_fragments) > _PAGE_ADDRESSES_MAX:
            _page_fragments.clear()
        _page_fragments[self.address] = tuple(self.looked_up)[:_PAGE_FRAGMENTS_MAX]


def shared_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


@functools.cache
def all_tables() -> frozenset[str]:
    """The tables of every installed model, many-to-many tables included."""
    return frozenset(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table not in IGNORED_TABLES
    )


def tables_of(*models_or_tables) -> set[str]:
    """Table names of models (classes or instances) or of names given as they are."""
    tables = set()
    for item in models_or_tables:
        tables.add(item if isinstance(item, str) else item._meta.db_table)
    return tables


def _generation_key(table: str) -> str:
    return GENERATION_PREFIX + table


def _new_generation() -> str:
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


# Writes: new generations.


def bump(*models_or_tables, cache=None) -> None:
    """Give the tables a new generation: every page and fragment that read them is stale.
    A failing cache never fails the write that called it (it is logged)."""
    tables = tables_of(*models_or_tables)
    if not tables:
        return
    generation = _new_generation()
    try:
        (cache or shared_cache()).set_many(
            {_generation_key(table): generation for table in tables}, timeout=None
        )
    except Exception:  # the cache is down: pages cannot be served from it either
        logger.exception("page cache: could not invalidate %s", sorted(tables))


def clear() -> None:
    """Make every cached page and fragment stale."""
    bump(EVERYTHING)


class _AfterCommit:
    """The tables written in a transaction, bumped once more when it commits."""

    def __init__(self):
        self.tables: set[str] = set()

    def __call__(self):
        bump(*self.tables)


def _written(connection, tables: set[str]) -> None:
    tables -= IGNORED_TABLES
    if not tables:
        return
    fragments = _request_fragments.get()
    if fragments:
        fragments.clear()
    page = _request_page.get()
    if page is not None and page.fetched:
        page.fetched.clear()
    bump(*tables)
    if not connection.in_atomic_block:
        return
    for _savepoints, callback, _robust in reversed(connection.run_on_commit):
        if isinstance(callback, _AfterCommit):
            callback.tables |= tables
            return
    pending = _AfterCommit()
    pending.tables |= tables
    connection.on_commit(pending, robust=True)


def _watch(execute, sql, params, many, context):
    """The execute wrapper of every connection: records reads, bumps writes."""
    result = execute(sql, params, many, context)
    text = sql if isinstance(sql, str) else str(sql)
    head = text.lstrip()[:8].upper()
    if head.startswith(_WRITES):
        match = _WRITTEN.match(text)
        if match:
            tables = {match.group(1)}
        else:  # TRUNCATE a, b...
            tables = set(_WORD.findall(text)) & all_tables()
        _written(context["connection"], tables)
    else:
        recordings = _recording.get()
        if recordings:
            tables = set(_WORD.findall(text)) & all_tables()
            for recorded in recordings:
                recorded |= tables
    return result


def install(connection, **kwargs) -> None:
    """Put :func:`_watch` on a connection (idempotent); connected to
    ``connection_created`` by core's AppConfig. First in the list, so that the
    ``connection.execute_wrapper()`` blocks of others (which pop the last one) leave it."""
    if _watch not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _watch)


@receiver(setting_changed)
def _settings_changed(**kwargs):
    # A page may depend on any setting (tests change them between two requests).
    if kwargs["setting"] != "CACHES":
        clear()


# Reads: recording and checking generations.


class _Recording:
    """``with _Recording() as tables:`` collects the tables read inside the block (into
    the enclosing recordings too)."""

    def __enter__(self) -> set:
        self.tables: set[str] = set()
        self._token = _recording.set((*_recording.get(), self.tables))
        return self.tables

    def __exit__(self, *exc):
        _recording.reset(self._token)
        for outer in _recording.get():
            outer |= self.tables


def _note_read(tables) -> None:
    for recorded in _recording.get():
        recorded.update(tables)


def depends_on(*models_or_tables) -> None:
    """Make the page or fragment being built depend on these tables as if it had read
    them: for what a fragment shows of an object loaded before it was built."""
    _note_read(tables_of(*models_or_tables))


def snapshot(cache, tables=None) -> dict[str, str]:
    """The current generation of ``tables`` (all by default) and of EVERYTHING, keyed by
    table name; a table never written yet gets one now."""
    names = [EVERYTHING, *(all_tables() if tables is None else tables)]
    found = cache.get_many([_generation_key(name) for name in names])
    generations = {}
    for name in names:
        key = _generation_key(name)
        if key not in found:
            generation = _new_generation()
            if not cache.add(key, generation, timeout=None):
                generation = cache.get(key, generation)
            found[key] = generation
        generations[name] = found[key]
    return generations


_GENERATIONS = object()  # where a request's memo keeps the generations it has read


def _known_generations() -> dict:
    """The generations already read during the request being answered (emptied with the
    fragments by any write): the fragments of a page share most of their tables, so each
    generation is fetched once per request rather than once per fragment. Outside a
    request, a dict for this lookup alone."""
    fragments = _request_fragments.get()
    if fragments is None:
        return {}
    return fragments.setdefault(_GENERATIONS, {})


def stamp(*models_or_tables) -> tuple[str, ...]:
    """The current generations of the tables (and of EVERYTHING), in a fixed order: a value
    that changes with any write to one of them, on every app server. For an in-process
    memo of what those tables hold. Read at most once per request."""
    names = (EVERYTHING, *sorted(tables_of(*models_or_tables)))
    known = _known_generations()
    keys = [_generation_key(name) for name in names]
    if any(key not in known for key in keys):
        current = snapshot(shared_cache(), names[1:])
        known.update({_generation_key(name): current[name] for name in names})
    return tuple(known[key] for key in keys)


def _fetched_ahead(cache, page: _Page, known: dict) -> dict:
    """The fragment entries fetched for the request being answered at its first lookup:
    those its address looked up last time, in one get_many with their generations."""
    if page.fetched is None:
        page.fetched = {}
        keys = _page_fragments.get(page.address, ())
        if keys:
            tables = {table for key in keys for table in _hints.get(key, ())}
            wanted = [_generation_key(t) for t in (EVERYTHING, *tables)]
            found = cache.get_many([*keys, *(k for k in wanted if k not in known)])
            page.fetched.update((key, found.pop(key, None)) for key in keys)
            known.update(found)
    return page.fetched


def _lookup(cache, key: str):
    """The entry stored under ``key`` if every generation it was stored with is current."""
    known = _known_generations()
    page = _request_page.get() if key.startswith(FRAGMENT_PREFIX) else None
    fetched = {} if page is None else _fetched_ahead(cache, page, known)
    if key in fetched:
        entry = fetched.pop(key)
    else:
        wanted = [_generation_key(t) for t in (EVERYTHING, *_hints.get(key, ()))]
        found = cache.get_many([key, *(k for k in wanted if k not in known)])
        entry = found.pop(key, None)
        known.update(found)
    if page is not None:
        page.looked_up[key] = None
    if entry is None:
        return None
    missing = [_generation_key(t) for t in entry["tables"] if _generation_key(t) not in known]
    if missing:
        known.update(cache.get_many(missing))
        # Stored by another process (or before this one started): the next lookup of the
        # key here is one round trip too.
        _remember_tables(key, entry)
    for table, generation in entry["tables"].items():
        if known.get(_generation_key(table)) != generation:
            return None
    return entry


def _remember_tables(key: str, entry: dict) -> None:
    if len(_hints) > _HINTS_MAX:
        _hints.clear()
    _hints[key] = tuple(t for t in entry["tables"] if t != EVERYTHING)


def _store(cache, key: str, entry: dict, timeout: int) -> None:
    _remember_tables(key, entry)
    cache.set(key, entry, timeout)


def _depends(generations: dict, tables: set) -> dict:
    return {t: generations[t] for t in (EVERYTHING, *tables) if t in generations}


# Fragments.


def cached_fragment(key: str, builder, *, per_language: bool = True, timeout=None):
    """``builder()``'s result, kept in the shared cache until a table it read is written
    (or ``timeout`` seconds, FRAGMENT_CACHE_SECONDS by default). For what is the same for
    every reader: never per-person content, CSRF tokens or messages. The result must be
    picklable (HTML, numbers, lists of plain values). The page around it depends on the
    fragment's tables, hit or miss."""
    seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 300) if timeout is None else timeout
    if not seconds:
        return builder()
    if per_language:
        key = f"{key}:{translation.get_language()}"
    key = FRAGMENT_PREFIX + hashlib.sha256(key.encode()).hexdigest()[:40]
    fragments = _request_fragments.get()
    if fragments is not None and key in fragments:
        value, tables = fragments[key]
        _note_read(tables)
        return value
    value, tables = _fragment(key, builder, seconds)
    if fragments is not None:
        fragments[key] = (value, tables)
    return value


def _fragment(key: str, builder, seconds: int) -> tuple:
    """The fragment's value and the tables it depends on, from the cache or built."""
    cache = shared_cache()
    try:
        entry = _lookup(cache, key)
        generations = None if entry else snapshot(cache)
    except Exception:  # the cache is down: build it every time
        logger.exception("page cache: fragment lookup failed")
        with _Recording() as tables:
            return builder(), set(tables)
    if entry is not None:
        _note_read(entry["tables"])
        return entry["value"], set(entry["tables"])
    with _Recording() as tables:
        value = builder()
    try:
        _store(cache, key, {"value": value, "tables": _depends(generations, tables)}, seconds)
    except Exception:
        logger.exception("page cache: could not store a fragment")
    return value, set(tables)


def cached(key: str, **options):
    """Decorator of a function without arguments whose result is a fragment (see
    :func:`cached_fragment`): ``@pagecache.cached("members:map")``."""

    def decorate(function):
        @functools.wraps(function)
        def wrapper():
            return cached_fragment(key, function, **options)

        return wrapper

    return decorate


# The middleware.


def _etag(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _cookie_names() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages"))


def is_personal_request(request) -> bool:
    """Whether the request may come from a signed-in person or carries a message."""
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    return any(name in request.COOKIES for name in _cookie_names())


def page_key(request) -> str:
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{language}|{address}".encode()).hexdigest()[:40]
    return f"{PAGE_PREFIX}{language}:{digest}"


def _may_use_cache(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not is_personal_request(request)
        and not EXCLUDED_PATHS.match(request.path_info)
    )


def _is_personal_response(request, response) -> bool:
    """A response that belongs to this visitor alone."""
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or storage._queued_messages):
        return True
    if getattr(request, "_csp_nonce", None):  # a nonce was generated for this page
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _may_store(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache", "max-age=0")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - {"accept-language", "cookie", "accept-encoding"}:
        return False
    return not _is_personal_response(request, response)


class PageCacheMiddleware:
    """Serves visitors' pages from the shared cache and stores them (see the module).
    Placed after WhiteNoise and before the session middleware: a hit returns before the
    session, the user or the database are looked at."""

    def __init__(self, get_response, cache=None):
        self.get_response = get_response
        self._cache = cache

    @property
    def cache(self):
        return self._cache or shared_cache()

    def __call__(self, request):
        page = _Page(request.path)
        token, page_token = _request_fragments.set({}), _request_page.set(page)
        try:
            return self._respond(request)
        finally:
            _request_fragments.reset(token)
            _request_page.reset(page_token)
            page.remember()

    def _respond(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 300)
        if not seconds or not _may_use_cache(request):
            return self._not_shared(request, self.get_response(request))
        key = page_key(request)
        cache = self.cache
        try:
            entry = _lookup(cache, key)
            generations = None if entry else snapshot(cache)
        except Exception:  # the cache is down: serve the page live
            logger.exception("page cache: lookup failed")
            return self._not_shared(request, self.get_response(request))
        if entry is not None:
            return self._answer(request, entry, hit=True)
        with _Recording() as tables:
            response = self.get_response(request)
        if not _may_store(request, response):
            return self._not_shared(request, response)
        now = time.time()
        entry = {
            "content": response.content,
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ],
            "cache_control": response.get("Cache-Control"),
            "etag": response.get("ETag") or _etag(response.content),
            "last_modified": parse_http_date_safe(response.get("Last-Modified", "")) or int(now),
            "expires": now + seconds,
            "tables": _depends(generations, tables),
        }
        try:
            _store(cache, key, entry, seconds)
        except Exception:
            logger.exception("page cache: could not store %s", request.path)
        return self._answer(request, entry, response=response)

    def _answer(self, request, entry, *, response=None, hit=False):
        if response is None:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
            if entry["cache_control"]:
                response["Cache-Control"] = entry["cache_control"]
            response["Content-Length"] = str(len(entry["content"]))
            if request.method == "HEAD":
                response.content = b""
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["last_modified"])
        if not entry["cache_control"]:
            remaining = int(entry["expires"] - time.time())
            max_age = max(0, min(getattr(settings, "PAGE_CACHE_MAX_AGE", 60), remaining))
            response["Cache-Control"] = f"public, max-age={max_age}"
        patch_vary_headers(response, VARY_ON)
        response["X-Page-Cache"] = "hit" if hit else "miss"
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
        )

    def _not_shared(self, request, response):
        """A response never shared: personal ones must not be kept anywhere."""
        if "Cache-Control" not in response:
            if is_personal_request(request) or _is_personal_response(request, response):
                response["Cache-Control"] = "private, no-store"
                patch_vary_headers(response, ("Cookie",))
            else:
                response["Cache-Control"] = "no-cache"
        return response
