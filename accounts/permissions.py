"""Staff powers: the one rule that decides whether a person acts as staff on the portal.

Staff pages, drafts and other people's data need two-factor authentication, exactly as the
back-office does. Every app asks :func:`acts_as_staff` (templates use the ``acts_as_staff``
filter of ``accounts_tags``); the bare ``is_staff`` flag only opens the back-office door,
where :class:`accounts.middleware.StaffTwoFactorMiddleware` asks for the same set-up.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings


def _has_authenticator_app(user) -> bool:
    # A page asks several times (querysets, templates, decorators): the answer is read once
    # and kept on the user object, which lives as long as the request.
    cached = getattr(user, "_accounts_has_totp", None)
    if cached is None:
        cached = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        user._accounts_has_totp = cached
    return cached


def needs_two_factor_setup(user) -> bool:
    """Whether ``user`` is staff but must set up an authenticator app before using the
    back-office or any staff power (unless 2FA is not required or their address is exempt)."""
    if not (settings.STAFF_MFA_REQUIRED and user.is_authenticated and user.is_staff):
        return False
    if user.email in settings.STAFF_MFA_EXEMPT_EMAILS:
        return False
    return not _has_authenticator_app(user)


def acts_as_staff(user) -> bool:
    """Whether ``user`` has staff powers on the portal pages (drafts, every registration,
    every project, review notes...): staff with two-factor authentication set up. A staff
    account without it is treated as anybody else's until it is set up."""
    return user.is_authenticated and user.is_staff and not needs_two_factor_setup(user)
