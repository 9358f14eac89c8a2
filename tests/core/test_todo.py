"""core.todo: counting pending work in one query, and links to filtered admin lists."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from core.todo import admin_list_url, tally, tally_and_list
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_tally_counts_and_finds_the_oldest_in_one_query(django_assert_num_queries):
    old = UserFactory(is_staff=True)
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - timedelta(days=9))
    UserFactory(is_staff=True)
    UserFactory()
    with django_assert_num_queries(1):
        found = tally(
            {
                "staff": (User.objects.filter(is_staff=True), "date_joined"),
                "nobody": (User.objects.filter(email="nobody@example.org"), "date_joined"),
            }
        )
    old.refresh_from_db()
    assert found["staff"] == (2, old.date_joined)
    assert found["nobody"] == (0, None)
    assert tally({}) == {}


def test_tally_and_list_counts_one_queryset_and_lists_another(django_assert_num_queries):
    staff = UserFactory(is_staff=True)
    members = UserFactory.create_batch(2)
    with django_assert_num_queries(1):
        (count, oldest), rows = tally_and_list(
            (User.objects.filter(is_staff=True), "date_joined"),
            (User.objects.filter(is_staff=False), "date_joined"),
        )
    assert (count, oldest) == (1, staff.date_joined)
    assert sorted(pk for pk, _joined in rows) == sorted(m.pk for m in members)
    (count, oldest), rows = tally_and_list(
        (User.objects.none().filter(pk=0), "date_joined"),
        (User.objects.filter(pk=0), "date_joined"),
    )
    assert (count, oldest, rows) == (0, None, [])


def test_admin_list_url_filters_the_changelist():
    assert admin_list_url(User) == "/admin/accounts/user/"
    assert admin_list_url(User, is_staff__exact=1, id__in=[3, 4]) == (
        "/admin/accounts/user/?is_staff__exact=1&id__in=3%2C4"
    )
