"""The training page: every Qualiopi item, sessions with seats left, schema.org data,
a printable programme, and a query count that does not grow with the data."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import Market
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.trainings.factories import (
    CertifyingTrainingFactory,
    EnrolmentFactory,
    PastSessionFactory,
    SatisfactionAnswerFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings.demo import generate_trainings
from trainings.models import Enrolment, Session

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_page_shows_every_qualiopi_item_in_order(client, provider):
    training = CertifyingTrainingFactory(
        trainer=OrganisationFactory(name="Voltaria (démo)"), contact_phone="03 53 48 00 12"
    )
    html = client.get(training.get_absolute_url()).content.decode()
    headings = [
        "Objectifs",
        "Pour qui ?",
        "Programme",
        "Pédagogie et évaluation",
        "Résultats attendus",
        "Accès et inscription",
        "Accessibilité aux personnes handicapées",
        "Résultats",
    ]
    positions = [html.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    for text in (
        "Comprendre les batteries",  # objectives
        "Techniciens de maintenance.",  # audience
        "Aucun.",  # prerequisites
        "Exposés et travaux pratiques.",
        "Quiz et mise en situation.",
        "Demande en ligne, confirmation sous deux jours.",
        "jusqu'à 10 jours avant le premier jour",  # access delay
        "Locaux accessibles, adaptations possibles.",
        "Référent handicap : Marc Référent",
        "handicap@cluster.example",
        "800\u00a0€ HT",
        "1\u202f000\u00a0€ HT",
        "14 heures sur 2 jours",
        "RS9901",
        "Certificateur fictif",
        "Diagnostiquer",
        "Voltaria (démo)",
        "formation@cluster.example",
        "27259999925",
        "Imprimer le programme",
        "Informations mises à jour le",
    ):
        assert text in html, text
    assert "<h3>Jour 1</h3>" in html  # the programme's own headings sit under its h2


def test_upcoming_sessions_show_seats_left_and_a_request_button(client):
    training = TrainingFactory()
    open_session = SessionFactory(training=training, seats=3)
    EnrolmentFactory(session=open_session, status=Enrolment.Status.CONFIRMED)
    EnrolmentFactory(session=open_session, status=Enrolment.Status.WAITING_LIST)
    full = SessionFactory(
        training=training, seats=1, start_date=timezone.localdate() + timedelta(days=50)
    )
    EnrolmentFactory(session=full, status=Enrolment.Status.REQUESTED)
    SessionFactory(training=training, status=Session.Status.CANCELLED)
    PastSessionFactory(training=training)
    response = client.get(training.get_absolute_url())
    assert [s.pk for s in response.context["sessions"]] == [open_session.pk, full.pk]
    html = response.content.decode()
    assert "2 places restantes" in html
    assert "Rejoindre la liste d'attente" in html


def test_schema_org_course_data(client, provider):
    training = TrainingFactory()
    session = SessionFactory(training=training)
    SatisfactionAnswerFactory(enrolment__session__training=training, rating=4)
    data = json_ld(client.get(training.get_absolute_url()).content.decode())
    assert data["@type"] == "Course"
    assert data["name"] == training.title
    assert data["provider"]["name"] == "Véhicule du Futur"  # the brand of the page's language
    assert data["timeRequired"] == "PT14H"
    assert data["offers"][0]["price"] == "1000.00"
    instance = data["hasCourseInstance"][0]
    assert instance["courseMode"] == "onsite"
    assert instance["startDate"] == session.starts_at.isoformat()
    assert instance["startDate"].endswith("+01:00") or instance["startDate"].endswith("+02:00")
    assert instance["location"]["address"]["addressLocality"] == "Étupes"
    assert data["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.0,
        "ratingCount": 1,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_json_ld_cannot_break_out_of_its_script_element(client):
    training = TrainingFactory(summary="</script><script>alert(1)</script>")
    html = client.get(training.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json_ld(html)["description"] == "</script><script>alert(1)</script>"


def test_programme_markdown_is_sanitised(client):
    training = TrainingFactory(
        programme="## Jour 1\n<script>alert(1)</script>\n[x](javascript:alert(1))"
    )
    html = client.get(training.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "javascript:" not in html


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_count_is_the_same_for_12_and_1200_trainings(client, owner):
    markets = [MarketFactory(theme=theme) for theme in Market.Theme.values]
    today = timezone.localdate()
    generate_trainings(11, markets, today)
    training = CertifyingTrainingFactory(markets=markets[:2])
    SessionFactory(training=training)
    SatisfactionAnswerFactory(enrolment__session__training=training)
    url = training.get_absolute_url()
    client.get(url)
    anonymous = count_queries(client, url)
    client.force_login(owner)
    client.get(url)
    signed_in = count_queries(client, url)
    client.logout()

    generate_trainings(1199, markets, today)
    for days in range(5, 60, 10):
        session = SessionFactory(training=training, start_date=today + timedelta(days=days))
        EnrolmentFactory.create_batch(3, session=session)
    for _ in range(10):
        SatisfactionAnswerFactory(enrolment__session__training=training)
    assert count_queries(client, url) == anonymous
    client.force_login(owner)
    assert count_queries(client, url) == signed_in
    assert anonymous <= 7, anonymous


def test_session_hours_follow_the_readers_typography(client):
    training = TrainingFactory()
    SessionFactory(training=training)
    french = client.get(training.get_absolute_url()).content.decode()
    assert "9\u00a0h–17\u00a0h" in french and "09:00–" not in french
    english = client.get("/en" + training.get_absolute_url()).content.decode()
    assert "9\u00a0am–5\u00a0pm" in english
