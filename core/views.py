"""Small pieces the apps' views share: saving posted forms, showing a refusal, asking
before deleting; and the download of a long export."""

from contextlib import contextmanager

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from core import pagecache
from core.errors import PortalError
from core.models import ExportFile


def save_posted(request, *forms, message: str) -> bool:
    """Save ``forms`` (model forms and formsets) if the request posted them all valid: in
    one transaction (a record with its relations, two formsets: all or nothing), then tell
    the person ``message``. Returns whether it saved; if not, the view shows the forms
    again, with their errors.

    What the view decides (the project of a document, the author of a post) it sets on the
    form's ``instance`` beforehand (``form.instance.author = request.user``), never read
    from the POST."""
    if request.method != "POST" or not all(form.is_valid() for form in forms):
        return False
    with transaction.atomic():
        for form in forms:
            form.save()
    messages.success(request, message)
    return True


@contextmanager
def refusal_as_message(request):
    """Run the block of a use case: when it refuses (a :class:`core.errors.PortalError`),
    the block stops and the reason is shown as an error message. So a success message
    written in the block after the call is shown only when the call succeeded."""
    try:
        yield
    except PortalError as error:
        messages.error(request, error.message)


def confirm_delete(request, *, title: str, removes: list, keeps=(), back_url: str):
    """The page that asks before a delete (a GET on a delete address): it says what will be
    removed (``removes``) and what stays (``keeps``), then posts back to the same address,
    where the view deletes. Works without JavaScript."""
    return render(
        request,
        "core/confirm_delete.html",
        {"title": title, "removes": removes, "keeps": keeps, "back_url": back_url},
    )


def render_list_page(request, template: str, build, *, variant: str = "", keep=(), context=None):
    """A list page (``templates/list_page.html``) whose body (filters, result count, cards,
    pagination) is the same for every reader of the same address: ``build()`` (the
    context with ``page_obj``) runs only when that body is not in the shared cache; the
    body is then kept as a fragment until a table it read is written (core.pagecache).
    The rest of the page (the person's menu, the panels of the page head) stays live.

    ``variant`` names what else changes the body (``"member"`` when members see more);
    ``keep`` lists the names of ``build()``'s context that the page around the body needs
    (they must be picklable); the page gets ``page_number`` for its title."""

    def body() -> dict:
        page_context = {**(context or {}), **build()}
        html = render_to_string(template, {**page_context, "list_frame": "list_body.html"}, request)
        page = page_context.get("page_obj")
        return {
            "html": html,
            "page_number": page.number if page is not None else 1,
            "kept": {name: page_context.get(name) for name in keep},
        }

    listing = pagecache.cached_fragment(
        f"list:{template}:{variant}:{request.get_full_path()}", body
    )
    return render(
        request,
        template,
        {
            **(context or {}),
            **listing["kept"],
            "list_body": mark_safe(listing["html"]),  # noqa: S308 (our own template)
            "page_number": listing["page_number"],
        },
    )


@login_required
def export_download(request, pk):
    """A long export (core.exports), for the person who asked for it only, until it
    expires: anyone else, or later, gets a 404."""
    export = get_object_or_404(ExportFile, pk=pk, owner=request.user, expires_at__gt=timezone.now())
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=export.name)


def members_only(request, *, title: str, summary: str, points=()):
    """The page a visitor (not signed in) gets for a members-only page: what is behind it,
    then signing in (back to the same address) or joining; never a bare login form. The
    same for every visitor, so it stays in the page cache."""
    return render(
        request,
        "core/members_only.html",
        {"title": title, "summary": summary, "points": points, "next": request.get_full_path()},
    )
