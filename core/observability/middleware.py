"""The first middleware: a request id for every request, one log line and the metrics."""

import logging
import time

from django.conf import settings

from core.observability import context, metrics

logger = logging.getLogger("portal.request")

# Probes and scrapes: counted, but logged only at DEBUG level when they succeed (they come
# every few seconds).
QUIET_PATHS = {"/healthz", "/readyz", "/metrics"}
# Static files (served by WhiteNoise, after this middleware): counted as one "view", quiet.
STATIC_PREFIX = "/" + settings.STATIC_URL.lstrip("/")


class RequestObservationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID") if settings.TRUSTED_PROXY_COUNT else None
        request_id = context.clean_id(incoming)
        request.request_id = request_id
        started = time.perf_counter()
        with context.bound(request_id):
            response = self.get_response(request)
            duration = time.perf_counter() - started
            match = getattr(request, "resolver_match", None)
            static = request.path.startswith(STATIC_PREFIX)
            view = match.view_name if match else ("static" if static else "unresolved")
            metrics.observe_request(view, request.method, response.status_code, duration)
            quiet = static or request.path in QUIET_PATHS
            level = logging.DEBUG if quiet and response.status_code < 400 else logging.INFO
            logger.log(
                level,
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round(duration * 1000, 1),
                    "view": view,
                },
            )
        response["X-Request-ID"] = request_id
        return response
