from django.urls import path

from . import organiser_views, views

app_name = "events"

urlpatterns = [
    path("arrangementer/<int:event_id>/meld-pa/", views.register_view, name="register"),
    path("arrangementer/<int:event_id>/meld-av/", views.cancel_view, name="cancel"),
    path("arrangementer/<int:event_id>/svar/", views.answers_view, name="answers"),
    path("arrangementer/<int:event_id>/kalender.ics", views.event_calendar, name="ics"),
    path("arrangementer/<int:event_id>/evaluering/", views.poll_view, name="poll"),
    path("arrangementer/plass/<str:token>/", views.give_up_view, name="give_up"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="feed"),
    path("min-side/kalender/ny-adresse/", views.renew_feed_view, name="renew_feed"),
    path("arrangor/", organiser_views.organiser_overview, name="organiser"),
    path("arrangor/<int:event_id>/innsjekk/", organiser_views.checkin, name="checkin"),
    path(
        "arrangor/<int:event_id>/innsjekk/<int:registration_id>/",
        organiser_views.mark_view,
        name="mark",
    ),
    path(
        "arrangor/<int:event_id>/deltakere.csv",
        organiser_views.participants_csv,
        name="participants_csv",
    ),
    path(
        "arrangor/<int:event_id>/evaluering/",
        organiser_views.poll_results_view,
        name="poll_results",
    ),
    path(
        "arrangor/<int:event_id>/evaluering/paminnelse/",
        organiser_views.poll_remind_view,
        name="poll_remind",
    ),
    path("arrangor/<int:event_id>/grupper/", organiser_views.breakout_view, name="breakout"),
    path("grupper/<str:token>/", organiser_views.shared_plan, name="shared_plan"),
]
