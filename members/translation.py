"""French and English names of the staff-curated vocabularies (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from members.models import Competency


@register(Competency)
class CompetencyTranslation(TranslationOptions):
    fields = ("name",)
