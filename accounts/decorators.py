from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from accounts.permissions import needs_two_factor_setup


def staff_required(view):
    """Staff-only portal pages (boards, check-in): like the back-office, they need 2FA.

    Anonymous people go to the login page, signed-in non-staff get 403, staff without
    two-factor authentication are sent to set it up.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_staff:
            raise PermissionDenied
        if needs_two_factor_setup(user):
            return redirect("mfa_activate_totp")
        return view(request, *args, **kwargs)

    return wrapper
