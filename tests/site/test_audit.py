"""The audit trail: every state change that matters writes exactly one row, in
the change's own transaction; rows cannot be changed or deleted; only
superusers and scheme administrators read the log, filter it and export it."""

import csv
import io
from datetime import date, timedelta

import pytest
from freezegun import freeze_time

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Certificate
from courses.services import complete_lesson
from courses.services.certificates import reissue_certificate, revoke_certificate
from events.models import Attendance, Registration, RegistrationStatus
from events.services import cancel, fill_free_places, mark_attendance, register
from mentornett.accounts.roles import StaffRole
from mentornett.audit.models import AppendOnlyError, AuditAction, AuditEvent
from mentornett.audit.services import acting_as, record
from network.models import (
    ApplicationStatus,
    ClaimCategory,
    ClaimStatus,
    ResponseKind,
    SubmissionStatus,
    TeamMembership,
    TeamRole,
)
from network.scheme.services import applications as applications
from network.scheme.services import hubs as hubs
from network.scheme.services import relationships as relationships
from network.services import accept_invitation, assign_advisor, invite_member, remove_member
from network.services import submissions as submissions
from tests.factories import UserFactory
from tests.scheme.fixtures import active_relationship, complete_application, receipt
from tests.scheme.hub_fixtures import register_week

pytestmark = pytest.mark.django_db

S = ApplicationStatus
LOG_URL = "/admin/revisjonslogg/"
EXPORT_URL = "/admin/revisjonslogg/eksport.csv"


def events_about(target, action=None):
    rows = AuditEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    )
    return rows.filter(action=action) if action else rows


def the_event(target, action) -> AuditEvent:
    rows = list(events_about(target, action))
    assert len(rows) == 1, rows
    return rows[0]


def assert_no_personal_text(*people):
    """Names and addresses live on the user rows, never in the log's own text."""
    for event in AuditEvent.objects.all():
        text = f"{event.target_label} {event.changes} {event.reason}".lower()
        for person in people:
            assert person.full_name.lower() not in text
            assert person.email.lower() not in text


# --- certificates ---------------------------------------------------------------------


@pytest.fixture
def certificate(make_course, participant, django_capture_on_commit_callbacks):
    course, (lesson,) = make_course(lessons=1, mandatory_for="mentee")
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(learner=participant, lesson=lesson)
    return Certificate.objects.get(holder=participant)


def test_issuing_a_certificate_is_recorded_as_done_by_the_system(certificate, participant):
    event = the_event(certificate, AuditAction.CERTIFICATE_ISSUED)
    assert (event.actor, event.subject) == (None, participant)
    assert certificate.code in event.target_label
    assert_no_personal_text(participant)


def test_revoking_and_reissuing_record_who_and_why(certificate, superuser):
    revoke_certificate(certificate=certificate, reason="Feil person", by=superuser)
    revoked = the_event(certificate, AuditAction.CERTIFICATE_REVOKED)
    assert (revoked.actor, revoked.reason) == (superuser, "Feil person")

    new = reissue_certificate(certificate=certificate, by=superuser)
    issued = the_event(new, AuditAction.CERTIFICATE_ISSUED)
    assert issued.actor == superuser
    assert issued.changes == {"replaces": [None, certificate.code]}
    # Already revoked: the re-issue does not revoke it a second time.
    assert events_about(certificate, AuditAction.CERTIFICATE_REVOKED).count() == 1


def test_reissuing_a_valid_certificate_records_its_revocation(certificate, superuser):
    reissue_certificate(certificate=certificate, by=superuser)
    assert the_event(certificate, AuditAction.CERTIFICATE_REVOKED).actor == superuser


# --- registrations, the waitlist and attendance --------------------------------------


def test_registering_and_the_waitlist_are_recorded(make_event, participant, other_participant):
    event = make_event(capacity=1)
    first = register(person=participant, event=event)
    second = register(person=other_participant, event=event)
    placed = the_event(first, AuditAction.REGISTRATION_CREATED)
    assert (placed.actor, placed.subject) == (participant, participant)
    assert placed.changes == {"status": [None, RegistrationStatus.CONFIRMED]}
    assert placed.target_label == event.title
    waiting = the_event(second, AuditAction.REGISTRATION_CREATED)
    assert waiting.changes == {"status": [None, RegistrationStatus.WAITLISTED]}
    assert_no_personal_text(participant, other_participant)


