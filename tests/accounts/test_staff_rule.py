"""The one rule for staff powers on the portal: staff with two-factor authentication
(accounts.permissions.acts_as_staff), also offered to templates as a filter."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from accounts.models import User
from accounts.permissions import acts_as_staff, needs_two_factor_setup
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request loads it (nothing remembered from earlier questions)."""
    return User.objects.get(pk=user.pk)


def test_only_staff_with_two_factor_act_as_staff():
    assert acts_as_staff(StaffFactory())
    assert not acts_as_staff(StaffFactory(totp=False))
    assert not acts_as_staff(UserFactory())
    assert not acts_as_staff(AnonymousUser())


def test_staff_without_two_factor_must_set_it_up_but_nobody_else():
    assert needs_two_factor_setup(StaffFactory(totp=False))
    assert not needs_two_factor_setup(StaffFactory())
    assert not needs_two_factor_setup(UserFactory())
    assert not needs_two_factor_setup(AnonymousUser())


def test_an_exempt_address_or_a_site_without_the_requirement_acts_as_staff(settings):
    staff = StaffFactory(totp=False)
    settings.STAFF_MFA_EXEMPT_EMAILS = [staff.email]
    assert acts_as_staff(fresh(staff))
    settings.STAFF_MFA_EXEMPT_EMAILS = []
    settings.STAFF_MFA_REQUIRED = False
    assert acts_as_staff(fresh(staff))


def test_a_page_reads_the_authenticator_once(django_assert_num_queries):
    staff = fresh(StaffFactory())
    with django_assert_num_queries(1):
        assert acts_as_staff(staff) and acts_as_staff(staff)
        assert not needs_two_factor_setup(staff)


def test_the_template_filter_follows_the_rule():
    template = Template("{% load accounts_tags %}{% if user|acts_as_staff %}yes{% endif %}")
    assert template.render(Context({"user": StaffFactory()})) == "yes"
    assert template.render(Context({"user": StaffFactory(totp=False)})) == ""
    assert template.render(Context({"user": AnonymousUser()})) == ""
