"""Who may do what with organisations: helpers every app can use."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from members.models import Organisation


def is_member_user(user) -> bool:
    """Whether ``user`` works for an active member organisation (staff count as members).

    Cached on the user object for the rest of the request.
    """
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_members_is_member", None)
    if cached is None:
        cached = user.is_staff or Organisation.objects.active().of_user(user).exists()
        user._members_is_member = cached
    return cached


def organisation_for_admin(user, slug: str) -> Organisation:
    """The organisation ``slug`` if ``user`` administers it (or is staff).

    Its plain members get 403, everybody else 404 (the organisation's existence is not
    revealed). The caller makes sure ``user`` is signed in.
    """
    try:
        return Organisation.objects.editable_by(user).get(slug=slug)
    except Organisation.DoesNotExist:
        if Organisation.objects.of_user(user).filter(slug=slug).exists():
            raise PermissionDenied from None
        raise Http404 from None
