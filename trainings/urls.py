from django.urls import path

from trainings import views
from trainings.feeds import TrainingFeed

app_name = "trainings"

urlpatterns = [
    path("", views.training_list, name="training-list"),
    *TrainingFeed.urls("", "training"),
    path("a-la-carte/", views.custom_request_create, name="custom-request-create"),
    path("my-requests/", views.enrolment_list, name="enrolment-list"),
    path("my-requests/<int:pk>/cancel/", views.enrolment_cancel, name="enrolment-cancel"),
    path("sessions/<int:pk>/request/", views.enrolment_create, name="enrolment-create"),
    path("survey/<str:token>/", views.survey_answer, name="survey-answer"),
    path("export/catalogue.csv", views.catalogue_csv, name="catalogue-csv"),
    path("export/catalogue-lheo.xml", views.catalogue_lheo, name="catalogue-lheo"),
    path(
        "export/sessions/<int:pk>/attendance.csv",
        views.session_attendance_csv,
        name="session-attendance-csv",
    ),
    path("<slug:slug>/", views.training_detail, name="training-detail"),
]
