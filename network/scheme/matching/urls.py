"""Finn mentor's addresses, under the namespace "finn"."""

from django.urls import path

from .views import board as board_views
from .views import freshness as freshness_views
from .views import overview as overview_views
from .views import searches as search_views

urlpatterns = []

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
