from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.sitemaps import ModelSitemap
from members.models import Organisation, Platform


class OrganisationSitemap(ModelSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def get_queryset(self):
        return Organisation.objects.in_directory().only("slug", "updated_at")


class PlatformSitemap(ModelSitemap):
    changefreq = "monthly"
    priority = 0.5

    def get_queryset(self):
        return Platform.objects.public().only("slug", "updated_at")


class MembersPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return [
            "members:organisation-list",
            "members:organisation-map",
            "members:platform-list",
            "members:application-create",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "members": MembersPagesSitemap,
    "organisations": OrganisationSitemap,
    "platforms": PlatformSitemap,
}
