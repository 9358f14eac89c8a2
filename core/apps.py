from importlib import import_module

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _


class PortalAppConfig(AppConfig):
    """The configuration of every portal app: when Django starts, it imports the app's
    ``hooks.py`` (if any), where the app declares what it adds to the rest of the site."""

    def ready(self):
        if module_has_submodule(self.module, "hooks"):
            import_module(f"{self.name}.hooks")


def _install_fold(sender, using, **kwargs):
    """Databases built without migrations (the test suite) get ``portal_fold`` too."""
    from django.db import connections
    from django.db.migrations.loader import MigrationLoader

    from core.search import install_postgres_fold

    if MigrationLoader.migrations_module(sender.label)[0] is None:
        install_postgres_fold(connections[using])


class CoreConfig(AppConfig):
    default = True  # the module defines two configurations
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # The worker's signal handlers that carry a request's id into its tasks.
        import_module("core.taskbackends")
        from django.db.backends.signals import connection_created

        from core import pagecache

        # Every statement on every connection goes through the page cache's watcher (it
        # records what pages read and invalidates what writes change).
        connection_created.connect(pagecache.install, dispatch_uid="core.pagecache.install")

        # The admin modules are loaded (the admin app comes first): the list columns made
        # by core.admin_lists get the verbose names of their fields.
        from django.contrib import admin

        from core.admin_lists import label_columns

        label_columns(admin.site)
        # The accent-blind search's portal_fold() on SQLite.
        from core.search import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="core.search.fold")
        # PostgreSQL's, in a database built without migrations.
        post_migrate.connect(_install_fold, sender=self, dispatch_uid="core.search.install")
        from core import hooks

        # The audience of the public pages (core.audience), in the back-office menu.
        hooks.staff_link(
            "insights",
            label=_("Audience of the public pages"),
            url_name="admin:core_pageviewday_audience",
            order=90,
        )
