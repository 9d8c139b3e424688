from django.urls import path

from . import measurement_views, organiser_views, views

app_name = "network"

team = "team/<int:team_id>/"
task = team + "oppgaver/<int:task_id>/"

urlpatterns = [
    path("mine-team/", views.my_teams, name="my_teams"),
    path("mine-team/til-gjennomgang/", views.review_queue_view, name="review_queue"),
    path("invitasjon/<str:token>/", views.invitation_view, name="invitation"),
    path(team, views.team_page, name="team"),
    path(team + "inviter/", views.invite_view, name="invite"),
    path(
        team + "invitasjoner/<int:invitation_id>/trekk/",
        views.revoke_invitation_view,
        name="revoke_invitation",
    ),
    path(
        team + "medlemmer/<int:membership_id>/fjern/",
        views.remove_member_view,
        name="remove_member",
    ),
    path(team + "avtale/", views.agreement_view, name="agreement"),
    path(team + "avtale/avtale.pdf", views.agreement_pdf, name="agreement_pdf"),
    path(team + "avtale/signert/", views.agreement_scan, name="agreement_scan"),
    path(task, views.task_view, name="task"),
    path(task + "lagre/", views.save_view, name="save"),
    path(task + "fil/", views.upload_view, name="upload"),
    path(task + "fil/utkast/", views.file_view, name="draft_file"),
    path(task + "versjoner/<int:version>/fil/", views.file_view, name="version_file"),
    path(task + "kommentar/", views.comment_view, name="comment"),
    path(task + "gjennomgang/", views.review_view, name="review"),
    path(task + "fremdrift/", views.score_view, name="score"),
    path(task + "del/", views.share_view, name="share"),
    path(task + "sluttrapport.pdf", views.final_report_pdf, name="final_report_pdf"),
    path(team + "malinger/", measurement_views.measurements_view, name="measurements"),
    path(
        team + "malinger/<int:indicator_id>/",
        measurement_views.indicator_view,
        name="indicator",
    ),
    path(
        team + "malinger/<int:indicator_id>/verdier/<int:measurement_id>/slett/",
        measurement_views.delete_value_view,
        name="delete_value",
    ),
    path("nettverk/<int:network_id>/plakatvandring/", views.poster_walk, name="poster_walk"),
    path("delt/<int:submission_id>/", views.shared_view, name="shared"),
    path("delt/<int:submission_id>/fil/", views.shared_file_view, name="shared_file"),
    path("nettverk/<int:network_id>/oversikt/", organiser_views.dashboard, name="dashboard"),
    path(
        "nettverk/<int:network_id>/oversikt.csv",
        organiser_views.dashboard_csv,
        name="dashboard_csv",
    ),
    path(
        "nettverk/<int:network_id>/lesing/<int:task_id>/",
        organiser_views.reading_view,
        name="reading",
    ),
    path("nettverk/<int:network_id>/avtaler/", organiser_views.agreements_view, name="agreements"),
    path(
        "nettverk/<int:network_id>/for-og-na/",
        organiser_views.before_now_view,
        name="before_now",
    ),
    path("nettverk/<int:network_id>/radgivere/", organiser_views.advisors_view, name="advisors"),
    path(
        "nettverk/<int:network_id>/team/<int:team_id>/radgiver/",
        organiser_views.advisor_view,
        name="advisor",
    ),
]