def test_registering_someone_else_names_who_did_it(make_event, participant, other_participant):
    registration = register(person=participant, event=make_event(), registered_by=other_participant)
    event = the_event(registration, AuditAction.REGISTRATION_CREATED)
    assert (event.actor, event.subject) == (other_participant, participant)


def test_a_cancellation_and_the_promotion_it_causes_are_two_events(
    make_event, participant, other_participant
):
    event = make_event(capacity=1)
    mine = register(person=participant, event=event)
    theirs = register(person=other_participant, event=event)
    cancel(registration=mine)  # e.g. from the give-up link: nobody signed in
    cancelled = the_event(mine, AuditAction.REGISTRATION_CANCELLED)
    assert cancelled.actor == participant
    assert cancelled.changes == {
        "status": [RegistrationStatus.CONFIRMED, RegistrationStatus.CANCELLED]
    }
    promoted = the_event(theirs, AuditAction.REGISTRATION_PROMOTED)
    assert (promoted.actor, promoted.subject) == (participant, other_participant)
    assert promoted.changes == {
        "status": [RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED]
    }


def test_cancelling_through_the_page_records_the_signed_in_person(client, make_event, participant):
    event = make_event()
    registration = register(person=participant, event=event)
    client.force_login(participant)
    client.post(f"/arrangementer/{event.pk}/meld-av/")
    assert Registration.objects.get(pk=registration.pk).is_cancelled
    assert the_event(registration, AuditAction.REGISTRATION_CANCELLED).actor == participant


def test_a_late_cancellation_is_marked_in_the_changes(make_event, participant):
    now = timezone.now()
    event = make_event(days=3, cancellation_deadline=now + timedelta(days=1))
    registration = register(person=participant, event=event)
    cancel(registration=registration, now=now + timedelta(days=2))
    changes = the_event(registration, AuditAction.REGISTRATION_CANCELLED).changes
    assert changes["late_cancellation"] == [False, True]


def test_a_promotion_after_a_capacity_change_without_a_person_is_the_systems(
    make_event, participant, other_participant
):
    event = make_event(capacity=1)
    register(person=participant, event=event)
    waiting = register(person=other_participant, event=event)
    event.capacity = 2
    event.save()
    fill_free_places(event=event)
    assert the_event(waiting, AuditAction.REGISTRATION_PROMOTED).actor is None


def test_marking_attendance_records_the_organiser(make_event, participant):
    organiser = UserFactory()
    registration = register(person=participant, event=make_event())
    with acting_as(organiser):
        mark_attendance(registration=registration, attendance=Attendance.ATTENDED)
    event = the_event(registration, AuditAction.ATTENDANCE_MARKED)
    assert (event.actor, event.subject) == (organiser, participant)
    assert event.changes == {"attendance": [None, Attendance.ATTENDED]}


# --- applications, claims and payouts -------------------------------------------------


def test_starting_and_sending_an_application_are_recorded(scheme):
    application = applications.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )
    rows = list(events_about(application).order_by("pk"))
    assert [(row.action, row.actor, row.changes) for row in rows] == [
        (AuditAction.APPLICATION_STATUS, scheme.mentor, {"status": [None, S.DRAFT]}),
        (AuditAction.APPLICATION_STATUS, scheme.mentor, {"status": [S.DRAFT, S.SUBMITTED]}),
    ]


def test_accepting_the_decision_is_recorded_without_a_status_change(scheme):
    application = active_relationship(scheme)
    accepted = events_about(application).filter(actor=scheme.mentee).order_by("pk")
    assert [row.changes for row in accepted] == [{}, {"status": [S.GRANTED, S.ACTIVE]}]
    assert "menteen" in accepted[0].reason.lower() or "mentee" in accepted[0].reason.lower()


def test_the_office_decision_is_recorded_with_its_note(scheme):
    office = UserFactory()
    application = applications.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )
    before = events_about(application).count()
    applications.change_status(
        application=application, user=office, expected=S.SUBMITTED, to=S.IN_REVIEW
    )
    applications.change_status(
        application=application,
        user=office,
        expected=S.IN_REVIEW,
        to=S.REJECTED,
        note="Mangler forsikring.",
    )
    rows = list(events_about(application).order_by("pk")[before:])
    assert [(row.actor, row.changes["status"]) for row in rows] == [
        (office, [S.SUBMITTED, S.IN_REVIEW]),
        (office, [S.IN_REVIEW, S.REJECTED]),
    ]
    assert rows[1].reason == "Mangler forsikring."
    assert_no_personal_text(scheme.mentor, scheme.mentee, office)


