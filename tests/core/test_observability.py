"""Request ids, JSON log lines and the Prometheus endpoint."""

import json
import logging

import pytest
from django.urls import reverse

from core import mail
from core.observability import context
from core.observability.logs import JsonFormatter, RequestContextFilter

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_request_id(client):
    first = client.get(reverse("home"))["X-Request-ID"]
    second = client.get(reverse("home"))["X-Request-ID"]
    assert len(first) == 32
    assert first != second


def test_the_id_of_a_trusted_proxy_is_kept(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.get(reverse("home"), headers={"X-Request-ID": "nginx-abc-123"})
    assert response["X-Request-ID"] == "nginx-abc-123"
    # Something that does not look like an id is replaced.
    response = client.get(reverse("home"), headers={"X-Request-ID": "bad id\nInjected: 1"})
    assert response["X-Request-ID"] != "bad id\nInjected: 1"


def test_without_a_trusted_proxy_the_header_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    response = client.get(reverse("home"), headers={"X-Request-ID": "from-the-client"})
    assert response["X-Request-ID"] != "from-the-client"


def test_the_request_log_line_has_method_path_status_and_duration(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.request"):
        response = client.get(reverse("events:event-list"))
    record = next(r for r in caplog.records if r.name == "portal.request")
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "INFO"
    assert line["logger"] == "portal.request"
    assert line["method"] == "GET"
    assert line["path"] == reverse("events:event-list")
    assert line["status"] == 200
    assert line["view"] == "events:event-list"
    assert line["duration_ms"] >= 0
    assert line["request_id"] == response["X-Request-ID"]


def test_a_log_line_is_one_json_object_with_the_current_request_id():
    record = logging.LogRecord(
        "portal.test", logging.WARNING, __file__, 1, "hello %s", ("you",), None
    )
    with context.bound("abc"):
        RequestContextFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line) | {"time": None} == {
        "time": None,
        "level": "WARNING",
        "logger": "portal.test",
        "message": "hello you",
        "request_id": "abc",
    }


def test_emails_written_by_a_request_carry_its_id(client, staff, mail_on_commit):
    from core.models import OutgoingEmail

    with context.bound("req-7"), mail_on_commit():
        mail._queue(mail.Rendered("Hi", "Body", ""), to=["a@example.com"])
    assert OutgoingEmail.objects.get().request_id == "req-7"


def test_metrics_do_not_exist_without_a_token(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get(reverse("metrics")).status_code == 404


def test_metrics_need_the_bearer_token(client, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get(reverse("metrics")).status_code == 403
    wrong = client.get(reverse("metrics"), headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403


def test_metrics_give_requests_queue_and_emails(client, settings, mail_on_commit):
    settings.METRICS_TOKEN = "s3cret-token"
    client.get(reverse("events:event-list"))
    with mail_on_commit():
        mail._queue(mail.Rendered("Hi", "Body", ""), to=["a@example.com"])
    response = client.get(reverse("metrics"), headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 200
    text = response.content.decode()
    assert (
        'portal_http_request_duration_seconds_count{method="GET",status="200",'
        'view="events:event-list"}' in text
    )
    assert "portal_tasks_waiting 0.0" in text
    assert "portal_tasks_oldest_waiting_seconds" in text
    assert 'portal_outgoing_emails{status="sent"} 1.0' in text
    assert 'portal_email_deliveries_total{outcome="sent"}' in text
