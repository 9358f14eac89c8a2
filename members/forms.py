from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from content.models import Market
from core.countries import country_formfield
from core.forms import stacked_helper
from members.models import Membership, Organisation, Platform
from members.search import normalise
from members.validators import normalise_siret, validate_siret

TEXTAREA_ROWS = 6
COUNTER_LABEL = _("Characters left: %(count)s")


def _column(*fields, css_class="col-md-6"):
    return Div(*fields, css_class=css_class)


def _row(*columns):
    return Div(*columns, css_class="row g-3")


# The identity and the address of an organisation, with the width of each field in the grid:
# the profile and the membership application ask for them alike.
IDENTITY_COLUMNS = {
    "name": "col-12",
    "kind": "col-sm-6",
    "size_band": "col-sm-6",
    "siret": "col-md-6",
    "website": "col-md-6",
}
ADDRESS_COLUMNS = {
    "address": "col-12",
    "postcode": "col-sm-4",
    "city": "col-sm-5",
    "country": "col-sm-3",
}


def _columns(widths: dict) -> list:
    return [_column(name, css_class=css_class) for name, css_class in widths.items()]


class AlphabeticalIterator(ModelChoiceIterator):
    """Choices in the alphabetical order of their names in the reader's language, accents
    ignored ("Économie" among the E, "Battery systems" first in English): the database
    orders by the French column, and by bytes on SQLite."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in sorted(self.queryset, key=lambda obj: normalise(str(obj))):
            yield self.choice(obj)


def alphabetical(field):
    field.iterator = AlphabeticalIterator
    field.widget.choices = field.choices
    return field


# --- Directory filters -------------------------------------------------------------------


class DirectoryFilterForm(forms.Form):
    """The form of the directory's filter bar; its fields come from
    ``members.filters.OrganisationFilter``. The bar lays the selects out in two rows
    (templates/members/includes/_directory_filters.html)."""

    WIDE_FILTERS = ["market", "region", "department", "kind"]
    NARROW_FILTERS = ["size", "competency", "certification"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"placeholder": _("Name, know-how, keyword…"), "type": "search"}
        )
        self.fields["q"].widget.attrs["maxlength"] = 100


class PlatformFilterForm(forms.Form):
    """The form of the platform list's filter bar (fields from ``members.filters``)."""

    WIDE_FILTERS = []
    NARROW_FILTERS = ["market", "region", "access"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"placeholder": _("hydrogen test bench, climatic chamber…"), "type": "search"}
        )


# --- The profile -------------------------------------------------------------------------