def test_claims_their_decision_and_the_payout_are_recorded(scheme):
    office = UserFactory()
    application = active_relationship(scheme, office=office)
    claim = relationships.submit_claim(
        application=application,
        user=scheme.mentee,
        category=ClaimCategory.TRAVEL,
        description="Tog",
        amount=2400,
        spent_on=date(2026, 1, 5),
        receipt=receipt(),
    )
    sent = the_event(claim, AuditAction.CLAIM_SUBMITTED)
    assert sent.actor == scheme.mentee
    assert sent.changes == {"status": [None, ClaimStatus.SUBMITTED], "amount": [None, 2400]}

    relationships.decide_claim(claim=claim, user=office, approved_amount=2000, note="Pris")
    decided = the_event(claim, AuditAction.CLAIM_DECIDED)
    assert (decided.actor, decided.reason) == (office, "Pris")
    assert decided.changes == {
        "status": [ClaimStatus.SUBMITTED, ClaimStatus.APPROVED],
        "approved_amount": [None, 2000],
    }

    applications.change_status(application=application, user=office, expected=S.ACTIVE, to=S.ENDED)
    payout = relationships.record_payout(
        application=application, user=office, mentor_fee=30000, override_reason="Syk"
    )
    paid = the_event(payout, AuditAction.PAYOUT_RECORDED)
    assert paid.actor == office
    assert paid.reason == "Syk"
    assert paid.changes == {
        "application": [None, application.pk],
        "mentor_fee": [None, 30000],
        "mentee_amount": [None, 2000],
        "claims_paid": [None, 1],
    }


def test_approving_a_hub_and_its_payout_are_recorded(hub, office):
    approved = the_event(hub.hub, AuditAction.HUB_APPROVED)
    assert approved.actor == office
    register_week(hub, date(2025, 5, 19))
    payout = hubs.record_hub_payout(hub=hub.hub, year=2025, half=1, user=office)
    paid = the_event(payout, AuditAction.HUB_PAYOUT_RECORDED)
    assert paid.actor == office
    assert paid.changes == {"amount": [None, payout.amount], "week_count": [None, 1]}


# --- reports and home tasks ------------------------------------------------------------


def _send(world, task, text="Vi har rekruttert to mentorer.", base=""):
    key = "done" if task.kind == ResponseKind.STATUS_REPORT else "activity"
    submissions.save_draft(
        team=world.team_a,
        task=task,
        user=world.coordinator_a,
        sections={key: text},
        bases={key: base},
    )
    return submissions.submit(team=world.team_a, task=task, user=world.coordinator_a)


def test_sending_returning_and_reading_a_status_report_are_recorded(world):
    version = _send(world, world.status_task)
    submission = version.submission
    sent = the_event(submission, AuditAction.SUBMISSION_SENT)
    assert sent.actor == world.coordinator_a
    assert sent.changes == {
        "status": [SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED],
        "version": [None, 1],
    }
    assert world.status_task.title in sent.target_label

    submissions.return_for_changes(
        submission=submission, user=world.advisor_a, comment="Skriv mer om målene."
    )
    returned = the_event(submission, AuditAction.SUBMISSION_RETURNED)
    assert (returned.actor, returned.reason) == (world.advisor_a, "Skriv mer om målene.")

    _send(world, world.status_task, text="Nå med mål.", base="Vi har rekruttert to mentorer.")
    assert events_about(submission, AuditAction.SUBMISSION_SENT).count() == 2
    submissions.mark_read(submission=submission, user=world.advisor_a)
    read = the_event(submission, AuditAction.SUBMISSION_READ)
    assert read.changes == {"status": [SubmissionStatus.SUBMITTED, SubmissionStatus.READ]}
    assert_no_personal_text(world.coordinator_a, world.advisor_a)


def test_sending_the_final_report_is_recorded(world):
    version = _send(world, world.final_task, text="Et godt prosjekt.")
    assert the_event(version.submission, AuditAction.SUBMISSION_SENT).actor == world.coordinator_a


def test_a_progress_score_is_recorded(world):
    score = submissions.give_progress_score(
        team=world.team_a, gathering=world.gathering, score=3, feedback="", user=world.advisor_a
    )
    event = the_event(score, AuditAction.PROGRESS_SCORED)
    assert (event.actor, event.changes) == (world.advisor_a, {"score": [None, 3]})


# --- team roles and staff roles --------------------------------------------------------


