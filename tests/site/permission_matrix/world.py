"""The one shared world the permission matrix walks: two teams in one learning
network with their work, a second network with its own organiser, advisor and
team, a running mentor relationship with a claim, a hub,
an equipment booking, courses with certificates, events with registrations
and one page of every type. Built once per test module (see
`tests/site/test_permission_matrix.py`) from the project's own fixture helpers
and services, so that it holds what real use leaves behind."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from axes.models import AccessAttempt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import ReferenceIndex

from courses.models import Certificate, CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.services import answer_quiz, complete_lesson, save_reflection
from events.models import BreakoutPlan, EventIndexPage, EventPage, EventSeries
from events.notifications import give_up_token
from events.services.attendance import mark_attendance
from events.services.registration import register
from events.services.schedule import calendar_feed_for
from home.models import GuideIndexPage, GuidePage, HomePage, StandardPage
from mentornett.accounts.roles import StaffRole
from network.models import (
    ClaimCategory,
    EquipmentSet,
    HomeTask,
    LearningNetworkPage,
    MatchProposal,
    MenteeProfile,
    MenteeStage,
    MentorProfile,
    Municipality,
    MunicipalityNeed,
    NetworkIndexPage,
    NetworkResourcePage,
    NetworkStaff,
    NetworkStaffRole,
    RelationshipKind,
    ResponseKind,
    SchemePage,
    SearchAnswer,
    Team,
    TeamMembership,
    TeamRole,
)
from network.scheme.matching.selectors import Pick
from network.scheme.matching.services import freshness
from network.scheme.matching.services import requests as finn_requests
from network.scheme.services import applications as application_services
from network.scheme.services import equipment as equipment_services
from network.scheme.services import hubs as hub_services
from network.scheme.services import relationships as relationship_services
from network.services import (
    add_indicator,
    attach_file,
    invite_member,
    record_value,
    save_draft,
    set_shared,
    submit,
    upload_scan,
)
from network.services import agreements as agreement_services
from network.services.teams import invitation_token as team_invitation_token
from tests.courses.fixtures import EXERCISE, QUIZ, REFLECTION, publish
from tests.factories import MunicipalityContactFactory, UserFactory
from tests.home.guide_fixtures import guide_body
from tests.scheme.fixtures import Scheme, active_relationship, complete_application, receipt

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

# Every role the matrix checks, in the order the failure messages list them.
ROLES = (
    "anonymous",
    "participant",
    "mentor",
    "mentee",
    "member_a",
    "member_b",
    "advisor_a",
    "organiser",
    "organiser_b",
    "advisor_b",
    "scheme_admin",
    "editor",
    "municipality_contact",
)


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> User (no entry for anonymous)
    pages: dict = field(default_factory=dict)  # page model label -> a live page of it
    objects: dict = field(default_factory=dict)  # name -> object or value the URLs need


def _pdf(name="fil.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _courses(world, home):
    index = publish(home, CourseIndexPage(title="Kurs", slug="kurs"))
    courses = {}
    for audience in ("mentor", "mentee"):
        course = publish(
            index,
            CoursePage(
                title=f"{audience.capitalize()}kurs",
                slug=f"{audience}kurs",
                mandatory_for=audience,
                outcomes_knowledge="Roller og ansvar",
            ),
        )
        module = publish(course, ModulePage(title="Modul 1", slug="modul-1"))
        lesson = publish(
            module,
            LessonPage(
                title="Leksjon 1",
                slug="leksjon-1",
                estimated_minutes=10,
                body=[("markdown", "Tekst"), REFLECTION, EXERCISE, QUIZ],
            ),
        )
        courses[audience] = (course, module, lesson)
    world.pages.update(
        {
            "courses.CourseIndexPage": index,
            "courses.CoursePage": courses["mentor"][0],
            "courses.ModulePage": courses["mentor"][1],
            "courses.LessonPage": courses["mentor"][2],
        }
    )
    return courses


def _blocks(lesson):
    return {block.block_type: block.id for block in lesson.body}


def _complete(learner, lesson):
    """Answer the lesson's questions (the reflection as the learner's own
    words, the quiz correctly) and complete it: course done, certificate issued."""
    blocks = _blocks(lesson)
    save_reflection(
        learner=learner, lesson=lesson, block_id=blocks["reflection"], text="Ærlige samtaler."
    )
    answer_quiz(learner=learner, lesson=lesson, block_id=blocks["quiz"], chosen=[0])
    with TestCase.captureOnCommitCallbacks(execute=True):
        complete_lesson(learner=learner, lesson=lesson)


def _scheme(world, courses, municipality):
    mentor, mentee = world.users["mentor"], world.users["mentee"]
    lessons = {audience: lesson for audience, (_c, _m, lesson) in courses.items()}
    _complete(mentor, lessons["mentor"])
    _complete(mentee, lessons["mentee"])
    blocks = _blocks(lessons["mentor"])
    scheme = Scheme(mentor, mentee, courses["mentor"][0], courses["mentee"][0], municipality)
    office = world.users["scheme_admin"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        application = active_relationship(scheme, office=office)
    claim = relationship_services.submit_claim(
        application=application,
        user=mentee,
        category=ClaimCategory.TRAVEL,
        description="Tog Oslo–Kongsvinger",
        amount=1000,
        spent_on=date(2026, 1, 5),
        receipt=receipt(),
    )
    # A second, unsent application of the mentor's, with an invitation out.
    draft = complete_application(scheme)
    draft.mentee = None
    draft.save()
    invitation = application_services.invite_party(
        application=draft, email="ny.mentee@example.no", invited_by=mentor
    )
    # The mentor runs a hub with one more certified mentor and a student week.
    hub = hub_services.register_hub(
        user=mentor,
        name="Glåmdal dyreklinikk",
        organisation_number="987654321",
        municipality=municipality,
    )
    hub_services.approve_hub(hub=hub, user=office)
    hub_mentor_user = UserFactory(full_name="Hanne Hubmentor")
    _complete(hub_mentor_user, lessons["mentor"])
    hub_mentor = hub_services.add_hub_mentor(hub=hub, email=hub_mentor_user.email, added_by=mentor)
    week = hub_services.register_student_week(
        hub=hub,
        student_name="Siri Student",
        student_email="siri@example.no",
        week_starts_on=date(2025, 5, 19),
        mentor=mentor,
        registered_by=mentor,
    )
    equipment = EquipmentSet.objects.create(name="Utstyrssett 1", location="Kontoret, Oslo")
    today = timezone.localdate()
    booking = equipment_services.book_equipment(
        equipment=equipment,
        user=mentor,
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(days=12),
    )
    contact = MunicipalityContactFactory(
        municipality=municipality, user=world.users["municipality_contact"]
    )
    world.objects.update(
        application=application,
        draft_application=draft,
        scheme_invitation_token=application_services.invitation_token(invitation),
        claim=claim,
        hub=hub,
        hub_mentor=hub_mentor,
        student_week=week,
        equipment=equipment,
        booking=booking,
        certificate=Certificate.objects.get(holder=mentor),
        mentor_course=courses["mentor"][0],
        mentor_lesson=lessons["mentor"],
        mentor_blocks=blocks,
        municipality=municipality,
        municipality_contact=contact,
    )


def _finn(world):
    """Finn mentor: the mentor is listed, the mentee has a search that is not
    published, and the municipality contact has published a need."""
    municipality = world.objects["municipality"]
    MentorProfile.objects.create(
        user=world.users["mentor"],
        municipality=municipality,
        kinds={"mentorvet": True},
        listed=True,
    )
    MenteeProfile.objects.create(
        user=world.users["mentee"], stage="student", study_place="NMBU", kind="student_placement"
    )
    need = MunicipalityNeed.objects.create(
        municipality=municipality,
        kind="temporary_vet",
        description="Vikar i sommer",
        published_by=world.users["municipality_contact"],
    )
    world.objects.update(need=need)


def _finn_board(world):
    """Finn mentor's searches and board: the mentee's search published (and
    asked to confirm it), the mentor's answer to it and the office's proposal
    of the two."""
    mentor, mentee = world.users["mentor"], world.users["mentee"]
    now = timezone.now()
    search, _created = MenteeProfile.objects.update_or_create(
        user=mentee,
        defaults={
            "stage": MenteeStage.STUDENT,
            "study_place": "NMBU, Ås",
            "municipality": world.objects["municipality"],
            "kind": RelationshipKind.STUDENT_PLACEMENT,
            "listed": True,
            "listed_at": now,
            "confirmed_at": now - timedelta(days=200),
            "confirmation_requested_at": now,
            "matched_at": None,
        },
    )
    answer = SearchAnswer.objects.create(
        profile=search, answered_by=mentor, message="Velkommen til Kongsvinger!"
    )
    proposal = MatchProposal.objects.create(
        mentee=mentee,
        mentor=mentor,
        kind=RelationshipKind.STUDENT_PLACEMENT,
        proposed_by=world.users["scheme_admin"],
    )
    world.objects.update(
        finn_search=search,
        finn_answer=answer,
        finn_proposal=proposal,
        finn_confirm_token=freshness.token_for(search),
    )


def _finn_requests(world):
    """Finn mentor's requests: the mentee has asked the mentor, who has room
    beside the running relationship and the draft application."""
    mentor, mentee = world.users["mentor"], world.users["mentee"]
    profile = MentorProfile.objects.get(user=mentor)
    profile.capacity = 5
    profile.save(update_fields=["capacity"])
    today = timezone.localdate()
    with TestCase.captureOnCommitCallbacks(execute=True):
        request = finn_requests.send_request(
            mentee=mentee,
            choices=[Pick("mentor", profile.pk)],
            kind=RelationshipKind.STUDENT_PLACEMENT,
            starts_on=today + timedelta(days=30),
            ends_on=today + timedelta(days=60),
            message="Jeg vil gjerne lære storfepraksis.",
        )
    world.objects["match_request"] = request


def _network(world, home, event_index):
    users = world.users
    networks = publish(home, NetworkIndexPage(title="Læringsnettverk", slug="laeringsnettverk"))
    network = publish(networks, LearningNetworkPage(title="Østfold 2026–2028", slug="ostfold"))
    # A document only the network's teams may download: linked from their page only.
    document = Document.objects.create(title="Presentasjon", file=_pdf("presentasjon.pdf"))
    resource = publish(
        network,
        NetworkResourcePage(
            title="Presentasjoner",
            slug="presentasjoner",
            body=[("document", {"document": document, "title": "Presentasjon fra samling 1"})],
        ),
    )
    # Wagtail indexes a page's references after the commit the matrix never makes.
    ReferenceIndex.create_or_update_for_object(resource)
    sarpsborg, _created = Municipality.objects.get_or_create(
        number="3105", defaults={"name": "Sarpsborg", "county": "Østfold"}
    )
    halden, _created = Municipality.objects.get_or_create(
        number="3101", defaults={"name": "Halden", "county": "Østfold"}
    )
    team_a = Team.objects.create(
        network=network, municipality=sarpsborg, advisor=users["advisor_a"]
    )
    team_b = Team.objects.create(network=network, municipality=halden)
    TeamMembership.objects.create(team=team_a, person=users["member_a"], role=TeamRole.COORDINATOR)
    TeamMembership.objects.create(team=team_b, person=users["member_b"], role=TeamRole.COORDINATOR)
    colleague = UserFactory(full_name="Ingrid Aas")
    colleague_membership = TeamMembership.objects.create(
        team=team_a, person=colleague, role=TeamRole.MENTOR
    )
    NetworkStaff.objects.create(
        network=network, person=users["organiser"], role=NetworkStaffRole.ORGANISER
    )
    NetworkStaff.objects.create(
        network=network, person=users["advisor_a"], role=NetworkStaffRole.ADVISOR
    )
    network.agreement_text = "<h3>Kommunen forplikter seg til å</h3><ul><li>delta</li></ul>"
    network.save_revision().publish()
    starts = timezone.now() + timedelta(days=20)
    gathering = publish(
        event_index,
        EventPage(
            title="Samling 2",
            slug="samling-2",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            network=network,
        ),
    )
    status_task = HomeTask.objects.create(
        network=network,
        gathering=gathering,
        title="Statusrapport før samling 2",
        kind=ResponseKind.STATUS_REPORT,
    )
    final_task = HomeTask.objects.create(
        network=network, gathering=gathering, title="Sluttrapport", kind=ResponseKind.FINAL_REPORT
    )
    file_task = HomeTask.objects.create(
        network=network, gathering=gathering, title="Plakat", kind=ResponseKind.FILE
    )
    coordinator = users["member_a"]
    save_draft(
        team=team_a,
        task=status_task,
        user=coordinator,
        sections={"done": "Prosjektplan"},
        bases={"done": ""},
    )
    submit(team=team_a, task=status_task, user=coordinator)
    save_draft(team=team_a, task=final_task, user=coordinator, sections={}, bases={})
    submit(team=team_a, task=final_task, user=coordinator)
    attach_file(team=team_a, task=file_task, user=coordinator, upload=_pdf("plakat.pdf"))
    version = submit(team=team_a, task=file_task, user=coordinator)
    shared = set_shared(submission=version.submission, shared=True)
    # Team B's own work, to be kept from team A.
    save_draft(
        team=team_b, task=status_task, user=users["member_b"],
        sections={"done": "Halden"}, bases={"done": ""},
    )  # fmt: skip
    submit(team=team_b, task=status_task, user=users["member_b"])
    agreement = agreement_services.agreement_for(team=team_a)
    upload_scan(agreement=agreement, user=coordinator, upload=_pdf("avtale.pdf"))
    indicator = add_indicator(
        team=team_a, user=coordinator, name="Søkere", unit="søkere", better="higher"
    )
    measurement = record_value(
        indicator=indicator, user=coordinator, measured_on=date(2026, 1, 1), value=Decimal(3)
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        invitation = invite_member(
            team=team_a, email="ny@example.no", role=TeamRole.HR, invited_by=coordinator
        )
    _second_network(world, networks, event_index)
    world.pages.update(
        {
            "network.NetworkIndexPage": networks,
            "network.LearningNetworkPage": network,
            "network.NetworkResourcePage": resource,
        }
    )
    world.objects.update(
        network=network,
        team_a=team_a,
        team_b=team_b,
        gathering=gathering,
        status_task=status_task,
        final_task=final_task,
        file_task=file_task,
        file_version=version,
        shared_submission=shared,
        colleague_membership=colleague_membership,
        team_invitation=invitation,
        team_invitation_token=team_invitation_token(invitation),
        indicator=indicator,
        measurement=measurement,
        members_document=document,
    )


def _second_network(world, networks, event_index):
    """Network B: its organiser and advisor run a team of their own, with work
    sent and waiting for review, and are named on no page of network A, so they
    ask for another network's teams everywhere the matrix goes."""
    users = world.users
    network_b = publish(
        networks, LearningNetworkPage(title="Innlandet 2027–2029", slug="innlandet")
    )
    hamar, _created = Municipality.objects.get_or_create(
        number="3403", defaults={"name": "Hamar", "county": "Innlandet"}
    )
    team_c = Team.objects.create(network=network_b, municipality=hamar, advisor=users["advisor_b"])
    coordinator = UserFactory(full_name="Guro Strand")
    TeamMembership.objects.create(team=team_c, person=coordinator, role=TeamRole.COORDINATOR)
    NetworkStaff.objects.create(
        network=network_b, person=users["organiser_b"], role=NetworkStaffRole.ORGANISER
    )
    NetworkStaff.objects.create(
        network=network_b, person=users["advisor_b"], role=NetworkStaffRole.ADVISOR
    )
    starts = timezone.now() + timedelta(days=60)
    gathering = publish(
        event_index,
        EventPage(
            title="Oppstart i Innlandet",
            slug="innlandet-samling-1",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            network=network_b,
        ),
    )
    task = HomeTask.objects.create(
        network=network_b,
        gathering=gathering,
        title="Styrker og utfordringer",
        kind=ResponseKind.FREE_TEXT,
    )
    save_draft(
        team=team_c, task=task, user=coordinator,
        sections={"answer": "Hamar"}, bases={"answer": ""},
    )  # fmt: skip
    submit(team=team_c, task=task, user=coordinator)
    world.objects.update(network_b=network_b, team_c=team_c)


