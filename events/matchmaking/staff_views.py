"""Staff pages of a meeting day: the grid of tables × slots with its figures and actions,
the printed room plan and table sheets, and the phone page of the day."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_required
from core.views import refusal_as_message
from events.matchmaking import agenda, services
from events.matchmaking.forms import MeetingMoveForm
from events.matchmaking.views import matchmaking_of
from events.models import Meeting, MeetingProfile


def figures(matchmaking) -> dict:
    """Requests, accepted, held and follow-ups of the day, in one query."""
    yes = Q(requester_follow_up="yes") | Q(recipient_follow_up="yes")
    maybe = Q(requester_follow_up="maybe") | Q(recipient_follow_up="maybe")
    return Meeting.objects.filter(event_id=matchmaking.event_id).aggregate(
        requests=Count("pk"),
        pending=Count("pk", filter=Q(status="pending")),
        accepted=Count("pk", filter=Q(status="accepted")),
        placed=Count("pk", filter=Q(status="accepted", slot__isnull=False)),
        held=Count("pk", filter=Q(attendance="held")),
        missed=Count("pk", filter=Q(attendance="missed")),
        follow_up_yes=Count("pk", filter=yes),
        follow_up_maybe=Count("pk", filter=maybe & ~yes),
    )


def _grid(matchmaking):
    """Slots (breaks included), each with its row of tables (a meeting or None), and the
    accepted meetings left unplaced. Two queries."""
    slots = list(matchmaking.slots.order_by("start"))
    meetings = list(
        Meeting.objects.filter(event_id=matchmaking.event_id, status="accepted")
        .select_related("requester", "recipient")
        .order_by("pk")
    )
    at = {(m.slot_id, m.table): m for m in meetings if m.slot_id}
    zone = matchmaking.event.tzinfo
    rows = [
        {
            "slot": slot,
            "start": timezone.localtime(slot.start, zone),
            "end": timezone.localtime(slot.end, zone),
            "cells": [at.get((slot.pk, table)) for table in range(1, matchmaking.tables + 1)],
        }
        for slot in slots
    ]
    unplaced = [m for m in meetings if not m.slot_id]
    return rows, unplaced, meetings


@staff_required
def meetings_grid(request, slug):
    matchmaking = matchmaking_of(slug, request.user)
    rows, unplaced, meetings = _grid(matchmaking)
    return render(
        request,
        "events/meetings/staff_grid.html",
        {
            "matchmaking": matchmaking,
            "event": matchmaking.event,
            "rows": rows,
            "unplaced": unplaced,
            "meetings": meetings,
            "tables": range(1, matchmaking.tables + 1),
            "figures": figures(matchmaking),
            "participants": MeetingProfile.objects.listed().filter(event=matchmaking.event).count(),
            "move_slots": [r for r in rows if not r["slot"].is_break],
        },
    )


def _staff_meeting(slug, pk, user):
    matchmaking = matchmaking_of(slug, user)
    meeting = get_object_or_404(
        Meeting.objects.filter(event_id=matchmaking.event_id).select_related("event"), pk=pk
    )
    meeting.event.matchmaking = matchmaking
    return matchmaking, meeting


@staff_required
@require_POST
def meeting_move(request, slug, pk):
    matchmaking, meeting = _staff_meeting(slug, pk, request.user)
    form = MeetingMoveForm(request.POST, matchmaking=matchmaking)
    if not form.is_valid():
        messages.error(
            request,
            _("Choose a slot and a table from 1 to %(count)s.") % {"count": matchmaking.tables},
        )
    else:
        with refusal_as_message(request):
            services.meeting_move(
                meeting=meeting, slot=form.cleaned_data["slot"], table=form.cleaned_data["table"]
            )
            messages.success(request, _("The meeting is moved; it stays there from now on."))
    return redirect("events:meetings-grid", slug=slug)


@staff_required
@require_POST
def meeting_cancel(request, slug, pk):
    matchmaking, meeting = _staff_meeting(slug, pk, request.user)
    with refusal_as_message(request):
        services.meeting_cancel(meeting=meeting)
        messages.success(request, _("The meeting is cancelled; both people are told."))
    return redirect("events:meetings-grid", slug=slug)


@staff_required
@require_POST
def meeting_mark(request, slug, pk):
    matchmaking, meeting = _staff_meeting(slug, pk, request.user)
    with refusal_as_message(request):
        services.meeting_mark(meeting=meeting, attendance=request.POST.get("attendance", ""))
        messages.success(request, _("Saved."))
    url = reverse("events:meetings-day", kwargs={"slug": slug})
    if meeting.slot_id:
        url += f"?slot={meeting.slot_id}"
    return redirect(url)


@staff_required
@require_POST
def placement_run(request, slug):
    matchmaking = matchmaking_of(slug, request.user)
    with refusal_as_message(request):
        placed, left = services.placement_run(matchmaking=matchmaking)
        if left:
            messages.warning(
                request,
                _("%(placed)s meetings placed; %(left)s could not be placed: move them by hand.")
                % {"placed": placed, "left": left},
            )
        else:
            messages.success(
                request, _("Every accepted meeting is placed (%(placed)s).") % {"placed": placed}
            )
    return redirect("events:meetings-grid", slug=slug)


@staff_required
@require_POST
def schedule_publish(request, slug):
    matchmaking = matchmaking_of(slug, request.user)
    with refusal_as_message(request):
        told = services.schedule_publish(matchmaking=matchmaking)
        messages.success(
            request, _("The schedule is published: %(count)s agendas sent.") % {"count": told}
        )
    return redirect("events:meetings-grid", slug=slug)


@staff_required
def meetings_print(request, slug):
    """The room plan (tables × slots) and one sheet per table, for printing (or as PDF
    with ``?format=pdf``)."""
    matchmaking = matchmaking_of(slug, request.user)
    rows, _unplaced, _meetings = _grid(matchmaking)
    sheets = [
        {
            "table": table,
            "rows": [
                {
                    "start": r["start"],
                    "end": r["end"],
                    "slot": r["slot"],
                    "meeting": r["cells"][table - 1],
                }
                for r in rows
            ],
        }
        for table in range(1, matchmaking.tables + 1)
    ]
    context = {
        "matchmaking": matchmaking,
        "event": matchmaking.event,
        "rows": rows,
        "tables": range(1, matchmaking.tables + 1),
        "sheets": sheets,
    }
    if request.GET.get("format") == "pdf":
        response = HttpResponse(
            agenda.pdf("events/meetings/print_plan.html", {**context, "for_pdf": True}),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'inline; filename="{slug}-room-plan.pdf"'
        return response
    return render(request, "events/meetings/print_plan.html", context)


@staff_required
def meetings_day(request, slug):
    """The phone page of the day: the meetings of the current (or chosen) slot, to mark
    held or missed."""
    matchmaking = matchmaking_of(slug, request.user)
    slots = list(matchmaking.slots.filter(is_break=False).order_by("start"))
    now = timezone.now()
    chosen = request.GET.get("slot")
    slot = next((s for s in slots if str(s.pk) == chosen), None)
    if slot is None:
        slot = next((s for s in slots if s.end > now), slots[-1] if slots else None)
    meetings = []
    if slot is not None:
        meetings = list(
            Meeting.objects.filter(slot=slot, status="accepted")
            .select_related("requester", "recipient")
            .order_by("table")
        )
    zone = matchmaking.event.tzinfo
    return render(
        request,
        "events/meetings/staff_day.html",
        {
            "matchmaking": matchmaking,
            "event": matchmaking.event,
            "slots": [
                (s, timezone.localtime(s.start, zone), timezone.localtime(s.end, zone))
                for s in slots
            ],
            "slot": slot,
            "meetings": meetings,
        },
    )
