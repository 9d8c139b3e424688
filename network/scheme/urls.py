"""The scheme's addresses, under three namespaces that the templates and
e-mails already use: "scheme" (applications and the running relationship),
"scheme_hubs" (MentorHubs and equipment) and "scheme_reports"."""

from django.urls import include, path

from .views import applications as views
from .views import equipment as equipment_views
from .views import hubs as hub_views
from .views import relationships as relationship_views
from .views import reports as report_views

application_patterns = [
    path("ordningen/soknader/", views.my_applications, name="applications"),
    path("ordningen/soknader/<int:application_id>/", views.application_view, name="application"),
    path("ordningen/soknader/<int:application_id>/inviter/", views.invite_view, name="invite"),
    path("ordningen/soknader/<int:application_id>/trekk/", views.withdraw_view, name="withdraw"),
    path("ordningen/soknader/<int:application_id>/kontrakt/", views.contract_view, name="contract"),
    path(
        "ordningen/soknader/<int:application_id>/vedtak.pdf",
        views.decision_letter_view,
        name="decision_letter",
    ),
    path("ordningen/soknader/<int:application_id>/godta/", views.accept_view, name="accept"),
    path("ordningen/invitasjon/<str:token>/", views.invitation_view, name="invitation"),
    path("ordningen/behandling/<int:application_id>/", views.office_view, name="office"),
    path(
        "ordningen/soknader/<int:application_id>/krav/",
        relationship_views.claims_view,
        name="claims",
    ),
    path(
        "ordningen/krav/<int:claim_id>/<str:which>/",
        relationship_views.claim_file_view,
        name="claim_file",
    ),
    path(
        "ordningen/soknader/<int:application_id>/evaluering/",
        relationship_views.evaluation_view,
        name="evaluation",
    ),
    path(
        "ordningen/behandling/krav/<int:claim_id>/",
        relationship_views.decide_claim_view,
        name="decide_claim",
    ),
    path(
        "ordningen/behandling/<int:application_id>/utbetaling/",
        relationship_views.payout_view,
        name="payout",
    ),
]

hub_patterns = [
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

report_patterns = [
    path("ordningen/rapport/", report_views.dashboard, name="dashboard"),
    path("ordningen/rapport/fullforte.csv", report_views.completed_csv, name="completed_csv"),
    path("ordningen/kommune/", report_views.municipality_summary, name="municipality"),
]

urlpatterns = [
    path("", include((application_patterns, "scheme"))),
    path("", include((hub_patterns, "scheme_hubs"))),
    path("", include((report_patterns, "scheme_reports"))),
    path("", include(("network.scheme.matching.urls", "finn"))),
]
