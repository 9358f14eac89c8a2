from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from content.models import Market
from core.forms import stacked_helper
from members.models import Competency, Organisation
from newsletter.models import AlertSettings, Subscriber
from projects.models import FundingProgramme


class SubscribeForm(forms.Form):
    """The sign-up form: the footer and home boxes post its address (and language) only."""

    email = forms.EmailField(label=_("Your email address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the newsletter"), choices=settings.LANGUAGES, initial="fr"
    )
    markets = forms.ModelMultipleChoiceField(
        label=_("Markets you are interested in (optional)"),
        queryset=Market.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    region = forms.ChoiceField(
        label=_("Your region (optional)"),
        choices=[("", _("Not given"))] + list(Organisation.Region.choices),
        required=False,
    )
    # A trap for robots: hidden from people (and screen readers), filled by form robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    source = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, language: str = "fr", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markets"].queryset = Market.objects.published()
        self.fields["language"].initial = language
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "email",
            "language",
            "markets",
            "region",
            # The honeypot: out of sight and out of the accessibility tree.
            Div("website", css_class="d-none", aria_hidden="true"),
            "source",
            Submit("subscribe", _("Subscribe")),
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["language", "markets", "region"]
        widgets = {"markets": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markets"].queryset = Market.objects.published()
        self.helper = stacked_helper(self, Submit("save", _("Save my preferences")))
        self.helper.form_tag = False


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = AlertSettings
        fields = ["frequency"]
        labels = {"frequency": _("How often do you want your digest?")}
        widgets = {"frequency": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = stacked_helper(self, Submit("save-frequency", _("Save")))
        self.helper.form_tag = False


class FollowsForm(forms.Form):
    """The markets, competencies and programmes a person follows, as checkboxes."""

    markets = forms.ModelMultipleChoiceField(
        label=_("Markets"),
        queryset=Market.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    competencies = forms.ModelMultipleChoiceField(
        label=_("Competencies"),
        queryset=Competency.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    programmes = forms.ModelMultipleChoiceField(
        label=_("Funding programmes"),
        queryset=FundingProgramme.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    KINDS = {"markets": "market", "competencies": "competency", "programmes": "programme"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markets"].queryset = Market.objects.published()
        self.helper = stacked_helper(self, Submit("save-follows", _("Save what I follow")))
        self.helper.form_tag = False
