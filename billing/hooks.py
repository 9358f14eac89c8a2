"""What the billing app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from billing import listeners, panels, personal_data
from core import hooks

hooks.panels(panels, dashboard=15, join=10, company=50)
hooks.listen("members.application_accepted", listeners.application_accepted)
hooks.listen("events.registration_confirmed", listeners.registration_confirmed)
hooks.listen("events.registration_cancelled", listeners.registration_cancelled)
hooks.listen("trainings.enrolment_status_changed", listeners.enrolment_status_changed)
hooks.demo("billing.demo.load")
hooks.personal_data_of(personal_data, invoices=_("Invoices addressed to you"))


# Invoices are kept ten years (Code de commerce, L123-22): an organisation that received one
# is archived, never deleted (see members.Organisation.delete()).
def _invoices_of(organisation) -> int:
    return organisation.invoices.count()


hooks.history("members.Organisation", label=_("invoices"), count=_invoices_of)
