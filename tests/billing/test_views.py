"""Every billing page from the outside: who may see and do what, and what they get."""

import io
from decimal import Decimal

import facturx
import pytest
from django.urls import reverse

from billing import invoicing
from billing.models import BillingProfile, Campaign, Payment
from tests.billing.camt import camt053
from tests.billing.factories import FeeScaleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(scale, organisation, owner):
    return invoicing.membership_invoice_issue(organisation=organisation, scale=scale, deliver=False)


ORG_PAGES = ["billing:membership", "billing:profile-edit"]
STAFF_GETS = [
    "billing:receivables",
    "billing:overdue",
    "billing:payment-list",
    "billing:payment-create",
    "billing:statement-upload",
]
STAFF_POSTS = [
    "billing:campaign-open",
    "billing:payment-create",
    "billing:statement-upload",
    "billing:statement-confirm",
]


def _login(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("name", ORG_PAGES)
@pytest.mark.parametrize(
    "persona, status",
    [("anonymous", 302), ("outsider", 404), ("colleague", 403), ("owner", 200), ("staff", 200)],
)
def test_organisation_pages_permission_matrix(request, client, organisation, name, persona, status):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    response = _login(client, user).get(reverse(name, args=[organisation.slug]))
    assert response.status_code == status
    if persona == "anonymous":
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "persona, status",
    [("anonymous", 302), ("outsider", 404), ("colleague", 403), ("owner", 200), ("staff", 200)],
)
def test_invoice_download_permission_matrix(request, client, invoice, persona, status):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    response = _login(client, user).get(reverse("billing:invoice-pdf", args=[invoice.pk]))
    assert response.status_code == status
    if status == 200:
        content = b"".join(response.streaming_content)
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Cache-Control"] == "private, no-store"
        _name, xml = facturx.get_xml_from_pdf(io.BytesIO(content), check_xsd=True)
        assert invoice.number.encode() in xml


@pytest.mark.parametrize("name", STAFF_GETS + ["billing:export"])
@pytest.mark.parametrize(
    "persona, status", [("anonymous", 302), ("outsider", 403), ("owner", 403), ("staff", 200)]
)
def test_staff_pages_permission_matrix(request, client, name, persona, status):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    query = "?start=2026-01-01&end=2026-12-31" if name == "billing:export" else ""
    response = _login(client, user).get(reverse(name) + query)
    assert response.status_code == status


@pytest.mark.parametrize("name", STAFF_POSTS)
@pytest.mark.parametrize("persona", ["anonymous", "outsider", "owner"])
def test_staff_actions_refuse_everybody_else_and_change_nothing(
    request, client, scale, name, persona
):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    response = _login(client, user).post(
        reverse(name), {"scale": scale.pk, "issue_date": "2099-01-01", "amount": "10"}
    )
    assert response.status_code in (302, 403)
    if persona != "anonymous":
        assert response.status_code == 403
    assert not Campaign.objects.exists() and not Payment.objects.exists()


def test_member_page_shows_status_invoice_and_how_to_pay(client, owner, organisation, invoice):
    response = _login(client, owner).get(reverse("billing:membership", args=[organisation.slug]))
    content = response.content.decode()
    assert invoice.number in content
    assert invoice.payment_reference in content
    assert invoice.seller["iban"] in content


def test_owner_edits_billing_details_with_errors_next_to_the_field(client, owner, organisation):
    url = reverse("billing:profile-edit", args=[organisation.slug])
    client = _login(client, owner)
    response = client.post(url, {"email": "not-an-email", "vat_number": "12"})
    assert response.status_code == 200
    assert "id_email" in response.content.decode()
    assert response.context["form"].errors.keys() == {"email", "vat_number"}
    assert not BillingProfile.objects.exists()
    response = client.post(
        url,
        {
            "email": "compta@fictive.example",
            "vat_number": "fr 12 345678901",
            "purchase_order": "PO-1",
            "address": "",
        },
    )
    assert response.status_code == 302
    assert BillingProfile.objects.get().vat_number == "FR12345678901"


def test_staff_open_a_campaign_from_the_receivables_page(
    staff_client, organisation, owner, mail_on_commit
):
    scale = FeeScaleFactory(year=2099)
    with mail_on_commit():
        response = staff_client.post(
            reverse("billing:campaign-open"), {"scale": scale.pk, "issue_date": "2099-01-02"}
        )
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert campaign.invoices.get().organisation == organisation
    page = staff_client.get(response["Location"])
    assert "1 facture émise" in page.content.decode()


def test_backdated_campaign_is_refused(staff_client, scale):
    response = staff_client.post(
        reverse("billing:campaign-open"), {"scale": scale.pk, "issue_date": "2000-01-01"}
    )
    assert response.status_code == 302
    assert not Campaign.objects.exists()


def test_staff_record_a_payment_for_two_invoices(staff_client, scale, invoice):
    other = invoicing.membership_invoice_issue(
        organisation=__import__("tests.members.factories", fromlist=["x"]).OrganisationFactory(),
        scale=scale,
        deliver=False,
    )
    response = staff_client.post(
        reverse("billing:payment-create"),
        {
            "received_on": "2026-01-05",
            "amount": "2000",
            "method": "cheque",
            "invoices": f"{invoice.number}, {other.number}",
        },
    )
    assert response.status_code == 302
    payment = Payment.objects.with_allocated().get()
    assert payment.allocated == Decimal("2000")
    page = staff_client.get(reverse("billing:payment-list")).content.decode()
    assert invoice.number in page and other.number in page


def test_payment_form_unknown_invoice_error(staff_client, invoice):
    response = staff_client.post(
        reverse("billing:payment-create"),
        {"received_on": "2026-01-05", "amount": "10", "method": "cheque", "invoices": "1999-00001"},
    )
    assert response.status_code == 200
    assert "1999-00001" in str(response.context["form"].errors["invoices"])
    assert not Payment.objects.exists()


def test_statement_preview_then_confirm(staff_client, invoice):
    data = camt053(
        [
            {
                "id": "T1",
                "amount": "1440.00",
                "date": "2026-11-02",
                "name": "V",
                "ref": invoice.payment_reference,
            }
        ]
    )
    upload = io.BytesIO(data)
    upload.name = "releve.xml"
    response = staff_client.post(reverse("billing:statement-upload"), {"file": upload})
    assert response.status_code == 200
    assert "Matched" in response.content.decode() or "matched" in response.content.decode()
    assert not Payment.objects.exists()
    response = staff_client.post(reverse("billing:statement-confirm"))
    assert response.status_code == 302
    assert Payment.objects.get().allocations.get().invoice == invoice


def test_malformed_statement_error_next_to_the_field(staff_client):
    upload = io.BytesIO(b"<Document><broken>")
    upload.name = "releve.xml"
    response = staff_client.post(reverse("billing:statement-upload"), {"file": upload})
    assert response.status_code == 200
    assert "mal formé" in str(response.context["form"].errors["file"])


def test_export_for_the_accountant(staff_client, invoice):
    invoicing.credit_note_issue(invoice=invoice, reason="test", deliver=False)
    response = staff_client.get(
        reverse("billing:export") + f"?start={invoice.issue_date}&end={invoice.issue_date}"
    )
    content = response.content.decode("utf-8-sig")
    assert invoice.number in content
    assert "-1440.00" in content


def test_join_page_shows_the_fee_scale(client, scale):
    response = client.get(reverse("members:application-create"))
    assert "1\u202f200\u00a0€" in response.content.decode()  # core.typography
