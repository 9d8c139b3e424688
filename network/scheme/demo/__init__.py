"""Demo data for the mentor scheme: the pilot's 42 completed relationships
(so the reports show the pilot's table), one running relationship between the
demo mentor and the demo mentee on temporary licence with claims in every
state, Tynset's municipality contact, a MentorHub with student-weeks and the
programme's three equipment sets. Idempotent."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from courses.demo import complete_lessons_for
from courses.models import CoursePage
from mentornett.accounts.models import User
from network.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Claim,
    ClaimCategory,
    ClaimStatus,
    EquipmentBooking,
    EquipmentSet,
    Evaluation,
    HubMentor,
    HubStatus,
    HubStudentWeek,
    MentorCriterion,
    MentorHub,
    MentorReport,
    Municipality,
    MunicipalityContact,
    Payout,
    RelationshipKind,
)

from ..selectors import granted_by_category, support_for
from ..services.hubs import monday_of
from ..support import MENTOR_FEE, rules_in_force

S = ApplicationStatus
K = RelationshipKind

# The pilot's relationships by type and year (DOMAIN.md): 10 in 2024, 32 in 2025.
PILOT = {
    2024: {K.STUDENT_PLACEMENT: 5, K.TEMPORARY_LICENCE: 1, K.INEXPERIENCED_VET: 4},
    2025: {
        K.STUDENT_PLACEMENT: 1,
        K.TEMPORARY_LICENCE: 18,
        K.INEXPERIENCED_VET: 6,
        K.MENTORVET: 7,
    },
}
# A mentor and a mentee for each: demo people who cannot sign in.
PILOT_PEOPLE = 2 * sum(count for kinds in PILOT.values() for count in kinds.values())
PILOT_MUNICIPALITIES = ["3427", "3430", "1871", "5001", "3401", "4601", "1508", "5501"]
PILOT_FEEDBACK = [
    (5, 5, "yes", "Trygg start med bakvakt og en mentor som alltid tok telefonen."),
    (4, 4, "yes", "Fikk prøve meg på mye, med god støtte i vanskelige saker."),
    (5, 4, "partly", "Godt faglig fellesskap. Forventningene kunne vært tydeligere fra start."),
    (3, 3, "partly", "Lite tid til samtaler i en travel sesong."),
    (4, 5, "yes", "Omvendt påsitterpraksis var gull verdt før jeg gikk alene."),
]
EARLY_ENDING = (
    "Ulike forventninger til arbeidsmengde. Lærdom: forventningsavklaring og kommunikasjon."
)
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def build_scheme(today: date) -> None:
    if Application.objects.filter(mentor__email="mentor@mentornett.no").exists():
        return
    _pilot_relationships()
    _running_relationship(today)
    _hub_and_equipment(today)
    tynset = Municipality.objects.filter(number="3427").first()
    contact = User.objects.filter(email="kommune@mentornett.no").first()
    if tynset and contact:
        MunicipalityContact.objects.get_or_create(
            municipality=tynset,
            user=contact,
            defaults={"verified_at": timezone.now(), "role": "Landbruksrådgiver"},
        )


def _person(email, name):
    user, _created = User.objects.get_or_create(email=email, defaults={"full_name": name})
    return user


STEPS = [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.GRANTED, S.ACTIVE, S.ENDED, S.EVALUATED, S.PAID]


def _history(application, office, *, until):
    """The application's history from draft to `until`, by the office."""
    steps = STEPS[: STEPS.index(until) + 1]
    for from_status, to_status in zip(["", *steps], steps, strict=False):
        ApplicationEvent.objects.create(
            application=application,
            from_status=from_status,
            to_status=to_status,
            actor=office,
            actor_name=office.display_name if office else "Programkontoret",
        )


def _pilot_relationships():
    municipalities = {
        m.number: m for m in Municipality.objects.filter(number__in=PILOT_MUNICIPALITIES)
    }
    office = User.objects.filter(email="ordning@mentornett.no").first()
    n = 0
    for year, kinds in PILOT.items():
        for kind, count in kinds.items():
            for i in range(count):
                n += 1
                if year == 2024:
                    starts_on = date(year, 9, 2)
                elif kind == K.MENTORVET:  # new in version 2.0 (June 2025)
                    starts_on = date(year, 6 + i % 6, 2)
                else:
                    starts_on = date(year, 1 + (i * 5) % 11, 6)
                weeks = 3 if kind == K.STUDENT_PLACEMENT else 12
                ends_on = starts_on + timedelta(weeks=weeks, days=-1)
                municipality = municipalities.get(
                    PILOT_MUNICIPALITIES[n % len(PILOT_MUNICIPALITIES)]
                )
                _completed(n, kind, starts_on, ends_on, municipality, office)


