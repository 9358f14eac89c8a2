"""What the trainings app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import hooks
from trainings import calendar, demo, site_search
from trainings.panels import dashboard_context, home_context, market_context
from trainings.personal_data import (
    describe_answers,
    describe_custom_requests,
    describe_enrolments,
    erase_answers,
    erase_custom_requests,
    erase_enrolments,
    export_answers,
    export_custom_requests,
    export_enrolments,
)
from trainings.sitemaps import SITEMAPS

hooks.panel(
    "market", template="trainings/includes/_market_panel.html", context=market_context, order=30
)
hooks.panel("home", template="trainings/includes/_home_panel.html", context=home_context, order=30)
hooks.panel(
    "dashboard",
    template="trainings/includes/_dashboard_panel.html",
    context=dashboard_context,
    order=30,
)
hooks.search(site_search.search, order=50)
hooks.sitemaps(SITEMAPS)
hooks.calendar(calendar.personal_entries)
hooks.demo(demo.load)
# Answers first: once the requests are anonymised, they can no longer be found.
hooks.personal_data(
    "training_satisfaction_answers",
    label=_("Training questionnaire answers"),
    export=export_answers,
    describe=describe_answers,
    erase=erase_answers,
)
hooks.personal_data(
    "training_requests",
    label=_("Training requests"),
    export=export_enrolments,
    describe=describe_enrolments,
    erase=erase_enrolments,
)
hooks.personal_data(
    "training_custom_requests",
    label=_("À-la-carte training requests"),
    export=export_custom_requests,
    describe=describe_custom_requests,
    erase=erase_custom_requests,
)
