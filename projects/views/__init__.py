"""Views of the projects app, split by audience (see each module)."""

from django.contrib import messages
from django.db import transaction


def save_posted(request, *forms, message: str) -> bool:
    """Save ``forms`` (model forms and formsets) if the request posted them all valid: in
    one transaction (a project with its markets, a consortium's two formsets: all or
    nothing), then tell the person ``message``. Returns whether it saved; if not, the view
    shows the forms again, with their errors.

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
