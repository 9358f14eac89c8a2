"""French and English fields of the editorial content (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from content.models import (
    Article,
    ContactSettings,
    HomeBlock,
    KeyFigure,
    Market,
    Page,
    RoadmapObjective,
    TeamMember,
)

SEO_FIELDS = ("seo_title", "seo_description")


@register(Market)
class MarketTranslation(TranslationOptions):
    fields = ("name", "tagline", "intro", "challenges", "offer", "cover_alt", *SEO_FIELDS)


@register(RoadmapObjective)
class RoadmapObjectiveTranslation(TranslationOptions):
    fields = ("title", "summary", "body", *SEO_FIELDS)


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "excerpt", "body", "cover_alt", *SEO_FIELDS)


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "intro", "body", "cover_alt", *SEO_FIELDS)


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label",)


@register(HomeBlock)
class HomeBlockTranslation(TranslationOptions):
    fields = ("title", "body", "link_label")


@register(ContactSettings)
class ContactSettingsTranslation(TranslationOptions):
    fields = ("opening_hours", "access")


@register(TeamMember)
class TeamMemberTranslation(TranslationOptions):
    fields = ("role",)