def test_joining_and_leaving_a_team_and_a_new_advisor_are_recorded(world):
    invitation = invite_member(
        team=world.team_a, email="ny@example.no", role=TeamRole.MENTEE, invited_by=None
    )
    person = UserFactory(email="ny@example.no")
    membership = accept_invitation(invitation=invitation, user=person)
    joined = the_event(membership, AuditAction.TEAM_MEMBER_ADDED)
    assert (joined.actor, joined.subject, joined.changes) == (
        person,
        person,
        {"role": [None, TeamRole.MENTEE]},
    )

    membership_id = membership.pk
    with acting_as(world.coordinator_a):
        remove_member(membership=membership)
    membership.pk = membership_id  # delete() forgets it
    left = the_event(membership, AuditAction.TEAM_MEMBER_REMOVED)
    assert (left.actor, left.subject) == (world.coordinator_a, person)
    assert not TeamMembership.objects.filter(pk=membership_id).exists()

    with acting_as(world.organiser):
        assign_advisor(team=world.team_a, advisor=None)
    advisor = the_event(world.team_a, AuditAction.TEAM_ADVISOR_ASSIGNED)
    assert advisor.actor == world.organiser
    assert advisor.changes == {"advisor": [world.advisor_a.pk, None]}


def test_giving_and_taking_a_staff_role_is_recorded(participant, superuser):
    editors = Group.objects.get(name=StaffRole.EDITOR.value)
    with acting_as(superuser):
        participant.groups.add(editors)
        participant.groups.add(editors)  # already there: nothing changes, nothing recorded
        participant.groups.clear()
    rows = list(events_about(participant).order_by("pk"))
    assert [(row.action, row.actor, row.subject, row.changes) for row in rows] == [
        (AuditAction.STAFF_ROLE_ADDED, superuser, participant, {"groups": [None, editors.name]}),
        (AuditAction.STAFF_ROLE_REMOVED, superuser, participant, {"groups": [editors.name, None]}),
    ]


def test_a_role_given_from_the_groups_side_is_recorded(participant):
    Group.objects.get(name=StaffRole.SCHEME_ADMINISTRATOR.value).user_set.add(participant)
    event = the_event(participant, AuditAction.STAFF_ROLE_ADDED)
    assert event.actor is None  # no request: the system


def test_the_wagtail_user_editor_records_group_changes_by_the_signed_in_admin(
    client, superuser, participant
):
    editors = Group.objects.get(name=StaffRole.EDITOR.value)
    client.force_login(superuser)
    response = client.post(
        f"/admin/users/edit/{participant.pk}/",
        {
            "email": participant.email,
            "full_name": participant.full_name,
            "is_active": "on",
            "groups": [editors.pk],
        },
    )
    assert response.status_code == 302
    event = the_event(participant, AuditAction.STAFF_ROLE_ADDED)
    assert (event.actor, event.changes) == (superuser, {"groups": [None, editors.name]})


def test_the_superuser_flag_set_in_the_wagtail_user_editor_is_recorded(
    client, superuser, participant
):
    client.force_login(superuser)
    fields = {"email": participant.email, "full_name": participant.full_name, "is_active": "on"}
    client.post(f"/admin/users/edit/{participant.pk}/", {**fields, "is_superuser": "on"})
    given = the_event(participant, AuditAction.SUPERUSER_GIVEN)
    assert (given.actor, given.changes) == (superuser, {"is_superuser": [False, True]})
    participant.refresh_from_db()
    participant.last_login = timezone.now()
    participant.save(update_fields=["last_login"])  # signing in is no role change
    client.post(f"/admin/users/edit/{participant.pk}/", fields)
    assert the_event(participant, AuditAction.SUPERUSER_REMOVED).actor == superuser
    assert events_about(participant).count() == 2


def test_organisers_and_advisors_named_on_the_network_page_are_recorded(world, superuser):
    from network.models import NetworkStaff, NetworkStaffRole

    network = world.network
    with acting_as(superuser):
        network.staff.add(NetworkStaff(person=world.member_a, role=NetworkStaffRole.ADVISOR))
        network.save_revision().publish()
    added = NetworkStaff.objects.get(person=world.member_a)
    event = the_event(added, AuditAction.NETWORK_STAFF_ADDED)
    assert (event.actor, event.subject, event.target_label) == (
        superuser,
        world.member_a,
        network.title,
    )
    # Publishing again saves every row again: nothing changed, nothing recorded.
    network.specific_class.objects.get(pk=network.pk).save_revision().publish()
    assert events_about(added).count() == 1

    with acting_as(superuser):
        added.role = NetworkStaffRole.ORGANISER
        added.save()
        changed = the_event(added, AuditAction.NETWORK_STAFF_CHANGED)
        assert changed.changes == {"role": [NetworkStaffRole.ADVISOR, NetworkStaffRole.ORGANISER]}
        staff_id = added.pk
        added.delete()
    added.pk = staff_id
    removed = the_event(added, AuditAction.NETWORK_STAFF_REMOVED)
    assert (removed.actor, removed.changes) == (
        superuser,
        {"role": [NetworkStaffRole.ORGANISER, None]},
    )