class OrganisationForm(forms.ModelForm):
    """What an organisation's admins keep up to date themselves."""

    # People copy the SIRET as it is printed, "732 829 320 00074": spaces, dots and dashes
    # are dropped before the 14 digits and their checksum are checked.
    siret = forms.CharField(
        label=Organisation._meta.get_field("siret").verbose_name,
        help_text=Organisation._meta.get_field("siret").help_text,
        required=False,
        max_length=20,
    )

    country = country_formfield(Organisation._meta.get_field("country"))

    class Meta:
        model = Organisation
        fields = [
            *IDENTITY_COLUMNS,
            *ADDRESS_COLUMNS,
            "logo",
            "pitch_fr",
            "pitch_en",
            "description_fr",
            "description_en",
            "markets",
            "competencies",
            "keywords",
            "certifications",
        ]
        widgets = {
            "markets": forms.CheckboxSelectMultiple,
            "competencies": forms.CheckboxSelectMultiple,
            "certifications": forms.CheckboxSelectMultiple,
            "pitch_fr": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "pitch_en": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "description_fr": forms.Textarea(attrs={"rows": TEXTAREA_ROWS}),
            "description_en": forms.Textarea(attrs={"rows": TEXTAREA_ROWS}),
        }
        # The French text is the one every reader falls back to.
        labels = {
            "pitch_fr": capfirst(_("short pitch")),
            "pitch_en": capfirst(_("short pitch in English")),
            "description_fr": capfirst(_("description")),
            "description_en": capfirst(_("description in English")),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markets"].queryset = Market.objects.published()
        if "competencies" in self.fields:
            alphabetical(self.fields["competencies"])
        if "logo" in self.fields:
            self.fields["logo"].widget = forms.ClearableFileInput(
                attrs={
                    "data-preview": "logo-preview",
                    "accept": "image/png,image/jpeg,image/webp",
                }
            )
            self.fields["logo"].help_text = _(
                "PNG, JPEG or WebP, 5 MB and 40 megapixels at most. A square logo looks best."
            )
        self.fields["pitch_fr"].help_text = _("One or two sentences, 300 characters at most.")
        for name in ("pitch_fr", "pitch_en"):
            if name in self.fields:
                self.fields[name].widget.attrs["data-counter"] = COUNTER_LABEL
        self.fields["siret"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["website"].widget.attrs.update({"placeholder": "https://"})
        self.helper = FormHelper()
        self.helper.form_tag = True
        self.helper.attrs = {"novalidate": ""}  # crispy adds the multipart enctype
        self.helper.layout = Layout(
            Fieldset(_("Identity"), _row(*_columns(IDENTITY_COLUMNS))),
            Fieldset(
                _("Logo"),
                HTML(
                    '{% if form.instance.logo %}<img id="logo-preview" class="logo-preview mb-2" '
                    'alt="" src="{{ form.instance.logo.url }}">{% else %}<span id="logo-preview" '
                    'data-preview-class="logo-preview mb-2" hidden></span>{% endif %}'
                ),
                "logo",
            ),
            Fieldset(_("Address"), _row(*_columns(ADDRESS_COLUMNS))),
            Fieldset(
                _("Presentation"),
                _row(_column("pitch_fr"), _column("pitch_en")),
                _row(_column("description_fr"), _column("description_en")),
            ),
            Fieldset(
                _("Markets and know-how"),
                Field("markets", wrapper_class="checkbox-columns"),
                Field("competencies", wrapper_class="checkbox-columns"),
                "keywords",
                Field("certifications", wrapper_class="checkbox-columns"),
            ),
            Submit("save", _("Save the profile"), css_class="btn-primary btn-lg"),
        )

    def clean_siret(self):
        siret = normalise_siret(self.cleaned_data.get("siret", ""))
        if siret:
            validate_siret(siret)
        return siret

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country == "FR":
            # A field already refused keeps its own message, not a second one.
            if not cleaned.get("postcode") and "postcode" not in self.errors:
                self.add_error("postcode", _("A French address needs its postcode."))
            if (
                not cleaned.get("siret")
                and "siret" not in self.errors
                and cleaned.get("kind") != Organisation.Kind.LAB
            ):
                self.add_error(
                    "siret",
                    _("French organisations give their SIRET number (laboratories may not)."),
                )
        return cleaned


class PlatformForm(forms.ModelForm):
    class Meta:
        model = Platform
        fields = [
            "name",
            "kind",
            "summary_fr",
            "summary_en",
            "equipment",
            "description_fr",
            "description_en",
            "markets",
            "access",
            "city",
            "contact",
            "image",
        ]
        widgets = {
            "markets": forms.CheckboxSelectMultiple,
            "summary_fr": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "summary_en": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "equipment": forms.Textarea(attrs={"rows": TEXTAREA_ROWS}),
            "description_fr": forms.Textarea(attrs={"rows": TEXTAREA_ROWS}),
            "description_en": forms.Textarea(attrs={"rows": TEXTAREA_ROWS}),
            "access": forms.RadioSelect,
        }
        labels = {
            "summary_fr": capfirst(_("summary")),
            "summary_en": capfirst(_("summary in English")),
            "description_fr": capfirst(_("description")),
            "description_en": capfirst(_("description in English")),
        }

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.fields["markets"].queryset = Market.objects.published()
        for name in ("summary_fr", "summary_en"):
            self.fields[name].widget.attrs["data-counter"] = COUNTER_LABEL
        self.fields["contact"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation)
            .order_by("last_name", "first_name")
        )
        self.fields["contact"].label_from_instance = lambda user: (
            user.get_full_name() or str(_("A member of the organisation"))
        )
        self.fields["contact"].empty_label = _("The organisation's admins")
        self.fields["image"].widget = forms.ClearableFileInput(
            attrs={"data-preview": "image-preview", "accept": "image/png,image/jpeg,image/webp"}
        )
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}  # crispy adds the multipart enctype
        self.helper.layout = Layout(
            _row(_column("name", css_class="col-md-8"), _column("kind", css_class="col-md-4")),
            _row(_column("summary_fr"), _column("summary_en")),
            "equipment",
            _row(_column("description_fr"), _column("description_en")),
            Field("markets", wrapper_class="checkbox-columns"),
            _row(_column("access"), _column("city", "contact")),
            HTML(
                '<span id="image-preview" data-preview-class="platform-preview mb-2" hidden></span>'
            ),
            "image",
            Submit("save", _("Save the platform"), css_class="btn-primary btn-lg"),
        )


