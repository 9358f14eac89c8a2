"""Authentication backends that load the signed-in person with what every page asks.

Every page for a signed-in person asks whether they work for an active member organisation
(:func:`members.permissions.is_member`: members-only details, buttons, panels). Loading the
user for the request answers it in the same query (an ``EXISTS`` annotation), instead of
one more query on every page. Both backends of the portal (Django's, which ``force_login``
and the admin use, and allauth's, which the login form uses) do it.
"""

import functools

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef
from django.db.models.functions import Upper

from core import hooks, pagecache

ANNOTATION = "works_for_active_member"
# Also loaded with the user, so that the dashboard's panels skip the queries whose answer is
# empty for most people: whether they administer an organisation (invoices), and whether an
# invitation waits for one of their verified addresses.
ADMINISTERS = "administers_an_organisation"
INVITED = "has_pending_invitation"
TOTP = "_accounts_has_totp"  # the name accounts.permissions keeps its answer under


def _load_user(user_id):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from members.models import Invitation, Membership, Organisation

    model = get_user_model()
    active = Organisation.objects.active().filter(memberships__user=OuterRef("pk"))
    administers = Membership.objects.filter(user=OuterRef("pk"), role=Membership.Role.ADMIN)
    addresses = EmailAddress.objects.filter(user=OuterRef(OuterRef("pk")), verified=True)
    invited = (
        Invitation.objects.pending()
        .annotate(upper_email=Upper("email"))
        .filter(upper_email__in=addresses.annotate(upper=Upper("email")).values("upper"))
    )
    annotations = {ANNOTATION: Exists(active), ADMINISTERS: Exists(administers)}
    annotations[INVITED] = Exists(invited)
    # Whether the person set up an authenticator app (accounts.permissions asks it of staff
    # on every page), read here rather than in a query of its own.
    annotations[TOTP] = Exists(
        Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    )
    annotations.update(hooks.person_flags())
    return model._default_manager.annotate(**annotations).filter(pk=user_id).first()


def _get_user(backend, user_id):
    # Building that query costs more CPU than the rest of a signed-in page: the person comes
    # from the shared cache, fresh after any write to a table the query read (the person,
    # their addresses, memberships, organisations, invitations, authenticators; a password
    # change or a deactivation included) and after FRAGMENT_CACHE_SECONDS at most for what
    # changes with time alone (a membership that lapses, an invitation that expires).
    user = pagecache.cached_fragment(
        f"members:user:{user_id}", functools.partial(_load_user, user_id), per_language=False
    )
    if user is None:
        return None
    return user if backend.user_can_authenticate(user) else None


class MemberAwareModelBackend(ModelBackend):
    def get_user(self, user_id):
        return _get_user(self, user_id)


class MemberAwareAuthenticationBackend(AuthenticationBackend):
    def get_user(self, user_id):
        return _get_user(self, user_id)
