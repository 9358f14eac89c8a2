from django.utils.translation import gettext_lazy as _

from core import apps


class TrainingsConfig(apps.PortalAppConfig):
    name = "trainings"
    verbose_name = _("Trainings")