def _events(world, event_index):
    users = world.users
    starts = timezone.now() + timedelta(days=7)
    webinar = publish(
        event_index,
        EventPage(
            title="Webinar om veiledning",
            slug="webinar",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            capacity=20,
            meeting_url="https://zoom.example.no/j/1",
        ),
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        registration = register(person=users["member_a"], event=webinar)
        register(person=users["mentor"], event=webinar)
    started = timezone.now() - timedelta(days=2)
    past = publish(
        event_index,
        EventPage(
            title="Holdt webinar",
            slug="holdt-webinar",
            starts_at=started,
            ends_at=started + timedelta(hours=3),
        ),
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        attended = register(person=users["mentee"], event=past, now=started - timedelta(days=3))
    mark_attendance(registration=attended, attendance="attended")
    plan = BreakoutPlan.objects.create(event=webinar, exercises=2, seed=1, rounds=[])
    series = EventSeries.objects.create(name="Veiledningswebinarer")
    world.pages["events.EventPage"] = webinar
    world.objects.update(
        event=webinar,
        past_event=past,
        registration=registration,
        give_up_token=give_up_token(registration),
        feed_token=calendar_feed_for(person=users["member_a"]).token,
        breakout_token=plan.share_token,
        series=series,
    )


def _content_pages(world, home):
    guides = publish(home, GuideIndexPage(title="Veiledere", slug="veiledere"))
    guide = publish(
        guides,
        GuidePage(
            title="Ansettelse av studenter",
            slug="ansettelse",
            lead="Hvorfor studenten må være ansatt.",
            body=guide_body(3),
            last_reviewed=timezone.localdate() - timedelta(days=30),
        ),
    )
    standard = publish(home, StandardPage(title="Om Mentornett", slug="om"))
    scheme_page = publish(home, SchemePage(title="Mentorordningen", slug="mentorordningen"))
    world.pages.update(
        {
            "home.GuideIndexPage": guides,
            "home.GuidePage": guide,
            "home.StandardPage": standard,
            "network.SchemePage": scheme_page,
        }
    )


def build_world() -> World:
    world = World()
    staff = {
        "advisor_a": StaffRole.NETWORK_ADVISOR,
        "organiser": StaffRole.NETWORK_ORGANISER,
        "organiser_b": StaffRole.NETWORK_ORGANISER,
        "advisor_b": StaffRole.NETWORK_ADVISOR,
        "scheme_admin": StaffRole.SCHEME_ADMINISTRATOR,
        "editor": StaffRole.EDITOR,
    }
    for role in ROLES[1:]:
        if role in staff:
            world.users[role] = UserFactory(is_staff=True, staff_role=staff[role])
        else:
            world.users[role] = UserFactory()
    # Someone locked out after failed sign-ins (django-axes).
    AccessAttempt.objects.create(
        username="ukjent@example.no", ip_address="192.0.2.1", failures_since_start=5
    )
    home = HomePage.objects.get()
    world.pages["home.HomePage"] = home
    event_index = publish(home, EventIndexPage(title="Arrangementer", slug="arrangementer"))
    world.pages["events.EventIndexPage"] = event_index
    municipality, _created = Municipality.objects.get_or_create(
        number="3401", defaults={"name": "Kongsvinger", "county": "Innlandet"}
    )
    courses = _courses(world, home)
    _scheme(world, courses, municipality)
    _finn(world)
    _finn_board(world)
    _finn_requests(world)
    _network(world, home, event_index)
    _events(world, event_index)
    _content_pages(world, home)
    return world
