from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("min-side/profil/", views.profile_edit, name="profile"),
    path("sprak/", views.switch_language, name="switch_language"),
]
