"""Business meetings in "download my data" and in account deletion: the person's meeting
profiles, the requests they sent and received, and their ratings."""

from django.utils.translation import ngettext

from events.models import Meeting, MeetingProfile


def _profiles(user):
    return MeetingProfile.objects.filter(registration__user=user)


def export_meetings(user) -> dict:
    profiles = list(_profiles(user).select_related("event").prefetch_related("markets"))
    meetings = (
        Meeting.objects.filter(requester__in=profiles)
        .union(Meeting.objects.filter(recipient__in=profiles))
        .order_by("created_at")
    )
    mine = {profile.pk for profile in profiles}
    return {
        "profiles": [
            {
                "event": p.event.title,
                "display_name": p.display_name,
                "organisation": p.organisation_name,
                "organisation_kind": p.organisation_kind,
                "offer": p.offer,
                "seek": p.seek,
                "markets": [market.name for market in p.markets.all()],
                "languages": p.language_codes,
            }
            for p in profiles
        ],
        "meetings": [
            {
                "asked_by_me": m.requester_id in mine,
                "message": m.message if m.requester_id in mine else None,
                "status": m.status,
                "table": m.table,
                "attendance": m.attendance,
                "my_follow_up": m.requester_follow_up
                if m.requester_id in mine
                else m.recipient_follow_up,
                "created_at": m.created_at.isoformat(),
            }
            for m in meetings
        ],
    }


def describe_meetings(user) -> list:
    count = _profiles(user).count()
    if not count:
        return []
    return [
        ngettext(
            "Your meeting profile is deleted, with your meeting requests and meetings.",
            "Your %(count)d meeting profiles are deleted, with your meeting requests and meetings.",
            count,
        )
        % {"count": count}
    ]


def erase_meetings(user) -> None:
    # The meetings go with the profiles (cascade): the other person's agenda loses them.
    _profiles(user).delete()
