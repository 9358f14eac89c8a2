"""The accessibility statement (RGAA 4.1, in the official French form) and the form that
reports an accessibility barrier to the cluster's team.

The conformance status comes from the audit below: the crawl of every page run by
``tests/cluster_site/test_browser_crawl.py`` in CI (axe-core, the Nu HTML checker, reflow at
320 px). An automatic audit proves part of the 106 RGAA criteria only, so the site is
declared *partially* conformant until a person has audited the rest.
"""

import datetime

from allauth.account.adapter import get_adapter
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import mail, ratelimit

# The last audit: the crawl's own figures (printed by the test at the end of its run).
AUDIT = {
    "date": datetime.date(2026, 12, 3),
    "pages": 276,
    "kinds": 174,
    "violations_found": 332,
    "violations_left": 0,
    "status": "partial",  # "full" once a manual audit of the 106 criteria finds nothing
    # The sample: every kind of page the crawl reaches (a resolved view, with or without a
    # query string), this many instances of each by reader and language (the crawl's
    # INSTANCES, tests/cluster_site/test_browser_crawl.py; a test keeps them equal).
    "instances": {
        ("visitor", "fr"): 1,
        ("visitor", "en"): 1,
        ("member", "fr"): 1,
        ("member", "en"): 1,
    },
}

# The RGAA 4.1 criteria this audit decides, each with its result ("C" respected, "NC" not
# respected) and how it is checked: what the compliance rate counts. The others (relevance
# of alternatives, of link texts, reading order...) need a person and are not counted yet.
CRITERIA = {
    "1.1": ("C", "axe image-alt, svg-img-alt, role-img-alt, input-image-alt"),
    "3.2": ("C", "axe color-contrast"),
    "5.6": ("C", "axe th-has-data-cells"),
    "5.7": ("C", "axe td-headers-attr"),
    "6.2": ("C", "axe link-name"),
    "8.1": ("C", "Nu HTML checker (doctype)"),
    "8.2": ("C", "Nu HTML checker"),
    "8.3": ("C", "axe html-has-lang"),
    "8.4": ("C", "axe html-lang-valid, valid-lang"),
    "8.5": ("C", "axe document-title"),
    "9.1": ("C", "axe heading-order, page-has-heading-one"),
    "10.11": ("C", "crawl: no horizontal scrolling at 320 px"),
    "11.1": ("C", "axe label, select-name"),
    "12.7": ("C", "axe bypass (skip link)"),
    "13.3": ("NC", "invoices in PDF are not tagged (see the non-compliances)"),
}


def compliance() -> dict:
    """The rate of the official form ("X % des critères RGAA respectés"): respected
    criteria over the applicable criteria audited (:data:`CRITERIA`), rounded down."""
    respected = sum(1 for result, _how in CRITERIA.values() if result == "C")
    applicable = sum(1 for result, _how in CRITERIA.values() if result in ("C", "NC"))
    return {
        "rate": respected * 100 // applicable if applicable else 0,
        "respected": respected,
        "applicable": applicable,
        "total": 106,
        "criteria": [
            {"number": number, "respected": result == "C", "how": how}
            for number, (result, how) in CRITERIA.items()
        ],
    }


REPORT_RATES = (ratelimit.Rate(3, 60 * 60), ratelimit.Rate(10, 24 * 60 * 60))


class BarrierReportForm(forms.Form):
    """What a person who met a barrier tells the team; the reply goes to ``email``."""

    name = forms.CharField(label=gettext_lazy("Your name"), max_length=120, required=False)
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        help_text=gettext_lazy("We answer you at this address, and use it for nothing else."),
    )
    page = forms.CharField(
        label=gettext_lazy("Address or title of the page"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "For example: the events page, or the address shown by your browser."
        ),
    )
    problem = forms.CharField(
        label=gettext_lazy("The problem you met"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=20,
        max_length=5000,
        help_text=gettext_lazy(
            "What you wanted to do and what stopped you (at least 20 characters)."
        ),
    )
    technology = forms.CharField(
        label=gettext_lazy("Browser and assistive technology (if any)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "For example: Firefox with NVDA, a screen magnifier, keyboard only."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            "name",
            "email",
            "page",
            "problem",
            "technology",
            Submit("send", _("Send the report"), css_class="btn-primary"),
        )


def statement(request):
    instances = AUDIT["instances"]
    return render(
        request,
        "accessibility/statement.html",
        {
            "audit": AUDIT,
            "compliance": compliance(),
            "visitor_fr": instances["visitor", "fr"],
            "visitor_en": instances["visitor", "en"],
            "member_fr": instances["member", "fr"],
            "member_en": instances["member", "en"],
        },
    )


def report(request):
    form = BarrierReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Behind the reverse proxy: the address allauth trusts, not the proxy's own.
        address = get_adapter(request).get_client_ip(request) or ""
        if not ratelimit.hit("accessibility-report", address, REPORT_RATES):
            form.add_error(None, _("Too many reports were sent from here. Try again later."))
        else:
            with transaction.atomic():
                mail.send_to_staff(
                    "accessibility/emails/report",
                    context={**form.cleaned_data, "statement_url": reverse("accessibility")},
                    reply_to=[form.cleaned_data["email"]],
                )
            messages.success(
                request, _("Thank you: your report is sent to our team, who will answer you.")
            )
            return redirect("accessibility")
    return render(request, "accessibility/report_form.html", {"form": form})
