"""Finn mentor's addresses, under the namespace "finn"."""

from django.urls import path

from .views import board as board_views
from .views import directory as directory_views
from .views import freshness as freshness_views
from .views import municipalities as municipality_views
from .views import overview as overview_views
from .views import profiles as profile_views
from .views import requests as request_views
from .views import searches as search_views

urlpatterns = [
    # --- profiles, municipality contacts and needs ---
    path("ordningen/finn-mentor/", profile_views.start, name="start"),
    path(
        "ordningen/finn-mentor/min-profil/mentor/",
        profile_views.mentor_profile,
        name="mentor_profile",
    ),
    path(
        "ordningen/finn-mentor/min-profil/mentor/skjul/",
        profile_views.hide_mentor,
        name="hide_mentor",
    ),
    path(
        "ordningen/finn-mentor/min-profil/mentee/",
        profile_views.mentee_profile,
        name="mentee_profile",
    ),
    path(
        "ordningen/finn-mentor/min-profil/mentee/skjul/",
        profile_views.hide_mentee,
        name="hide_mentee",
    ),
    path(
        "ordningen/finn-mentor/mentorhub/<int:hub_id>/",
        profile_views.hub_listing,
        name="hub_listing",
    ),
    path(
        "ordningen/finn-mentor/kommune/registrer/",
        municipality_views.register,
        name="register_contact",
    ),
    path(
        "ordningen/finn-mentor/kommune/<int:municipality_id>/",
        municipality_views.municipality_view,
        name="municipality",
    ),
    path(
        "ordningen/finn-mentor/kommune/<int:municipality_id>/behov/",
        municipality_views.publish_need_view,
        name="publish_need",
    ),
    path("ordningen/finn-mentor/behov/", municipality_views.needs, name="needs"),
    path("ordningen/finn-mentor/behov/<int:need_id>/", municipality_views.need_view, name="need"),
    path(
        "ordningen/finn-mentor/behov/<int:need_id>/lukk/",
        municipality_views.close_need_view,
        name="close_need",
    ),
    path(
        "ordningen/behandling/finn-mentor/kommunekontakter/",
        municipality_views.office_contacts,
        name="office_contacts",
    ),
    path(
        "ordningen/behandling/finn-mentor/kommunekontakter/<int:contact_id>/bekreft/",
        municipality_views.verify_contact_view,
        name="verify_contact",
    ),
    path(
        "ordningen/behandling/finn-mentor/kommunekontakter/<int:contact_id>/avvis/",
        municipality_views.reject_contact_view,
        name="reject_contact",
    ),
]

# --- board: searches, answers, the matching board, proposals, overview, freshness ---
urlpatterns += [
    path("ordningen/finn-mentor/sokere/", search_views.searches, name="searches"),
    path("ordningen/finn-mentor/sokere/<int:search_id>/", search_views.search, name="search"),
    path("ordningen/finn-mentor/svar/", search_views.my_answers, name="answers"),
    path(
        "ordningen/finn-mentor/svar/<int:answer_id>/godta/",
        search_views.accept_answer,
        name="accept_answer",
    ),
    path(
        "ordningen/finn-mentor/forslag/<int:proposal_id>/",
        board_views.proposal,
        name="proposal",
    ),
    path("ordningen/finn-mentor/oversikt/", overview_views.overview, name="overview"),
    path("ordningen/finn-mentor/bekreft/<str:token>/", freshness_views.confirm, name="confirm"),
    path("ordningen/behandling/finn-mentor/", board_views.board, name="board"),
    path(
        "ordningen/behandling/finn-mentor/<int:search_id>/",
        board_views.case,
        name="board_case",
    ),
    path(
        "ordningen/behandling/finn-mentor/<int:search_id>/foresla/",
        board_views.propose,
        name="propose",
    ),
    path(
        "ordningen/behandling/finn-mentor/<int:search_id>/notat/",
        board_views.add_note,
        name="add_note",
    ),
]

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