# --- People ------------------------------------------------------------------------------


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of your colleague"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.COLLEAGUE
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = stacked_helper(
            self,
            Submit("invite", _("Send the invitation"), css_class="btn-primary mt-2"),
            form_id="invite-form",
        )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class MembershipSelfForm(forms.ModelForm):
    """What a person decides about their own place in an organisation."""

    class Meta:
        model = Membership
        fields = ["job_title", "visibility"]
        widgets = {"visibility": forms.RadioSelect}
        help_texts = {
            "visibility": _(
                "Your email address and phone number are never shown: people who see your "
                "name can write to you through the portal."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = stacked_helper(
            self, Submit("save", _("Save my choices"), css_class="btn-primary")
        )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation's admins"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: your team, your role, why you join."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = stacked_helper(
            self, Submit("send", _("Send my request"), css_class="btn-primary")
        )


class ContactForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Sent by email with your name and your address, so that they can answer you. "
            "3,000 characters at most."
        ),
    )

    def __init__(self, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = stacked_helper(
            self, Submit("send", submit_label or _("Send the message"), css_class="btn-primary")
        )


# --- Joining the cluster -----------------------------------------------------------------


class ApplicationForm(OrganisationForm):
    """A visitor applies for membership: the organisation, a contact person, a motivation."""

    contact_first_name = forms.CharField(label=_("First name"), max_length=150)
    contact_last_name = forms.CharField(label=_("Last name"), max_length=150)
    contact_email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We write to you there; it is never published."),
    )
    contact_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    contact_job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    motivation = forms.CharField(
        label=_("Why do you want to join the cluster?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": TEXTAREA_ROWS}),
        help_text=_("Your projects, what you expect from the cluster and what you bring to it."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the cluster's staff use these details to review the application "
            "and contact me about it."
        )
    )

    class Meta(OrganisationForm.Meta):
        fields = [*IDENTITY_COLUMNS, *ADDRESS_COLUMNS, "pitch_fr", "markets"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markets"].required = True
        self.fields["size_band"].required = True
        self.fields["pitch_fr"].label = _("Your activity in a few words")
        if user is not None and user.is_authenticated:
            self.fields["contact_first_name"].initial = user.first_name
            self.fields["contact_last_name"].initial = user.last_name
            self.fields["contact_email"].initial = user.email
            self.fields["contact_job_title"].initial = user.job_title
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Fieldset(
                _("Your organisation"),
                _row(*_columns(IDENTITY_COLUMNS), *_columns(ADDRESS_COLUMNS)),
                "pitch_fr",
                Field("markets", wrapper_class="checkbox-columns"),
            ),
            Fieldset(
                _("Contact person"),
                _row(
                    _column("contact_first_name"),
                    _column("contact_last_name"),
                    _column("contact_email"),
                    _column("contact_phone"),
                    _column("contact_job_title"),
                ),
            ),
            Fieldset(_("Motivation"), "motivation", "consent"),
            Submit("apply", _("Send the application"), css_class="btn-primary btn-lg"),
        )

    def clean_siret(self):
        siret = super().clean_siret()
        taken = (
            Organisation.objects.filter(siret=siret)
            .exclude(membership_status=Organisation.Status.FORMER)
            .exists()
        )
        if siret and taken:
            raise forms.ValidationError(
                _(
                    "An organisation with this SIRET is already on the portal or has already "
                    "applied. Ask its people to invite you, or write to the cluster's team."
                ),
                code="siret_taken",
            )
        return siret

    def organisation_instance(self) -> Organisation:
        """The applicant organisation, unsaved, once the form is valid."""
        return self.save(commit=False)


class ApplicationDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the applicant"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
    )
