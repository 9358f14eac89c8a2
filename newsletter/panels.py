"""What the newsletter shows on pages of other apps: the sign-up box of the home page, the
follow buttons of markets, organisations, competencies and programmes, the card of My
account, and the number of members alerted on a partner search."""

from django.db.models import Count, Exists, OuterRef

from core import pagecache
from newsletter.models import Follow, SentAlertItem, Subscriber
from newsletter.models.alerts import TARGETS

KIND_OF = {model: kind for kind, model in TARGETS.items()}


def home_context(request, _obj):
    """The sign-up box: a plain form, no token and no query, so the page stays cacheable."""
    return {"source": "home"}


# Loaded with the signed-in person (core.hooks.person_flag): whether they follow anything
# at all. Most people follow nothing, and their follow buttons then cost no query.
FOLLOWS_FLAG = "newsletter_follows"


def follows_flag():
    return Exists(Follow.objects.filter(user=OuterRef("pk")))


def follow_context(request, obj):
    """A follow button for signed-in people; nothing for visitors (cached pages)."""
    kind = KIND_OF.get(type(obj))
    user = request.user
    if kind is None or not user.is_authenticated:
        return None
    following = getattr(user, FOLLOWS_FLAG, True) and pagecache.cached_fragment(
        f"newsletter:following:{user.pk}:{kind}:{obj.pk}",
        lambda: Follow.objects.filter(user=user, kind=kind, **{kind: obj}).exists(),
        per_language=False,
    )
    return {"kind": kind, "target": obj, "following": following}


def account_context(request, user):
    if not request.user.is_authenticated:
        return None
    subscriber = Subscriber.objects.filter(user=request.user).only("status").first()
    follow_count = Follow.objects.filter(user=request.user).aggregate(n=Count("pk"))["n"]
    return {"subscriber": subscriber, "follow_count": follow_count}


def partnersearch_context(request, search):
    """How many members a digest told about the post: for its author and managers."""
    if not request.user.is_authenticated or not search.is_managed_by(request.user):
        return None
    alerted = (
        SentAlertItem.objects.filter(kind=SentAlertItem.Kind.PARTNER_SEARCH, object_id=search.pk)
        .values("user")
        .distinct()
        .count()
    )
    return {"alerted": alerted}
