from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from members.models import Organisation, Platform


class OrganisationSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Organisation.objects.in_directory().order_by("pk").only("slug", "updated_at")

    def lastmod(self, organisation):
        return organisation.updated_at


class PlatformSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Platform.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, platform):
        return platform.updated_at


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
