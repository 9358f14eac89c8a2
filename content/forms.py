"""The public contact form."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import ContactSettings


class ContactForm(forms.Form):
    """Write to the cluster's team: the topic chooses which team receives the message."""

    topic = forms.ChoiceField(
        label=_("Your message is about"),
        choices=[("", _("Choose a topic")), *ContactSettings.Topic.choices],
    )
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("Our answer goes there; it is never published."),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=200, required=False
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Your message"),
        min_length=20,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Between 20 and 3,000 characters."),
    )
    # A trap for robots: hidden from people (and screen readers), filled by form robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.helper = FormHelper()
        self.helper.form_tag = False
        # The public page stays in the page cache: no CSRF token (see content.views.contact).
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "topic",
            "name",
            "email",
            "organisation",
            "subject",
            "message",
            Div("website", css_class="d-none", aria_hidden="true"),
            Submit("send", _("Send the message"), css_class="btn-primary"),
        )

    def clean_message(self):
        return self.cleaned_data["message"].strip()

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))
