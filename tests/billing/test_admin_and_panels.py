"""Back-office (issued documents read-only, credit-note action) and the panels."""

import pytest
from django.urls import reverse

from billing import invoicing
from billing.models import Invoice

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(scale, organisation, owner):
    return invoicing.membership_invoice_issue(organisation=organisation, scale=scale, deliver=False)


def test_admin_lists_and_shows_invoices_read_only(staff_client, invoice):
    changelist = reverse("admin:billing_invoice_changelist")
    assert invoice.number in staff_client.get(changelist + "?q=" + invoice.number).content.decode()
    url = reverse("admin:billing_invoice_change", args=[invoice.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert staff_client.post(url, {"buyer_name": "Autre"}).status_code == 403
    assert Invoice.objects.get(pk=invoice.pk).buyer_name == invoice.buyer_name
    delete = reverse("admin:billing_invoice_delete", args=[invoice.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403


def test_admin_credit_note_action(staff_client, invoice):
    response = staff_client.post(
        reverse("admin:billing_invoice_changelist"),
        {"action": "credit", "_selected_action": [invoice.pk]},
    )
    assert response.status_code == 302
    assert Invoice.objects.get(credited_invoice=invoice).kind == Invoice.Kind.CREDIT_NOTE


@pytest.mark.parametrize(
    "name", ["feescale", "payment", "billingprofile", "campaign", "reminder", "seller"]
)
def test_admin_changelists_open(staff_client, name):
    assert staff_client.get(reverse(f"admin:billing_{name}_changelist")).status_code == 200


def test_dashboard_panel_for_org_admins_and_staff(client, owner, colleague, staff, invoice):
    client.force_login(owner)
    page = client.get(reverse("dashboard")).content.decode()
    assert reverse("billing:membership", args=[invoice.organisation.slug]) in page
    client.force_login(colleague)
    page = client.get(reverse("dashboard")).content.decode()
    assert reverse("billing:membership", args=[invoice.organisation.slug]) not in page
    client.force_login(staff)
    assert reverse("billing:receivables") in client.get(reverse("dashboard")).content.decode()


def test_join_page_hides_the_panel_without_a_published_scale(client, scale):
    scale.is_published = False
    scale.save()
    page = client.get(reverse("members:application-create")).content.decode()
    assert "1\u202f200\u00a0€" not in page  # the amount as the panel writes it
    assert "1200" not in page.replace('content="1200"', "")  # the social card's width aside


def test_join_panel_is_translated_and_marks_the_french_tax_mention(client, scale):
    scale.vat_rate = 0
    scale.vat_exemption = "TVA non applicable, article 261-7-1° du CGI"
    scale.save()
    url = reverse("members:application-create")
    french = client.get(url).content.decode()
    assert "Entreprise · autres tailles" in french
    assert "que le reste de l'année\u00a0: par trimestres restants" in french
    english = client.get("/en" + url).content.decode()
    assert "Company · other sizes" in english
    assert "rest of the year only: by remaining quarters (the joining quarter counts)." in english
    assert '<span lang="fr">TVA non applicable, article 261-7-1° du CGI</span>' in english
    assert '<span lang="fr">' not in french
