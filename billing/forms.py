"""Forms of the billing pages (layout by crispy, STYLE §9)."""

import re
from datetime import date
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from billing.bank import MAX_BYTES
from billing.models import BillingProfile, FeeScale, Invoice, Payment


def _helper(label, *, multipart=False) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("submit", label))
    if multipart:
        helper.form_enctype = "multipart/form-data"
    return helper


class BillingProfileForm(forms.ModelForm):
    class Meta:
        model = BillingProfile
        fields = ["email", "address", "purchase_order", "vat_number"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save the billing details"))

    def clean_vat_number(self):
        return re.sub(r"[\s.-]", "", self.cleaned_data["vat_number"]).upper()


class CampaignOpenForm(forms.Form):
    scale = forms.ModelChoiceField(
        label=_("Fee scale"),
        queryset=FeeScale.objects.filter(campaign__isnull=True),
        help_text=_("Every active organisation gets its invoice for this year."),
    )
    issue_date = forms.DateField(
        label=_("Issue date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Open the campaign"))

    def clean_issue_date(self):
        issue_date = self.cleaned_data["issue_date"]
        if issue_date < timezone.localdate():
            raise forms.ValidationError(_("Invoices cannot be backdated."))
        return issue_date


class PaymentForm(forms.Form):
    received_on = forms.DateField(
        label=_("Received on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    amount = forms.DecimalField(label=_("Amount (€)"), min_value=Decimal("0.01"), decimal_places=2)
    method = forms.ChoiceField(label=_("Method"), choices=Payment.Method.choices)
    invoices = forms.CharField(
        label=_("Invoice numbers"),
        help_text=_(
            "One or several, separated by spaces or commas: the payment settles them in this "
            "order; what is left stays on the payment as an overpayment."
        ),
    )
    payer_name = forms.CharField(label=_("Payer"), max_length=200, required=False)
    reference = forms.CharField(label=_("Reference"), max_length=250, required=False)
    note = forms.CharField(label=_("Note"), max_length=250, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Record the payment"))

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("A payment cannot be received in the future."))
        return received_on

    def clean_invoices(self):
        numbers = [n for n in re.split(r"[\s,;]+", self.cleaned_data["invoices"]) if n]
        invoices = {
            i.number: i
            for i in Invoice.objects.invoices().with_balance().filter(number__in=numbers)
        }
        unknown = [n for n in numbers if n not in invoices]
        if unknown:
            raise forms.ValidationError(
                _("No invoice has the number %(numbers)s.") % {"numbers": ", ".join(unknown)}
            )
        return [invoices[n] for n in dict.fromkeys(numbers)]

    def allocations(self) -> list:
        """(invoice, amount) in the order given, each up to what it still owes."""
        left = self.cleaned_data["amount"]
        result = []
        for invoice in self.cleaned_data["invoices"]:
            part = min(left, max(invoice.balance, Decimal("0")))
            if part > 0:
                result.append((invoice, part))
                left -= part
        return result


class StatementUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bank statement"),
        help_text=_(
            "ISO 20022 CAMT.053 XML, or CSV with a header line: date, amount, payer, reference, id."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Preview the import"), multipart=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period comes before its start."))
        return cleaned


def year_of(value, default: int) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if date.min.year < year < 3000 else default
