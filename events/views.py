import calendar
import hashlib
from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_required
from accounts.permissions import acts_as_staff
from content.models import Market
from core import audience
from core.spreadsheets import csv_response
from core.views import refusal_as_message
from events import ical, services
from events.filters import EventFilter
from events.forms import CheckinSearchForm
from events.models import CalendarFeed, Event, Registration

EVENTS_PER_PAGE = 12


def _filtered_list(request, events, template):
    """A list page of events (upcoming or past) with the market, kind, audience and month
    filters of its address."""
    filters = EventFilter(request.GET, events)
    page = Paginator(filters.qs, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, template, {"page_obj": page, "filters": filters})


def event_list(request):
    events = Event.objects.listed().upcoming().for_list()
    return _filtered_list(request, events, "events/event_list.html")


def event_archive(request):
    events = Event.objects.listed().past().for_list()
    return _filtered_list(request, events, "events/event_archive.html")


def event_month(request, year=None, month=None):
    today = timezone.localdate()
    if year is None:
        year, month = today.year, today.month
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    events = list(Event.objects.listed().in_month(year, month).with_markets().order_by("start"))
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for day in week:
            day_events = [e for e in events if e.local_start.date() <= day <= e.local_end.date()]
            days.append(
                {
                    "date": day,
                    "in_month": day.month == month,
                    "events": day_events,
                    "is_today": day == today,
                }
            )
        weeks.append(days)
    first = date(year, month, 1)
    previous = first - timedelta(days=1)
    following = first + timedelta(days=32)
    return render(
        request,
        "events/event_month.html",
        {
            "month": first,
            "weeks": weeks,
            "events": events,
            "previous": previous.replace(day=1),
            "following": following.replace(day=1),
        },
    )


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.visible_to(request.user)
        .select_related("organiser", "matchmaking")
        .with_markets()
        .prefetch_related("partners"),
        slug=slug,
    )
    registration = None
    is_member = False
    if request.user.is_authenticated:
        registration = (
            event.registrations.active().filter(user=request.user).with_waiting_position().first()
        )
        is_member = services.registers_as_member(request.user)
    claim_url = ""
    if registration is not None and registration.offer_is_open:
        claim_url = reverse(
            "events:offer-claim", kwargs={"token": services.offer_token(registration)}
        )
    response = render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "registration": registration,
            "is_member": is_member,
            "price": event.price_for(is_member=is_member),
            "claim_url": claim_url,
            "state": event.registration_state(),
            "shows_private": registration is not None
            and registration.is_registered
            or acts_as_staff(request.user),
            # The venue of a public place (a trade show) is on the page for everyone.
            "shows_venue": event.venue_is_public,
        },
    )
    return audience.mark(response, event)


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.listed(), slug=slug)
    registration = None
    if request.user.is_authenticated:
        registration = event.registrations.active().filter(user=request.user).first()
    response = HttpResponse(
        ical.event_calendar(event, registration=registration),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


FEED_CACHE_SECONDS = 3600
FEED_WINDOW = timedelta(days=180)


def feed_events():
    """What public feeds carry: events open to everyone (members-only events reach a
    member's own calendar once they register), listed, that ended less than six months ago
    or are to come (older ones no longer matter to a calendar)."""
    return (
        Event.objects.listed()
        .filter(audience=Event.Audience.PUBLIC, end__gte=timezone.now() - FEED_WINDOW)
        .order_by("start", "pk")
    )


def _feed_response(request, events, name: str, *, scope: str) -> HttpResponse:
    """A public feed, cached under a fingerprint of its events' versions.

    The fingerprint (one light query) changes with any edit, addition, removal, change of
    market or passing of the time window, so a cached body is never stale; the entries
    themselves are cached one by one (``ical.feed_calendar``). Calendar applications poll
    often: the fingerprint is also the ETag, and an unchanged feed answers 304.
    """
    versions = events.values_list("pk", "updated_at")
    fingerprint = hashlib.sha256(
        ";".join([name, *(f"{pk}:{updated.timestamp()}" for pk, updated in versions)]).encode()
    ).hexdigest()[:32]
    etag = f'"{fingerprint}-{get_language()}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        key = f"events:feed:{scope}:{get_language()}:{fingerprint}"
        body = cache.get(key)
        if body is None:
            body = ical.feed_calendar(events, name=name)
            cache.set(key, body, FEED_CACHE_SECONDS)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=900"
    return response


def event_feed(request):
    return _feed_response(request, feed_events(), _("Vehicle of the Future events"), scope="all")


def market_feed(request, slug):
    market = get_object_or_404(Market.objects.published(), slug=slug)
    events = feed_events().filter(markets=market)
    return _feed_response(
        request,
        events,
        _("Vehicle of the Future events: %(market)s") % {"market": market.name},
        scope=f"market-{market.pk}",
    )


@login_required
def registration_create(request, slug):
    event = get_object_or_404(Event.objects.listed(), slug=slug)
    if request.method != "POST":
        # Back from the login page (a session that had expired): show the event, where
        # the button is; a GET never registers anyone.
        return redirect(event)
    try:
        registration = services.registration_create(event=event, user=request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
        return redirect(event)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered. A confirmation email is on its way."))
    else:
        messages.info(
            request,
            _("The event is full: you are on the waiting list. We email you if a seat frees up."),
        )
    return redirect(event)


def _registration_for(user, pk) -> Registration:
    return get_object_or_404(
        Registration.objects.visible_to(user)
        .select_related("event", "user", "organisation")
        .with_waiting_position(),
        pk=pk,
    )


@login_required
def registration_detail(request, pk):
    registration = _registration_for(request.user, pk)
    return render(
        request,
        "events/registration_detail.html",
        {
            "registration": registration,
            "event": registration.event,
            "can_cancel": registration.can_be_cancelled_by(request.user),
        },
    )


@login_required
def registration_cancel(request, pk):
    registration = _registration_for(request.user, pk)
    if request.method != "POST":
        # Back from the login page: the registration's page holds the cancel button.
        return redirect("events:registration-detail", pk=registration.pk)
    with refusal_as_message(request):
        services.registration_cancel(registration=registration, by=request.user)
        messages.success(
            request,
            _("The registration for “%(title)s” is cancelled.")
            % {"title": registration.event.title},
        )
    next_url = request.POST.get("next")
    if next_url == "event":
        return redirect(registration.event)
    if registration.user != request.user:
        return redirect("events:registration-detail", pk=registration.pk)
    return redirect("events:my-events")


@login_required
def my_events(request):
    now = timezone.now()
    registrations = (
        Registration.objects.filter(user=request.user)
        .select_related("event")
        .with_waiting_position()
        .order_by("event__start")
    )
    upcoming = [r for r in registrations if r.event.end >= now and r.is_active]
    past = [r for r in reversed(registrations) if r.event.end < now and r.is_active]
    for registration in upcoming:
        registration.can_be_cancelled_by_me = registration.can_be_cancelled_by(request.user)
    colleagues = (
        Registration.objects.visible_to(request.user)
        .active()
        .exclude(user=request.user)
        .filter(event__end__gte=now)
        .select_related("event", "user", "organisation")
        .order_by("event__start", "user__last_name")
    )
    feed = CalendarFeed.for_user(request.user)
    return render(
        request,
        "events/my_events.html",
        {
            "upcoming": upcoming,
            "past": past,
            "colleagues": colleagues,
            "feed_url": request.build_absolute_uri(feed.get_absolute_url()),
        },
    )


@login_required
@require_POST
def calendar_feed_reset(request):
    CalendarFeed.for_user(request.user).reset()
    messages.success(request, _("Your calendar address has changed: the old one no longer works."))
    return redirect(reverse("events:my-events") + "#calendar-feed")


@login_required
def offer_claim(request, token):
    """The link of a seat offer email: a page that explains, and a button that claims."""
    try:
        registration = services.offer_from_token(token)
    except signing.BadSignature:
        raise Http404 from None
    except services.RegistrationError as error:
        return _offer_invalid(request, error)
    if registration.user != request.user:
        raise Http404
    if request.method == "POST":
        try:
            services.offer_claim(registration=registration)
        except services.RegistrationError as error:
            return _offer_invalid(request, error)
        messages.success(request, _("The seat is yours. A confirmation email is on its way."))
        return redirect(registration.event)
    return render(
        request,
        "events/offer_claim.html",
        {"registration": registration, "event": registration.event},
    )


def _offer_invalid(request, error: services.RegistrationError) -> HttpResponse:
    """The page of a seat offer that can no longer be claimed: used (or withdrawn), or
    expired for any other refusal."""
    reason = "used" if isinstance(error, services.OfferUsed) else "expired"
    return render(
        request,
        "events/offer_invalid.html",
        {"reason": reason, "message": error.message},
        status=410,
    )


# Staff pages --------------------------------------------------------------------------------


@staff_required
def staff_board(request):
    events = (
        Event.objects.exclude(status=Event.Status.DRAFT)
        .filter(end__gte=timezone.now() - timedelta(days=30))
        .order_by("start")
        .annotate(**_count_annotations())
    )
    page = Paginator(events, 30).get_page(request.GET.get("page"))
    return render(request, "events/staff_board.html", {"page_obj": page})


def _count_annotations():
    statuses = Registration.Status
    return {
        f"count_{status.value.replace('-', '_')}": Count(
            "registrations", filter=Q(registrations__status=status.value)
        )
        for status in statuses
    }


def _staff_event(slug):
    return get_object_or_404(Event.objects.annotate(**_count_annotations()), slug=slug)


@staff_required
def event_attendees(request, slug):
    event = _staff_event(slug)
    registrations = event.registrations.select_related("user", "organisation")
    status = request.GET.get("status")
    if status in Registration.Status.values:
        registrations = registrations.filter(status=status)
    attendees = registrations.exclude(status=Registration.Status.WAITING).order_by(
        "user__last_name", "user__first_name"
    )
    waiting = event.registrations.waiting().select_related("user", "organisation")
    return render(
        request,
        "events/event_attendees.html",
        {
            "event": event,
            "attendees": attendees,
            "waiting": waiting,
            "statuses": Registration.Status.choices,
            "selected_status": status if status in Registration.Status.values else "",
        },
    )


@staff_required
def event_attendees_csv(request, slug):
    event = get_object_or_404(Event, slug=slug)
    response, writer = csv_response(f"{event.slug}-attendees.csv")
    writer.writerow(
        [
            _("Last name"),
            _("First name"),
            _("Email"),
            _("Phone"),
            _("Job title"),
            _("Organisation"),
            _("Status"),
            _("Waiting-list rank"),
            _("Price (€)"),
            _("Registered at"),
            _("Checked in at"),
        ]
    )
    registrations = event.registrations.select_related("user", "organisation").order_by(
        "user__last_name", "user__first_name"
    )
    for registration in registrations:
        user = registration.user
        writer.writerow(
            [
                *(
                    (user.last_name, user.first_name, user.email, user.phone, user.job_title)
                    if user
                    else (registration.person_name, "", "", "", "")
                ),
                registration.organisation.name if registration.organisation else "",
                registration.get_status_display(),
                registration.waiting_rank or "",
                registration.price,
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(registration.checked_in_at).strftime("%Y-%m-%d %H:%M")
                if registration.checked_in_at
                else "",
            ]
        )
    return response


CHECKIN_ROWS = 100


@staff_required
def event_checkin(request, slug):
    event = _staff_event(slug)
    form = CheckinSearchForm(request.GET or None)
    registrations = (
        event.registrations.filter(status__in=Registration.REGISTERED_STATUSES)
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name")
    )
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        registrations = registrations.filter(
            Q(user__last_name__icontains=query)
            | Q(user__first_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(organisation__name__icontains=query)
        )
    # One more row than shown tells whether the list was cut, without a count query.
    listed = list(registrations[: CHECKIN_ROWS + 1])
    return render(
        request,
        "events/event_checkin.html",
        {
            "event": event,
            "form": form,
            "registrations": listed[:CHECKIN_ROWS],
            "more": len(listed) > CHECKIN_ROWS,
            "shown": CHECKIN_ROWS,
            "expected": event.count_confirmed + event.count_attended + event.count_no_show,
        },
    )


@staff_required
@require_POST
def registration_mark(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("event", "user"), pk=pk)
    with refusal_as_message(request):
        services.registration_mark(registration=registration, status=request.POST.get("status"))
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": registration.person_name, "status": registration.get_status_display()},
        )
    return _back_to_staff_page(request, registration)


@staff_required
@require_POST
def registration_promote(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("event", "user"), pk=pk)
    with refusal_as_message(request):
        services.registration_promote(registration=registration)
        messages.success(
            request, _("%(name)s now has a confirmed seat.") % {"name": registration.person_name}
        )
    return _back_to_staff_page(request, registration)


@staff_required
@require_POST
def waiting_list_move(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    with refusal_as_message(request):
        services.waiting_list_move(
            registration=registration, direction=request.POST.get("direction", "")
        )
    return _back_to_staff_page(request, registration)


def _back_to_staff_page(request, registration):
    slug = registration.event.slug
    if request.POST.get("next") == "checkin":
        url = reverse("events:event-checkin", kwargs={"slug": slug})
        query = request.POST.get("q", "")
        return redirect(f"{url}?{urlencode({'q': query})}" if query else url)
    url = reverse("events:event-attendees", kwargs={"slug": slug})
    if request.POST.get("next") == "waiting":
        url += "#waiting-list"
    return redirect(url)
