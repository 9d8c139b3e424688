from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("kurs/<int:course_id>/start/", views.enroll_view, name="enroll"),
    path("kurs/<int:course_id>/refleksjoner/", views.reflections_download, name="reflections"),
    path("kurs/<int:course_id>/fullfort/", views.completed_view, name="completed"),
    path("leksjon/<int:lesson_id>/ferdig/", views.complete_view, name="complete"),
    path(
        "leksjon/<int:lesson_id>/refleksjon/<str:block_id>/",
        views.reflection_view,
        name="reflection",
    ),
    path("leksjon/<int:lesson_id>/oving/<str:block_id>/", views.exercise_view, name="exercise"),
    path("leksjon/<int:lesson_id>/quiz/<str:block_id>/", views.quiz_view, name="quiz"),
]
