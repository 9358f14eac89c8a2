from core.sitemaps import PagesSitemap, TranslatedSitemap
from members.models import Organisation, Platform


class OrganisationSitemap(TranslatedSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def get_queryset(self):
        return Organisation.objects.in_directory().only("slug", "updated_at")


class PlatformSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.5

    def get_queryset(self):
        return Platform.objects.public().only("slug", "updated_at")


class MembersPagesSitemap(PagesSitemap):
    names = [
        "members:organisation-list",
        "members:organisation-map",
        "members:platform-list",
        "members:application-create",
    ]


SITEMAPS = {
    "members": MembersPagesSitemap,
    "organisations": OrganisationSitemap,
    "platforms": PlatformSitemap,
}
