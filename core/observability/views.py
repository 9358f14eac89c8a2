"""``/metrics``: the Prometheus scrape, behind the bearer token ``METRICS_TOKEN``."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from core.observability.metrics import exposition


@never_cache
@require_GET
def metrics(request):
    """404 when no token is configured (the endpoint does not exist), 403 without the right
    ``Authorization: Bearer <METRICS_TOKEN>``."""
    if not settings.METRICS_TOKEN:
        raise Http404
    given = request.headers.get("Authorization", "")
    if not constant_time_compare(given, f"Bearer {settings.METRICS_TOKEN}"):
        return HttpResponseForbidden("A bearer token is required.\n", content_type="text/plain")
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
