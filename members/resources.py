"""The CSV import and export of organisations in the back-office (django-import-export).

Staff import an existing member list: every row is checked like a form (SIRET, postcode,
website, kind...) and shown in a preview with its errors before anything is saved; a file
with one invalid row saves nothing. The file may come from a French spreadsheet: semicolons
or commas, UTF-8 with or without a byte order mark, dates as 2026-12-31 or 31/12/2026,
"oui"/"non" for the directory flag. A market, competency or certification that does not
exist is a row error, never silently dropped.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from content.models import Market
from core.imports import CountryWidget, SniffedCSV  # noqa: F401 (the lists export with it)
from core.text import unique_slug
from members import services
from members.models import (
    Certification,
    Competency,
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    Platform,
)
from members.validators import normalise_siret

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Slugs separated by commas; :meth:`unknown` names those that match nothing."""

    def values(self, value) -> list[str]:
        if not value:
            return []
        return [part.strip() for part in str(value).split(self.separator) if part.strip()]

    def unknown(self, value) -> list[str]:
        wanted = self.values(value)
        if not wanted:
            return []
        known = set(
            self.model.objects.filter(**{f"{self.field}__in": wanted}).values_list(
                self.field, flat=True
            )
        )
        return [slug for slug in wanted if slug not in known]


class FlexibleDateWidget(widgets.DateWidget):
    """ISO dates (2026-12-31) or French ones (31/12/2026); never the American month first,
    which would silently swap days and months."""

    def __init__(self):
        super().__init__(format=DATE_FORMATS[0])
        self.formats = DATE_FORMATS

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, date) or not value:
            return value or None
        text = str(value).strip()
        for date_format in self.formats:
            try:
                return datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(
            _("“%(value)s” is not a date: write 2026-12-31 or 31/12/2026.") % {"value": text}
        )


