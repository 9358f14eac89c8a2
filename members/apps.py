from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_search(sender, using, **kwargs):
    """Databases built without migrations (the test suite) get the search set-up too."""
    from django.db import connections

    from members.search import install_postgres_search

    install_postgres_search(connections[using])


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from content import panels
        from members import panels as member_panels
        from members.personal_data import register_sections

        post_migrate.connect(_install_search, sender=self, dispatch_uid="members_search")
        panels.register(
            "dashboard",
            template="members/includes/_dashboard_panel.html",
            context=member_panels.dashboard_context,
            order=10,
        )
        panels.register(
            "market",
            template="members/includes/_market_panel.html",
            context=member_panels.market_context,
            order=10,
        )
        panels.register(
            "home",
            template="members/includes/_home_panel.html",
            context=member_panels.home_context,
            order=10,
        )
        register_sections()
