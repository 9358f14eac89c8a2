"""The base of the apps' sitemap sections (``<app>/sitemaps.py``, see ``core.hooks.sitemaps``).

Most sections list the pages of one model's rows that a visitor may see, each dated by the
row's ``updated_at``. A section says which rows with :meth:`ModelSitemap.get_queryset` and,
like any Django sitemap, its ``changefreq``, ``priority`` and ``limit``::

    class PartnerSitemap(TranslatedSitemap):
        changefreq = "yearly"

        def get_queryset(self):
            return Partner.objects.published()

Pages written in both languages use :class:`TranslatedSitemap`: each address is listed in
every language of the site, with links to its translations and to the default language
(``hreflang`` alternates and ``x-default``). Pages that are not rows (the home page, the
lists) are listed by URL name with :class:`PagesSitemap`.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ModelSitemap(Sitemap):
    """The pages of the rows of :meth:`get_queryset`, in the order of ``ordering``."""

    # A stable order, so that a row stays on the same page of a section cut by ``limit``.
    ordering: tuple[str, ...] = ("pk",)

    def get_queryset(self):
        """The rows a visitor may see (a queryset of a model with ``get_absolute_url``)."""
        raise NotImplementedError(f"{type(self).__name__} must say which rows it lists.")

    def items(self):
        return self.get_queryset().order_by(*self.ordering)

    def lastmod(self, obj):
        return obj.updated_at


class TranslatedSitemap(ModelSitemap):
    """Rows whose pages exist in every language of the site (French and English)."""

    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(Sitemap):
    """Pages that are not rows (the home page, the lists), by URL name, in every language
    with their alternates::

        class TrainingPagesSitemap(PagesSitemap):
            names = ["trainings:training-list"]
    """

    names: list[str] = []
    changefreq = "daily"
    priority = 0.7
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return list(self.names)

    def location(self, name):
        return reverse(name)
