from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    """The staff back-office.

    Staff sign in through the portal's own login (rate limits, two-factor authentication):
    the password-only admin login form is never offered.
    """

    site_header = _("Vehicle of the Future · back-office")
    site_title = _("Vehicle of the Future back-office")
    index_title = _("Curate the portal")
    site_url = "/"
    enable_nav_sidebar = True

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, login_url=reverse("account_login"))
