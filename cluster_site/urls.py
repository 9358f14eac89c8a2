from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from cluster_site import accessibility, calendar, views
from core import hooks
from core import views as core_views
from core.observability import probes
from core.observability import views as observability
from core.sitemaps import PagesSitemap


class HomeSitemap(PagesSitemap):
    names = ["home"]
    priority = 1.0


class SitePagesSitemap(PagesSitemap):
    names = ["accessibility"]
    changefreq = "monthly"
    priority = 0.3


SITEMAPS = {"home": HomeSitemap, "site-pages": SitePagesSitemap, **hooks.all_sitemaps()}

urlpatterns = [
    path("healthz", probes.healthz, name="healthz"),
    path("readyz", probes.readyz, name="readyz"),
    path("metrics", observability.metrics, name="metrics"),
    # A long export, for the person who asked for it (the file is in the private storage).
    path("exports/<uuid:pk>/", core_views.export_download, name="export-download"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The private feed of a person's events and sessions; the token is the secret.
    path("calendar/<str:token>.ics", calendar.personal_calendar, name="personal-calendar"),
]

urlpatterns += i18n_patterns(
    # The back-office in French at /admin/, in English at /en/admin/.
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("search/", views.search, name="search"),
    path("accessibility/", accessibility.statement, name="accessibility"),
    path("accessibility/report/", accessibility.report, name="accessibility-report"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("content.urls")),
    path("members/", include("members.urls")),
    path("projects/", include("projects.urls")),
    path("trainings/", include("trainings.urls")),
    path("events/", include("events.urls")),
    path("partners/", include("networks.urls")),
    path("billing/", include("billing.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("insights/", include("insights.urls")),
    prefix_default_language=False,
)

if settings.BENCH:
    urlpatterns += [path("bench/minimal", views.bench_minimal, name="bench-minimal")]

# Public media on the disk only: on S3 the bucket (or its CDN) serves them.
if settings.SERVE_MEDIA and not settings.S3_BUCKET:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
