from zoneinfo import ZoneInfo, available_timezones

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import Event


class CheckinSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, email or organisation"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "autocapitalize": "none"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "checkin-search"
        self.helper.layout = Layout(
            Field("q", css_class="form-control-lg"),
            Submit(
                "", pgettext_lazy("event check-in", "Search"), css_class="btn-primary btn-lg w-100"
            ),
        )


class EventAdminForm(forms.ModelForm):
    """The back-office form: field errors for an end before the start or a negative
    capacity come from the model's validation."""

    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "kind",
            "summary",
            "description",
            "start",
            "end",
            "timezone",
            "city",
            "venue_name",
            "address",
            "online_url",
            "markets",
            "organiser",
            "partners",
            "cover",
            "cover_alt",
            "capacity",
            "registration_enabled",
            "registration_opens_at",
            "registration_closes_at",
            "audience",
            "price_member",
            "price_non_member",
            "cancellation_deadline",
            "status",
        ]

    # Dates are typed in the event's own time zone (Europe/Paris unless staff choose another).
    LOCAL_FIELDS = (
        "start",
        "end",
        "registration_opens_at",
        "registration_closes_at",
        "cancellation_deadline",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk and instance.timezone:
            zone = instance.tzinfo
            for name in self.LOCAL_FIELDS:
                value = getattr(instance, name)
                if value is not None and name in self.fields:
                    self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("timezone")
        if zone_name and zone_name in available_timezones():
            zone = ZoneInfo(zone_name)
            for name in self.LOCAL_FIELDS:
                value = cleaned.get(name)
                if value is not None:
                    wall_time = timezone.localtime(value).replace(tzinfo=None)
                    cleaned[name] = wall_time.replace(tzinfo=zone)
                    setattr(self.instance, name, cleaned[name])
        return cleaned
