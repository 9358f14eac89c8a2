from django.urls import path

from events import staff, views
from events.feeds import EventFeed
from events.matchmaking import urls as matchmaking_urls

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("archive/", views.event_archive, name="event-archive"),
    path("calendar/", views.event_month, name="event-month-current"),
    path("calendar/<int:year>/<int:month>/", views.event_month, name="event-month"),
    path("feed.ics", views.event_feed, name="event-feed"),
    *EventFeed.urls("", "event"),
    path("feed/<slug:slug>.ics", views.market_feed, name="market-feed"),
    path("mine/", views.my_events, name="my-events"),
    path("mine/calendar/reset/", views.calendar_feed_reset, name="calendar-feed-reset"),
    path("offers/<str:token>/", views.offer_claim, name="offer-claim"),
    path("registrations/<int:pk>/", views.registration_detail, name="registration-detail"),
    path("registrations/<int:pk>/cancel/", views.registration_cancel, name="registration-cancel"),
    path("registrations/<int:pk>/mark/", views.registration_mark, name="registration-mark"),
    path(
        "registrations/<int:pk>/promote/",
        views.registration_promote,
        name="registration-promote",
    ),
    path("registrations/<int:pk>/move/", views.waiting_list_move, name="waiting-list-move"),
    path("staff/", views.staff_board, name="staff-board"),
    path("staff/check-in/", staff.checkin_today, name="checkin-today"),
    path("<slug:slug>/", views.event_detail, name="event-detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="event-ics"),
    path("<slug:slug>/register/", views.registration_create, name="registration-create"),
    path("<slug:slug>/attendees/", views.event_attendees, name="event-attendees"),
    path("<slug:slug>/attendees.csv", views.event_attendees_csv, name="event-attendees-csv"),
    path("<slug:slug>/check-in/", views.event_checkin, name="event-checkin"),
]

urlpatterns += matchmaking_urls.urlpatterns
