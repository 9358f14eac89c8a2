"""Liveness (/healthz) touches nothing; readiness (/readyz) names what fails."""

import json
from datetime import timedelta
from unittest import mock

from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def test_healthz_answers_without_touching_the_database(client):
    # No `db` fixture: any query would raise "Database access not allowed".
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_ok_when_the_database_fails(client, db):
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor") as cursor:
        cursor.side_effect = DatabaseError("down")
        response = client.get(reverse("healthz"))
    assert response.status_code == 200


def test_readyz_answers_ok_when_everything_answers(client, db):
    response = client.get(reverse("readyz"))
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "cache": "ok", "storage": "ok", "tasks": "ok"}


def test_readyz_names_the_database_when_it_fails(client, db):
    with mock.patch(
        "core.observability.probes.connection.cursor", side_effect=DatabaseError("down")
    ):
        response = client.get(reverse("readyz"))
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failing"] == ["database"]
    assert body["checks"]["tasks"] == "skipped"


def test_readyz_names_the_cache_when_it_loses_values(client, db):
    with mock.patch("core.observability.probes.cache.add", return_value=False):
        response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert json.loads(response.content)["failing"] == ["cache"]


def test_readyz_names_the_storage_when_it_fails(client, db):
    with mock.patch("core.observability.probes.storages") as storages:
        storages.__getitem__.return_value.exists.side_effect = OSError("bucket gone")
        response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert json.loads(response.content)["failing"] == ["storage"]


def test_readyz_fails_when_a_queued_task_waits_too_long(client, db, settings):
    settings.TASKS_MAX_QUEUE_AGE = 60
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="events.tasks.send_event_reminders",
        backend_name="default",
        queue_name="default",
        priority=0,
        run_after=get_date_max(),  # not deferred: runs as soon as a worker takes it
    )
    assert client.get(reverse("readyz")).status_code == 200
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failing"] == ["tasks"]
    assert "300 s old" in body["checks"]["tasks"]


def test_a_retry_waits_from_the_time_it_was_deferred_to(client, db, settings):
    settings.TASKS_MAX_QUEUE_AGE = 60
    now = timezone.now()
    DBTaskResult.objects.create(
        args_kwargs={"args": ["some-id"], "kwargs": {}},
        task_path="core.tasks.deliver_email",
        backend_name="default",
        queue_name="default",
        priority=0,
        run_after=now - timedelta(seconds=10),  # enqueued an hour ago, due 10 s ago
    )
    DBTaskResult.objects.update(enqueued_at=now - timedelta(hours=1))
    assert client.get(reverse("readyz")).status_code == 200
    DBTaskResult.objects.update(run_after=now - timedelta(minutes=5))
    assert client.get(reverse("readyz")).status_code == 503
