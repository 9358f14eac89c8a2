from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from core import apps


def _install_search(sender, using, **kwargs):
    """Databases built without migrations (the test suite) get the search set-up too."""
    from django.db import connections

    from members.search import install_postgres_search

    install_postgres_search(connections[using])


class MembersConfig(apps.PortalAppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        super().ready()
        post_migrate.connect(_install_search, sender=self, dispatch_uid="members_search")
