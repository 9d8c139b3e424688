from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("min-side/", views.dashboard, name="dashboard"),
    path("komponenter/", views.component_gallery, name="component_gallery"),
    path("sok/", views.search, name="search"),
]
