from django.urls import path
from django.views.generic import RedirectView

from insights import views

app_name = "insights"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="insights:members"), name="index"),
    path("members/", views.members, name="members"),
    path("pipeline/", views.pipeline, name="pipeline"),
    path("events/", views.events, name="events"),
    path("trainings/", views.trainings, name="trainings"),
    path("projects/", views.projects, name="projects"),
]