class YesNoWidget(widgets.BooleanWidget):
    """1/0, true/false, yes/no, oui/non; anything else is a row error (an unknown word must
    not hide an organisation from the directory)."""

    YES = {"1", "true", "yes", "oui", "vrai", "x"}
    NO = {"0", "false", "no", "non", "faux"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower()
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(_("“%(value)s”: write 1 or 0 (yes or no).") % {"value": value})


class OrganisationResource(resources.ModelResource):
    """Columns of the CSV import/export. Markets, competencies and certifications are lists
    of slugs separated by commas; rows without a slug get one made from the name. Every row
    is validated like a form (SIRET, postcode, website...) and shown before anything is saved.
    """

    markets = fields.Field(
        attribute="markets",
        column_name="markets",
        widget=StrictManyToManyWidget(Market, field="slug", separator=","),
    )
    competencies = fields.Field(
        attribute="competencies",
        column_name="competencies",
        widget=StrictManyToManyWidget(Competency, field="slug", separator=","),
    )
    certifications = fields.Field(
        attribute="certifications",
        column_name="certifications",
        widget=StrictManyToManyWidget(Certification, field="slug", separator=","),
    )
    member_since = fields.Field(
        attribute="member_since", column_name="member_since", widget=FlexibleDateWidget()
    )
    paid_until = fields.Field(
        attribute="paid_until", column_name="paid_until", widget=FlexibleDateWidget()
    )
    is_public = fields.Field(attribute="is_public", column_name="is_public", widget=YesNoWidget())
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    # The French texts keep their column names. They are read and written as ``pitch_fr``
    # and ``description_fr``: the plain ``pitch`` would follow the back-office's language.
    pitch = fields.Field(attribute="pitch_fr", column_name="pitch", widget=widgets.CharWidget())
    description = fields.Field(
        attribute="description_fr", column_name="description", widget=widgets.CharWidget()
    )

    class Meta:
        model = Organisation
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "kind",
            "siret",
            "size_band",
            "address",
            "postcode",
            "city",
            "country",
            "region",
            "website",
            "pitch",
            "pitch_en",
            "description",
            "keywords",
            "membership_status",
            "member_since",
            "paid_until",
            "is_public",
            "markets",
            "competencies",
            "certifications",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    # Columns every member list must have; the others may be missing or empty.
    REQUIRED_COLUMNS = ["name", "kind", "city", "pitch"]
    # Columns a member list may lack, and what they default to.
    DEFAULTS = {
        "slug": "",
        "country": "FR",
        # Derived from the postcode on save; a placeholder passes validation until then.
        "region": Organisation.Region.FRANCE,
        "membership_status": Organisation.Status.ACTIVE,
        "is_public": "1",
    }
    M2M_COLUMNS = ["markets", "competencies", "certifications"]

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        headers = [str(header or "").strip() for header in dataset.headers or []]
        dataset.headers = headers
        missing = [column for column in self.REQUIRED_COLUMNS if column not in headers]
        if missing:
            # A plain error: the back-office shows its message above the form.
            raise ValueError(
                _(
                    "The first line of the file must name the columns; missing: %(missing)s. "
                    "Columns read: %(read)s. Export the organisations to get a model file."
                )
                % {
                    "missing": ", ".join(missing),
                    "read": ", ".join(header for header in headers if header) or "—",
                }
            )
        for column, default in self.DEFAULTS.items():
            if column not in headers:
                dataset.append_col([default] * len(dataset), header=column)

    def before_import_row(self, row, **kwargs):
        for column, default in self.DEFAULTS.items():
            if not str(row.get(column) or "").strip():
                row[column] = default
        # SIRETs copied as printed, "732 829 320 00074", are checked on their 14 digits.
        if row.get("siret"):
            row["siret"] = normalise_siret(str(row["siret"]))
        if not row["slug"] and str(row.get("name") or "").strip():
            row["slug"] = unique_slug(
                Organisation.objects.all(),
                row["name"],
                fallback=services.SLUG_FALLBACK,
                reserved=services.RESERVED_SLUGS,
            )

    def import_instance(self, instance, row, **kwargs):
        """Field errors of the row, with the unknown markets, competencies or certifications
        (the many-to-many values are saved later, after the row is valid)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in self.M2M_COLUMNS:
            field = self.fields[name]
            unknown = field.widget.unknown(row.get(field.column_name))
            if unknown:
                errors[name] = ValidationError(
                    _("Unknown: %(values)s (use the slugs shown in the back-office).")
                    % {"values": ", ".join(unknown)},
                    code="invalid",
                )
        if errors:
            raise ValidationError(errors)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run"):
            return
        ids = [row.object_id for row in result.rows if row.object_id]
        Organisation.objects.filter(pk__in=ids).refresh_search_text()


# --- Exports of the other back-office lists (read only: nothing else is imported) --------


class OrganisationRowsResource(resources.ModelResource):
    """The export of a list whose rows belong to an organisation, written by its name. The
    columns come in the order of ``Meta.fields`` (django-import-export's export order)."""

    organisation = fields.Field(attribute="organisation__name", column_name="organisation")


class MembershipResource(OrganisationRowsResource):
    first_name = fields.Field(attribute="user__first_name", column_name="first_name")
    last_name = fields.Field(attribute="user__last_name", column_name="last_name")
    email = fields.Field(attribute="user__email", column_name="email")

    class Meta:
        model = Membership
        fields = [
            "organisation",
            "first_name",
            "last_name",
            "email",
            "role",
            "job_title",
            "visibility",
            "created_at",
        ]


class PlatformResource(OrganisationRowsResource):
    markets = fields.Field(
        attribute="markets",
        column_name="markets",
        widget=widgets.ManyToManyWidget(Market, field="slug", separator=","),
    )
    # The French summary, whatever the back-office's language (see OrganisationResource).
    summary = fields.Field(
        attribute="summary_fr", column_name="summary", widget=widgets.CharWidget()
    )

    class Meta:
        model = Platform
        fields = [
            "name",
            "slug",
            "organisation",
            "kind",
            "access",
            "city",
            "summary",
            "equipment",
            "markets",
            "updated_at",
        ]


class MembershipApplicationResource(OrganisationRowsResource):
    kind = fields.Field(attribute="organisation__kind", column_name="kind")
    city = fields.Field(attribute="organisation__city", column_name="city")

    class Meta:
        model = MembershipApplication
        fields = [
            "organisation",
            "kind",
            "city",
            "contact_first_name",
            "contact_last_name",
            "contact_email",
            "contact_phone",
            "contact_job_title",
            "status",
            "created_at",
            "decided_at",
            "decline_reason",
        ]


class InvitationResource(OrganisationRowsResource):
    state = fields.Field(attribute="state", column_name="state")

    class Meta:
        model = Invitation
        fields = ["email", "organisation", "role", "state", "created_at", "expires_at"]
