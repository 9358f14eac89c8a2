"""What this app shows on pages it owns through the panel slots other apps fill too: the
articles of a roadmap objective (see content/roadmap.py)."""

from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

from content.models import Article
from content.roadmap import ObjectiveItem, objective_list_url, objective_panel
from core import typography

# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("objective",)


def objective_context(request, objective):
    return objective_panel(
        Article.objects.published().filter(roadmap_objectives=objective),
        kind="articles",
        heading=_("News and foresight"),
        count_label=lambda total: npgettext("roadmap figure", "article", "articles", total),
        list_url=objective_list_url("content:article-list", objective),
        list_label=_("All news"),
        describe=lambda article: ObjectiveItem(
            article,
            article.title,
            article.get_absolute_url(),
            typography.date(localtime(article.published_at), "DATE_FORMAT"),
        ),
    )
