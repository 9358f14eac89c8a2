from django.utils.translation import gettext_lazy as _

from core import apps


class ProjectsConfig(apps.PortalAppConfig):
    name = "projects"
    verbose_name = _("Collaborative projects")
