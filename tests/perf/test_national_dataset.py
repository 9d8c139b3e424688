"""The national-scale benchmark dataset, built at a hundredth of its size: the
counts the plan promises, every state a page shows, data the services would
have written, Finn mentor's listings visible, the same data from the same
seed, and no e-mail or task."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django_q.models import OrmQ, Task

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Q
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from courses.codes import parse_code
from courses.models import (
    Certificate,
    CertificateStatus,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from courses.selectors import course_outline
from courses.services.learning import _refresh
from events.models import EventPage, Registration, RegistrationStatus
from home.demo.national_dataset import DatasetRefused, build_national_dataset, plan_for
from home.demo.national_dataset.dashboard_network import NATIONAL, build_dashboard_network, refusal
from mentornett.accounts.models import User
from network.models import (
    CONFIRM_EVERY,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Claim,
    HomeTask,
    LearningNetworkPage,
    MenteeProfile,
    MenteeStage,
    MentorAvailability,
    MentorProfile,
    Municipality,
    MunicipalityNeed,
    MunicipalityProfile,
    NeedStatus,
    NetworkStaff,
    NetworkStaffRole,
    ProgressScore,
    Submission,
    SubmissionComment,
    SubmissionStatus,
    SubmissionVersion,
    Team,
    TeamMembership,
)
from network.scheme.matching.selectors import visible_mentor_profiles
from network.scheme.selectors import granted_by_category, support_for
from network.scheme.services.applications import submission_problems
from network.scheme.services.relationships import room_for
from network.scheme.support import MENTOR_FEE

pytestmark = pytest.mark.django_db

SCALE = 0.01
PASSWORD = "bench-password"
BENCH = "@bench.mentornett.no"
S = ApplicationStatus


@dataclass
class Built:
    first_digest: dict
    second_digest: dict
    mails: int
    queued: int


def _build():
    build_national_dataset(
        seed=7, scale=SCALE, password=PASSWORD, today=timezone.localdate(), log=lambda line: None
    )


def _rows(queryset, *fields):
    return sorted(tuple(str(value) for value in row) for row in queryset.values_list(*fields))


def digest() -> dict:
    """A fingerprint of the data by natural keys (e-mail, slug, code), never by
    primary keys, one per kind of row so a difference says where it is."""
    parts = {
        "pages": _rows(Page.objects.all(), "url_path", "title", "content_type__model"),
        "people": _rows(
            User.objects.all(),
            "email",
            "full_name",
            "preferred_language",
            "date_joined",
            "profile__profession",
            "profile__home_municipality__number",
            "profile__wants_to_be_mentor",
        ),
        "teams": _rows(
            TeamMembership.objects.all(),
            "team__network__slug",
            "team__municipality__number",
            "team__advisor__email",
            "person__email",
            "role",
        ),
        "submissions": _rows(
            Submission.objects.all(),
            "team__municipality__number",
            "task__title",
            "status",
            "revision",
            "content",
            "submitted_at",
            "reviewed_at",
            "updated_at",
            "versions__number",
            "comments__body",
        ),
        "enrolments": _rows(
            Enrolment.objects.all(),
            "learner__email",
            "course__slug",
            "lessons_done",
            "minutes_left",
            "next_lesson__url_path",
            "started_at",
            "completed_at",
        ),
        "completions": _rows(
            LessonCompletion.objects.all(),
            "enrolment__learner__email",
            "lesson__url_path",
            "completed_at",
        ),
        "certificates": _rows(
            Certificate.objects.all(),
            "code",
            "holder__email",
            "course__slug",
            "issued_at",
            "valid_until",
            "revoked_at",
        ),
        "registrations": _rows(
            Registration.objects.all(),
            "event__slug",
            "person__email",
            "status",
            "registered_at",
            "confirmed_at",
            "cancelled_at",
            "attendance",
            "answers",
        ),
        "applications": _rows(
            Application.objects.all(),
            "mentor__email",
            "mentee__email",
            "kind",
            "status",
            "starts_on",
            "ends_on",
            "submitted_at",
            "claims__amount",
            "payout__mentor_fee",
        ),
        "history": _rows(
            ApplicationEvent.objects.all(),
            "application__mentor__email",
            "from_status",
            "to_status",
            "actor__email",
            "at",
            "note",
        ),
        "finn mentors": _rows(
            MentorProfile.objects.all(),
            "user__email",
            "municipality__number",
            "kinds",
            "animals",
            "capacity",
            "helps",
            "introduction",
            "confirmed_at",
            "availability__starts_on",
            "availability__ends_on",
        ),
        "finn searches": _rows(
            MenteeProfile.objects.all(),
            "user__email",
            "stage",
            "kind",
            "study_place",
            "wanted_counties",
            "wanted_municipalities__number",
            "periods__starts_on",
            "introduction",
        ),
        "finn municipalities": _rows(
            MunicipalityNeed.objects.all(),
            "municipality__number",
            "municipality__matching_profile__coverage",
            "municipality__matching_profile__offers",
            "kind",
            "status",
            "starts_on",
            "published_by__email",
        ),
    }
    return {name: hashlib.sha256(repr(rows).encode()).hexdigest() for name, rows in parts.items()}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """Build twice from the same seed: the first build is rolled back after its
    fingerprint is taken, the second stays for the tests of this module."""
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setenv("MENTORNETT_BENCH", "1")
        with transaction.atomic():
            _build()
            first = digest()
            transaction.set_rollback(True)
        with transaction.atomic():
            mail.outbox = []
            # Whatever the build leaves for the commit runs too (the suite's
            # queue is synchronous): e-mail would land in the outbox.
            with TestCase.captureOnCommitCallbacks(execute=True):
                _build()
            yield Built(
                first_digest=first,
                second_digest=digest(),
                mails=len(mail.outbox),
                queued=OrmQ.objects.count() + Task.objects.count(),
            )
            transaction.set_rollback(True)


def test_the_counts_are_the_plans(built):
    plan = plan_for(SCALE)
    assert Municipality.objects.count() == 357
    assert LearningNetworkPage.objects.count() == 5
    assert Team.objects.count() == plan.teams
    assert Team.objects.values("municipality").distinct().count() == plan.teams
    assert HomeTask.objects.count() == 5 * 8
    assert CoursePage.objects.count() == 20
    assert LessonPage.objects.count() == plan.lessons
    assert EventPage.objects.count() == plan.events
    assert User.objects.filter(email__startswith="person").count() == plan.people
    # Finn mentor's mentors took the mentor course besides the participants.
    finn_completions = plan.finn_mentors * plan.lessons_per_course
    assert LessonCompletion.objects.count() == plan.completions + finn_completions
    assert Certificate.objects.count() == plan.certificates + plan.finn_mentors
    assert Registration.objects.count() == plan.registrations
    assert Application.objects.count() == plan.applications
    assert MentorProfile.objects.filter(listed=True).count() == plan.finn_mentors
    assert MenteeProfile.objects.filter(listed=True).count() == plan.finn_searches
    assert MunicipalityProfile.objects.filter(listed=True).count() == plan.finn_municipalities


def test_at_full_scale_the_plan_is_national():
    plan = plan_for(1)
    assert (plan.teams, plan.people, plan.events) == (357, 6000, 300)
    assert (plan.completions, plan.certificates) == (150_000, 3000)
    assert (plan.registrations, plan.applications) == (20_000, 3000)
    assert (plan.courses, plan.lessons_per_course, plan.modules_per_course) == (20, 30, 5)
    assert (plan.finn_mentors, plan.finn_searches, plan.finn_municipalities) == (3000, 300, 60)


def test_every_state_a_page_shows_is_there(built):
    today = timezone.localdate()
    assert set(Submission.objects.values_list("status", flat=True)) == set(SubmissionStatus.values)
    assert set(Registration.objects.values_list("status", flat=True)) == set(
        RegistrationStatus.values
    )
    assert set(Application.objects.values_list("status", flat=True)) == set(S.values)
    assert {c.status_on(today) for c in Certificate.objects.all()} == set(CertificateStatus)
    assert Registration.objects.filter(attendance="attended").exists()


def test_the_same_seed_gives_the_same_data(built):
    assert built.second_digest == built.first_digest


def test_nothing_is_sent_or_queued(built):
    assert built.mails == 0
    assert built.queued == 0


def test_progress_fields_are_what_the_completion_service_computes(built):
    outlines = {course.pk: course_outline(course) for course in CoursePage.objects.all()}
    done = defaultdict(set)
    for enrolment_id, lesson_id in LessonCompletion.objects.values_list("enrolment", "lesson"):
        done[enrolment_id].add(lesson_id)
    fields = ["lessons_done", "lessons_total", "minutes_left", "next_lesson_id"]
    for enrolment in Enrolment.objects.all():
        stored = [getattr(enrolment, name) for name in fields]
        _refresh(enrolment, outlines[enrolment.course_id], done[enrolment.pk], save=False)
        assert stored == [getattr(enrolment, name) for name in fields]
        assert enrolment.is_completed == (enrolment.lessons_done == enrolment.lessons_total)
    completed = Enrolment.objects.filter(completed_at__isnull=False)
    assert completed.count() == Certificate.objects.count()
    assert all(parse_code(c.code).problem is None for c in Certificate.objects.all())


def test_every_listed_mentor_is_visible_in_finn_mentor(built):
    today = timezone.localdate()
    listed = MentorProfile.objects.filter(listed=True)
    assert visible_mentor_profiles(today).count() == listed.count()
    assert not listed.filter(availability__isnull=True).exists()
    # Availability is in the coming year.
    assert not MentorAvailability.objects.filter(starts_on__lte=today).exists()
    assert not MentorAvailability.objects.filter(ends_on__gt=today + timedelta(days=366)).exists()
    assert set(listed.values_list("municipality__county", flat=True)) >= {
        "Innlandet",
        "Trøndelag",
        "Nordland",
        "Vestland",
        "Rogaland",
    }
    # Confirmed within the half-year, so none is due to be asked again.
    assert not listed.filter(confirmed_at__lt=timezone.now() - CONFIRM_EVERY).exists()


def test_searches_are_by_students_and_new_vets_with_a_period(built):
    searches = MenteeProfile.objects.filter(listed=True).select_related("user__profile")
    assert {s.user.profile.profession for s in searches} == {"vet_student", "veterinarian"}
    assert {s.stage for s in searches} == {MenteeStage.STUDENT, MenteeStage.NEW_VET}
    assert all(s.periods.count() == 1 and s.wanted_counties for s in searches)
    assert all(s.user.email.startswith("person") for s in searches)


def test_each_municipality_profile_has_open_needs_and_a_verified_contact(built):
    profiles = MunicipalityProfile.objects.filter(listed=True)
    assert profiles.count() == plan_for(SCALE).finn_municipalities
    for profile in profiles:
        assert profile.municipality.needs.filter(status=NeedStatus.OPEN).exists()
        contact = profile.municipality.scheme_contacts.get()
        assert contact.verified_at is not None and contact.user == profile.updated_by


def test_no_event_has_more_confirmed_than_places(built):
    events = EventPage.objects.filter(capacity__isnull=False).annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
    )
    assert all(event.confirmed <= event.capacity for event in events)
    assert all(event.confirmed == event.capacity for event in events if event.waiting)


def test_sent_applications_pass_the_checks_of_submission(built):
    sent = Application.objects.exclude(status__in=[S.DRAFT, S.WITHDRAWN])
    for application in sent:
        assert submission_problems(application) == []
    for claim in Claim.objects.select_related("application"):
        assert room_for(claim.application, category=claim.category).left >= 0
    for application in Application.objects.filter(status=S.PAID).select_related("payout"):
        granted = granted_by_category(support_for(application))
        assert application.payout.mentor_fee <= granted.get(MENTOR_FEE, 0)


def test_the_busiest_person_has_a_full_min_side(built, client):
    busiest = (
        User.objects.filter(email__startswith="person")
        .annotate(
            load=Count("enrolments", distinct=True)
            + Count("event_registrations", distinct=True)
            + Count("applications_as_mentor", distinct=True)
        )
        .order_by("-load", "email")
        .first()
    )
    assert busiest.enrolments.filter(completed_at__isnull=True, lessons_done__gt=0).count() >= 2
    assert busiest.certificates.exists()
    assert busiest.team_memberships.exists()
    assert busiest.applications_as_mentor.exists()
    assert busiest.event_registrations.filter(
        status="confirmed", event_starts_at__gt=timezone.now()
    ).exists()
    assert client.login(email=busiest.email, password=PASSWORD)
    assert client.get(reverse("home:dashboard")).status_code == 200


@pytest.mark.parametrize("local", ["arrangor", "radgiver", "ordning", "redaktor"])
def test_staff_sign_in_with_the_given_password(built, client, local):
    assert client.login(email=f"{local}{BENCH}", password=PASSWORD)


def test_the_organiser_sees_every_networks_dashboard(built, client):
    assert client.login(email=f"arrangor{BENCH}", password=PASSWORD)
    for network in LearningNetworkPage.objects.all():
        response = client.get(reverse("network:dashboard", args=[network.pk]))
        assert response.status_code == 200
        assert len(response.context["matrix"].rows) == network.teams.count()


def test_a_database_with_data_is_refused(built, monkeypatch):
    monkeypatch.setenv("MENTORNETT_BENCH", "1")
    with pytest.raises(DatasetRefused, match="freshly migrated"):
        _build()


def test_the_command_refuses_without_debug_or_the_bench_flag(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("MENTORNETT_BENCH", raising=False)
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="MENTORNETT_BENCH"):
        call_command("build_national_dataset", "--scale", "0.01", "--today", "2026-01-05")
    assert Page.objects.count() == pages


# --- the national network added for the organiser dashboard benchmark ------------------


def _add_national_network() -> dict:
    """Add the network to the built dataset, note what there is, and roll it back."""
    with transaction.atomic():
        mail.outbox = []
        with TestCase.captureOnCommitCallbacks(execute=True):
            build_dashboard_network(
                seed=7, scale=SCALE, today=timezone.localdate(), log=lambda line: None
            )
        network = LearningNetworkPage.objects.get(slug=NATIONAL.page_slug)
        submissions = Submission.objects.filter(task__network=network)
        client = Client()
        client.force_login(User.objects.get(email=f"arrangor{BENCH}"))
        response = client.get(reverse("network:dashboard", args=[network.pk]))
        seen = {
            "digest": digest(),
            "teams": network.teams.count(),
            "municipalities": network.teams.values("municipality").distinct().count(),
            "tasks": network.home_tasks.count(),
            "organisers": list(
                NetworkStaff.objects.filter(
                    network=network, role=NetworkStaffRole.ORGANISER
                ).values_list("person__email", flat=True)
            ),
            "dashboard": (response.status_code, len(response.context["matrix"].rows)),
            "statuses": set(submissions.values_list("status", flat=True)),
            "cells": submissions.count(),
            "versions": SubmissionVersion.objects.filter(submission__in=submissions).count(),
            "comments": SubmissionComment.objects.filter(submission__in=submissions).count(),
            "scores": ProgressScore.objects.filter(team__network=network).count(),
            "mails": len(mail.outbox),
            "queued": OrmQ.objects.count() + Task.objects.count(),
            "refusal": refusal(),
        }
        transaction.set_rollback(True)
    return seen


@pytest.fixture(scope="module")
def national(built, django_db_blocker):
    """The network added twice to the same dataset, with the dataset's
    fingerprint before: nothing of it stays for the other tests."""
    with django_db_blocker.unblock():
        before = digest()
        return before, _add_national_network(), _add_national_network()


def test_the_national_network_has_a_team_per_municipality_at_the_datasets_scale(national):
    _before, seen, _again = national
    teams = plan_for(SCALE).teams
    assert (seen["teams"], seen["municipalities"], seen["tasks"]) == (teams, teams, 8)
    assert plan_for(1).teams == 357
    assert seen["organisers"] == [f"arrangor{BENCH}"]
    assert seen["dashboard"] == (200, teams)


def test_the_national_network_has_work_in_every_state(national):
    _before, seen, _again = national
    assert seen["statuses"] == set(SubmissionStatus.values)
    assert seen["cells"] < seen["teams"] * seen["tasks"]  # some not started
    assert min(seen["versions"], seen["comments"], seen["scores"]) > 0


def test_the_national_network_is_the_same_from_the_same_seed(national):
    _before, seen, again = national
    assert seen["digest"] == again["digest"]


def test_adding_the_national_network_sends_nothing_and_moves_no_one(national):
    before, seen, _again = national
    assert (seen["mails"], seen["queued"]) == (0, 0)
    assert seen["digest"]["people"] == before["people"]
    assert seen["refusal"] == "The national learning network is already there."
