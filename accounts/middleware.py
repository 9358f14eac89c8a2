from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


def needs_two_factor_setup(user) -> bool:
    """Staff must have an authenticator app before using the back-office."""
    if not (settings.STAFF_MFA_REQUIRED and user.is_authenticated and user.is_staff):
        return False
    if user.email in settings.STAFF_MFA_EXEMPT_EMAILS:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    """Sends staff without two-factor authentication to its set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_root = reverse("admin:index")
        if request.path.startswith(admin_root) and needs_two_factor_setup(request.user):
            messages.warning(
                request,
                _("Set up two-factor authentication to open the back-office. It takes a minute."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
