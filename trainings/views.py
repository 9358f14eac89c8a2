from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_required
from core import audience, ratelimit
from members.models import Organisation
from trainings import exports, lheo, services
from trainings.filters import TrainingFilter
from trainings.forms import CustomRequestForm, EnrolmentRequestForm, SatisfactionForm
from trainings.models import (
    CustomRequest,
    Enrolment,
    Session,
    Training,
    TrainingProvider,
)
from trainings.structured_data import course_json_ld

TRAININGS_PER_PAGE = 12

# Requests one person may send, counted in the shared cache so that every app server sees
# the same counts: visitors by network address, signed-in people by account (members enrol
# colleagues, so they get more).
ENROLMENT_RATES = {
    "visitor": (ratelimit.Rate(10, 60 * 60), ratelimit.Rate(30, 24 * 60 * 60)),
    "account": (ratelimit.Rate(30, 60 * 60), ratelimit.Rate(100, 24 * 60 * 60)),
}
CUSTOM_REQUEST_RATES = {
    "visitor": (ratelimit.Rate(3, 60 * 60), ratelimit.Rate(10, 24 * 60 * 60)),
    "account": (ratelimit.Rate(5, 60 * 60), ratelimit.Rate(15, 24 * 60 * 60)),
}


def _within_rate(request, scope: str, rates: dict) -> bool:
    """Count one request of this person for ``scope``; False once they sent too many."""
    if request.user.is_authenticated:
        return ratelimit.hit(f"trainings-{scope}", f"user-{request.user.pk}", rates["account"])
    try:
        # The adapter reads X-Forwarded-For behind the configured number of proxies.
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        address = "unknown"
    return ratelimit.hit(f"trainings-{scope}", f"ip-{address}", rates["visitor"])


def _too_many_message() -> str:
    provider = TrainingProvider.current()
    if provider is None:
        return _("Too many requests were sent from here in a short time. Please try again later.")
    return _(
        "Too many requests were sent from here in a short time. Please try again later, "
        "or write to us at %(email)s."
    ) % {"email": provider.email}


def training_list(request):
    """The catalogue: published trainings, filtered by market, theme, format and search,
    those with the nearest session first."""
    trainings = (
        Training.objects.published()
        .for_catalogue()
        .order_by(F("next_session").asc(nulls_last=True), "title", "pk")
    )
    filters = TrainingFilter(request.GET, trainings)
    page = Paginator(filters.qs, TRAININGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "trainings/training_list.html", {"page_obj": page, "filters": filters})


def training_detail(request, slug):
    """Every Qualiopi item of a training, its next sessions with seats left and its results."""
    training = get_object_or_404(
        Training.objects.visible_to(request.user).select_related("trainer").with_markets(),
        slug=slug,
    )
    sessions = list(training.sessions.upcoming().with_seats_taken())
    for session in sessions:
        session.state = session.enrolment_state()
    results = training.results()
    provider = TrainingProvider.current()
    response = render(
        request,
        "trainings/training_detail.html",
        {
            "training": training,
            "sessions": sessions,
            "results": results,
            "provider": provider,
            "page_url": settings.SITE_URL + request.path,
            "json_ld": course_json_ld(training, sessions, results, provider),
        },
    )
    return audience.mark(response, training)


