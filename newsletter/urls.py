from django.urls import path

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("", views.issue_list, name="issue-list"),
    path("feed/", views.IssueFeed(), name="issue-feed"),
    path("issues/<int:pk>/", views.issue_detail, name="issue-detail"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/done/", views.subscribe_done, name="subscribe-done"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("mine/", views.my_alerts, name="my-alerts"),
    path("digest/off/<str:token>/", views.digest_off, name="digest-off"),
    path("mine/subscription/", views.my_subscription, name="my-subscription"),
    path("follow/<str:kind>/<int:pk>/", views.follow_toggle, name="follow-toggle"),
]
