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
    "pages": 275,
    "kinds": 174,
    "violations_found": 332,
    "violations_left": 0,
    "status": "partial",  # "full" once a manual audit of the 106 criteria finds nothing
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
    return render(request, "accessibility/statement.html", {"audit": AUDIT})


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
