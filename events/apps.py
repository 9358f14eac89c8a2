from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from accounts import personal_data as accounts_personal_data
        from content import panels
        from events import panels as event_panels
        from events import personal_data

        panels.register(
            "home",
            template="events/includes/_home_panel.html",
            context=event_panels.home_context,
            order=40,
        )
        panels.register(
            "market",
            template="events/includes/_market_panel.html",
            context=event_panels.market_context,
            order=40,
        )
        panels.register(
            "organisation",
            template="events/includes/_organisation_panel.html",
            context=event_panels.organisation_context,
            order=40,
        )
        panels.register(
            "dashboard",
            template="events/includes/_dashboard_panel.html",
            context=event_panels.dashboard_context,
            order=20,
        )
        accounts_personal_data.register(
            "events",
            label=_("Event registrations and calendar"),
            export=personal_data.export,
            describe=personal_data.describe,
            erase=personal_data.erase,
        )
