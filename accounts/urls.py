from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.account_me, name="me"),
    path("me/export/", views.account_export, name="export"),
    path("me/delete/", views.account_delete, name="delete"),
]
