"""Placing accepted business meetings in the slots and at the tables of a meeting day.

This module is pure Python (no database): :func:`place` takes the problem as plain ids and
returns where each meeting goes. The services read the rows, call it, and write the answer.

The problem
    Each meeting joins two participants. A placement gives it a slot and a table such that
    nobody is in two meetings of the same slot, a table holds one meeting per slot (so a
    slot holds at most ``tables`` meetings), and nobody meets in a slot they declared
    unavailable. Meetings already placed and *fixed* (moved by staff, or already held)
    stay where they are and occupy their people and tables. As many meetings as possible
    are placed. This is an edge colouring of the "who meets whom" graph with a capacity on
    each colour and forbidden colours per vertex, a hard problem in general; the heuristic
    below places everything on realistic meeting days and is fast.

The algorithm, in three steps
    1. **Most constrained first (greedy).** For each meeting, its *candidate slots* are
       those where both people are free and available and a table is left. Meetings are
       taken in order of fewest candidates (ties: the people with the most meetings
       first), re-counted as the placement goes (a heap with lazy updates, as in DSatur
       colouring). A meeting goes to the candidate slot that takes the fewest candidates
       away from the other unplaced meetings of its two people; ties go to the slot it
       had before (a re-run changes few agendas), then to the emptiest slot, then to
       the earliest.
    2. **Repair by augmenting moves.** A meeting left without a candidate is tried in
       every slot both people are available: the meetings that block it there (one of
       its people is busy, or every table is taken) are moved out to another slot, each
       move possibly moving one more meeting in turn (depth-limited search, at most
       ``REPAIR_DEPTH`` levels, never moving a fixed meeting or the same meeting twice).
       A failed attempt is undone. This is the augmenting-path idea of bipartite
       matching, applied to the slots of a meeting's two people.
    3. **Tables.** Within each slot, fixed meetings keep their tables, then meetings keep
       their previous table when it is free, then the others take the lowest free
       numbers.

Cost: step 1 is O(M·(S + d)·log M) for M meetings, S slots and d meetings per person;
step 2 only runs for the few meetings left over. 1,000 meetings between 200 people over
16 slots take well under a second (see tests/events/test_meeting_benchmark.py).
"""

import heapq
from collections import defaultdict
from dataclasses import dataclass, field

REPAIR_DEPTH = 3


@dataclass
class Problem:
    """The input of :func:`place`, as ids.

    ``slots``: slot ids in time order (breaks left out). ``meetings``: meeting id →
    (participant, participant) for the meetings to place. ``fixed``: meeting id →
    (participants, slot, table) for meetings that stay put. ``unavailable``: participant
    → slots they cannot attend. ``previous``: meeting id → (slot, table) they had, kept
    when possible.
    """

    slots: list[int]
    tables: int
    meetings: dict[int, tuple[int, int]]
    fixed: dict[int, tuple[tuple[int, int], int, int]] = field(default_factory=dict)
    unavailable: dict[int, set[int]] = field(default_factory=dict)
    previous: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Placement:
    """The output of :func:`place`: meeting id → (slot, table), and the meetings that
    could not be placed."""

    placed: dict[int, tuple[int, int]]
    unplaced: list[int]


class _State:
    def __init__(self, problem: Problem):
        self.problem = problem
        self.slot_set = set(problem.slots)
        self.order = {slot: index for index, slot in enumerate(problem.slots)}
        self.busy: dict[int, dict[int, int]] = defaultdict(dict)  # person → slot → meeting
        self.load: dict[int, int] = dict.fromkeys(problem.slots, 0)
        self.at: dict[int, int] = {}  # meeting → slot (movable meetings only)
        self.people = dict(problem.meetings)
        self.fixed_ids = set(problem.fixed)
        for meeting, (people, slot, _table) in problem.fixed.items():
            self.people[meeting] = people
            for person in people:
                self.busy[person][slot] = meeting
            if slot in self.load:
                self.load[slot] += 1
        self.unavailable = problem.unavailable
        self.log: list[tuple[str, int, int]] = []  # the moves, for rollback()

    def allowed(self, meeting: int) -> list[int]:
        """Slots both people can attend, whoever else is there."""
        a, b = self.people[meeting]
        off = self.unavailable.get(a, set()) | self.unavailable.get(b, set())
        return [slot for slot in self.problem.slots if slot not in off]

    def candidates(self, meeting: int) -> list[int]:
        a, b = self.people[meeting]
        busy_a, busy_b = self.busy[a], self.busy[b]
        tables = self.problem.tables
        return [
            slot
            for slot in self.allowed(meeting)
            if slot not in busy_a and slot not in busy_b and self.load[slot] < tables
        ]

        self.log: list[tuple[str, int, int]] = []  # the moves, for rollback()

    def put(self, meeting: int, slot: int) -> None:
        for person in self.people[meeting]:
            self.busy[person][slot] = meeting
        self.load[slot] += 1
        self.at[meeting] = slot
        self.log.append(("put", meeting, slot))

    def take(self, meeting: int) -> int:
        slot = self.at.pop(meeting)
        for person in self.people[meeting]:
            del self.busy[person][slot]
        self.load[slot] -= 1
        self.log.append(("take", meeting, slot))
        return slot

    def rollback(self, checkpoint: int) -> None:
        """Undo every move made since ``len(self.log)`` was ``checkpoint``."""
        while len(self.log) > checkpoint:
            action, meeting, slot = self.log.pop()
            if action == "put":
                self.take(meeting)
            else:
                self.put(meeting, slot)
            self.log.pop()


