"""The placement algorithm: its invariants on random days, fixed meetings, availability,
stability; and the demo-sized day placed entirely."""

import random

import pytest

from events.matchmaking.scheduling import Problem, place


def random_day(*, people, meetings, slots, tables, seed, unavailable=0.1, cap=None):
    rnd = random.Random(seed)
    pairs, degree = set(), dict.fromkeys(range(people), 0)
    while len(pairs) < meetings:
        a, b = rnd.sample(range(people), 2)
        if (a, b) in pairs or (b, a) in pairs:
            continue
        if cap and (degree[a] >= cap or degree[b] >= cap):
            continue
        pairs.add((a, b))
        degree[a] += 1
        degree[b] += 1
    return Problem(
        slots=list(range(100, 100 + slots)),
        tables=tables,
        meetings=dict(enumerate(sorted(pairs))),
        unavailable={
            p: {s for s in range(100, 100 + slots) if rnd.random() < unavailable}
            for p in range(people)
        },
    )


def assert_valid(problem: Problem, placed: dict):
    """Nobody twice in a slot, one meeting per table and slot, availability respected,
    tables within range; fixed meetings count too."""
    seats, tables = set(), set()
    everything = {m: (people, s, t) for m, (people, s, t) in problem.fixed.items()}
    everything.update({m: (problem.meetings[m], s, t) for m, (s, t) in placed.items()})
    for people, slot, table in everything.values():
        assert slot in problem.slots
        assert 1 <= table <= problem.tables
        assert (slot, table) not in tables, "two meetings at one table"
        tables.add((slot, table))
        for person in people:
            assert (person, slot) not in seats, "someone in two places at once"
            seats.add((person, slot))
            if person in problem.unavailable and slot in problem.unavailable[person]:
                raise AssertionError("a meeting in a slot the person is unavailable")


@pytest.mark.parametrize("seed", range(5))
def test_random_days_respect_every_rule(seed):
    problem = random_day(people=40, meetings=120, slots=12, tables=12, seed=seed, cap=8)
    result = place(problem)
    assert_valid(problem, result.placed)
    assert set(result.placed) | set(result.unplaced) == set(problem.meetings)
    assert len(result.unplaced) <= 2


def test_a_demo_sized_day_is_placed_entirely():
    problem = random_day(people=60, meetings=150, slots=12, tables=20, seed=7, cap=8)
    result = place(problem)
    assert result.unplaced == []
    assert_valid(problem, result.placed)


def test_fixed_meetings_stay_and_block_their_people_and_table():
    problem = Problem(
        slots=[1, 2],
        tables=1,
        meetings={10: (1, 3), 11: (2, 3)},
        fixed={9: ((1, 2), 1, 1)},
    )
    result = place(problem)
    # Slot 1's only table is taken by the fixed meeting: one of the two goes to slot 2,
    # the other cannot be placed (person 3 is in both and there is one table).
    assert len(result.placed) == 1
    assert list(result.placed.values()) == [(2, 1)]
    assert_valid(problem, result.placed)


def test_unavailable_slots_are_avoided():
    problem = Problem(slots=[1, 2, 3], tables=5, meetings={1: (1, 2)}, unavailable={1: {1, 2}})
    assert place(problem).placed == {1: (3, 1)}


def test_a_meeting_with_no_common_free_slot_is_left_unplaced():
    problem = Problem(slots=[1, 2], tables=5, meetings={1: (1, 2)}, unavailable={1: {1}, 2: {2}})
    assert place(problem).unplaced == [1]


def test_repair_moves_a_meeting_out_of_the_way():
    # Greedy alone could put (1,2) in slot 1; (1,3) can only be in slot 1: the repair
    # moves (1,2) to slot 2.
    problem = Problem(
        slots=[1, 2],
        tables=3,
        meetings={1: (1, 2), 2: (1, 3)},
        unavailable={3: {2}},
        previous={1: (1, 1)},
    )
    result = place(problem)
    assert result.unplaced == []
    assert result.placed[2][0] == 1 and result.placed[1][0] == 2


def test_a_rerun_keeps_previous_places_when_they_still_work():
    problem = random_day(people=20, meetings=40, slots=8, tables=6, seed=3, cap=6)
    first = place(problem).placed
    problem.previous = dict(first)
    assert place(problem).placed == first
