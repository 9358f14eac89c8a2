"""Use cases of the subscriptions: asking, confirming, changing, leaving; and following.

Every change of consent writes a line of the consent log in the same transaction.
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError
from newsletter import emails
from newsletter.models import AlertSettings, Consent, Follow, Subscriber
from newsletter.models.alerts import TARGETS
from newsletter.models.subscribers import CONFIRM_MAX_AGE, CONFIRM_SALT, hash_ip


class SubscriptionError(PortalError):
    pass


def _log(subscriber, action, source, ip: str = "") -> None:
    Consent.objects.create(subscriber=subscriber, action=action, source=source, ip_hash=hash_ip(ip))


def subscription_request(
    *, email: str, language: str, source: str, ip: str = "", markets=(), region: str = ""
) -> Subscriber:
    """Someone asks for the newsletter: a pending subscriber gets the confirmation link
    (nothing else is sent before it is clicked). An address already confirmed is left as
    it is and told nothing new, so the form reveals nobody's subscription."""
    email = email.strip().lower()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is not None and subscriber.is_confirmed:
            return subscriber
        if subscriber is None:
            subscriber = Subscriber.objects.create(email=email, language=language, region=region)
        else:
            subscriber.status = Subscriber.Status.PENDING
            subscriber.language = language
            subscriber.region = region or subscriber.region
            subscriber.save(update_fields=["status", "language", "region"])
        if markets:
            subscriber.markets.set(markets)
        _log(subscriber, Consent.Action.REQUESTED, source, ip)
        emails.send_confirmation(subscriber)
    return subscriber


def subscription_confirm(*, token: str, ip: str = "") -> Subscriber:
    """Follow the link of the confirmation email: signed, bound to the address, valid for
    a week."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise SubscriptionError(
            _("This confirmation link has expired. Please subscribe again.")
        ) from None
    except signing.BadSignature:
        raise SubscriptionError(_("This confirmation link is not valid.")) from None
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update()
            .filter(pk=data.get("s"), email__iexact=data.get("e", ""))
            .first()
        )
        if subscriber is None:
            raise SubscriptionError(_("This confirmation link is not valid."))
        if not subscriber.is_confirmed:
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.confirmed_at = timezone.now()
            subscriber.unsubscribed_at = None
            subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
            _log(subscriber, Consent.Action.CONFIRMED, Consent.Source.EMAIL_LINK, ip)
    return subscriber


def subscription_cancel(*, subscriber: Subscriber, source: str, ip: str = "") -> None:
    """Unsubscribe at once (one click, the preferences page, My account)."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        _log(subscriber, Consent.Action.UNSUBSCRIBED, source, ip)


def preferences_save(*, form, source: str, ip: str = "") -> Subscriber:
    """Save the preferences form of a subscriber and log the change."""
    with transaction.atomic():
        subscriber = form.save()
        _log(subscriber, Consent.Action.CHANGED, source, ip)
    return subscriber


def member_subscribe(*, user, ip: str = "") -> Subscriber:
    """A signed-in person subscribes from My account: their address is already verified
    by their account, so the subscription is confirmed at once."""
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(user=user).first()
            or Subscriber.objects.select_for_update().filter(email__iexact=user.email).first()
        )
        if subscriber is None:
            subscriber = Subscriber(email=user.email.lower())
        if subscriber.is_confirmed and subscriber.user_id == user.pk:
            return subscriber
        subscriber.user = user
        subscriber.language = user.language or "fr"
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save()
        _log(subscriber, Consent.Action.CONFIRMED, Consent.Source.ACCOUNT, ip)
    return subscriber


def follow_toggle(*, user, kind: str, target_id: int) -> bool:
    """Follow the target, or stop following it if already followed. Returns whether the
    person follows it now."""
    model = TARGETS[kind]
    target = model._default_manager.filter(pk=target_id).first()
    if target is None:
        raise SubscriptionError(_("This item no longer exists."))
    existing = Follow.objects.filter(user=user, kind=kind, **{kind: target})
    if existing.delete()[0]:
        return False
    try:
        with transaction.atomic():
            Follow.objects.create(user=user, kind=kind, **{kind: target})
    except IntegrityError:  # a double click: the first one followed it
        pass
    AlertSettings.objects.get_or_create(user=user)
    return True


def follows_set(*, user, kind: str, targets) -> None:
    """Make ``targets`` the exact set of things of ``kind`` that ``user`` follows."""
    wanted = {target.pk for target in targets}
    with transaction.atomic():
        current = set(
            Follow.objects.filter(user=user, kind=kind).values_list(f"{kind}_id", flat=True)
        )
        Follow.objects.filter(user=user, kind=kind, **{f"{kind}_id__in": current - wanted}).delete()
        Follow.objects.bulk_create(
            [Follow(user=user, kind=kind, **{f"{kind}_id": pk}) for pk in wanted - current],
            ignore_conflicts=True,
        )
        AlertSettings.objects.get_or_create(user=user)