# --- in the change's own transaction ----------------------------------------------------


def test_a_decision_that_fails_after_its_write_leaves_no_audit_row(scheme, monkeypatch):
    office = UserFactory()
    application = active_relationship(scheme, office=office)
    claim = relationships.submit_claim(
        application=application,
        user=scheme.mentee,
        category=ClaimCategory.TRAVEL,
        description="Tog",
        amount=2400,
        spent_on=date(2026, 1, 5),
        receipt=receipt(),
    )

    def broken(*args, **kwargs):
        raise RuntimeError("mail composer down")

    monkeypatch.setattr(relationships, "_tell_mentee_of_decision", broken)
    with pytest.raises(RuntimeError):
        relationships.decide_claim(claim=claim, user=office, approved_amount=2400)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert not events_about(claim, AuditAction.CLAIM_DECIDED).exists()


def test_a_return_that_fails_after_its_write_leaves_no_audit_row(world, monkeypatch):
    submission = _send(world, world.status_task).submission

    def broken(**kwargs):
        raise RuntimeError("queue down")

    monkeypatch.setattr("network.services.submissions.notify_returned", broken)
    with pytest.raises(RuntimeError):
        submissions.return_for_changes(submission=submission, user=world.advisor_a, comment="Mer")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert not events_about(submission, AuditAction.SUBMISSION_RETURNED).exists()


# --- append-only ------------------------------------------------------------------------


@pytest.fixture
def logged(participant):
    return record(
        AuditAction.STAFF_ROLE_ADDED,
        actor=None,
        target=participant,
        subject=participant,
        note="Første",
    )


def test_a_row_cannot_be_changed_or_deleted_through_the_orm(logged):
    logged.reason = "Endret"
    with pytest.raises(AppendOnlyError):
        logged.save()
    with pytest.raises(AppendOnlyError):
        logged.delete()
    rows = AuditEvent.objects.filter(pk=logged.pk)
    with pytest.raises(AppendOnlyError):
        rows.update(reason="Endret")
    with pytest.raises(AppendOnlyError):
        rows.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([logged], ["reason"])
    assert AuditEvent.objects.get(pk=logged.pk).reason == "Første"


def test_a_person_with_history_is_not_deleted_from_the_wagtail_admin(
    client, superuser, participant, logged
):
    client.force_login(superuser)
    response = client.post(f"/admin/users/delete/{participant.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/users/edit/{participant.pk}/"
    assert AuditEvent.objects.filter(pk=logged.pk).exists()
    participant.refresh_from_db()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the append-only trigger exists only on PostgreSQL",
)
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET reason = 'Endret' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_the_database_refuses_update_and_delete(logged, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [logged.pk])
    assert AuditEvent.objects.get(pk=logged.pk).reason == "Første"


# --- the admin view ---------------------------------------------------------------------


@pytest.fixture
def scheme_admin(staff_user):
    return staff_user(StaffRole.SCHEME_ADMINISTRATOR)


@pytest.mark.parametrize("url", [LOG_URL, EXPORT_URL])
def test_superusers_and_scheme_administrators_read_the_log(client, superuser, scheme_admin, url):
    for user in (superuser, scheme_admin):
        client.force_login(user)
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [LOG_URL, EXPORT_URL])
@pytest.mark.parametrize("role", [StaffRole.EDITOR, StaffRole.NETWORK_ORGANISER])
def test_other_staff_are_sent_away(client, staff_user, url, role):
    client.force_login(staff_user(role))
    response = client.get(url)
    # Wagtail turns PermissionDenied into a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("url", [LOG_URL, EXPORT_URL])
def test_participants_and_visitors_are_sent_to_sign_in(client, participant, url):
    assert client.get(url)["Location"].startswith("/admin/login/")
    client.force_login(participant)
    response = client.get(url)
    assert (response.status_code, response["Location"].split("?")[0]) == (302, "/admin/login/")


