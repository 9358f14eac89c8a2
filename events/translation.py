"""French and English fields of events, and their history of changes.

The history is registered here, after the translation options, so that the historical
table carries the ``_fr``/``_en`` columns (see DESIGN "Known pitfalls").
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "cover_alt")


simple_history.register(Event, m2m_fields=["markets", "partners"], excluded_fields=["updated_at"])
