"""French and English fields of the staff-curated partners (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from networks.models import Partner


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "cover_alt", "seo_title", "seo_description")
