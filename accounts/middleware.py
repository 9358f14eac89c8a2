from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import needs_two_factor_setup


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
