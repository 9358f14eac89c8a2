"""The filters of the participants' profiles of a meeting day, read from the address
(``?market=hydrogen&q=battery&kind=startup&language=de``)."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from content.filters import MarketFilter
from core.filters import ListFilterSet, SearchFilter
from events.models import LANGUAGES, MeetingProfile
from members.models import Organisation


class LanguageFilter(ChoiceFilter):
    def filter(self, qs, value):
        return qs.speaking(value) if value else qs


class MeetingProfileFilter(ListFilterSet):
    q = SearchFilter(label=_("Offer or need"))
    market = MarketFilter()
    kind = ChoiceFilter(
        label=_("Kind of organisation"),
        field_name="organisation_kind",
        choices=Organisation.Kind.choices,
    )
    language = LanguageFilter(label=_("Language"), choices=LANGUAGES)

    class Meta:
        model = MeetingProfile
        fields = []
