from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("", views.organisation_list, name="organisation-list"),
    path("export.csv", views.organisation_export, name="organisation-export"),
    path("map/", views.organisation_map, name="organisation-map"),
    path("platforms/", views.platform_list, name="platform-list"),
    path("platforms/<slug:slug>/", views.platform_detail, name="platform-detail"),
    path(
        "platforms/<slug:slug>/request-access/",
        views.platform_request_access,
        name="platform-request-access",
    ),
    path("apply/", views.application_create, name="application-create"),
    path("apply/<uuid:public_id>/", views.application_status, name="application-status"),
    path(
        "invitations/pending/<int:pk>/accept/",
        views.invitation_accept_pending,
        name="invitation-accept-pending",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="organisation-edit"),
    path("<slug:slug>/dashboard/", views.organisation_dashboard, name="organisation-dashboard"),
    path("<slug:slug>/people/", views.organisation_people, name="organisation-people"),
    path("<slug:slug>/people/<int:pk>/role/", views.membership_role, name="membership-role"),
    path("<slug:slug>/people/<int:pk>/remove/", views.membership_remove, name="membership-remove"),
    path(
        "<slug:slug>/invitations/<int:pk>/withdraw/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path(
        "<slug:slug>/join-requests/<int:pk>/<str:decision>/",
        views.join_request_decide,
        name="joinrequest-decide",
    ),
    path("<slug:slug>/me/", views.membership_self, name="membership-self"),
    path("<slug:slug>/me/leave/", views.membership_leave, name="membership-leave"),
    path("<slug:slug>/join/", views.join_request_create, name="joinrequest-create"),
    path("<slug:slug>/contact/", views.contact_organisation, name="contact-organisation"),
    path("<slug:slug>/contact/<int:pk>/", views.contact_person, name="contact-person"),
    path("<slug:slug>/platforms/new/", views.platform_create, name="platform-create"),
    path(
        "<slug:slug>/platforms/<slug:platform_slug>/edit/",
        views.platform_edit,
        name="platform-edit",
    ),
    path(
        "<slug:slug>/platforms/<slug:platform_slug>/delete/",
        views.platform_delete,
        name="platform-delete",
    ),
]
