"""What the insights app adds to the rest of the site (see core/hooks.py): its pages in the
back-office menu."""

from django.utils.translation import gettext_lazy as _

from core import hooks

hooks.staff_link("insights", label=_("Members in figures"), url_name="insights:members", order=10)
hooks.staff_link(
    "insights", label=_("Labelling pipeline in figures"), url_name="insights:pipeline", order=11
)
hooks.staff_link("insights", label=_("Events in figures"), url_name="insights:events", order=12)
hooks.staff_link(
    "insights", label=_("Trainings in figures (Qualiopi)"), url_name="insights:trainings", order=13
)
hooks.staff_link(
    "insights", label=_("Project funding in figures"), url_name="insights:projects", order=14
)
hooks.demo("insights.demo.load")
