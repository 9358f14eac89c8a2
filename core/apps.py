from importlib import import_module

from django.apps import AppConfig
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _


class PortalAppConfig(AppConfig):
    """The configuration of every portal app: when Django starts, it imports the app's
    ``hooks.py`` (if any), where the app declares what it adds to the rest of the site."""

    def ready(self):
        if module_has_submodule(self.module, "hooks"):
            import_module(f"{self.name}.hooks")


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # The worker's signal handlers that carry a request's id into its tasks.
        import_module("core.taskbackends")
