"""French and English fields of the newsletter (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from newsletter.models import Issue, IssueBlock


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("subject", "preheader")


@register(IssueBlock)
class IssueBlockTranslation(TranslationOptions):
    fields = ("title", "body", "link")
