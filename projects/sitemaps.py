from django.contrib.auth.models import AnonymousUser

from core.sitemaps import PagesSitemap, TranslatedSitemap
from projects.models import Call, Project


class ProjectSitemap(TranslatedSitemap):
    """Projects a visitor may see: never members-only or confidential ones."""

    changefreq = "monthly"

    def get_queryset(self):
        return Project.objects.visible_to(AnonymousUser())


class CallSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def get_queryset(self):
        return Call.objects.published()


class ProjectPagesSitemap(PagesSitemap):
    names = ["projects:project-list", "projects:call-list"]


SITEMAPS = {
    "project-pages": ProjectPagesSitemap,
    "projects": ProjectSitemap,
    "calls": CallSitemap,
}
