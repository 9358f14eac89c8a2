"""Seats under concurrent requests, on PostgreSQL: the session row lock serialises them."""

import threading

import pytest
from django.db import connection

from tests.trainings.factories import SessionFactory
from trainings import services
from trainings.models import SEAT_HOLDING_STATUSES, Enrolment

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REQUESTS = 30
SEATS = 5


def details(number: int) -> dict:
    return {
        "requester_name": f"Personne {number}",
        "requester_email": f"personne{number}@example.org",
        "company_name": "Entreprise",
        "participant_first_name": "Personne",
        "participant_last_name": str(number),
        "participant_email": f"personne{number}@example.org",
    }


def run_concurrently(session, *, join_waiting_list: bool) -> list[str]:
    barrier = threading.Barrier(REQUESTS)
    outcomes = []

    def request(number):
        try:
            barrier.wait()
            services.enrolment_request(
                session=session,
                requester=None,
                details=details(number),
                join_waiting_list=join_waiting_list,
            )
            outcomes.append("saved")
        except services.EnrolmentRefused:
            outcomes.append("refused")
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=request, args=(n,)) for n in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_thirty_requests_for_five_seats_never_overbook():
    session = SessionFactory(seats=SEATS)
    outcomes = run_concurrently(session, join_waiting_list=False)
    assert outcomes.count("saved") == SEATS
    assert outcomes.count("refused") == REQUESTS - SEATS
    assert Enrolment.objects.filter(session=session).count() == SEATS
    assert Enrolment.objects.filter(session=session, status__in=SEAT_HOLDING_STATUSES).count() == (
        SEATS
    )


def test_the_others_go_to_the_waiting_list_when_they_ask_for_it():
    session = SessionFactory(seats=SEATS)
    outcomes = run_concurrently(session, join_waiting_list=True)
    assert outcomes.count("saved") == REQUESTS
    enrolments = Enrolment.objects.filter(session=session)
    assert enrolments.filter(status=Enrolment.Status.REQUESTED).count() == SEATS
    assert enrolments.filter(status=Enrolment.Status.WAITING_LIST).count() == REQUESTS - SEATS


def test_concurrent_confirmations_from_the_waiting_list_respect_the_seats():
    session = SessionFactory(seats=2)
    waiting = [
        Enrolment.objects.create(
            session=session,
            status=Enrolment.Status.WAITING_LIST,
            price_category=Enrolment.PriceCategory.NON_MEMBER,
            **details(number),
        )
        for number in range(10)
    ]
    barrier = threading.Barrier(len(waiting))
    refused = []

    def confirm(enrolment):
        try:
            barrier.wait()
            services.enrolment_change_status(enrolment=enrolment, status=Enrolment.Status.CONFIRMED)
        except services.EnrolmentRefused:
            refused.append(enrolment.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(e,)) for e in waiting]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(refused) == 8
    assert Enrolment.objects.filter(session=session, status=Enrolment.Status.CONFIRMED).count() == 2


def test_lowering_the_seats_is_checked_under_the_session_lock():
    """Staff open the session form (5 seats, 2 holders) and lower it to 3; meanwhile two
    requests arrive. The save counts again under the lock and refuses."""
    session = SessionFactory(seats=5)
    for number in range(2):
        services.enrolment_request(session=session, requester=None, details=details(number))
    edited = type(session).objects.get(pk=session.pk)
    edited.seats = 3
    edited.full_clean()  # what the form checks: 2 holders, 3 seats, fine
    for number in range(2, 4):
        services.enrolment_request(session=session, requester=None, details=details(number))
    with pytest.raises(services.EnrolmentRefused, match="4 personnes"):
        services.session_save(session=edited)
    session.refresh_from_db()
    assert session.seats == 5
