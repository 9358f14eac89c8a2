"""The probes of a load balancer or orchestrator.

- ``/healthz`` (liveness): the process answers. It touches nothing else, so a database
  outage does not get every app server restarted.
- ``/readyz`` (readiness): the process can serve: the database, the cache, both storages
  answer, and the oldest task waiting in the queue is younger than ``TASKS_MAX_QUEUE_AGE``
  (otherwise no worker is running). 503 with the failing parts named otherwise.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection
from django.db.models import Case, F, Min, When
from django.db.models.functions import Greatest
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def oldest_task_age(now) -> float | None:
    """Seconds the oldest task ready to run has been waiting (None when none waits): since
    it was enqueued, or since the time it was deferred to (a retry waits from then)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    waiting_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=Greatest("enqueued_at", "run_after"),
    )
    oldest = DBTaskResult.objects.ready().aggregate(oldest=Min(waiting_since))["oldest"]
    if oldest is None:
        return None
    return max((now - oldest).total_seconds(), 0.0)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    if not cache.add(key, 1, timeout=5) or cache.get(key) != 1:
        raise RuntimeError("the cache does not keep values")
    cache.delete(key)


def check_storages() -> None:
    for alias in ("default", "private"):
        storages[alias].exists("readyz-probe")


def check_queue() -> None:
    age = oldest_task_age(timezone.now())
    if age is not None and age > settings.TASKS_MAX_QUEUE_AGE:
        raise RuntimeError(f"the oldest waiting task is {int(age)} s old (is a worker running?)")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storages,
    "tasks": check_queue,
}


@never_cache
@require_GET
def healthz(request):
    """200 as long as the process answers: nothing else is touched."""
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@require_GET
def readyz(request):
    results = {}
    failing = []
    for name, check in CHECKS.items():
        if name == "tasks" and "database" in failing:  # the queue lives in the database
            results[name] = "skipped"
            continue
        try:
            check()
        except Exception as error:
            logger.warning("Readiness check %s failed: %s", name, error)
            results[name] = f"failing: {error}"[:200]
            failing.append(name)
        else:
            results[name] = "ok"
    body = {"status": "failing" if failing else "ok", "failing": failing, "checks": results}
    return JsonResponse(body, status=503 if failing else 200)
