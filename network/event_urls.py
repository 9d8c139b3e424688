"""The events app's addresses, with one added here: a team's coordinator
registers members at /arrangementer/<event>/lag/<team>/. Team registration
belongs to the learning networks (events knows nothing of teams), but the
address and its name, events:team, stay where people and templates know them.
site/urls.py includes this module in place of events.urls."""

from django.urls import path

from events import urls as event_urls

from . import views

app_name = event_urls.app_name

urlpatterns = [
    *event_urls.urlpatterns,
    path("arrangementer/<int:event_id>/lag/<int:team_id>/", views.event_team_view, name="team"),
]
