"""Forms of business meetings: the meeting profile, a request, a staff move."""

from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import Market
from core.forms import stacked_helper
from events.models import LANGUAGES, Meeting, MeetingProfile, MeetingSlot


class MeetingProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one language.")},
    )

    class Meta:
        model = MeetingProfile
        fields = [
            "display_name",
            "organisation_name",
            "organisation_kind",
            "offer",
            "seek",
            "markets",
            "languages",
            "unavailable_slots",
        ]
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 4}),
            "seek": forms.Textarea(attrs={"rows": 4}),
            "markets": forms.CheckboxSelectMultiple,
            "unavailable_slots": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "offer": _("Products, services, skills or partnerships you bring."),
            "seek": _("The partners, suppliers, customers or skills you are looking for."),
            "unavailable_slots": _("Tick the times you cannot meet anyone."),
        }

    def __init__(self, *args, matchmaking, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markets"].queryset = Market.objects.published()
        slots = matchmaking.slots.filter(is_break=False).order_by("start")
        self.fields["unavailable_slots"].queryset = slots
        zone = matchmaking.event.tzinfo
        self.fields["unavailable_slots"].label_from_instance = lambda slot: (
            f"{slot.start.astimezone(zone):%H:%M}–{slot.end.astimezone(zone):%H:%M}"
        )
        self.initial["languages"] = self.instance.language_codes
        self.helper = stacked_helper(self, Submit("save", _("Save my meeting profile")))

    def clean_languages(self):
        return "," + ",".join(self.cleaned_data["languages"]) + ","


class MeetingRequestForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4, "maxlength": 600})}
        labels = {"message": _("Your message")}
        help_texts = {"message": _("Say in a few words why you would like to meet.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = stacked_helper(self, Submit("send", _("Ask for a meeting")))

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(_("Write at least a sentence (10 characters)."))
        return message


class MeetingMoveForm(forms.Form):
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=MeetingSlot.objects.none())
    table = forms.IntegerField(label=_("Table"), min_value=1)

    def __init__(self, *args, matchmaking, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = matchmaking.slots.filter(is_break=False)
        self.fields["table"].max_value = matchmaking.tables
