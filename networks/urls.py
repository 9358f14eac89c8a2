from django.urls import path

from networks import views

app_name = "networks"

urlpatterns = [
    path("", views.partner_list, name="partner-list"),
    path("<slug:slug>/", views.partner_detail, name="partner-detail"),
]
