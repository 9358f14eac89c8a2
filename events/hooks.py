"""What the events app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import audience, hooks
from events import calendar, panels, personal_data, site_search, staff
from events.matchmaking import personal_data as meetings_personal_data
from events.models import Event
from events.sitemaps import SITEMAPS

hooks.panels(panels, home=40, market=40, organisation=40, dashboard=20, company=30, objective=40)
hooks.search(site_search.search, order=60, variant=site_search.variant)
hooks.sitemaps(SITEMAPS)
hooks.calendar(calendar.personal_entries)
hooks.demo("events.demo.load")
audience.count_views_of(Event)
hooks.staff_todo(staff.pending_work, order=40)
hooks.staff_link("events", label=_("Events board"), url_name="events:staff-board", order=10)
hooks.staff_link(
    "events", label=_("Check-in at the door"), url_name="events:checkin-today", order=20
)
hooks.demo("events.matchmaking.demo.load")
hooks.personal_data_of(personal_data, events=_("Event registrations and calendar"))
hooks.personal_data_of(meetings_personal_data, meetings=_("Business meetings"))


# An organisation whose people registered for events, or which organised some, has history:
# staff archive it rather than delete it (see members.Organisation.delete()).
def _registrations_of(organisation) -> int:
    return organisation.event_registrations.count()


def _events_organised_by(organisation) -> int:
    return organisation.organised_events.count()


hooks.history("members.Organisation", label=_("event registrations"), count=_registrations_of)
hooks.history("members.Organisation", label=_("events organised"), count=_events_organised_by)
