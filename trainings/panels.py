"""What the trainings app shows on pages of other apps (see core/hooks.py)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

from content.roadmap import ObjectiveItem, objective_list_url, objective_panel
from trainings.models import Enrolment, Session, Training

MARKET_TRAININGS = 3
HOME_SESSIONS = 4
DASHBOARD_REQUESTS = 4
# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home", "market", "objective")


def market_context(request, market):
    """The market's trainings, those with the nearest session first (two queries)."""
    trainings = list(
        Training.objects.published()
        .for_catalogue()
        .filter(markets=market)
        .order_by(F("next_session").asc(nulls_last=True), "title")[:MARKET_TRAININGS]
    )
    if not trainings:
        return None
    return {"trainings": trainings, "market": market}


def home_context(request, obj=None):
    """The next sessions of published trainings, with seats left (one query)."""
    sessions = list(
        Session.objects.upcoming()
        .of_published_trainings()
        .select_related("training")
        .with_seats_taken()[:HOME_SESSIONS]
    )
    if not sessions:
        return None
    return {"sessions": sessions}


def dashboard_context(request, obj=None):
    """The person's latest requests and the questionnaires waiting for them (two queries)."""
    user = request.user
    if not user.is_authenticated:
        return None
    requests = list(
        Enrolment.objects.of_user(user)
        .for_list()
        .order_by("-session__start_date", "-pk")[:DASHBOARD_REQUESTS]
    )
    surveys = list(
        Enrolment.objects.filter(participant_user=user)
        .survey_to_answer()
        .select_related("session__training")
        .order_by("-session__end_date")[:3]
    )
    return {"enrolments": requests, "surveys": surveys}


COMPANY_ITEMS = 8


def company_context(request, organisation):
    """Its people's training requests (latest first) and its à-la-carte requests, for the
    company dashboard of the organisation's admins (two queries)."""
    enrolments = list(
        organisation.training_enrolments.select_related("session__training").order_by(
            "-created_at", "-pk"
        )[:COMPANY_ITEMS]
    )
    custom_requests = list(
        organisation.custom_training_requests.select_related("training").order_by(
            "-created_at", "-pk"
        )[:COMPANY_ITEMS]
    )
    return {"enrolments": enrolments, "custom_requests": custom_requests}


def objective_context(request, objective):
    """The published trainings that serve a roadmap objective, latest first."""
    return objective_panel(
        Training.objects.published()
        .filter(roadmap_objectives=objective)
        .order_by("-published_at", "pk"),
        kind="trainings",
        heading=_("Trainings"),
        count_label=lambda total: npgettext("roadmap figure", "training", "trainings", total),
        list_url=objective_list_url("trainings:training-list", objective),
        list_label=_("All trainings"),
        describe=lambda training: ObjectiveItem(
            training, training.title, training.get_absolute_url(), training.get_theme_display()
        ),
    )
