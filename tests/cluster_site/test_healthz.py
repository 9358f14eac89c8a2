from unittest import mock

from django.db import DatabaseError
from django.urls import reverse


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_fails(client, db):
    with mock.patch("cluster_site.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
