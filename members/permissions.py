"""Who may do what with organisations: the rules every app asks.

- :func:`is_member`: the person works for an active member organisation (staff count);
- :func:`can_edit_organisation` and ``Organisation.objects.editable_by(user)``: the person
  may edit an organisation's profile, people and platforms (its admins, and staff);
- :func:`organisation_for_admin`: the same rule for a view, with the right error.

Staff means :func:`accounts.permissions.acts_as_staff` (staff with two-factor set up).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.permissions import acts_as_staff
from members.models import Organisation


def is_member(user) -> bool:
    """Whether ``user`` works for an active member organisation (staff count as members).

    Cached on the user object for the rest of the request: a page asks it once whatever
    the number of items.
    """
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_members_is_member", None)
    if cached is None:
        # Loaded with the user by members.backends, else asked now.
        active = getattr(user, "works_for_active_member", None)
        cached = acts_as_staff(user) or (
            active if active is not None else Organisation.objects.active().of_user(user).exists()
        )
        user._members_is_member = cached
    return cached


def can_edit_organisation(user, organisation: Organisation) -> bool:
    """Whether ``user`` may edit ``organisation`` (see ``OrganisationQuerySet.editable_by``,
    where the rule is written)."""
    return Organisation.objects.editable_by(user).filter(pk=organisation.pk).exists()


def organisation_for_admin(user, slug: str) -> Organisation:
    """The organisation ``slug`` if ``user`` may edit it (its admins, staff).

    Its plain members get 403, everybody else 404 (the organisation's existence is not
    revealed). The caller makes sure ``user`` is signed in.
    """
    try:
        return Organisation.objects.editable_by(user).get(slug=slug)
    except Organisation.DoesNotExist:
        if Organisation.objects.of_user(user).filter(slug=slug).exists():
            raise PermissionDenied from None
        raise Http404 from None
