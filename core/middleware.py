"""Middleware of the whole site: malformed input is a 400, never a 500.

A NUL byte (PostgreSQL refuses it in text) or bytes that are not UTF-8 in the query string,
in a form field (name or value) or in the path are refused with the site's 400 page before
any view, filter or form sees them; each view need not guard against them.
"""

from urllib.parse import unquote_to_bytes

from django.views.defaults import bad_request

FORM_TYPES = ("application/x-www-form-urlencoded",)


def bad_bytes(raw: bytes) -> bool:
    """Whether the percent-decoded ``raw`` holds a NUL byte or is not UTF-8."""
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def bad_encoded(query: str | bytes) -> bool:
    """Whether a ``key=value&...`` string decodes to a bad key or value."""
    if isinstance(query, str):
        query = query.encode("utf-8", "surrogateescape")
    for pair in query.replace(b";", b"&").split(b"&"):
        for part in pair.split(b"=", 1):
            if bad_bytes(unquote_to_bytes(part.replace(b"+", b" "))):
                return True
    return False


def bad_text(value: str) -> bool:
    return "\x00" in value


class BadInputMiddleware:
    """Refuse requests whose query string, form fields or path are malformed (see module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.is_malformed(request):
            return bad_request(request, ValueError("malformed input"))
        return None

    def is_malformed(self, request) -> bool:
        if bad_text(request.path) or bad_encoded(request.META.get("QUERY_STRING", "")):
            return True
        if request.method != "POST":
            return False
        if request.content_type in FORM_TYPES:
            return bad_encoded(request.body)
        if request.content_type == "multipart/form-data":
            fields = [(key, value) for key in request.POST for value in request.POST.getlist(key)]
            names = [upload.name or "" for upload in request.FILES.values()]
            return any(bad_text(k) or bad_text(v) for k, v in fields) or any(
                bad_text(name) for name in names
            )
        return False
