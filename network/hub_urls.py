from django.urls import path

from . import equipment_views, hub_views

app_name = "scheme_hubs"

urlpatterns = [
    path("ordningen/mentorhub/", hub_views.hub_list, name="hubs"),
    path("ordningen/mentorhub/<int:hub_id>/", hub_views.hub_view, name="hub"),
    path(
        "ordningen/mentorhub/<int:hub_id>/mentorer/",
        hub_views.add_mentor_view,
        name="add_mentor",
    ),
    path(
        "ordningen/mentorhub/<int:hub_id>/mentorer/<int:mentor_id>/fjern/",
        hub_views.remove_mentor_view,
        name="remove_mentor",
    ),
    path("ordningen/mentorhub/<int:hub_id>/uker/", hub_views.add_week_view, name="add_week"),
    path(
        "ordningen/mentorhub/<int:hub_id>/uker/<int:week_id>/fjern/",
        hub_views.remove_week_view,
        name="remove_week",
    ),
    path("ordningen/behandling/mentorhub/", hub_views.office_summary, name="office_summary"),
    path(
        "ordningen/behandling/mentorhub/godkjenning/",
        hub_views.office_approval,
        name="office_approval",
    ),
    path(
        "ordningen/behandling/mentorhub/<int:hub_id>/godkjenn/",
        hub_views.office_approve,
        name="office_approve",
    ),
    path(
        "ordningen/behandling/mentorhub/<int:hub_id>/utbetaling/",
        hub_views.office_payout,
        name="office_payout",
    ),
    path("ordningen/utstyr/", equipment_views.equipment_view, name="equipment"),
    path(
        "ordningen/utstyr/bestillinger/<int:booking_id>/avbestill/",
        equipment_views.cancel_view,
        name="cancel_booking",
    ),
]