def test_the_menu_shows_the_log_to_scheme_administrators_only(client, scheme_admin, staff_user):
    client.force_login(scheme_admin)
    assert "Revisjonslogg" in client.get("/admin/").content.decode()
    client.force_login(staff_user(StaffRole.EDITOR))
    assert "Revisjonslogg" not in client.get("/admin/").content.decode()


@pytest.fixture
def three_days(participant, other_participant, certificate, superuser):
    """A role given on 1 March, a certificate revoked on 2 March, a role taken on 3 March."""
    editors = Group.objects.get(name=StaffRole.EDITOR.value)
    with freeze_time("2026-03-01 10:00"), acting_as(superuser):
        other_participant.groups.add(editors)
    with freeze_time("2026-03-02 10:00"):
        revoke_certificate(certificate=certificate, reason="=HYPERLINK(1)", by=superuser)
    with freeze_time("2026-03-03 10:00"), acting_as(participant):
        other_participant.groups.remove(editors)


def _rows(client, query=""):
    content = client.get(f"{LOG_URL}?{query}").content.decode()
    return content.count('class="audit-event"')


def test_the_list_filters_by_action_dates_person_and_type(
    client, superuser, three_days, participant, other_participant
):
    client.force_login(superuser)
    assert _rows(client, "action=role.added") == 1
    assert _rows(client, "date_from=2026-03-02&date_to=2026-03-02") == 1
    assert _rows(client, "date_from=2026-03-01&date_to=2026-03-03") == 3
    assert _rows(client, f"actor={participant.pk}") == 3  # the revocation is about Kari too
    assert _rows(client, "actor=per@example") == 2  # changed by no one else, roles about Per
    certificate_type = ContentType.objects.get_for_model(Certificate).pk
    assert _rows(client, f"target_type={certificate_type}") == 2  # issued today, then revoked
    page = client.get(f"{LOG_URL}?action=certificate.revoked").content.decode()
    assert "Kursbevis trukket tilbake" in page
    assert "=HYPERLINK(1)" in page


def test_a_bad_filter_says_so_and_shows_nothing(client, superuser, three_days):
    client.force_login(superuser)
    response = client.get(f"{LOG_URL}?date_from=2026-03-03&date_to=2026-03-01")
    assert response.status_code == 200
    assert "Sluttdatoen må være samme dag som eller etter startdatoen." in response.content.decode()
    assert response.content.decode().count('class="audit-event"') == 0
    for query in ("date_from=ikke-en-dato&page=x", f"target_id={10**30}", f"actor={10**30}"):
        assert client.get(f"{LOG_URL}?{query}").status_code == 200


def test_the_export_holds_the_filtered_rows(client, superuser, three_days, participant):
    client.force_login(superuser)
    response = client.get(f"{EXPORT_URL}?date_from=2026-03-02&date_to=2026-03-03")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][:3] == ["Når", "Handling", "Handlingskode"]
    assert [row[2] for row in rows[1:]] == ["role.removed", "certificate.revoked"]
    revoked = rows[2]
    assert revoked[3] == str(superuser.pk)
    assert revoked[8:10] == [str(participant.pk), "Kari Nordmann"]
    # A reason that would run as a formula in a spreadsheet is defused.
    assert revoked[11] == "'=HYPERLINK(1)"


def _log_roles(count, actor):
    users = UserFactory.create_batch(count)
    with acting_as(actor):
        for user in users:
            record(AuditAction.STAFF_ROLE_ADDED, actor=actor, target=user, subject=user,
                   changes={"groups": [None, StaffRole.EDITOR.value]})  # fmt: skip


def _list_queries(client):
    client.get(LOG_URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LOG_URL).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_for_5_and_50_rows(client, superuser):
    client.force_login(superuser)
    _log_roles(5, superuser)
    five = _list_queries(client)
    _log_roles(45, UserFactory())
    assert _list_queries(client) == five


def test_anonymising_a_person_removes_their_name_but_keeps_the_rows(
    client, superuser, three_days, participant
):
    client.force_login(superuser)
    before = AuditEvent.objects.count()
    assert "Kari Nordmann" in client.get(LOG_URL).content.decode()
    participant.full_name = "Slettet bruker"
    participant.email = f"slettet-{participant.pk}@slettet.invalid"
    participant.save()
    page = client.get(LOG_URL).content.decode()
    assert "Kari Nordmann" not in page and "kari@example.no" not in page
    assert "Slettet bruker" in page
    assert AuditEvent.objects.count() == before
