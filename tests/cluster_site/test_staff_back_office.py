"""The back-office: staff only, two-factor authentication required, every admin page works."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_login_form_is_replaced_by_the_portal_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_anonymous_and_members_cannot_open_the_back_office(client, user):
    assert client.get("/admin/").status_code == 302
    client.force_login(user)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403


def test_staff_without_two_factor_are_sent_to_set_it_up(client):
    client.force_login(StaffFactory(totp=False))
    response = client.get("/admin/content/article/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_exemption_list_is_ignored_without_debug(client, settings):
    staff = StaffFactory(totp=False)
    # The settings module builds the list only with DEBUG on: production has none.
    settings.STAFF_MFA_EXEMPT_EMAILS = []
    client.force_login(staff)
    assert client.get("/admin/").status_code == 302


def test_exempted_demo_staff_account_opens_the_back_office(client, settings):
    staff = StaffFactory(totp=False)
    settings.STAFF_MFA_EXEMPT_EMAILS = [staff.email]
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_staff_with_two_factor_see_the_grouped_admin_index(staff_client):
    html = staff_client.get("/admin/").content.decode()
    assert "Contenus éditoriaux" in html
    assert "Organisations" in html  # grouped by job (cluster_site/admin.py MODEL_GROUPS)


def admin_pages():
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        yield pytest.param(model, model_admin, id=".".join(info))


@pytest.mark.parametrize(("model", "model_admin"), list(admin_pages()))
def test_every_admin_list_and_add_page_renders(staff_client, staff, model, model_admin):
    info = (model._meta.app_label, model._meta.model_name)
    changelist = staff_client.get(reverse("admin:{}_{}_changelist".format(*info)))
    assert changelist.status_code == 200
    searchable = model_admin.search_fields
    if searchable:
        assert (
            staff_client.get(
                reverse("admin:{}_{}_changelist".format(*info)), {"q": "x"}
            ).status_code
            == 200
        )
    if model_admin.has_add_permission(
        type("R", (), {"user": StaffFactory.build(is_superuser=True)})()
    ):
        assert staff_client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200


def test_plain_member_forging_an_admin_post_changes_nothing(client):
    from content.models import KeyFigure

    member = UserFactory()
    client.force_login(member)
    client.post("/admin/content/keyfigure/add/", {"value": "1", "label_fr": "x", "order": 1})
    assert not KeyFigure.objects.exists()