def _completed(n, kind, starts_on, ends_on, municipality, office):
    mentor = _person(f"pilot-mentor-{n}@demo.mentornett.no", f"Pilotmentor {n}")
    mentee = _person(f"pilot-mentee-{n}@demo.mentornett.no", f"Pilotmentee {n}")
    application = Application.objects.create(
        kind=kind,
        status=S.PAID,
        mentor=mentor,
        mentee=mentee,
        started_by=mentor,
        rules=rules_in_force(starts_on),
        starts_on=starts_on,
        ends_on=ends_on,
        municipality=municipality,
        reverse_ride_along_from=starts_on if kind != K.STUDENT_PLACEMENT else None,
        reverse_ride_along_to=starts_on + timedelta(days=6)
        if kind != K.STUDENT_PLACEMENT
        else None,
        insurance_confirmed=kind != K.MENTORVET,
        planned_use="Mentorgodtgjørelse etter satsene.",
        mentor_declarations=list(MentorCriterion.values),
        mentee_goals="Bli trygg i rollen." if kind == K.MENTORVET else "",
    )
    _history(application, office, until=S.PAID)
    granted = granted_by_category(support_for(application))
    mentee_amount = 0
    payout = Payout.objects.create(
        application=application,
        mentor_fee=granted.get(MENTOR_FEE, 0),
        mentee_amount=0,
        recorded_by=office,
    )
    for category in (ClaimCategory.TRAVEL, ClaimCategory.HOUSING, ClaimCategory.PRACTICE_STIPEND):
        cap = granted.get(category, 0)
        if not cap:
            continue
        amount = cap * (60 + n % 40) // 100
        claim = Claim(
            application=application,
            claimant=mentee,
            category=category,
            description=str(ClaimCategory(category).label),
            amount=amount,
            spent_on=starts_on,
            status=ClaimStatus.PAID,
            approved_amount=amount,
            decided_by=office,
            decided_at=timezone.now(),
            payout=payout,
            receipt_name="kvittering.pdf",
        )
        claim.receipt.save("kvittering.pdf", ContentFile(PDF), save=False)
        claim.save()
        mentee_amount += amount
    payout.mentee_amount = mentee_amount
    payout.save(update_fields=["mentee_amount"])
    for role, person, offset in (("mentor", mentor, 0), ("mentee", mentee, 2)):
        satisfaction, collaboration, clarified, text = PILOT_FEEDBACK[(n + offset) % 5]
        Evaluation.objects.create(
            application=application,
            role=role,
            author=person,
            satisfaction=satisfaction,
            collaboration=collaboration,
            expectations_clarified=clarified,
            went_well=text,
        )
    MentorReport.objects.create(
        application=application,
        author=mentor,
        summary="Forholdet gikk som planlagt.",
        backup_duty_as_planned=kind != K.MENTORVET,
        # The pilot's one early ending; its lesson was expectation clarification.
        ended_as_planned=n != 17,
        ended_early_reason="" if n != 17 else EARLY_ENDING,
    )


