"""My data: the export of everything the site holds about a person, and the
deletion of their account (anonymised in place; aggregates unchanged)."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from django.contrib.sessions.models import Session
from django.db import connection
from django.db.models import Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import BlockResponse, Certificate, Enrolment, LessonCompletion
from events.models import CalendarFeed, PollParticipation, Registration
from mentornett.accounts.models import Profile, User
from mentornett.accounts.personal_data import DELETED_NAME, build_export, erase_account
from mentornett.accounts.roles import StaffRole
from network.models import (
    Application,
    ApplicationEvent,
    ApplicationInvitation,
    ApplicationStatus,
    Claim,
    EquipmentBooking,
    Evaluation,
    Payout,
    SubmissionComment,
    SubmissionVersion,
    TeamInvitation,
    TeamMembership,
)
from network.scheme import reports as scheme_reports
from tests.factories import PASSWORD, UserFactory

from .personal_data_world import RECEIPT_BYTES, build_lives


@pytest.fixture
def lives(scheme, world, make_event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_lives(scheme, world, make_event)


def download(client):
    response = client.get(reverse("accounts:export_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive, json.loads(archive.read("data.json"))


# --- export --------------------------------------------------------------------------------


def test_export_holds_the_persons_data_from_every_app(client, lives):
    client.force_login(lives.person)
    archive, data = download(client)

    account = data["account"]
    assert account["user"]["email"] == lives.person.email
    assert account["profile"]["study_place"] == "NMBU Veterinærhøgskolen"
    assert [a["email"] for a in account["email_addresses"]] == [lives.person.email]
    assert account["social_accounts"][0] == {
        **account["social_accounts"][0],
        "provider": "openid_connect",
        "uid": "sub-4242",
    }

    courses = data["courses"]
    (enrolment,) = courses["enrolments"]
    assert enrolment["completed_at"] and len(enrolment["lesson_completions"]) == 1
    assert [a["text"] for a in courses["answers"]] == [
        "PERSON-REFLECTION: jeg gruer meg til kalving"
    ]
    assert [c["code"] for c in courses["certificates"]] == [lives.certificate.code]

    events = data["events"]
    answers = {r["event_title"]: r["answers"] for r in events["registrations"]}
    assert answers["Webinar i fjor"] == [{"question": "Allergier?", "answer": "PERSON-ALLERGY"}]
    assert "Webinar snart" in answers
    assert [p["event__title"] for p in events["evaluations_answered"]] == ["Webinar i fjor"]
    assert events["calendar_feed"]["token"] == CalendarFeed.objects.get(person=lives.person).token

    network = data["network"]
    assert [m["team__municipality__name"] for m in network["team_memberships"]] == ["Sarpsborg"]
    assert [i["team__municipality__name"] for i in network["team_invitations"]] == ["Halden"]
    assert network["home_task_versions_sent"][0]["content"] == {"text": "PERSON-STATUS-REPORT"}
    assert [c["body"] for c in network["home_task_comments"]] == ["PERSON-COMMENT"]
    roles = {a["id"]: a["role"] for a in network["applications"]}
    assert roles == {lives.application.pk: "mentee", lives.draft.pk: "mentee"}
    assert [c["amount"] for c in network["claims"]] == [2500]
    assert [e["went_well"] for e in network["evaluations"]] == ["PERSON-EVALUATION"]
    assert network["payouts"] == [
        {
            "application": lives.application.pk,
            "to_you_as": "mentee",
            "amount_nok": 2500,
            "recorded_at": network["payouts"][0]["recorded_at"],
        }
    ]
    assert [i["role"] for i in network["application_invitations"]] == ["mentee"]
    assert [b["purpose"] for b in network["equipment_bookings"]] == ["PERSON-BOOKING"]
    assert network["application_history"]
    # The audit trail's rows about the person (a certificate was issued to them).
    assert any(row["subject_id"] == lives.person.pk for row in data["audit"])

    names = set(archive.namelist())
    receipt_name = f"files/network/krav-{lives.claim.pk}-kvittering.pdf"
    assert receipt_name in names
    assert archive.read(receipt_name) == RECEIPT_BYTES
    assert any(name.startswith("files/network/soknad-") for name in names)
    assert any(name.startswith("files/network/hjemmeoppgave-") for name in names)
    assert "README.txt" in names
    assert "data.json" in archive.read("README.txt").decode()


def test_export_holds_nothing_private_of_another_person(client, lives):
    client.force_login(lives.person)
    archive, data = download(client)
    text = json.dumps(data, ensure_ascii=False)
    for secret in (
        "OTHER-REFLECTION",
        "OTHER-ALLERGY",
        "OTHER-EVALUATION",
        "OTHER-COMMENT",
        "anonym",  # the anonymous evaluation answer is nobody's
        lives.other_certificate.code,
    ):
        assert secret not in text
    assert not any(lives.other_certificate.code in name for name in archive.namelist())


def test_the_readme_is_in_the_persons_language(client, lives):
    User.objects.filter(pk=lives.person.pk).update(preferred_language="en")
    lives.person.refresh_from_db()
    client.force_login(lives.person)
    archive, _data = download(client)
    assert archive.read("README.txt").decode().startswith("Your data from Mentornett")


def test_export_needs_a_signed_in_person(client, db):
    response = client.get(reverse("accounts:export_data"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def _export_queries(user):
    with CaptureQueriesContext(connection) as queries:
        build_export(user).close()
    return len(queries)


def test_export_query_count_does_not_grow_with_rows(make_course):
    course, lessons = make_course(lessons=30, slug="langt-kurs", title="Langt kurs")
    small, large = UserFactory(), UserFactory()
    for person, count in ((small, 1), (large, 30)):
        enrolment = Enrolment.objects.create(
            learner=person, course=course, course_title=course.title, lessons_total=30
        )
        LessonCompletion.objects.bulk_create(
            LessonCompletion(enrolment=enrolment, lesson=lesson) for lesson in lessons[:count]
        )
        BlockResponse.objects.bulk_create(
            BlockResponse(learner=person, lesson=lesson, block_id="b", kind="reflection", text="t")
            for lesson in lessons[:count]
        )
        Registration.objects.bulk_create(
            Registration(
                event=None,
                event_title=f"Arrangement {n}",
                event_starts_at=timezone.now() - timedelta(days=n + 1),
                person=person,
                status="confirmed",
            )
            for n in range(count)
        )
    assert _export_queries(large) == _export_queries(small)


# --- deletion ------------------------------------------------------------------------------


def delete(client, **data):
    return client.post(reverse("accounts:delete_account"), data)


def _figures(lives):
    """What reports and counters show; deletion must leave every one as it was."""
    return {
        "by_type": [
            (row.kind, row.counts) for row in scheme_reports.relationships_by_type_and_year().rows
        ],
        "categories": repr(scheme_reports.totals_by_category()),
        "completed": [
            (row.application.pk, row.total_granted, row.total_approved, row.total_paid)
            for row in scheme_reports.completed_relationships()
        ],
        "satisfaction": repr(scheme_reports.satisfaction_by_role()),
        "completions": Enrolment.objects.filter(completed_at__isnull=False).count(),
        "lesson_completions": LessonCompletion.objects.count(),
        "certificates": Certificate.objects.valid_on(timezone.localdate()).count(),
        "past_attended": Registration.objects.filter(
            event=lives.past_event, attendance="attended"
        ).count(),
        "polls": PollParticipation.objects.filter(event=lives.past_event).count(),
        "payouts": Payout.objects.aggregate(fee=Sum("mentor_fee"), mentee=Sum("mentee_amount")),
        "claims": Claim.objects.aggregate(sum=Sum("approved_amount")),
        "users": User.objects.count(),
    }


def test_deleting_anonymises_the_account_and_removes_what_is_theirs_alone(
    client, lives, mailoutbox, django_capture_on_commit_callbacks
):
    person = lives.person
    old_email, old_name = person.email, person.full_name
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = delete(client, password=PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:account_deleted")

    person.refresh_from_db()
    assert person.full_name == DELETED_NAME
    assert person.email.endswith("@slettet.invalid") and old_email not in person.email
    assert not person.is_active and not person.has_usable_password()
    assert person.anonymised_at is not None
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not SocialAccount.objects.filter(user=person).exists()
    profile = Profile.objects.get(user=person)
    assert profile.study_place == "" and profile.profession == ""

    assert not BlockResponse.objects.filter(learner=person).exists()
    assert not CalendarFeed.objects.filter(person=person).exists()
    assert Registration.objects.get(event=lives.past_event, person=person).answers == []
    lives.coming_registration.refresh_from_db()
    assert lives.coming_registration.is_cancelled
    assert not TeamMembership.objects.filter(person=person).exists()
    assert not TeamInvitation.objects.filter(pk=lives.team_invitation.pk).exists()
    assert not ApplicationInvitation.objects.filter(email__iexact=old_email).exists()
    assert Application.objects.get(pk=lives.draft.pk).status == ApplicationStatus.WITHDRAWN
    assert EquipmentBooking.objects.get(booked_by=person).cancelled_at is not None
    evaluation = Evaluation.objects.get(author=person)
    assert (evaluation.went_well, evaluation.satisfaction) == ("", 4)
    assert SubmissionVersion.objects.get(submitted_by=person).submitted_by_name == DELETED_NAME
    assert SubmissionComment.objects.get(author=person).author_name == DELETED_NAME
    assert not ApplicationEvent.objects.filter(actor=person, actor_name=old_name).exists()

    # Kept: the law's records, without the name.
    assert Claim.objects.get(pk=lives.claim.pk).claimant_id == person.pk
    assert Payout.objects.filter(application=lives.application).exists()
    certificate = Certificate.objects.get(pk=lives.certificate.pk)
    assert certificate.holder_name == DELETED_NAME and not certificate.pdf

    (message,) = [m for m in mailoutbox if "slettet" in m.subject.lower()]
    assert message.to == [old_email]
    assert "bokføringsloven" in message.body


def test_deleting_leaves_every_aggregate_unchanged(
    client, lives, django_capture_on_commit_callbacks
):
    before = _figures(lives)
    client.force_login(lives.person)
    with django_capture_on_commit_callbacks(execute=True):
        delete(client, password=PASSWORD)
    assert _figures(lives) == before


def test_deleting_ends_every_session_and_the_person_cannot_sign_in(client, lives):
    person = lives.person
    elsewhere = Client()
    elsewhere.force_login(person)
    assert elsewhere.get(reverse("home:dashboard")).status_code == 200
    client.force_login(person)
    old_email = person.email

    delete(client, password=PASSWORD)

    assert elsewhere.get(reverse("home:dashboard")).status_code == 302
    assert client.get(reverse("home:dashboard")).status_code == 302
    sessions = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(person.pk) not in sessions
    response = Client().post(reverse("account_login"), {"login": old_email, "password": PASSWORD})
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in Client().session


def test_deleting_leaves_another_persons_data_alone(client, lives):
    other = lives.other
    client.force_login(lives.person)
    delete(client, password=PASSWORD)
    other.refresh_from_db()
    assert other.full_name == "Marit Mentor" and other.is_active
    assert Certificate.objects.get(pk=lives.other_certificate.pk).holder_name == "Marit Mentor"
    assert BlockResponse.objects.filter(learner=other).exists()
    assert Evaluation.objects.get(author=other).went_well == "OTHER-EVALUATION"
    assert Registration.objects.get(event=lives.past_event, person=other).answers
    assert SubmissionComment.objects.get(author=other).author_name == "Marit Mentor"


def test_certificate_verification_after_deletion_never_shows_the_name(client, lives):
    old_name = lives.person.full_name
    client.force_login(lives.person)
    delete(client, password=PASSWORD)
    response = Client().get(reverse("certificates:verify", args=[lives.certificate.code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert old_name not in page
    assert "har slettet kontoen sin" in page
    assert "Gyldig" in page


def test_a_wrong_password_changes_nothing_and_says_so(client, lives):
    person = lives.person
    client.force_login(person)
    response = delete(client, password="not-my-password-at-all")
    assert response.status_code == 400
    assert "Passordet er ikke riktig. Ingenting er slettet." in response.content.decode()
    person.refresh_from_db()
    assert person.is_active and person.anonymised_at is None and person.full_name != DELETED_NAME
    assert BlockResponse.objects.filter(learner=person).exists()
    assert client.get(reverse("home:dashboard")).status_code == 200


def test_staff_cannot_delete_themselves(client, staff_user):
    editor = staff_user(StaffRole.EDITOR)
    client.force_login(editor)
    page = client.get(reverse("accounts:delete_account"))
    assert "administrator" in page.content.decode()
    response = delete(client, password=PASSWORD)
    assert response.status_code == 400
    editor.refresh_from_db()
    assert editor.is_active and editor.anonymised_at is None


def test_a_network_advisor_cannot_delete_themselves(client, world):
    client.force_login(world.advisor_a)
    response = delete(client, password=PASSWORD)
    assert response.status_code == 400
    world.advisor_a.refresh_from_db()
    assert world.advisor_a.anonymised_at is None


def test_without_a_password_the_person_types_the_word(client, db):
    person = UserFactory(full_name="Ola Idporten")
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    page = client.get(reverse("accounts:delete_account")).content.decode()
    assert "SLETT" in page and 'type="password"' not in page
    assert delete(client, confirmation="kanskje").status_code == 400
    person.refresh_from_db()
    assert person.anonymised_at is None
    assert delete(client, confirmation="slett").status_code == 302
    person.refresh_from_db()
    assert person.anonymised_at is not None


def test_deleting_twice_changes_nothing_more(lives):
    erase_account(user=lives.person)
    lives.person.refresh_from_db()
    first = (lives.person.email, lives.person.anonymised_at)
    erase_account(user=lives.person)
    lives.person.refresh_from_db()
    assert (lives.person.email, lives.person.anonymised_at) == first


def test_my_data_page_links_the_export_the_deletion_and_the_privacy_page(
    client, participant, privacy_in_settings
):
    client.force_login(participant)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert reverse("accounts:export_data") in page
    assert reverse("accounts:delete_account") in page
    assert privacy_in_settings.url in page
    dashboard = client.get(reverse("home:dashboard")).content.decode()
    assert reverse("accounts:my_data") in dashboard


@pytest.fixture
def privacy_in_settings(db):
    from home.demo.guides import PRIVACY_PAGE
    from home.models import HomePage, SiteSettings, StandardPage
    from tests.courses.fixtures import publish

    home = HomePage.objects.get()
    privacy = publish(home, StandardPage(**PRIVACY_PAGE))
    settings = SiteSettings.for_site(home.get_site())
    settings.privacy_page = privacy
    settings.save()
    return privacy


def test_guessing_the_password_on_the_deletion_page_is_limited(client, participant):
    client.force_login(participant)
    for _attempt in range(5):
        assert delete(client, password="guess-guess-guess").status_code == 400
    response = delete(client, password=PASSWORD)
    assert response.status_code == 429
    participant.refresh_from_db()
    assert participant.anonymised_at is None
