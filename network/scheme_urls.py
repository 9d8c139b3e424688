from django.urls import path

from . import relationship_views
from . import scheme_views as views

app_name = "scheme"

urlpatterns = [
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
