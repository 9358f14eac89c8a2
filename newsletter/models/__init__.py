"""The newsletter (subscribers, consent, issues and their deliveries) and the alerts
(follows, digest settings and the log of items already sent)."""

from newsletter.models.alerts import AlertSettings, Follow, SentAlertItem
from newsletter.models.issues import Delivery, Issue, IssueBlock
from newsletter.models.subscribers import Consent, Subscriber

__all__ = [
    "AlertSettings",
    "Consent",
    "Delivery",
    "Follow",
    "Issue",
    "IssueBlock",
    "SentAlertItem",
    "Subscriber",
]
