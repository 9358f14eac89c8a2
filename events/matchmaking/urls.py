"""Addresses of business meetings, under an event's own (``/events/<slug>/meetings/``);
``events/urls.py`` adds them to the app's patterns (names ``events:meetings-...``)."""

from django.urls import path

from events.matchmaking import staff_views, views

urlpatterns = [
    path("<slug:slug>/meetings/", views.meetings_home, name="meetings-home"),
    path("<slug:slug>/meetings/profile/", views.meetings_profile, name="meetings-profile"),
    path(
        "<slug:slug>/meetings/participants/",
        views.meetings_directory,
        name="meetings-directory",
    ),
    path(
        "<slug:slug>/meetings/participants/<int:pk>/",
        views.meetings_participant,
        name="meetings-participant",
    ),
    path("<slug:slug>/meetings/<int:pk>/answer/", views.meeting_answer, name="meeting-answer"),
    path(
        "<slug:slug>/meetings/<int:pk>/withdraw/",
        views.meeting_withdraw,
        name="meeting-withdraw",
    ),
    path("<slug:slug>/meetings/<int:pk>/rate/", views.meeting_rate, name="meeting-rate"),
    path("<slug:slug>/meetings/agenda/", views.meetings_agenda, name="meetings-agenda"),
    path("<slug:slug>/meetings/agenda.ics", views.meetings_agenda_ics, name="meetings-agenda-ics"),
    path("<slug:slug>/meetings/agenda.pdf", views.meetings_agenda_pdf, name="meetings-agenda-pdf"),
    path("<slug:slug>/meetings/staff/", staff_views.meetings_grid, name="meetings-grid"),
    path("<slug:slug>/meetings/staff/print/", staff_views.meetings_print, name="meetings-print"),
    path("<slug:slug>/meetings/staff/day/", staff_views.meetings_day, name="meetings-day"),
    path("<slug:slug>/meetings/staff/place/", staff_views.placement_run, name="meetings-place"),
    path(
        "<slug:slug>/meetings/staff/publish/",
        staff_views.schedule_publish,
        name="meetings-publish",
    ),
    path(
        "<slug:slug>/meetings/staff/<int:pk>/move/", staff_views.meeting_move, name="meeting-move"
    ),
    path(
        "<slug:slug>/meetings/staff/<int:pk>/cancel/",
        staff_views.meeting_cancel,
        name="meeting-cancel",
    ),
    path(
        "<slug:slug>/meetings/staff/<int:pk>/mark/", staff_views.meeting_mark, name="meeting-mark"
    ),
]
