"""The private calendar feed of a person: their events and training sessions in one .ics.

Every app declares its dated items with ``hooks.calendar(...)`` (see core/hooks.py); the
feed gathers them. The address holds a secret token
(``events.CalendarFeed``) that the person can reset from their "My events" page.
"""

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core import hooks
from events.ical import calendar_of
from events.models import CalendarFeed


@require_GET
def personal_calendar(request, token):
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    user = feed.user
    with translation.override(user.language or None):
        name = _("My Vehicle of the Future calendar")
        calendar = calendar_of(hooks.calendar_entries(user), name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response
