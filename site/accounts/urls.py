from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("min-side/profil/", views.profile_edit, name="profile"),
    path("sprak/", views.switch_language, name="switch_language"),
    path("min-side/mine-data/", views.my_data, name="my_data"),
    path("min-side/mine-data/last-ned/", views.export_data, name="export_data"),
    path("min-side/slett-konto/", views.delete_account, name="delete_account"),
    path("konto-slettet/", views.account_deleted, name="account_deleted"),
]
