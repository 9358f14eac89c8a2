"""The id of the request (or task) being served, for every log line it writes.

A request takes the ``X-Request-ID`` of a trusted proxy (``TRUSTED_PROXY_COUNT`` > 0) or gets
a new one; the tasks it enqueues carry it (core.taskbackends) and set it again in the
worker, so one id follows a click from nginx to the email the worker sends.
"""

import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="")

# What a proxy may hand us: short, printable, no spaces (it ends up in headers and logs).
VALID_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")


def new_id() -> str:
    return uuid.uuid4().hex


def clean_id(value: str | None) -> str:
    """``value`` if it is an acceptable request id, else a new one."""
    return value if value and VALID_ID.match(value) else new_id()


def current() -> str:
    return request_id.get()


@contextmanager
def bound(value: str):
    """Run the block with ``value`` as the current request id."""
    token = request_id.set(value)
    try:
        yield value
    finally:
        request_id.reset(token)
