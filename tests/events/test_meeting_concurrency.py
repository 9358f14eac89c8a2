"""Concurrent acceptances never double-book: the matchmaking row is locked while a meeting
is placed, and the database refuses two meetings at a table or a person in two places."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Count

from events.matchmaking import services
from events.models import AgendaEntry, Meeting
from tests.events.meeting_factories import meeting_day, participant, request

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def accept_all(meetings):
    def accept(meeting):
        try:
            services.meeting_answer(meeting=meeting, profile=meeting.recipient, accept=True)
            return "accepted"
        except services.MatchmakingError:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(accept, meetings))


def test_concurrent_acceptances_fill_tables_without_double_booking():
    # 5 meeting slots × 2 tables = 10 places; 16 meetings accepted at once.
    day = meeting_day(tables=2)
    people = [participant(day) for _index in range(32)]
    meetings = [request(people[2 * n], people[2 * n + 1]) for n in range(16)]
    results = accept_all(meetings)
    assert results.count("accepted") == 16
    placed = Meeting.objects.filter(slot__isnull=False)
    assert placed.count() == 10
    per_table = placed.values("slot", "table").annotate(n=Count("pk")).filter(n__gt=1)
    assert not per_table.exists()


def test_concurrent_acceptances_of_one_person_never_overlap():
    day = meeting_day(tables=10)
    host = participant(day)
    day.max_meetings = 4
    day.save()
    meetings = [request(participant(day), host) for _index in range(8)]
    results = accept_all(meetings)
    assert results.count("accepted") == 4, "the limit of meetings holds under concurrency"
    entries = AgendaEntry.objects.filter(profile=host)
    assert entries.count() == 4
    assert entries.values("slot").distinct().count() == 4


def test_the_database_refuses_a_person_in_two_meetings_of_one_slot():
    day = meeting_day()
    a, b, c = participant(day), participant(day), participant(day)
    first = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    first.refresh_from_db()
    second = request(a, c, status=Meeting.Status.ACCEPTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaEntry.objects.create(meeting=second, profile=a, slot=first.slot)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=second.pk).update(slot=first.slot, table=first.table)
