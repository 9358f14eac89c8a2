"""The home page's figures are counted live from the portal's data, kept in the shared
cache, and fresh after a write; the dated history is on the about page."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from content.models import KeyFigure, Page
from events.models import Event
from members.models import Organisation
from projects.models import Project
from tests.factories import PageFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory
from trainings.models import Training

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]

FIGURE = re.compile(
    r'<a class="key-figure key-figure-link" href="([^"]+)">'
    r'<span class="key-figure-value">([^<]+)</span>'
)
NAMES = {
    "members:organisation-list": "member organisations",
    "projects:project-list": "labelled projects",
    "trainings:training-list": "training courses",
    "events:event-list": "events",
}


def figures(client) -> dict[str, int]:
    html = client.get(reverse("home")).content.decode()
    found = dict(FIGURE.findall(html))
    return {name: int(re.sub(r"\D", "", found[reverse(url)])) for url, name in NAMES.items()}


def independent_counts() -> dict[str, int]:
    """The same figures, counted another way."""
    today = timezone.localdate()
    year = today.year
    return {
        "member organisations": sum(
            1
            for o in Organisation.objects.all()
            if o.membership_status == "active"
            and (o.paid_until is None or o.paid_until >= today)
            and o.is_public
        ),
        "labelled projects": sum(
            1
            for p in Project.objects.all()
            if p.labelled_on and p.status in Project.SHOWCASE and p.visibility == "public"
        ),
        "training courses": sum(1 for t in Training.objects.all() if t.is_live),
        "events": sum(
            1
            for e in Event.objects.all()
            if e.status not in ("draft", "cancelled") and timezone.localtime(e.start).year == year
        ),
    }


def test_the_figures_equal_independent_counts_and_follow_a_write(client, in_english):
    ProjectFactory.create_batch(2)
    ProjectFactory(visibility=Project.Visibility.CONFIDENTIAL)
    OrganisationFactory(paid_until=timezone.localdate() - dt.timedelta(days=400))
    now = timezone.now()
    Event.objects.create(
        slug="demo-event",
        title="Demo",
        summary="s",
        kind="conference",
        start=now,
        end=now + dt.timedelta(hours=2),
        status=Event.Status.PUBLISHED,
    )
    shown = figures(client)
    expected = independent_counts()
    assert shown["member organisations"] == expected["member organisations"] == 3
    assert shown["labelled projects"] == expected["labelled projects"] == 2
    assert shown["events"] == expected["events"] == 1
    assert shown["training courses"] == expected["training courses"] == 0

    # The page and the figures come from the shared cache, until a write changes them.
    OrganisationFactory()
    ProjectFactory()
    assert figures(client)["member organisations"] == 5
    assert figures(client)["labelled projects"] == 3


def test_the_members_figure_is_the_count_of_the_directory(client, in_english):
    """An active member hidden from the directory by staff is not counted: the figure, the
    directory it links to and the members map say the same number."""
    OrganisationFactory.create_batch(3)
    OrganisationFactory(is_public=False)
    shown = figures(client)["member organisations"]
    directory = client.get(reverse("members:organisation-list")).content.decode()
    listed = re.search(r'role="status">(\d+) organisations?<', directory)

    assert Organisation.objects.active().count() == 4
    assert shown == int(listed.group(1)) == 3


def test_the_home_page_has_no_dated_history_but_the_about_page_has(client, in_english):
    KeyFigure.objects.create(value="136", label_en="funded projects in ten years", year=2015)
    PageFactory(role=Page.Role.ABOUT, slug="about")
    home = client.get(reverse("home")).content.decode()
    assert "136" not in home and "2015" not in home
    about = client.get(reverse("content:about")).content.decode()
    assert "Milestones" in about and "2015" in about and "funded projects in ten years" in about


def test_anonymous_projects_count_is_what_visitors_may_see():
    ProjectFactory(visibility=Project.Visibility.MEMBERS)
    ProjectFactory()
    assert Project.objects.visible_to(AnonymousUser()).labelled().count() == 1