def _running_relationship(today: date):
    """Marit Mentor and Lise Lisens: a temporary licence in Tynset that runs
    now, with claims approved, waiting and rejected."""
    mentor = User.objects.filter(email="mentor@mentornett.no").first()
    mentee = User.objects.filter(email="lisens@mentornett.no").first()
    if mentor is None or mentee is None:
        return
    mentee_course = CoursePage.objects.filter(slug="menteekurs").first()
    if mentee_course and not mentee.enrolments.exists():
        complete_lessons_for(mentee, mentee_course)
    office = User.objects.filter(email="ordning@mentornett.no").first()
    starts_on = today.replace(day=1) - timedelta(days=45)
    starts_on = starts_on.replace(day=1)
    application = Application.objects.create(
        kind=K.TEMPORARY_LICENCE,
        status=S.ACTIVE,
        mentor=mentor,
        mentee=mentee,
        started_by=mentee,
        rules=rules_in_force(starts_on),
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=89),
        municipality=Municipality.objects.filter(number="3427").first(),
        employer="Nord-Østerdal Veterinærkontor AS",
        contract_name="arbeidsavtale.pdf",
        backup_plan="Marit og to kolleger i Tynset deler bakvakt og er alltid nåbare på telefon.",
        reverse_ride_along_from=starts_on,
        reverse_ride_along_to=starts_on + timedelta(days=13),
        insurance_confirmed=True,
        municipality_contact_name="Kari Kommune",
        municipality_contact_email="kommune@mentornett.no",
        planned_use="Mentorgodtgjørelse, bolig de første ukene og reise til Tynset.",
        mentor_declarations=list(MentorCriterion.values),
        submitted_at=timezone.now() - timedelta(days=70),
        mentor_accepted_at=timezone.now() - timedelta(days=50),
        mentee_accepted_at=timezone.now() - timedelta(days=49),
        startup_conversation_on=starts_on - timedelta(days=7),
        startup_conversation_notes="Avklarte roller, bakvakt og hvordan vi når hverandre.",
    )
    application.contract.save("arbeidsavtale.pdf", ContentFile(PDF), save=True)
    _history(application, office, until=S.ACTIVE)
    for category, description, amount, status, approved, note in (
        (ClaimCategory.TRAVEL, "Tog Oslo–Tynset", 1290, ClaimStatus.APPROVED, 1290, ""),
        (ClaimCategory.HOUSING, "Husleie første måned", 5000, ClaimStatus.APPROVED, 4200,
         "Dokumentert husleie var 4 200 kroner."),
        (ClaimCategory.PRACTICE_STIPEND, "Omvendt påsitterpraksis, 2 uker", 10000,
         ClaimStatus.SUBMITTED, None, ""),
        (ClaimCategory.TRAVEL, "Taxi fra stasjonen", 450, ClaimStatus.REJECTED, 0,
         "Taxi dekkes ikke når det går buss."),
    ):  # fmt: skip
        claim = Claim(
            application=application,
            claimant=mentee,
            category=category,
            description=description,
            amount=amount,
            spent_on=starts_on + timedelta(days=3),
            status=status,
            approved_amount=approved,
            decision_note=note,
            decided_by=office if approved is not None else None,
            decided_at=timezone.now() if approved is not None else None,
            receipt_name="kvittering.pdf",
        )
        claim.receipt.save("kvittering.pdf", ContentFile(PDF), save=False)
        claim.save()


EQUIPMENT_SETS = [
    ("Utstyrssett 1 (Nord)", "Bodø", "Kalvejekk, keisersnittsett, ultralyd med rektalprobe, "
     "drektighetsundersøkelse, hovkniver og klauvsaks, termometer, stetoskop."),
    ("Utstyrssett 2 (Midt)", "Trondheim", "Kalvejekk, keisersnittsett, bærbar ultralyd, "
     "klauvbehandling, tannraspe, stetoskop og termometer."),
    ("Utstyrssett 3 (Sør)", "Oslo", "Kalvejekk, keisersnittsett, ultralyd, inseminasjonsutstyr, "
     "stetoskop og termometer."),
]  # fmt: skip


def _hub_and_equipment(today: date):
    """Tynset dyreklinikk as an approved MentorHub with Marit Mentor as its
    contact and student-weeks in this half-year; the programme's three
    equipment sets, one booked by Lise Lisens."""
    mentor = User.objects.filter(email="mentor@mentornett.no").first()
    tynset = Municipality.objects.filter(number="3427").first()
    if mentor is not None and tynset is not None:
        hub = MentorHub.objects.create(
            name="Tynset dyreklinikk",
            organisation_number="912345678",
            municipality=tynset,
            status=HubStatus.APPROVED,
            registered_by=mentor,
            approved_at=timezone.now(),
        )
        HubMentor.objects.create(hub=hub, user=mentor, is_contact=True)
        first = monday_of(today) - timedelta(weeks=6)
        for week, (name, email) in enumerate(
            [("Ida Student", "ida@student.nmbu.no")] * 3
            + [("Per Student", "per@student.nmbu.no")] * 2
        ):
            HubStudentWeek.objects.create(
                hub=hub,
                student_name=name,
                student_email=email,
                week_starts_on=first + timedelta(weeks=week),
                mentor=mentor,
                registered_by=mentor,
            )
    sets = [
        EquipmentSet.objects.create(name=name, location=location, contents=contents)
        for name, location, contents in EQUIPMENT_SETS
    ]
    mentee = User.objects.filter(email="lisens@mentornett.no").first()
    if mentee is not None:
        EquipmentBooking.objects.create(
            equipment=sets[1],
            booked_by=mentee,
            starts_on=today + timedelta(days=7),
            ends_on=today + timedelta(days=27),
            purpose="Første vakter alene i Tynset.",
        )
