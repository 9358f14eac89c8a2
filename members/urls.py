from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("", views.organisation_list, name="organisation-list"),
    path("<slug:slug>/", views.organisation_detail, name="organisation-detail"),
]
