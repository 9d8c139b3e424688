"""A person with data in every app, and another person beside them, for the
export and deletion tests (server and browser)."""

from dataclasses import dataclass
from datetime import date, timedelta

from allauth.socialaccount.models import SocialAccount

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from courses.models import BlockResponse, Certificate
from events.models import CalendarFeed, PollAnswer, PollParticipation, Registration
from events.services.registration import register
from mentornett.accounts.models import Profile
from network.models import (
    ApplicationInvitation,
    ApplicationStatus,
    Claim,
    EquipmentBooking,
    EquipmentSet,
    Evaluation,
    MentorReport,
    Payout,
    Submission,
    SubmissionComment,
    SubmissionVersion,
    TeamInvitation,
    TeamMembership,
    TeamRole,
)
from network.scheme.services import applications as application_services
from tests.scheme.fixtures import active_relationship, receipt

RECEIPT_BYTES = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@dataclass
class Lives:
    person: object  # the mentee, who will export and delete
    other: object  # the mentor: their data must never show in the person's export
    application: object
    draft: object
    claim: object
    certificate: object
    other_certificate: object
    past_event: object
    coming_event: object
    coming_registration: object
    team_invitation: object


def build_lives(scheme, world, make_event) -> Lives:
    person, other = scheme.mentee, scheme.mentor
    Profile.objects.update_or_create(
        user=person,
        defaults={"profession": "vet_student", "study_place": "NMBU Veterinærhøgskolen"},
    )
    SocialAccount.objects.create(user=person, provider="openid_connect", uid="sub-4242")
    course_lesson = _first_lesson(scheme.mentee_course)
    BlockResponse.objects.create(
        learner=person,
        lesson=course_lesson,
        lesson_title=course_lesson.title,
        course=scheme.mentee_course,
        block_id="refl-1",
        kind="reflection",
        prompt="Hva forventer du?",
        text="PERSON-REFLECTION: jeg gruer meg til kalving",
        satisfied=True,
    )
    BlockResponse.objects.create(
        learner=other,
        lesson=_first_lesson(scheme.mentor_course),
        course=scheme.mentor_course,
        block_id="refl-1",
        kind="reflection",
        text="OTHER-REFLECTION: privat for mentor",
    )

    past_event = make_event(days=-30, title="Webinar i fjor", slug="webinar-i-fjor")
    for who, answer in ((person, "PERSON-ALLERGY"), (other, "OTHER-ALLERGY")):
        Registration.objects.create(
            event=past_event,
            event_title=past_event.title,
            event_starts_at=past_event.starts_at,
            person=who,
            status="confirmed",
            confirmed_at=past_event.starts_at - timedelta(days=3),
            answers=[{"question": "Allergier?", "answer": answer}],
            attendance="attended",
        )
    PollParticipation.objects.create(event=past_event, person=person)
    PollAnswer.objects.create(event=past_event, rating=5, time_use="well", comment="anonym")
    CalendarFeed.objects.create(person=person)
    coming_event = make_event(days=14, title="Webinar snart", slug="webinar-snart")
    coming_registration = register(person=person, event=coming_event)

    TeamMembership.objects.create(team=world.team_a, person=person, role=TeamRole.MENTEE)
    submission = Submission.objects.create(
        team=world.team_a, task=world.status_task, status="submitted", content={"text": "Status"}
    )
    SubmissionVersion.objects.create(
        submission=submission,
        number=1,
        content={"text": "PERSON-STATUS-REPORT"},
        file=SimpleUploadedFile("plakat.pdf", RECEIPT_BYTES),
        file_name="plakat.pdf",
        submitted_by=person,
        submitted_by_name=person.full_name,
        submitted_at=timezone.now(),
        deadline=timezone.now() + timedelta(days=3),
    )
    SubmissionComment.objects.create(
        submission=submission, author=person, author_name=person.full_name, body="PERSON-COMMENT"
    )
    SubmissionComment.objects.create(
        submission=submission, author=other, author_name=other.full_name, body="OTHER-COMMENT"
    )
    team_invitation = TeamInvitation.objects.create(
        team=world.team_b, email=person.email, role=TeamRole.MENTOR, sent_at=timezone.now()
    )

    application = active_relationship(scheme)
    claim = Claim.objects.create(
        application=application,
        claimant=person,
        category="housing",
        description="Hybel på Kongsvinger",
        amount=2500,
        spent_on=date(2026, 1, 10),
        receipt=receipt(),
        receipt_name="kvittering.pdf",
        status="paid",
        approved_amount=2500,
    )
    Evaluation.objects.create(
        application=application,
        role="mentee",
        author=person,
        satisfaction=4,
        collaboration=5,
        expectations_clarified="yes",
        went_well="PERSON-EVALUATION",
    )
    Evaluation.objects.create(
        application=application,
        role="mentor",
        author=other,
        satisfaction=2,
        collaboration=3,
        expectations_clarified="partly",
        went_well="OTHER-EVALUATION",
    )
    MentorReport.objects.create(application=application, author=other, summary="OTHER-REPORT")
    Payout.objects.create(application=application, mentor_fee=40000, mentee_amount=2500)
    application.status = ApplicationStatus.PAID
    application.save(update_fields=["status"])
    draft = application_services.start_application(
        user=person, role="mentee", kind=application.kind
    )
    stranger_draft = application_services.start_application(
        user=other, role="mentor", kind=application.kind
    )
    ApplicationInvitation.objects.create(
        application=stranger_draft, email=person.email, role="mentee", invited_by=other
    )
    equipment = EquipmentSet.objects.create(name="Utstyrssett 1")
    EquipmentBooking.objects.create(
        equipment=equipment,
        booked_by=person,
        starts_on=timezone.localdate() + timedelta(days=10),
        ends_on=timezone.localdate() + timedelta(days=12),
        purpose="PERSON-BOOKING",
    )
    return Lives(
        person=person,
        other=other,
        application=application,
        draft=draft,
        claim=claim,
        certificate=Certificate.objects.get(holder=person),
        other_certificate=Certificate.objects.get(holder=other),
        past_event=past_event,
        coming_event=coming_event,
        coming_registration=coming_registration,
        team_invitation=team_invitation,
    )


def _first_lesson(course):
    from courses.models import LessonPage

    return LessonPage.objects.descendant_of(course).first()
