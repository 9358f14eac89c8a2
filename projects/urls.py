from django.urls import path

from projects.feeds import CallFeed
from projects.views import manage, partnering, showcase, staff

app_name = "projects"

urlpatterns = [
    path("", showcase.project_list, name="project-list"),
    path("feed/", showcase.ProjectFeed(), name="project-feed"),
    path("new/", manage.project_create, name="project-create"),
    path("mine/", manage.project_mine, name="project-mine"),
    path("board/", staff.project_board, name="project-board"),
    path("organisations/", manage.organisation_search, name="organisation-search"),
    path("calls/", showcase.call_list, name="call-list"),
    *CallFeed.urls("calls/", "call"),
    path("calls/<slug:slug>/", showcase.call_detail, name="call-detail"),
    path("partner-searches/", partnering.partnersearch_list, name="partnersearch-list"),
    path("partner-searches/new/", partnering.partnersearch_create, name="partnersearch-create"),
    path(
        "partner-searches/<int:pk>/", partnering.partnersearch_detail, name="partnersearch-detail"
    ),
    path(
        "partner-searches/<int:pk>/edit/", partnering.partnersearch_edit, name="partnersearch-edit"
    ),
    path(
        "partner-searches/<int:pk>/close/",
        partnering.partnersearch_close,
        name="partnersearch-close",
    ),
    path(
        "partner-searches/<int:pk>/interested/",
        partnering.partnersearch_interest,
        name="partnersearch-interest",
    ),
    path("<slug:slug>/", showcase.project_detail, name="project-detail"),
    path("<slug:slug>/edit/", manage.project_edit, name="project-edit"),
    path("<slug:slug>/consortium/", manage.project_consortium, name="project-consortium"),
    path("<slug:slug>/status/", manage.project_status, name="project-status"),
    path("<slug:slug>/pictures/", manage.project_images, name="project-images"),
    path("<slug:slug>/history/", manage.project_history, name="project-history"),
    path("<slug:slug>/review/", staff.project_review, name="project-review"),
    path("<slug:slug>/documents/", manage.document_list, name="document-list"),
    path("<slug:slug>/documents/<int:pk>/", manage.document_download, name="document-download"),
    path("<slug:slug>/documents/<int:pk>/delete/", manage.document_delete, name="document-delete"),
]
