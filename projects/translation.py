"""French and English fields of the staff-curated programmes and calls (modeltranslation).

Projects and partner searches are written by members: they carry explicit optional English
fields instead.
"""

from modeltranslation.translator import TranslationOptions, register

from projects.models import Call, FundingProgramme


@register(FundingProgramme)
class FundingProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "summary", "seo_title", "seo_description")
