"""The yearly cycle in a real browser: staff open the campaign, a member admin downloads the
invoice, staff import the CAMT.053 statement that pays it, the paid-until date moves."""

import io
from datetime import date

import facturx
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from billing.models import Invoice
from members.models import Membership
from tests.billing.camt import camt053
from tests.billing.factories import FeeScaleFactory
from tests.factories import StaffFactory
from tests.members.factories import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_campaign_download_statement_import_paid_until(
    page, live_server, assert_accessible, tmp_path
):
    year = timezone.localdate().year + 1
    FeeScaleFactory(year=year)
    organisation = OrganisationFactory(
        name="Voltaire Mobilités (fictive)", paid_until=date(year - 1, 12, 31)
    )
    admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    staff = StaffFactory()

    # Staff open next year's campaign from the receivables page.
    sign_in(page, live_server, staff)
    page.goto(url("billing:receivables") + f"?year={year}")
    assert_accessible(page, "receivables before the campaign")
    page.get_by_label("Fee scale").select_option(label=f"Fee scale {year}")
    page.get_by_role("button", name="Open the campaign").click()
    page.get_by_test_id("campaign-progress").wait_for()
    assert "1 invoice issued" in page.get_by_test_id("campaign-progress").inner_text()
    assert_accessible(page, "receivables with the campaign")
    invoice = Invoice.objects.get(organisation=organisation)

    # The member admin downloads the invoice: a Factur-X PDF.
    sign_in(page, live_server, admin)
    page.goto(url("billing:membership", organisation.slug))
    assert invoice.payment_reference in page.content()
    assert_accessible(page, "membership and invoices")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Download the invoice (PDF) {invoice.number}").click()
    content = download_info.value.path().read_bytes()
    _name, xml = facturx.get_xml_from_pdf(io.BytesIO(content), check_xsd=True)
    assert invoice.payment_reference.encode() in xml

    # Staff import the bank statement that pays it.
    statement = tmp_path / "releve.xml"
    statement.write_bytes(
        camt053(
            [
                {
                    "id": "BANK-1",
                    "amount": f"{invoice.total_incl_vat}",
                    "date": timezone.localdate().isoformat(),
                    "name": "VOLTAIRE MOBILITES",
                    "ref": f"VIR {invoice.payment_reference}",
                }
            ]
        )
    )
    sign_in(page, live_server, staff)
    page.goto(url("billing:statement-upload"))
    assert_accessible(page, "statement upload")
    page.get_by_label("Bank statement").set_input_files(str(statement))
    page.get_by_role("button", name="Preview the import").click()
    preview = page.get_by_test_id("statement-preview")
    preview.wait_for()
    assert "Matched" in preview.inner_text()
    assert invoice.number in preview.inner_text()
    assert_accessible(page, "statement preview")
    page.get_by_role("button", name="Import these payments").click()
    page.get_by_text("1 payments imported").wait_for()

    # The member's paid-until moved to the end of the year.
    sign_in(page, live_server, admin)
    page.goto(url("billing:membership", organisation.slug))
    organisation.refresh_from_db()
    assert organisation.paid_until == date(year, 12, 31)
    assert str(year) in page.get_by_test_id("paid-until").inner_text()
    assert "Nothing to pay" in page.content()