def enrolment_create(request, pk):
    """Request a seat in a session: members for themselves or colleagues, visitors too."""
    session = get_object_or_404(
        Session.objects.select_related("training").with_seats_taken(),
        pk=pk,
        training__in=Training.objects.visible_to(request.user),
    )
    state = session.enrolment_state()
    context = {"session": session, "training": session.training, "state": state}
    if not state.open:
        return render(request, "trainings/enrolment_closed.html", context)
    organisations = Organisation.objects.active().of_user(request.user).order_by("name")
    waiting_list = state.full
    form = EnrolmentRequestForm(
        request.POST or None,
        user=request.user,
        organisations=organisations,
        submit_label=_("Join the waiting list") if waiting_list else _("Send my request"),
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        if not _within_rate(request, "enrolment", ENROLMENT_RATES):
            form.add_error(None, _too_many_message())
            status = 429
        else:
            enrolment = _enrolment_record(request, session, form)
            if enrolment is not None:
                if request.user.is_authenticated:
                    return redirect("trainings:enrolment-list")
                return redirect(session.training.get_absolute_url())
    context.update(form=form, waiting_list=waiting_list, member=bool(form.organisations))
    return render(request, "trainings/enrolment_form.html", context, status=status)


def _enrolment_record(request, session, form) -> Enrolment | None:
    """Hand the valid form to the service; None (with a form error) when it refuses."""
    try:
        enrolment = services.enrolment_request(
            session=session,
            requester=request.user,
            details=form.details(),
            join_waiting_list=request.POST.get("waiting_list") == "1",
            language=get_language(),
        )
    except services.EnrolmentRefused as refusal:
        form.add_error(None, refusal.message)
        return None
    if enrolment.status == Enrolment.Status.WAITING_LIST:
        message = _("%(name)s is on the waiting list. We sent you a confirmation email.")
    else:
        message = _(
            "Your request for %(name)s is recorded and a seat is held. We sent you "
            "a confirmation email; our team will confirm the seat shortly."
        )
    messages.success(request, message % {"name": enrolment.participant_name})
    return enrolment


@login_required
def enrolment_list(request):
    """The signed-in person's training requests, questionnaires and à-la-carte requests."""
    enrolments = list(
        Enrolment.objects.of_user(request.user)
        .for_list()
        .select_related("satisfaction")
        .order_by("-session__start_date", "-pk")
    )
    today = timezone.localdate()
    for enrolment in enrolments:
        enrolment.survey_open = (
            enrolment.status == Enrolment.Status.ATTENDED
            and enrolment.session.end_date < today
            and not hasattr(enrolment, "satisfaction")
            and (
                enrolment.participant_user_id == request.user.pk
                or enrolment.participant_email.lower() == request.user.email.lower()
            )
        )
    custom_requests = CustomRequest.objects.of_user(request.user).select_related("training")
    return render(
        request,
        "trainings/enrolment_list.html",
        {"enrolments": enrolments, "custom_requests": custom_requests},
    )


@login_required
@require_POST
def enrolment_cancel(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.of_user(request.user).select_related("session__training"), pk=pk
    )
    try:
        services.enrolment_cancel(enrolment=enrolment)
    except services.EnrolmentRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("The request for %(name)s is cancelled.") % {"name": enrolment.participant_name},
        )
    return redirect("trainings:enrolment-list")


def custom_request_create(request):
    """Ask for an à-la-carte or intra-company training."""
    user = request.user
    initial = {}
    if user.is_authenticated:
        organisation = Organisation.objects.active().of_user(user).order_by("name").first()
        initial = {
            "name": user.get_full_name(),
            "email": user.email,
            "phone": user.phone,
            "company_name": organisation.name if organisation else "",
        }
    else:
        organisation = None
    training_slug = request.GET.get("training")
    if training_slug:
        initial["training"] = (
            Training.objects.published()
            .filter(slug=training_slug)
            .values_list("pk", flat=True)
            .first()
        )
    form = CustomRequestForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not _within_rate(request, "custom-request", CUSTOM_REQUEST_RATES):
            form.add_error(None, _too_many_message())
            status = 429
        else:
            custom_request = form.save(commit=False)
            custom_request.requester = user if user.is_authenticated else None
            custom_request.organisation = organisation
            custom_request.language = get_language()
            services.custom_request_create(request=custom_request)
            messages.success(
                request,
                _("Thank you: your request is recorded. Our training team will contact you soon."),
            )
            return redirect("trainings:training-list")
    return render(request, "trainings/customrequest_form.html", {"form": form}, status=status)


def survey_answer(request, token):
    """The satisfaction questionnaire, reached through the participant's personal link."""
    pk = Enrolment.pk_from_survey_token(token)
    enrolment = (
        Enrolment.objects.select_related("session__training").filter(pk=pk).first() if pk else None
    )
    if enrolment is None:
        return render(request, "trainings/survey_refused.html", {"reason": "invalid"}, status=404)
    context = {"enrolment": enrolment, "session": enrolment.session}
    try:
        services.survey_check(enrolment)
    except services.SurveyRefused as refusal:
        context.update(reason=refusal.reason, message=refusal.message)
        return render(request, "trainings/survey_refused.html", context, status=403)
    form = SatisfactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer_record(enrolment=enrolment, answer=form.save(commit=False))
        except services.SurveyRefused as refusal:
            context.update(reason=refusal.reason, message=refusal.message)
            return render(request, "trainings/survey_refused.html", context, status=403)
        messages.success(request, _("Thank you for your answers: they help us improve."))
        return redirect(enrolment.session.training.get_absolute_url() + "#results")
    context["form"] = form
    return render(request, "trainings/survey_form.html", context)


# Staff exports ---------------------------------------------------------------------------


@staff_required
def catalogue_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="training-catalogue.csv"'
    exports.write_catalogue(response, request=request)
    return response


@staff_required
def catalogue_lheo(request):
    try:
        document = lheo.export_catalogue()
    except lheo.LheoExportError as error:
        messages.error(request, str(error))
        return redirect("admin:trainings_training_changelist")
    response = HttpResponse(document, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="training-catalogue-lheo.xml"'
    return response


@staff_required
def session_attendance_csv(request, pk):
    session = get_object_or_404(Session.objects.select_related("training"), pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"attendance-{session.training.slug}-{session.start_date:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    exports.write_attendance(response, session=session)
    return response
