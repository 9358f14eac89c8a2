"""Prometheus metrics of the portal (prometheus-client), read at ``/metrics``.

Counted by each process: requests (by view, method and status, with their duration) and
email deliveries (sent, error). With several gunicorn workers each process writes its
counts to ``PROMETHEUS_MULTIPROC_DIR`` (gunicorn.conf.py sets it up) and the scrape adds
them up. Read from the database at each scrape, so they hold across machines: the tasks
waiting in the queue, the age of the oldest, and the outbox by status.
"""

import os

from django.db.models import Count
from django.utils import timezone
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

REQUESTS = Histogram(
    "portal_http_request_duration_seconds",
    "Time to answer a request, by view, method and status (its _count gives the rate).",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EMAILS = Counter(
    "portal_email_deliveries",
    "Attempts to send an email from the outbox, by outcome (sent or error).",
    ["outcome"],
)


def observe_request(view: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(view=view, method=method, status=str(status)).observe(seconds)


class PortalStateCollector:
    """What the database says at scrape time: task queue and outbox."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        from core.models import OutgoingEmail
        from core.observability.probes import oldest_task_age

        waiting = DBTaskResult.objects.ready()
        queue = GaugeMetricFamily(
            "portal_tasks_waiting", "Tasks ready to run that no worker took yet."
        )
        queue.add_metric([], waiting.count())
        yield queue
        age = GaugeMetricFamily(
            "portal_tasks_oldest_waiting_seconds", "Age of the oldest task ready to run."
        )
        age.add_metric([], oldest_task_age(timezone.now()) or 0)
        yield age
        emails = GaugeMetricFamily(
            "portal_outgoing_emails", "Messages of the outbox, by status.", labels=["status"]
        )
        counts = dict(
            OutgoingEmail.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        for status in OutgoingEmail.Status.values:
            emails.add_metric([status], counts.get(status, 0))
        yield emails


def exposition() -> bytes:
    """The text a Prometheus server scrapes."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    state = CollectorRegistry(auto_describe=False)
    state.register(PortalStateCollector())
    return generate_latest(registry) + generate_latest(state)
