"""What the trainings app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import audience, hooks
from trainings import calendar, panels, personal_data, site_search, staff
from trainings.models import Training
from trainings.sitemaps import SITEMAPS

hooks.panels(panels, market=30, home=30, dashboard=30, company=40, objective=30)
hooks.search(site_search.search, order=50, variant=site_search.variant)
hooks.sitemaps(SITEMAPS)
hooks.calendar(calendar.personal_entries)
hooks.demo("trainings.demo.load")
audience.count_views_of(Training)
hooks.staff_todo(staff.pending_work, order=30)
# Answers first: once the requests are anonymised, they can no longer be found.
hooks.personal_data_of(
    personal_data,
    training_satisfaction_answers=_("Training questionnaire answers"),
    training_requests=_("Training requests"),
    training_custom_requests=_("À-la-carte training requests"),
)


# Training requests made for an organisation, and the trainings it gave, are its history.
def _enrolments_of(organisation) -> int:
    return organisation.training_enrolments.count()


def _trainings_given_by(organisation) -> int:
    return organisation.trainings_given.count()


hooks.history("members.Organisation", label=_("training requests"), count=_enrolments_of)
hooks.history("members.Organisation", label=_("trainings given"), count=_trainings_given_by)
