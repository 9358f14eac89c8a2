"""Rate limits kept in the shared cache (Redis in production), so they hold across processes.

``cache.add`` creates a counter only if it is missing and ``cache.incr`` is atomic in Redis:
two app servers counting the same person's messages never both let the limit slip.

With Redis down the counters cannot be kept: the limits fail open (nothing is counted, every
action is let through, a warning is logged by core.cache) rather than refusing everyone.
"""

from dataclasses import dataclass

from django.core.cache import cache as default_cache


@dataclass(frozen=True)
class Rate:
    limit: int
    seconds: int


def _key(scope: str, subject: str, rate: Rate) -> str:
    return f"rate:{scope}:{subject}:{rate.seconds}"


def is_limited(scope: str, subject, rates, *, cache=default_cache) -> bool:
    """Whether ``subject`` already used up one of ``rates`` (nothing is counted)."""
    return exhausted(scope, subject, rates, cache=cache) is not None


def exhausted(scope: str, subject, rates, *, cache=default_cache) -> Rate | None:
    """The longest of ``rates`` that ``subject`` used up, or None: its window is the
    longest ``subject`` may have to wait before the next action is let through (a counter
    lasts ``seconds`` from the first action it counts)."""
    used_up = [
        rate for rate in rates if (cache.get(_key(scope, str(subject), rate)) or 0) >= rate.limit
    ]
    return max(used_up, key=lambda rate: rate.seconds, default=None)


def hit(scope: str, subject, rates, *, cache=default_cache) -> bool:
    """Count one action of ``subject``; False if it goes over one of ``rates``."""
    if is_limited(scope, subject, rates, cache=cache):
        return False
    for rate in rates:
        key = _key(scope, str(subject), rate)
        if cache.add(key, 1, timeout=rate.seconds):
            continue
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=rate.seconds)
            count = 1
        if count > rate.limit:
            return False
    return True
