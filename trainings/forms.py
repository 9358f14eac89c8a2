from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Membership, Organisation
from trainings.models import CustomRequest, Enrolment, SatisfactionAnswer, Training


def _model_field(name: str, **overrides) -> forms.Field:
    """The form field of an ``Enrolment`` field, with the same label and validators."""
    field = Enrolment._meta.get_field(name).formfield()
    for key, value in overrides.items():
        setattr(field, key, value)
    return field


class ColleagueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, membership):
        person = membership.user
        name = person.get_full_name() or person.email
        return f"{name} · {membership.job_title}" if membership.job_title else name


class EnrolmentRequestForm(forms.Form):
    """A request for a seat. Members enrol themselves, a colleague of their organisation
    or another person; visitors and non-members also give their company's details.

    The organisation and the colleagues offered come from the view (the person's active
    member organisations), never from the posted data.
    """

    SELF = "self"
    COLLEAGUE = "colleague"
    OTHER = "other"

    requester_first_name = forms.CharField(label=_("Your first name"), max_length=150)
    requester_last_name = forms.CharField(label=_("Your last name"), max_length=150)
    requester_email = forms.EmailField(label=_("Your email"))
    requester_phone = _model_field("requester_phone", label=_("Your phone"))
    organisation = forms.ModelChoiceField(
        label=_("For the organisation"), queryset=None, empty_label=None
    )
    company_name = _model_field("company_name", label=_("Company name"))
    company_siret = _model_field(
        "company_siret", help_text=_("14 digits, for the invoice. Optional.")
    )
    company_address = _model_field("company_address")
    company_postcode = _model_field("company_postcode")
    company_city = _model_field("company_city")
    who = forms.ChoiceField(label=_("Who will attend?"), widget=forms.RadioSelect)
    colleague = ColleagueChoiceField(
        label=_("Colleague"), queryset=None, required=False, empty_label=_("Choose a colleague")
    )
    participant_first_name = _model_field("participant_first_name", required=False)
    participant_last_name = _model_field("participant_last_name", required=False)
    participant_email = _model_field("participant_email", required=False)
    participant_job_title = _model_field("participant_job_title")
    accessibility_needs = _model_field(
        "accessibility_needs", widget=forms.Textarea(attrs={"rows": 2})
    )
    message = _model_field(
        "message", label=_("Message to the training team"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, organisations, submit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.organisations = list(organisations)
        signed_in = user.is_authenticated
        if signed_in:
            del self.fields["requester_email"]
            self.fields["requester_first_name"].initial = user.first_name
            self.fields["requester_last_name"].initial = user.last_name
            self.fields["requester_phone"].initial = user.phone
        choices = [(self.SELF, _("Myself")), (self.OTHER, _("Another person"))]
        if self.organisations:
            for name in ("company_name", "company_siret", "company_address"):
                del self.fields[name]
            del self.fields["company_postcode"], self.fields["company_city"]
            self.fields["organisation"].queryset = _organisations_queryset(self.organisations)
            self.fields["organisation"].initial = self.organisations[0].pk
            if len(self.organisations) == 1:
                self.fields["organisation"].widget = forms.HiddenInput()
            colleagues = (
                Membership.objects.filter(organisation__in=self.organisations)
                .exclude(user=user)
                .select_related("user")
                .order_by("user__last_name", "user__first_name", "pk")
            )
            self.fields["colleague"].queryset = colleagues
            choices.insert(1, (self.COLLEAGUE, _("A colleague of my organisation")))
        else:
            del self.fields["organisation"], self.fields["colleague"]
        self.fields["who"].choices = choices
        self.fields["who"].initial = self.SELF
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = self._layout(submit_label)

    def _layout(self, submit_label) -> Layout:
        about = [
            name
            for name in (
                "requester_first_name",
                "requester_last_name",
                "requester_email",
                "requester_phone",
            )
            if name in self.fields
        ]
        parts = [Fieldset(_("About you"), Div(*about, css_class="form-grid"))]
        if self.organisations:
            parts.append(Div("organisation"))
        else:
            parts.append(
                Fieldset(
                    _("Your company"),
                    Div(
                        "company_name",
                        "company_siret",
                        "company_address",
                        "company_postcode",
                        "company_city",
                        css_class="form-grid",
                    ),
                )
            )
        participant = ["who"]
        if "colleague" in self.fields:
            participant.append(Div("colleague", css_class="enrol-colleague"))
        participant.append(
            Div(
                HTML(
                    '<p class="form-text mt-0">'
                    + str(_("Only if another person attends:"))
                    + "</p>"
                ),
                Div(
                    "participant_first_name",
                    "participant_last_name",
                    "participant_email",
                    "participant_job_title",
                    css_class="form-grid",
                ),
                css_class="enrol-other",
            )
        )
        parts.append(Fieldset(_("Participant"), *participant))
        parts.append(Fieldset(_("Anything we should prepare?"), "accessibility_needs", "message"))
        parts.append(Submit("submit", submit_label, css_class="btn-primary btn-lg"))
        return Layout(*parts)

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        if organisation.pk not in {o.pk for o in self.organisations}:
            raise forms.ValidationError(_("Choose one of your organisations."))
        return organisation

    def clean(self):
        data = super().clean()
        who = data.get("who")
        if who == self.COLLEAGUE:
            colleague = data.get("colleague")
            if colleague is None:
                self.add_error("colleague", _("Choose the colleague who will attend."))
            elif data.get("organisation") and colleague.organisation_id != data["organisation"].pk:
                self.add_error("colleague", _("This person does not belong to this organisation."))
        elif who == self.OTHER:
            for name in ("participant_first_name", "participant_last_name", "participant_email"):
                if not data.get(name):
                    self.add_error(name, _("Tell us who will attend."))
        return data

    def details(self) -> dict:
        """The ``Enrolment`` fields to record, for ``services.enrolment_request``."""
        data = self.cleaned_data
        user = self.user
        email = user.email if user.is_authenticated else data["requester_email"]
        details = {
            "requester_name": f"{data['requester_first_name']} {data['requester_last_name']}",
            "requester_email": email,
            "requester_phone": data.get("requester_phone", ""),
            "accessibility_needs": data.get("accessibility_needs", ""),
            "message": data.get("message", ""),
        }
        organisation = data.get("organisation")
        if organisation is not None:
            details.update(
                organisation=organisation,
                company_name=organisation.name,
                company_siret=organisation.siret,
                company_address=organisation.address,
                company_postcode=organisation.postcode,
                company_city=organisation.city,
            )
        else:
            details.update(
                {
                    name: data.get(name, "")
                    for name in (
                        "company_name",
                        "company_siret",
                        "company_address",
                        "company_postcode",
                        "company_city",
                    )
                }
            )
        who = data["who"]
        if who == self.COLLEAGUE:
            membership = data["colleague"]
            person = membership.user
            details.update(
                participant_user=person,
                participant_first_name=person.first_name or person.email.split("@")[0],
                participant_last_name=person.last_name,
                participant_email=person.email,
                participant_job_title=membership.job_title or person.job_title,
            )
        elif who == self.OTHER:
            details.update(
                participant_user=None,
                participant_first_name=data["participant_first_name"],
                participant_last_name=data["participant_last_name"],
                participant_email=data["participant_email"],
                participant_job_title=data.get("participant_job_title", ""),
            )
        else:
            details.update(
                participant_user=user if user.is_authenticated else None,
                participant_first_name=data["requester_first_name"],
                participant_last_name=data["requester_last_name"],
                participant_email=email,
                participant_job_title=data.get("participant_job_title", "")
                or (user.job_title if user.is_authenticated else ""),
            )
        return details


def _organisations_queryset(organisations):
    return Organisation.objects.filter(pk__in=[o.pk for o in organisations])


class CustomRequestForm(forms.ModelForm):
    """An à-la-carte or intra-company training request."""

    class Meta:
        model = CustomRequest
        fields = [
            "name",
            "email",
            "phone",
            "company_name",
            "training",
            "need",
            "participants",
            "dates_wished",
            "place",
            "format",
        ]
        labels = {"name": _("Your name"), "email": _("Your email"), "phone": _("Your phone")}
        help_texts = {
            "need": _("The skills to develop, the people concerned, any constraint."),
            "dates_wished": _("For example: “second half of March, two Thursdays”."),
            "place": _("At your premises (give the city), at the cluster, or remote."),
            "training": _("Optional: one of our trainings to adapt."),
        }
        widgets = {"need": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training"].queryset = Training.objects.published().order_by("title")
        self.fields["training"].empty_label = _("No training in particular")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Who is asking"),
                Div("name", "email", "phone", "company_name", css_class="form-grid"),
            ),
            Fieldset(
                _("Your need"),
                "training",
                "need",
                Div("participants", "format", "dates_wished", "place", css_class="form-grid"),
            ),
            Submit("submit", _("Send my request"), css_class="btn-primary btn-lg"),
        )


class SatisfactionForm(forms.ModelForm):
    """The short questionnaire a participant answers after the session."""

    RATINGS = [
        (5, _("5 – Excellent")),
        (4, _("4 – Good")),
        (3, _("3 – Fair")),
        (2, _("2 – Poor")),
        (1, _("1 – Very poor")),
    ]

    rating = forms.TypedChoiceField(
        label=_("Overall, how would you rate this training?"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    objectives_met = forms.ChoiceField(
        label=_("Were the training's objectives met for you?"),
        choices=SatisfactionAnswer.Objectives.choices,
        widget=forms.RadioSelect,
    )
    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend this training to a colleague?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SatisfactionAnswer
        fields = ["rating", "objectives_met", "would_recommend", "comment"]
        labels = {"comment": _("Anything to add? (optional)")}
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "rating",
            "objectives_met",
            "would_recommend",
            "comment",
            Submit("submit", _("Send my answers"), css_class="btn-primary btn-lg"),
        )
