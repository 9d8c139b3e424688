from django.urls import path

from . import report_views

app_name = "scheme_reports"

urlpatterns = [
    path("ordningen/rapport/", report_views.dashboard, name="dashboard"),
    path("ordningen/rapport/fullforte.csv", report_views.completed_csv, name="completed_csv"),
    path("ordningen/kommune/", report_views.municipality_summary, name="municipality"),
]
