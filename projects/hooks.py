"""What the projects app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import audience, hooks
from projects import panels, personal_data, site_search, staff
from projects.models import Project
from projects.sitemaps import SITEMAPS

hooks.panels(panels, home=40, market=20, organisation=20, dashboard=20, company=20, objective=20)
hooks.person_flag(panels.PARTNER_FLAG, panels.partner_flag)
hooks.search(site_search.search, order=40, variant=site_search.variant)
hooks.sitemaps(SITEMAPS)
hooks.demo("projects.demo.load")
audience.count_views_of(Project)
hooks.staff_todo(staff.pending_work, order=20)
hooks.staff_link("projects", label=_("Labelling board"), url_name="projects:project-board")
hooks.personal_data_of(personal_data, projects=_("Projects and partner searches"))


# Projects, partner searches that were answered and the answers an organisation gave to
# others' searches are its history.
def _projects_of(organisation) -> int:
    return organisation.project_participations.count()


def _answered_searches_of(organisation) -> int:
    return organisation.partner_searches.filter(interests__isnull=False).distinct().count()


def _answers_given_by(organisation) -> int:
    return organisation.partner_interests.count()


hooks.history("members.Organisation", label=_("projects"), count=_projects_of)
hooks.history(
    "members.Organisation", label=_("answered partner searches"), count=_answered_searches_of
)
hooks.history(
    "members.Organisation",
    label=_("answers to partner searches"),
    count=_answers_given_by,
)
