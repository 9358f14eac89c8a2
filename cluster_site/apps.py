from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin, with the portal's branded and MFA-guarded site as default."""

    default = False
    default_site = "cluster_site.admin.PortalAdminSite"


class ClusterSiteConfig(AppConfig):
    default = True
    name = "cluster_site"
    verbose_name = _("Portal")

    def ready(self):
        from core import hooks

        # Last of the demo loaders: what needs every app's demo (the audience figures).
        hooks.demo("cluster_site.demo.load")
        from cluster_site.admin import name_third_party_apps

        name_third_party_apps()
        from django.db.models.signals import post_migrate

        from cluster_site import search_indexes

        # After core's own receiver (which creates portal_fold), once every table exists.
        post_migrate.connect(
            search_indexes.install,
            sender=apps.get_app_config("core"),
            dispatch_uid="cluster_site.search_indexes",
        )
