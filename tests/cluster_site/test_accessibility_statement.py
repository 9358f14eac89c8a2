"""The accessibility statement (RGAA 4.1) and the barrier report sent through the relay."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cluster_site.accessibility import AUDIT, CRITERIA, compliance
from core.models import OutgoingEmail

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

GOOD = {
    "name": "Alex Martin",
    "email": "alex@lecteur.example",
    "page": "/events/",
    "problem": "The month filter cannot be reached with the keyboard alone.",
    "technology": "Firefox with NVDA",
}


def test_the_statement_has_the_parts_of_the_official_form(client):
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    content = response.content.decode()
    for part in (
        "Accessibility statement",
        "article 47",
        "partially compliant",
        "RGAA), version 4.1",
        "Test results",
        "Non-accessible content",
        "Exemptions for disproportionate burden",
        "Technologies used",
        "Test environment",
        "Défenseur des droits",
        "Libre réponse 71120",
        reverse("accessibility-report"),
    ):
        assert part in content, part
    assert "Set-Cookie" not in str(response.headers)  # a visitor's page stays cacheable


def test_every_footer_links_to_the_statement(client):
    for url in (reverse("home"), reverse("members:organisation-list"), reverse("search")):
        assert "Accessibility: partially compliant" in client.get(url).content.decode()


def test_a_report_goes_to_the_team_through_the_outbox_without_printing_an_address(
    client, mail_on_commit, settings
):
    settings.STAFF_NOTIFICATION_EMAILS = ["a11y@cluster.example"]
    page = client.get(reverse("accessibility-report")).content.decode()
    assert "a11y@cluster.example" not in page
    with mail_on_commit():
        response = client.post(reverse("accessibility-report"), GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("accessibility")
    email = OutgoingEmail.objects.get()
    assert "a11y@cluster.example" in email.recipients
    with translation.override("fr"):  # the team's language
        assert email.subject.endswith(_("Accessibility: a barrier reported on the portal"))
    assert email.payload["reply_to"] == ["alex@lecteur.example"]
    assert "month filter" in email.payload["text"] and "NVDA" in email.payload["text"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not-an-address"), ("problem", "Too short"), ("email", "")],
)
def test_bad_input_is_refused_next_to_the_field(client, field, value):
    response = client.post(reverse("accessibility-report"), {**GOOD, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="invalid-feedback' in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_reports_are_rate_limited(client, mail_on_commit):
    with mail_on_commit():
        for _ in range(3):
            assert client.post(reverse("accessibility-report"), GOOD).status_code == 302
        response = client.post(reverse("accessibility-report"), GOOD)
    assert response.status_code == 200
    assert "Too many reports" in response.content.decode()
    assert OutgoingEmail.objects.count() == 3


def test_the_statement_and_the_form_make_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get(reverse("accessibility")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("accessibility-report")).status_code == 200


def test_the_audit_date_is_written_like_every_other_date(client):
    from cluster_site.accessibility import AUDIT
    from core import typography

    english = client.get("/en/accessibility/").content.decode()
    assert f"The audit of {typography.date(AUDIT['date'], language='en')} was run" in english
    french = client.get("/accessibility/").content.decode()
    assert f"L'audit du {typography.date(AUDIT['date'], language='fr')} a" in french


def test_the_statement_gives_the_rate_of_criteria_respected(client):
    figures = compliance()
    respected = [n for n, (result, _how) in CRITERIA.items() if result == "C"]
    assert figures["respected"] == len(respected) == 14
    assert figures["applicable"] == len(CRITERIA) == 15
    assert figures["rate"] == 14 * 100 // 15 == 93
    html = client.get(reverse("accessibility")).content.decode()
    assert "93 % of the RGAA criteria audited are respected" in html
    assert "14 of the 15 applicable criteria the audit decides, out of the 106" in html
    for number in CRITERIA:
        assert f'<th scope="row">{number}</th>' in html, number


def test_the_french_statement_states_the_rate_in_the_official_words(client):
    with translation.override("fr"):
        html = client.get(reverse("accessibility")).content.decode()
    assert "<strong>93 % des critères du RGAA audités sont respectés</strong>" in html


def test_the_sample_described_is_the_crawls(client):
    """The statement says what the crawl checks: every kind of page, so many of each by
    reader and language; never "every public page"."""
    crawl = (Path(__file__).parent / "test_browser_crawl.py").read_text()
    instances = re.search(r"^INSTANCES = (\{.*\})$", crawl, re.M).group(1)
    assert eval(instances) == AUDIT["instances"]  # noqa: S307 (our own test's literal)
    html = client.get(reverse("accessibility")).content.decode()
    assert "every public page" not in html
    assert "Every kind of page reachable" in html
    assert (
        "Pages of each kind checked: 1 in French and 1 in English as a visitor, 1 in French "
        "and 1 in English as a signed-in member"
    ) in html
