from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Collaborative projects")

    def ready(self):
        from content import panels as registry
        from projects import panels, personal_data

        registry.register(
            "home", template="projects/includes/_home_panel.html", context=panels.home, order=40
        )
        registry.register(
            "market",
            template="projects/includes/_market_panel.html",
            context=panels.market,
            order=20,
        )
        registry.register(
            "organisation",
            template="projects/includes/_organisation_panel.html",
            context=panels.organisation,
            order=20,
        )
        registry.register(
            "dashboard",
            template="projects/includes/_dashboard_panel.html",
            context=panels.dashboard,
            order=20,
        )
        personal_data.register()