def place(problem: Problem) -> Placement:
    """Place the meetings of ``problem`` (see the module docstring)."""
    state = _State(problem)
    pending_of: dict[int, set[int]] = defaultdict(set)  # person → unplaced meetings
    for meeting, (a, b) in problem.meetings.items():
        pending_of[a].add(meeting)
        pending_of[b].add(meeting)
    degree = {person: len(meetings) for person, meetings in pending_of.items()}

    def priority(meeting: int, count: int):
        a, b = state.people[meeting]
        return (count, -(degree[a] + degree[b]), meeting)

    heap = [priority(m, len(state.candidates(m))) for m in problem.meetings]
    heapq.heapify(heap)
    unplaced = []
    done = set()
    while heap:
        count, _weight, meeting = heapq.heappop(heap)
        if meeting in done:
            continue
        candidates = state.candidates(meeting)
        if len(candidates) != count:
            heapq.heappush(heap, priority(meeting, len(candidates)))
            continue
        done.add(meeting)
        a, b = state.people[meeting]
        pending_of[a].discard(meeting)
        pending_of[b].discard(meeting)
        if not candidates:
            unplaced.append(meeting)
            continue
        others = pending_of[a] | pending_of[b]
        previous = problem.previous.get(meeting, (None, None))[0]

        def harm(slot, others=others, previous=previous):
            lost = sum(1 for other in others if _could_use(state, other, slot))
            return (lost, slot != previous, state.load[slot], state.order[slot])

        state.put(meeting, min(candidates, key=harm))

    still = []
    for meeting in unplaced:
        if not _insert(state, meeting, REPAIR_DEPTH, {meeting}):
            still.append(meeting)
    return Placement(_tables(state, problem), sorted(still))


def _could_use(state: _State, meeting: int, slot: int) -> bool:
    a, b = state.people[meeting]
    return (
        slot not in state.busy[a]
        and slot not in state.busy[b]
        and slot not in state.unavailable.get(a, ())
        and slot not in state.unavailable.get(b, ())
    )


def _insert(state: _State, meeting: int, depth: int, locked: set[int]) -> bool:
    """Place ``meeting``, moving the meetings in its way (recursively, ``depth`` levels).
    On failure nothing has changed."""
    a, b = state.people[meeting]
    for slot in state.allowed(meeting):
        if state.at.get(meeting) == slot:
            continue
        blockers = {state.busy[a].get(slot), state.busy[b].get(slot)} - {None}
        if blockers & (state.fixed_ids | locked):
            continue
        full = state.load[slot] - len(blockers) >= state.problem.tables
        if not blockers and not full:
            state.put(meeting, slot)
            return True
        if depth == 0:
            continue
        if full:
            # Every table is taken: one more meeting of this slot must leave it.
            movable = [
                m
                for m, s in state.at.items()
                if s == slot and m not in blockers and m not in locked
            ]
            extra = next((m for m in movable if state.candidates(m)), None)
            if extra is None:
                continue
            blockers.add(extra)
        if _move_out(state, meeting, slot, sorted(blockers), depth, locked):
            return True
    return False


def _move_out(state, meeting, slot, blockers, depth, locked) -> bool:
    """Take ``blockers`` out of ``slot``, put ``meeting`` there and place the blockers
    elsewhere; or change nothing and return False."""
    checkpoint = len(state.log)
    for blocker in blockers:
        state.take(blocker)
    state.put(meeting, slot)
    for blocker in blockers:
        if not _insert(state, blocker, depth - 1, locked | {meeting, *blockers}):
            state.rollback(checkpoint)
            return False
    return True


def _tables(state: _State, problem: Problem) -> dict[int, tuple[int, int]]:
    taken: dict[int, set[int]] = defaultdict(set)
    for _people, slot, table in problem.fixed.values():
        taken[slot].add(table)
    by_slot: dict[int, list[int]] = defaultdict(list)
    for meeting, slot in state.at.items():
        by_slot[slot].append(meeting)
    placed = {}
    for slot, meetings in by_slot.items():
        waiting = []
        for meeting in sorted(meetings):
            old_slot, old_table = problem.previous.get(meeting, (None, None))
            if old_slot == slot and old_table and old_table not in taken[slot]:
                if old_table <= problem.tables:
                    taken[slot].add(old_table)
                    placed[meeting] = (slot, old_table)
                    continue
            waiting.append(meeting)
        free = (t for t in range(1, problem.tables + 1) if t not in taken[slot])
        for meeting in waiting:
            table = next(free)
            placed[meeting] = (slot, table)
    return placed
