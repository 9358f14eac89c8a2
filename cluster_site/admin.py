from django.apps import apps
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cluster_site.staff_home import recent_member_changes
from core import hooks

# The back-office menu: every registered model, in the group staff look for it in and in the
# order they use it (see ``hooks.STAFF_GROUPS``). A model missing here lands in "Settings";
# a test makes sure none is missing.
MODEL_GROUPS = {
    "members": (
        "members.MembershipApplication",
        "members.JoinRequest",
        "members.Organisation",
        "members.Membership",
        "members.Invitation",
        "members.Platform",
        "members.ContactMessage",
        "members.ConsentRecord",
        "members.Competency",
        "members.Certification",
        "billing.Campaign",
        "billing.Invoice",
        "billing.Payment",
        "billing.Reminder",
        "billing.BillingProfile",
    ),
    "projects": (
        "projects.Project",
        "projects.ProjectStatusChange",
        "projects.ReviewNote",
        "projects.Participation",
        "projects.ExternalPartner",
        "projects.ProjectDocument",
        "projects.ProjectImage",
        "projects.PartnerSearch",
        "projects.PartnerInterest",
        "projects.Call",
        "projects.FundingProgramme",
    ),
    "trainings": (
        "trainings.Enrolment",
        "trainings.CustomRequest",
        "trainings.Training",
        "trainings.Session",
        "trainings.SatisfactionAnswer",
        "trainings.TrainingProvider",
    ),
    "events": (
        "events.Event",
        "events.Registration",
        "events.Matchmaking",
        "events.MeetingProfile",
        "events.Meeting",
        "events.CalendarFeed",
    ),
    "communication": (
        "newsletter.Issue",
        "newsletter.IssueBlock",
        "newsletter.Subscriber",
        "newsletter.Consent",
        "newsletter.Delivery",
        "newsletter.Follow",
        "newsletter.AlertSettings",
        "newsletter.SentAlertItem",
        "core.OutgoingEmail",
        "content.ContactRequest",
    ),
    "content": (
        "content.Article",
        "content.Page",
        "content.HomeBlock",
        "content.KeyFigure",
        "content.Market",
        "content.RoadmapObjective",
        "networks.Partner",
        "content.TeamMember",
    ),
    "insights": ("core.PageViewDay",),
    "settings": (
        "members.MembershipSettings",
        "content.ContactSettings",
        "content.SocialLink",
        "billing.FeeScale",
        "billing.Seller",
        "billing.Counter",
        "core.ExportFile",
        "django_tasks_database.DBTaskResult",
    ),
    "accounts": (
        "accounts.User",
        "auth.Group",
        "account.EmailAddress",
        "mfa.Authenticator",
    ),
}
MODEL_GROUP = {label: group for group, labels in MODEL_GROUPS.items() for label in labels}
MODEL_ORDER = {
    label: index for labels in MODEL_GROUPS.values() for index, label in enumerate(labels)
}
UNGROUPED = "settings"

# Third-party apps and models that carry no French name (or an unhelpful one): named here,
# in the portal's words, for the menu, the breadcrumbs and the pages' titles.
THIRD_PARTY_NAMES = {
    "mfa": _("Two-factor authentication"),
    "django_tasks_database": _("Background tasks"),
    "mfa.Authenticator": (_("authenticator"), _("authenticators (two-factor devices)")),
    "django_tasks_database.DBTaskResult": (_("background task"), _("background tasks")),
}


def name_third_party_apps() -> None:
    """Give the third-party apps and models of the back-office translatable names (called
    once when Django starts)."""
    for label, names in THIRD_PARTY_NAMES.items():
        try:
            if "." in label:
                opts = apps.get_model(label)._meta
                opts.verbose_name, opts.verbose_name_plural = names
            else:
                apps.get_app_config(label).verbose_name = names
        except LookupError:  # an optional app that is not installed
            continue


class PortalAdminSite(admin.AdminSite):
    """The staff back-office.

    Staff sign in through the portal's own login (rate limits, two-factor authentication):
    the password-only admin login form is never offered. Its home is the staff's to-do list;
    its menu groups the models as the team works (``MODEL_GROUPS``) beside the staff pages
    the apps declare (``hooks.staff_link``).
    """

    site_header = _("Vehicle of the Future · back-office")
    site_title = _("Vehicle of the Future back-office")
    index_title = _("What waits for you")
    site_url = "/"
    enable_nav_sidebar = True
    index_template = "admin/staff_home.html"

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, login_url=reverse("account_login"))

    def each_context(self, request):
        context = super().each_context(request)
        other = "en" if get_language() == "fr" else "fr"
        context["other_language"] = {
            "code": other,
            "name": "English" if other == "en" else "Français",
            "url": translate_url(request.get_full_path(), other),
        }
        return context

    def _build_app_dict(self, request, label=None):
        # The home and its menu both list every model: asking each admin's permissions
        # (some read the database) once per request is enough.
        if label is not None:
            return super()._build_app_dict(request, label)
        if not hasattr(request, "_portal_app_dict"):
            request._portal_app_dict = super()._build_app_dict(request)
        return request._portal_app_dict

    def get_app_list(self, request, app_label=None):
        """The models grouped by job (an app's own page keeps the app's models), each group
        followed by the staff pages the apps link to it."""
        if app_label is not None:
            return super().get_app_list(request, app_label)
        groups = {
            key: {
                "name": label,
                "app_label": f"group-{key}",
                "app_url": reverse("admin:index", current_app=self.name) + f"#group-{key}",
                "has_module_perms": True,
                "models": [],
            }
            for key, label in hooks.STAFF_GROUPS.items()
        }
        for app in self._build_app_dict(request).values():
            for model in app["models"]:
                label = model["model"]._meta.label
                groups[MODEL_GROUP.get(label, UNGROUPED)]["models"].append(model)
        for group in groups.values():
            group["models"].sort(key=lambda m: MODEL_ORDER.get(m["model"]._meta.label, 999))
        for link in hooks.staff_links():
            try:
                url = reverse(link.url_name)
            except NoReverseMatch:
                continue
            groups[link.group if link.group in groups else UNGROUPED]["models"].append(
                {
                    "name": link.label,
                    "object_name": "page-" + link.url_name.replace(":", "-"),
                    "admin_url": url,
                    "add_url": None,
                    "view_only": True,
                    "is_page": True,
                }
            )
        return [group for group in groups.values() if group["models"]]

    def index(self, request, extra_context=None):
        """The staff home: pending work of every app, the oldest first, then the latest
        edits of members, then the grouped menu."""
        todos = hooks.staff_todos(request)
        now = timezone.now()
        for_sort = [(_sort_key(item.oldest, now), index) for index, item in enumerate(todos)]
        todos = [todos[index] for _key, index in sorted(for_sort)]
        context = {
            "todos": [
                {"item": item, "group": hooks.STAFF_GROUPS.get(item.group, ""), **_age(item, now)}
                for item in todos
            ],
            "recent_changes": recent_member_changes(),
            **(extra_context or {}),
        }
        return super().index(request, context)


def _sort_key(value, now):
    """Items waiting longest first, then those with the nearest deadline, then undated."""
    if value is None:
        return (1, 0)
    moment = _as_datetime(value)
    return (0, (moment - now).total_seconds())


def _as_datetime(value):
    if hasattr(value, "hour"):
        return value
    return timezone.make_aware(timezone.datetime(value.year, value.month, value.day))


def _age(item, now) -> dict:
    if item.oldest is None:
        return {"since": None, "until": None}
    if _as_datetime(item.oldest) <= now:
        return {"since": item.oldest, "until": None}
    return {"since": None, "until": item.oldest}
