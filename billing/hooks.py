"""What the billing app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from billing import listeners, panels, personal_data, staff
from core import hooks

hooks.panels(panels, dashboard=15, join=10, company=50)
hooks.listen("members.application_accepted", listeners.application_accepted)
hooks.listen("events.registration_confirmed", listeners.registration_confirmed)
hooks.listen("events.registration_cancelled", listeners.registration_cancelled)
hooks.listen("trainings.enrolment_status_changed", listeners.enrolment_status_changed)
hooks.demo("billing.demo.load")
hooks.staff_todo(staff.pending_work, order=15)
hooks.staff_link(
    "members", label=_("Receivables and renewal campaign"), url_name="billing:receivables", order=10
)
hooks.staff_link("members", label=_("Overdue invoices"), url_name="billing:overdue", order=20)
hooks.staff_link(
    "members", label=_("Payments received and matched"), url_name="billing:payment-list", order=30
)
hooks.staff_link(
    "members", label=_("Bank statement import"), url_name="billing:statement-upload", order=40
)
hooks.personal_data_of(personal_data, invoices=_("Invoices addressed to you"))


# Invoices are kept ten years (Code de commerce, L123-22): an organisation that received one
# is archived, never deleted (see members.Organisation.delete()).
def _invoices_of(organisation) -> int:
    return organisation.invoices.count()


hooks.history("members.Organisation", label=_("invoices"), count=_invoices_of)
