"""Background work of billing: rendering and sending invoices, campaigns, reminders."""

from django.tasks import task


@task
def invoice_deliver(invoice_id: int) -> None:
    """Render the Factur-X PDF of a newly issued document, store it, email it."""
    from billing import emails
    from billing.facturx import ensure_pdf
    from billing.models import Invoice

    invoice = ensure_pdf(Invoice.objects.select_related("credited_invoice").get(pk=invoice_id))
    emails.send_invoice(invoice)


@task
def campaign_run(campaign_id: int) -> int:
    from billing import invoicing
    from billing.models import Campaign

    return invoicing.campaign_run(campaign=Campaign.objects.get(pk=campaign_id))


@task
def reminders_send() -> int:
    """Run daily (``manage.py billing_reminders``)."""
    from billing import invoicing

    return invoicing.reminders_send()
