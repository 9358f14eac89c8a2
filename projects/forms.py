from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout, Submit
from django import forms
from django.core.validators import MaxLengthValidator
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Market
from core.countries import country_formfield
from core.forms import with_current
from members.models import Competency, Organisation
from projects.models import (
    Call,
    ExternalPartner,
    FundingProgramme,
    Participation,
    PartnerSearch,
    Project,
    ProjectDocument,
    ProjectImage,
    ReviewNote,
)
from projects.organisation_picker import OrganisationPickerField, organisation_label
from projects.services import ProjectError, project_change_status

TRL_CHOICES = [
    ("", _("Not known yet")),
    (1, _("1 · Basic principles observed")),
    (2, _("2 · Technology concept formulated")),
    (3, _("3 · Experimental proof of concept")),
    (4, _("4 · Validated in the laboratory")),
    (5, _("5 · Validated in a relevant environment")),
    (6, _("6 · Demonstrated in a relevant environment")),
    (7, _("7 · Prototype demonstrated in operation")),
    (8, _("8 · System complete and qualified")),
    (9, _("9 · System proven in operation")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# What the consortium edits of its project besides its name and visibility, by group: the
# coordinator's form and the back-office's fieldsets (which add the slug, the status and
# the record) both take these lists, so that a new field reaches both.
TEXT_FIELDS = (
    "summary",
    "summary_en",
    "description",
    "description_en",
    "results",
    "results_en",
    "markets",
)
FUNDING_FIELDS = (
    "programme",
    "total_budget",
    "public_funding",
    "start_date",
    "end_date",
    "trl_start",
    "trl_target",
)


def row(*fields, sizes=None):
    sizes = sizes or [12 // len(fields)] * len(fields)
    return Div(
        *(Div(Field(f), css_class=f"col-md-{size}") for f, size in zip(fields, sizes, strict=True)),
        css_class="row",
    )


class ProjectForm(forms.ModelForm):
    """The project's public text and key facts: what its coordinator writes."""

    class Meta:
        model = Project
        fields = [
            "acronym",
            "title",
            "title_en",
            "visibility",
            *TEXT_FIELDS,
            *FUNDING_FIELDS,
            *Project.COVER_FIELDS,
        ]
        widgets = {
            "summary": forms.Textarea({"rows": 4}),
            "summary_en": forms.Textarea({"rows": 4}),
            "description": forms.Textarea({"rows": 8}),
            "description_en": forms.Textarea({"rows": 6}),
            "results": forms.Textarea({"rows": 5}),
            "results_en": forms.Textarea({"rows": 4}),
            "markets": forms.CheckboxSelectMultiple,
            "start_date": DateInput(),
            "end_date": DateInput(),
            "visibility": forms.RadioSelect,
            "total_budget": forms.NumberInput({"min": 0, "step": 1000}),
            "public_funding": forms.NumberInput({"min": 0, "step": 1000}),
            "cover_focal_x": forms.NumberInput({"min": 0, "max": 100, "step": 5}),
            "cover_focal_y": forms.NumberInput({"min": 0, "max": 100, "step": 5}),
        }

    def __init__(self, *args, with_results=True, with_cover=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markets"].queryset = Market.objects.published()
        self.fields["programme"].queryset = with_current(
            FundingProgramme.objects.active(), self.instance.programme_id
        )
        self.fields["programme"].empty_label = _("Not decided yet")
        self.fields["programme"].label = _("Funding programme targeted")
        for name in ("trl_start", "trl_target"):
            self.fields[name] = forms.TypedChoiceField(
                label=self.fields[name].label,
                help_text=self.fields[name].help_text,
                choices=TRL_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
            )
        self.fields["start_date"].help_text = _("Planned or actual start.")
        if not with_results:
            del self.fields["results"]
            del self.fields["results_en"]
        if not with_cover:
            for name in Project.COVER_FIELDS:
                del self.fields[name]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        layout = [
            Fieldset(
                _("The project"),
                row("acronym", "title", sizes=[4, 8]),
                "summary",
                "description",
                "markets",
            ),
            Fieldset(
                _("Funding and schedule"),
                "programme",
                row("total_budget", "public_funding"),
                row("start_date", "end_date"),
                row("trl_start", "trl_target"),
            ),
            Fieldset(_("Who sees it"), "visibility"),
            Fieldset(
                _("In English (optional)"),
                "title_en",
                "summary_en",
                "description_en",
                *(["results_en"] if with_results else []),
                css_class="fieldset-optional",
            ),
        ]
        if with_cover:
            layout.insert(
                1,
                Fieldset(
                    _("Cover picture"),
                    "cover",
                    "cover_alt",
                    row("cover_focal_x", "cover_focal_y"),
                ),
            )
        if with_results:
            layout.insert(1, Fieldset(_("Results"), "results"))
        self.helper.layout = Layout(*layout)


class ProjectSubmitForm(ProjectForm):
    """A new project: the coordinating organisation is one the person administers."""

    coordinator = forms.ModelChoiceField(
        label=_("Coordinating organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Your organisation leads the project; its admins can edit it."),
    )

    # Past this many organisations (staff may coordinate for any), the coordinator is typed
    # with suggestions instead of picked in a list.
    MAX_LISTED_COORDINATORS = 30

    def __init__(self, *args, organisations, **kwargs):
        # The cover is added once the project exists, from its edit page.
        super().__init__(*args, with_results=False, with_cover=False, **kwargs)
        listed = list(organisations[: self.MAX_LISTED_COORDINATORS + 1])
        field = self.fields["coordinator"]
        if len(listed) > self.MAX_LISTED_COORDINATORS:
            self.fields["coordinator"] = OrganisationPickerField(
                queryset=organisations, label=field.label, help_text=field.help_text
            )
        else:
            field.queryset = organisations
            if len(listed) == 1:
                field.widget = forms.HiddenInput()
                field.initial = listed[0]
        self.helper.layout[0].fields.insert(0, "coordinator")


class OptionalRowMixin:
    """Rows of a consortium formset are optional: no "required" mark on an empty extra row,
    but a row that is started must be complete."""

    row_required = ()

    def mark_optional(self):
        if self.empty_permitted:
            for name in self.row_required:
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        if self.empty_permitted and self.has_changed() and not cleaned.get("DELETE"):
            for name in self.row_required:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, forms.Field.default_error_messages["required"])
        return cleaned


class ParticipationForm(OptionalRowMixin, forms.ModelForm):
    row_required = ("organisation",)

    class Meta:
        model = Participation
        fields = ["organisation", "role"]

    def __init__(self, *args, coordinator=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.coordinator = coordinator
        choices = Organisation.objects.active()
        if self.instance.organisation_id:
            # A partner whose membership lapsed stays in the consortium it is already in.
            choices = choices | Organisation.objects.filter(pk=self.instance.organisation_id)
            # The formset preloads the organisation: showing the row costs no query.
            self.initial["organisation"] = organisation_label(self.instance.organisation)
        # Typed with suggestions rather than picked in a <select> of every member.
        # (How to type it is said once above the rows, not under each one.)
        self.fields["organisation"] = OrganisationPickerField(
            queryset=choices, label=_("Member organisation"), help_text=""
        )
        self.fields["role"].choices = [
            choice
            for choice in Participation.Role.choices
            if choice[0] != Participation.Role.COORDINATOR
        ]
        self.mark_optional()

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        if organisation and self.coordinator and organisation.pk == self.coordinator.pk:
            raise forms.ValidationError(_("This organisation already coordinates the project."))
        return organisation


class ExternalPartnerForm(OptionalRowMixin, forms.ModelForm):
    row_required = ("name", "kind")
    country = country_formfield(ExternalPartner._meta.get_field("country"))

    class Meta:
        model = ExternalPartner
        fields = ["name", "country", "kind", "role"]
        labels = {"name": _("Organisation name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mark_optional()


# A consortium counts a few dozen partners at most; the limit also stops forged posts
# with thousands of rows.
MAX_CONSORTIUM_ROWS = 40
ParticipationFormSet = inlineformset_factory(
    Project,
    Participation,
    form=ParticipationForm,
    extra=3,
    can_delete=True,
    max_num=MAX_CONSORTIUM_ROWS,
    validate_max=True,
)
ExternalPartnerFormSet = inlineformset_factory(
    Project,
    ExternalPartner,
    form=ExternalPartnerForm,
    extra=2,
    can_delete=True,
    max_num=MAX_CONSORTIUM_ROWS,
    validate_max=True,
)


def consortium_formsets(*, project, coordinator, data=None, extra_rows=None):
    """The two formsets of a consortium: member organisations (the coordinator is fixed and
    left out) and external partners. ``extra_rows`` empty rows are offered under each
    (without JavaScript, that is how one adds more partners than the default rows)."""
    if project.pk:
        participations = project.participations.exclude(
            role=Participation.Role.COORDINATOR
        ).select_related("organisation")
        extra = 2
    else:
        participations = Participation.objects.none()
        extra = 3
    if extra_rows is not None:
        extra = max(0, min(extra_rows, MAX_CONSORTIUM_ROWS))
    partners = ParticipationFormSet(
        data,
        instance=project,
        queryset=participations,
        prefix="partners",
        form_kwargs={"coordinator": coordinator},
    )
    partners.extra = extra
    externals = ExternalPartnerFormSet(data, instance=project, prefix="externals")
    if extra_rows is not None:
        externals.extra = extra
    return partners, externals


def consortium_rows(partners, externals) -> dict:
    """The consortium of valid formsets (see :func:`consortium_formsets`) as
    ``services.project_create`` takes it: the member organisations with their role and the
    external partners' fields, without the rows left empty or deleted."""
    return {
        "partners": [
            (row.cleaned_data["organisation"], row.cleaned_data["role"])
            for row in partners.forms
            if row.cleaned_data.get("organisation") and not row.cleaned_data.get("DELETE")
        ],
        "externals": [
            {key: row.cleaned_data[key] for key in ("name", "country", "kind", "role")}
            for row in externals.forms
            if row.cleaned_data.get("name") and not row.cleaned_data.get("DELETE")
        ],
    }


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    changed_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_(
            "Seen by the consortium and staff only. For a labelling decision, this message "
            "is emailed to the coordinator."
        ),
    )

    def __init__(self, *args, project, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.user = user
        self.fields["status"].choices = [
            (status, Project.Status(status).label) for status in project.next_statuses(user)
        ]
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "status",
            "changed_on",
            "note",
            Submit("change", _("Change the status"), css_class="btn-primary"),
        )

    def clean_changed_on(self):
        changed_on = self.cleaned_data["changed_on"]
        if changed_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return changed_on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in Project.STAFF_ONLY and not cleaned.get("note", "").strip():
            self.add_error("note", _("Write the message the coordinator will receive."))
        return cleaned

    def apply(self) -> bool:
        """Make the change a bound, valid form asks for, through
        :func:`projects.services.project_change_status` (the project page and the
        back-office both post this form). Returns whether the change was made; a refusal
        becomes an error of the ``status`` field."""
        if not self.is_valid():
            return False
        try:
            project_change_status(
                project=self.project,
                status=self.cleaned_data["status"],
                by=self.user,
                on=self.cleaned_data["changed_on"],
                note=self.cleaned_data["note"],
            )
        except ProjectError as error:
            self.add_error("status", error.message)
            return False
        return True


class ReviewNoteForm(forms.ModelForm):
    """A staff note on a project's review: never shown to the consortium."""

    class Meta:
        model = ReviewNote
        fields = ["body"]
        labels = {"body": _("New review note")}
        help_texts = {
            "body": _("Staff only: the consortium and other members never see review notes.")
        }
        widgets = {"body": forms.Textarea({"rows": 4, "maxlength": 5000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = 5000
        self.fields["body"].validators.append(MaxLengthValidator(5000))
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "body", Submit("add-note", _("Add the note"), css_class="btn-primary")
        )


class DocumentForm(forms.ModelForm):
    class Meta:
        model = ProjectDocument
        fields = ["title", "file"]
        widgets = {"file": forms.ClearableFileInput({"accept": "application/pdf,.pdf"})}
        help_texts = {"file": _("PDF only, 10 MB at most. Only the consortium can read it.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "title", "file", Submit("upload", _("Add the document"), css_class="btn-primary")
        )


ProjectImageFormSet = inlineformset_factory(
    Project,
    ProjectImage,
    fields=["image", "alt_text", "caption", "order"],
    extra=2,
    max_num=12,
    validate_max=True,
    can_delete=True,
)


class ProjectFilterForm(forms.Form):
    """The layout of the showcase filters; the fields come from
    ``projects.filters.ProjectFilter``, which leaves out ``partner`` when the partner
    organisations are few enough to be listed in a select."""

    # Past this many partner organisations, the list would weigh on every page: the partner
    # is typed instead (``organisation`` stays, hidden, for the links from profiles).
    MAX_LISTED_PARTNERS = 60

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        few = "partner" not in self.fields
        if not few:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["partner"].widget.input_type = "search"
        self.fields["q"].widget.input_type = "search"
        self.fields["objective"].widget = forms.HiddenInput()
        self.fields["q"].widget.attrs["placeholder"] = _("Acronym, title, partner...")
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "filter-bar mb-4"
        self.helper.attrs = {"role": "search"}
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Div(
                Div(Field("q"), css_class="col-md-6 col-lg-4"),
                Div(Field("market"), css_class="col-sm-6 col-lg-4"),
                Div(Field("status"), css_class="col-sm-6 col-lg-4"),
                Div(Field("programme"), css_class="col-sm-6 col-lg-3"),
                Div(Field("year"), css_class="col-sm-6 col-lg-2"),
                Div(Field("region"), css_class="col-sm-6 col-lg-3"),
                Div(Field("organisation" if few else "partner"), css_class="col-sm-6 col-lg-4"),
                *([] if few else [Field("organisation")]),
                # Set by the links of a roadmap objective's page; shown as a chip.
                Field("objective"),
                css_class="row g-2",
            ),
            Div(
                StrictButton(_("Filter"), type="submit", css_class="btn-primary"),
                css_class="d-flex gap-2 mt-2",
            ),
        )


class PartnerSearchForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )

    class Meta:
        model = PartnerSearch
        fields = [
            "organisation",
            "title",
            "idea",
            "competencies",
            "markets",
            "call",
            "deadline",
            "title_en",
            "idea_en",
        ]
        widgets = {
            "idea": forms.Textarea({"rows": 6}),
            "idea_en": forms.Textarea({"rows": 4}),
            "competencies": forms.CheckboxSelectMultiple,
            "markets": forms.CheckboxSelectMultiple,
            "deadline": DateInput(),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
            if organisations.count() == 1:
                self.fields["organisation"].widget = forms.HiddenInput()
                self.fields["organisation"].initial = organisations.first()
        self.fields["competencies"].queryset = Competency.objects.all()
        self.fields["markets"].queryset = Market.objects.published()
        self.fields["call"].queryset = with_current(Call.objects.open(), self.instance.call_id)
        self.fields["call"].empty_label = _("No particular call")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *(["organisation"] if "organisation" in self.fields else []),
            "title",
            "idea",
            Div(
                Div(Field("competencies"), css_class="col-md-7 checkbox-columns"),
                Div(Field("markets"), css_class="col-md-5"),
                css_class="row",
            ),
            row("call", "deadline", sizes=[8, 4]),
            Fieldset(
                _("In English (optional)"), "title_en", "idea_en", css_class="fieldset-optional"
            ),
            Submit("save", _("Publish the post"), css_class="btn-primary"),
        )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        today = timezone.localdate()
        if deadline < today:
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        if (deadline - today).days > 366:
            raise forms.ValidationError(_("Choose a deadline within a year."))
        return deadline


class InterestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_(
            "The poster receives your organisation's name, a link to its profile and this "
            "message. Your email address is not shared."
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations.first()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "organisation",
            "message",
            Submit("interested", _("I'm interested"), css_class="btn-primary"),
        )
