"""Pages of the newsletter: signing up and confirming, one-click unsubscribe, preferences,
the public archive and its feed, and "My subscriptions and alerts"."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core import ratelimit
from core.views import refusal_as_message
from newsletter import services
from newsletter.filters import IssueFilter
from newsletter.forms import AlertSettingsForm, FollowsForm, PreferencesForm, SubscribeForm
from newsletter.models import AlertSettings, Consent, Follow, Issue, Subscriber
from newsletter.models.alerts import TARGETS
from newsletter.rendering import issue_blocks

ISSUES_PER_PAGE = 12
SUBSCRIBE_RATES = (ratelimit.Rate(5, 10 * 60), ratelimit.Rate(30, 24 * 60 * 60))
ADDRESS_RATES = (ratelimit.Rate(3, 24 * 60 * 60),)
BOX_SOURCES = {Consent.Source.HOME, Consent.Source.FOOTER}


def client_ip(request) -> str:
    try:
        # allauth's adapter reads X-Forwarded-For behind the configured number of proxies.
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return ""


@csrf_exempt
@never_cache
def subscribe(request):
    """The sign-up page, and where the boxes of the (cached, token-free) public pages post.

    Without a CSRF token, abuse is held back by the double opt-in (nothing is sent but the
    confirmation, and only the mailbox's owner can confirm), a rate limit per origin and
    per address, and a honeypot field."""
    form = SubscribeForm(request.POST or None, language=translation.get_language())
    if request.method == "POST" and form.is_valid():
        if form.is_robot:
            return redirect("newsletter:subscribe-done")
        ip = client_ip(request)
        email = form.cleaned_data["email"]
        if not ratelimit.hit("newsletter-subscribe", ip or "unknown", SUBSCRIBE_RATES) or (
            not ratelimit.hit("newsletter-address", email, ADDRESS_RATES)
        ):
            form.add_error(None, _("Too many requests. Please try again later."))
        else:
            source = form.cleaned_data["source"]
            services.subscription_request(
                email=email,
                language=form.cleaned_data["language"],
                source=source if source in BOX_SOURCES else Consent.Source.PAGE,
                ip=ip,
                markets=form.cleaned_data["markets"],
                region=form.cleaned_data["region"],
            )
            return redirect("newsletter:subscribe-done")
    status = 400 if request.method == "POST" else 200
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


def subscribe_done(request):
    return render(request, "newsletter/subscribe_done.html")


@never_cache
def confirm(request, token):
    subscriber = None
    with refusal_as_message(request):
        subscriber = services.subscription_confirm(token=token, ip=client_ip(request))
    return render(
        request,
        "newsletter/confirm.html",
        {"subscriber": subscriber},
        status=200 if subscriber else 400,
    )


def _subscriber_or_404(token) -> Subscriber:
    subscriber = Subscriber.from_token(token)
    if subscriber is None:
        raise Http404
    return subscriber


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """GET asks for a click (link checkers of mail servers follow links); POST unsubscribes
    at once, without login or CSRF token: the one-click unsubscribe of RFC 8058, which
    mail programs call with ``List-Unsubscribe=One-Click``."""
    subscriber = _subscriber_or_404(token)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.subscription_cancel(
            subscriber=subscriber,
            source=Consent.Source.ONE_CLICK if one_click else Consent.Source.EMAIL_LINK,
            ip=client_ip(request),
        )
        subscriber.refresh_from_db()
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@never_cache
def preferences(request, token):
    subscriber = _subscriber_or_404(token)
    form = PreferencesForm(request.POST or None, instance=subscriber)
    if request.method == "POST" and "resubscribe" in request.POST:
        # The token came by email to this address: it proves the address, as a
        # confirmation link does.
        services.subscription_confirm(token=subscriber.confirmation_token(), ip=client_ip(request))
        messages.success(request, _("Welcome back: you are subscribed again."))
        return redirect(subscriber.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        services.preferences_save(
            form=form, source=Consent.Source.EMAIL_LINK, ip=client_ip(request)
        )
        messages.success(request, _("Your preferences are saved."))
        return redirect(subscriber.get_absolute_url())
    return render(request, "newsletter/preferences.html", {"subscriber": subscriber, "form": form})


@csrf_exempt
@never_cache
def digest_off(request, token):
    """The one-click "stop my digest" of the digest emails (RFC 8058, as for the
    newsletter): GET asks, POST switches the digest off at once, without login."""
    user_id = AlertSettings.user_id_from_off_token(token)
    if user_id is None:
        raise Http404
    alert_settings, _created = AlertSettings.objects.get_or_create(user_id=user_id)
    if request.method == "POST" and alert_settings.frequency != AlertSettings.Frequency.OFF:
        alert_settings.frequency = AlertSettings.Frequency.OFF
        alert_settings.save(update_fields=["frequency", "updated_at"])
    return render(
        request, "newsletter/digest_off.html", {"alert_settings": alert_settings, "token": token}
    )


def issue_list(request):
    filters = IssueFilter(request.GET, Issue.objects.in_archive())
    page = Paginator(filters.qs, ISSUES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "newsletter/issue_list.html", {"page_obj": page, "form": filters.form})


def issue_detail(request, pk):
    issue = get_object_or_404(Issue.objects.in_archive(), pk=pk)
    return render(
        request,
        "newsletter/issue_detail.html",
        {"issue": issue, "blocks": issue_blocks(issue, members=False)},
    )


class IssueFeed(Feed):
    """RSS 2.0 of the public archive, in the language of the address (/ or /en/)."""

    def title(self):
        return _("Vehicle of the Future newsletter")

    def description(self):
        return _("The issues of the newsletter of the Vehicle of the Future cluster.")

    def link(self):
        return reverse("newsletter:issue-list")

    def items(self):
        return Issue.objects.in_archive()[:20]

    def item_title(self, item):
        return item.subject

    def item_description(self, item):
        return item.preheader or item.subject

    def item_pubdate(self, item):
        return item.sent_at


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_required
@require_POST
def follow_toggle(request, kind, pk):
    if kind not in TARGETS:
        raise Http404
    with refusal_as_message(request):
        following = services.follow_toggle(user=request.user, kind=kind, target_id=pk)
        messages.success(
            request,
            _("You follow it now: it will be in your digest.")
            if following
            else _("You no longer follow it."),
        )
    return redirect(_safe_next(request, reverse("newsletter:my-alerts")))


@login_required
def my_alerts(request):
    """My subscriptions and alerts: the newsletter, the digest and what I follow."""
    user = request.user
    alert_settings, _created = AlertSettings.objects.get_or_create(user=user)
    follows = Follow.objects.filter(user=user).select_related(
        "market", "competency", "organisation", "programme"
    )
    initial = {
        field: [f.target for f in follows if f.kind == kind]
        for field, kind in FollowsForm.KINDS.items()
    }
    follows_form = FollowsForm(
        request.POST if "save-follows" in request.POST else None, initial=initial
    )
    settings_form = AlertSettingsForm(
        request.POST if "save-frequency" in request.POST else None, instance=alert_settings
    )
    if request.method == "POST":
        if "save-follows" in request.POST and follows_form.is_valid():
            for field, kind in FollowsForm.KINDS.items():
                services.follows_set(user=user, kind=kind, targets=follows_form.cleaned_data[field])
            messages.success(request, _("What you follow is saved."))
            return redirect("newsletter:my-alerts")
        if "save-frequency" in request.POST and settings_form.is_valid():
            settings_form.save()
            messages.success(request, _("Your digest setting is saved."))
            return redirect("newsletter:my-alerts")
    subscriber = Subscriber.objects.filter(user=user).first()
    return render(
        request,
        "newsletter/my_alerts.html",
        {
            "subscriber": subscriber,
            "settings_form": settings_form,
            "follows_form": follows_form,
            "followed_organisations": [f for f in follows if f.kind == Follow.Kind.ORGANISATION],
        },
    )


@login_required
@require_POST
def my_subscription(request):
    """Subscribe (confirmed at once: the account's address is verified) or unsubscribe."""
    user = request.user
    if request.POST.get("action") == "unsubscribe":
        subscriber = get_object_or_404(Subscriber, user=user)
        services.subscription_cancel(
            subscriber=subscriber, source=Consent.Source.ACCOUNT, ip=client_ip(request)
        )
        messages.success(request, _("You are unsubscribed from the newsletter."))
    else:
        services.member_subscribe(user=user, ip=client_ip(request))
        messages.success(request, _("You are subscribed to the newsletter."))
    return redirect("newsletter:my-alerts")
