"""Finn mentor's addresses, under the namespace "finn"."""

from django.urls import path

from .views import directory as directory_views
from .views import requests as request_views

urlpatterns = []

# --- directory and requests ---
urlpatterns += [
    path("ordningen/finn-mentor/sok/", directory_views.directory_view, name="directory"),
    path("ordningen/finn-mentor/foresporsel/", request_views.new_request_view, name="new_request"),
    path("ordningen/finn-mentor/foresporsler/", request_views.my_requests_view, name="requests"),
    path(
        "ordningen/finn-mentor/foresporsler/<int:request_id>/",
        request_views.request_view,
        name="request",
    ),
    path(
        "ordningen/finn-mentor/foresporsler/<int:request_id>/svar/",
        request_views.answer_view,
        name="answer_request",
    ),
    path(
        "ordningen/finn-mentor/foresporsler/<int:request_id>/trekk/",
        request_views.withdraw_view,
        name="withdraw_request",
    ),
]
