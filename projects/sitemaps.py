from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from projects.models import Call, Project


class ProjectSitemap(Sitemap):
    """Projects a visitor may see: never members-only or confidential ones."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Project.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class CallSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Call.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {"projects": ProjectSitemap, "calls": CallSitemap}
