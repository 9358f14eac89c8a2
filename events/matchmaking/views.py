"""Pages of participants of a meeting day: their profile, the others' profiles, requests,
answers, their agenda (page, PDF, .ics) and the rating of their meetings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import acts_as_staff
from core.views import refusal_as_message
from events.matchmaking import agenda, services
from events.matchmaking.filters import MeetingProfileFilter
from events.matchmaking.forms import MeetingProfileForm, MeetingRequestForm
from events.models import Event, Meeting, MeetingProfile, Registration
from members.permissions import is_member

PROFILES_PER_PAGE = 24


def matchmaking_of(slug, user):
    """The matchmaking of the listed event ``slug`` (drafts for staff), event preloaded;
    404 for an event without meetings."""
    event = get_object_or_404(
        Event.objects.visible_to(user).select_related("matchmaking"), slug=slug
    )
    if not hasattr(event, "matchmaking"):
        raise Http404
    return event.matchmaking


def _participant(request, slug):
    """(matchmaking, registration, profile or None) of the signed-in participant; 403 for
    anyone not registered (confirmed) for the event."""
    matchmaking = matchmaking_of(slug, request.user)
    registration = (
        Registration.objects.filter(
            event=matchmaking.event_id,
            user=request.user,
            status__in=Registration.REGISTERED_STATUSES,
        )
        .select_related("organisation")
        .first()
    )
    if registration is None:
        raise PermissionDenied(_("Business meetings are for the registered participants."))
    registration.event = matchmaking.event
    profile = MeetingProfile.objects.filter(registration=registration).first()
    return matchmaking, registration, profile


def _with_profile(request, slug):
    matchmaking, registration, profile = _participant(request, slug)
    if profile is None:
        return matchmaking, None
    return matchmaking, profile


@login_required
def meetings_home(request, slug):
    matchmaking, registration, profile = _participant(request, slug)
    meetings = []
    if profile is not None:
        meetings = list(
            Meeting.objects.of_profile(profile)
            .select_related("requester", "recipient", "slot")
            .order_by("-created_at")
        )
    for meeting in meetings:
        meeting.other_person = meeting.other(profile)
        meeting.my_follow_up = meeting.follow_up_of(profile)
    mine = profile.pk if profile else None
    received = [m for m in meetings if m.recipient_id == mine and m.status == "pending"]
    sent = [m for m in meetings if m.requester_id == mine and m.status == "pending"]
    accepted = sorted(
        (m for m in meetings if m.status == "accepted"),
        key=lambda m: (m.slot.start if m.slot else matchmaking.event.end, m.pk),
    )
    closed = [m for m in meetings if m.status not in Meeting.LIVE_STATUSES]
    return render(
        request,
        "events/meetings/home.html",
        {
            "matchmaking": matchmaking,
            "event": matchmaking.event,
            "profile": profile,
            "received": received,
            "sent": sent,
            "accepted": accepted,
            "closed": closed,
            "follow_ups": Meeting.FollowUp.choices,
            "can_rate": matchmaking.event.has_started,
        },
    )


@login_required
def meetings_profile(request, slug):
    matchmaking, registration, profile = _participant(request, slug)
    if profile is None:
        profile = services.profile_initial(registration)
        if registration.organisation is not None:
            initial_markets = list(registration.organisation.markets.all())
        else:
            initial_markets = []
    else:
        initial_markets = None
    form = MeetingProfileForm(
        request.POST or None,
        instance=profile,
        matchmaking=matchmaking,
        initial={"markets": initial_markets} if initial_markets is not None else None,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            profile = form.save()
            services.availability_changed(profile=profile)
        messages.success(request, _("Your meeting profile is saved."))
        return redirect("events:meetings-home", slug=slug)
    return render(
        request,
        "events/meetings/profile_form.html",
        {"matchmaking": matchmaking, "event": matchmaking.event, "form": form},
    )


@login_required
def meetings_directory(request, slug):
    matchmaking, profile = _with_profile(request, slug)
    if profile is None:
        messages.info(request, _("Write your meeting profile first: others will see it."))
        return redirect("events:meetings-profile", slug=slug)
    profiles = (
        MeetingProfile.objects.listed()
        .filter(event=matchmaking.event)
        .exclude(pk=profile.pk)
        .prefetch_related("markets")
    )
    filters = MeetingProfileFilter(request.GET, profiles)
    page = Paginator(filters.qs, PROFILES_PER_PAGE).get_page(request.GET.get("page"))
    asked = set(
        Meeting.objects.live()
        .filter(Q(requester=profile) | Q(recipient=profile))
        .values_list("requester_id", "recipient_id")
    )
    linked = {pk for pair in asked for pk in pair} - {profile.pk}
    return render(
        request,
        "events/meetings/directory.html",
        {
            "matchmaking": matchmaking,
            "event": matchmaking.event,
            "profile": profile,
            "filters": filters,
            "page_obj": page,
            "linked": linked,
        },
    )


@login_required
def meetings_participant(request, slug, pk):
    matchmaking, profile = _with_profile(request, slug)
    if profile is None:
        return redirect("events:meetings-profile", slug=slug)
    other = get_object_or_404(
        MeetingProfile.objects.listed()
        .filter(event=matchmaking.event)
        .exclude(pk=profile.pk)
        .select_related("registration__organisation")
        .prefetch_related("markets"),
        pk=pk,
    )
    form = MeetingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_request(
                requester=profile, recipient=other, message=form.cleaned_data["message"]
            )
        except services.MatchmakingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Your request is sent to %(name)s.") % {"name": other.display_name},
            )
            return redirect("events:meetings-home", slug=slug)
    between = (
        Meeting.objects.live()
        .filter(Q(requester=profile, recipient=other) | Q(requester=other, recipient=profile))
        .first()
    )
    organisation = other.registration.organisation
    membership = None
    if organisation is not None and organisation.is_listed:
        # The relay's contact form of the person, if they let this reader see them.
        shown = organisation.memberships.shown_to(request.user, is_member=is_member(request.user))
        membership = shown.filter(user_id=other.registration.user_id).first()
    return render(
        request,
        "events/meetings/participant_detail.html",
        {
            "matchmaking": matchmaking,
            "event": matchmaking.event,
            "other": other,
            "form": form,
            "between": between,
            "organisation": organisation,
            "membership": membership,
        },
    )


def _my_meeting(request, slug, pk):
    matchmaking, profile = _with_profile(request, slug)
    if profile is None:
        raise Http404
    meeting = get_object_or_404(Meeting.objects.of_profile(profile).select_related("event"), pk=pk)
    return matchmaking, profile, meeting


@login_required
@require_POST
def meeting_answer(request, slug, pk):
    matchmaking, profile, meeting = _my_meeting(request, slug, pk)
    accept = request.POST.get("answer") == "accept"
    with refusal_as_message(request):
        services.meeting_answer(meeting=meeting, profile=profile, accept=accept)
        messages.success(request, _("Meeting accepted.") if accept else _("Request declined."))
    return redirect("events:meetings-home", slug=slug)


@login_required
@require_POST
def meeting_withdraw(request, slug, pk):
    matchmaking, profile, meeting = _my_meeting(request, slug, pk)
    with refusal_as_message(request):
        services.meeting_withdraw(meeting=meeting, profile=profile)
        messages.success(request, _("Request withdrawn."))
    return redirect("events:meetings-home", slug=slug)


@login_required
@require_POST
def meeting_rate(request, slug, pk):
    matchmaking, profile, meeting = _my_meeting(request, slug, pk)
    with refusal_as_message(request):
        services.meeting_rate(
            meeting=meeting, profile=profile, follow_up=request.POST.get("follow_up", "")
        )
        messages.success(request, _("Thank you: your answer is saved."))
    return redirect("events:meetings-home", slug=slug)


def _agenda(request, slug):
    matchmaking, profile = _with_profile(request, slug)
    if profile is None:
        return redirect("events:meetings-profile", slug=slug), None, None
    if not matchmaking.is_published and not acts_as_staff(request.user):
        return None, matchmaking, None
    return None, matchmaking, (profile, agenda.agenda_rows(matchmaking, profile))


@login_required
def meetings_agenda(request, slug):
    response, matchmaking, data = _agenda(request, slug)
    if response:
        return response
    profile, rows = data or (None, [])
    return render(
        request,
        "events/meetings/agenda.html",
        {
            "matchmaking": matchmaking,
            "event": matchmaking.event,
            "profile": profile,
            "rows": rows,
            "published": data is not None,
        },
    )


@login_required
def meetings_agenda_ics(request, slug):
    response, matchmaking, data = _agenda(request, slug)
    if response or data is None:
        raise Http404
    profile, rows = data
    response = HttpResponse(
        agenda.agenda_calendar(matchmaking, profile, rows),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}-meetings.ics"'
    return response


@login_required
def meetings_agenda_pdf(request, slug):
    response, matchmaking, data = _agenda(request, slug)
    if response or data is None:
        raise Http404
    profile, rows = data
    content = agenda.pdf(
        "events/meetings/agenda_print.html",
        {"event": matchmaking.event, "profile": profile, "rows": rows},
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slug}-agenda.pdf"'
    return response
