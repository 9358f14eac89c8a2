"""This app's section of "download my data" and of account deletion."""

from django.db.models import Q
from django.utils.translation import gettext as _

from newsletter.models import AlertSettings, Follow, SentAlertItem, Subscriber


def _subscribers(user):
    return Subscriber.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def export_newsletter(user) -> dict:
    alert_settings = AlertSettings.objects.filter(user=user).first()
    return {
        "subscriptions": [
            {
                "email": s.email,
                "status": s.status,
                "language": s.language,
                "region": s.region,
                "markets": [m.slug for m in s.markets.all()],
                "created_at": s.created_at.isoformat(),
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
                "consents": [
                    {"action": c.action, "source": c.source, "at": c.at.isoformat()}
                    for c in s.consents.all()
                ],
            }
            for s in _subscribers(user).prefetch_related("markets", "consents")
        ],
        "follows": [
            {"kind": f.kind, "target": str(f.target), "since": f.created_at.isoformat()}
            for f in Follow.objects.filter(user=user).select_related(
                "market", "competency", "organisation", "programme"
            )
        ],
        "digest": alert_settings.frequency if alert_settings else AlertSettings.Frequency.WEEKLY,
        "items_sent_in_digests": SentAlertItem.objects.filter(user=user).count(),
    }


def describe_newsletter(user) -> list:
    lines = []
    if _subscribers(user).exists():
        lines.append(_("Your newsletter subscription and its consent log are deleted."))
    if Follow.objects.filter(user=user).exists():
        lines.append(_("What you follow and your digest settings are deleted."))
    return lines


def erase_newsletter(user) -> None:
    _subscribers(user).delete()
    # Follows, digest settings and the sent-items log go with the account (cascade).
