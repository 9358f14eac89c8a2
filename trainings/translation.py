"""French and English fields of the training offers (django-modeltranslation).

The history is registered after the translation (see DESIGN "Known pitfalls"), so that the
historical table carries the ``_fr``/``_en`` columns: staff and auditors can see what a
training page said on any date.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from trainings.models import Session, Training, TrainingProvider


@register(Training)
class TrainingTranslation(TranslationOptions):
    fields = Training.TRANSLATED_FIELDS


@register(Session)
class SessionTranslation(TranslationOptions):
    # Room names ("salle Peugeot") read in the page's language.
    fields = ("venue",)


@register(TrainingProvider)
class TrainingProviderTranslation(TranslationOptions):
    # The certificate's wording is shown on every training page, in the page's language.
    fields = ("name", "qualiopi_certificate")


simple_history.register(Training, m2m_fields=["markets"], excluded_fields=["updated_at"])
