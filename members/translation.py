"""French and English texts of the members app (django-modeltranslation).

Organisations and platforms present themselves in both languages: ``pitch_fr`` and
``pitch_en`` columns (and so on), the plain ``pitch`` reading the page's language with a
fallback to French. French is required where the field is (a pitch, a summary), English
never is.

Their history is registered after the translation (see DESIGN "Known pitfalls"), so that
the historical tables carry the ``_fr``/``_en`` columns. The untranslated columns the
translation keeps beside them only repeat one language, so the history leaves them out.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from members.models import Competency, Organisation, Platform


@register(Competency)
class CompetencyTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("pitch", "description")
    required_languages = ("fr",)


@register(Platform)
class PlatformTranslation(TranslationOptions):
    fields = ("summary", "description")
    required_languages = ("fr",)


simple_history.register(
    Organisation,
    m2m_fields=["markets", "competencies", "certifications"],
    excluded_fields=[
        "pitch",
        "description",
        "updated_at",
        "search_text",
        "search_vector",
        "sort_name",
    ],
)
simple_history.register(
    Platform,
    excluded_fields=["summary", "description", "updated_at", "search_text", "search_vector"],
)
