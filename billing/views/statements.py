"""Bank statement import: upload, preview of the matches, then one confirmed save."""

import base64

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.decorators import staff_required
from billing import bank
from billing.forms import StatementUploadForm

SESSION_KEY = "billing:statement"


@staff_required
@require_http_methods(["GET", "POST"])
def statement_upload(request):
    """Read the file and show what the import would do; nothing is saved yet (the file
    waits in the session until staff confirm)."""
    form = StatementUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            name, lines = bank.parse(data, upload.name)
        except bank.StatementError as error:
            form.add_error("file", error.message)
        else:
            bank.match(lines)
            request.session[SESSION_KEY] = {
                "name": upload.name,
                "data": base64.b64encode(data).decode(),
            }
            return render(
                request,
                "billing/statement_preview.html",
                {"statement": name, "lines": lines, "counts": _counts(lines)},
            )
    return render(request, "billing/statement_upload.html", {"form": form})


def _counts(lines) -> dict:
    counts = {"matched": 0, "ambiguous": 0, "unknown": 0, "duplicate": 0}
    for line in lines:
        counts[line.status] += 1
    return counts


@staff_required
@require_POST
def statement_confirm(request):
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.error(request, _("Upload the statement again: the preview has expired."))
        return redirect("billing:statement-upload")
    try:
        name, lines = bank.parse(base64.b64decode(stored["data"]), stored["name"])
        counts = bank.statement_import(lines=bank.match(lines), statement=name, by=request.user)
    except bank.StatementError as error:
        messages.error(request, error.message)
        return redirect("billing:statement-upload")
    del request.session[SESSION_KEY]
    new = counts["matched"] + counts["ambiguous"] + counts["unknown"]
    messages.success(
        request,
        _(
            "%(new)s payments imported (%(matched)s matched to an invoice, %(other)s to "
            "allocate); %(duplicate)s lines were already imported."
        )
        % {
            "new": new,
            "matched": counts["matched"],
            "other": counts["ambiguous"] + counts["unknown"],
            "duplicate": counts["duplicate"],
        },
    )
    return redirect("billing:payment-list")
