"""Reads for network pages. Every function runs a fixed number of queries,
whatever the number of teams, tasks or submissions."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import (
    Attendance,
    EventPage,
    PollAnswer,
    PollParticipation,
    Registration,
    RegistrationStatus,
)
from events.selectors import network_gatherings

from .models import (
    HomeTask,
    Indicator,
    Measurement,
    NetworkResourcePage,
    NetworkStaff,
    NetworkStaffRole,
    ProgressScore,
    ResponseKind,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
    Team,
    TeamInvitation,
    TeamMembership,
    TeamRole,
)
from .permissions import can_view_members_content, is_organiser, visible_teams
from .services.invitation_links import MAX_AGE as INVITATION_MAX_AGE


class CellState:
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LATE = "late"
    RETURNED = "returned"
    READ = "read"

    ORDER = (NOT_STARTED, DRAFT, LATE, SUBMITTED, RETURNED, READ)
    LABELS = {
        NOT_STARTED: _("Not started"),
        DRAFT: _("Draft"),
        SUBMITTED: _("Submitted"),
        LATE: _("Late"),
        RETURNED: _("Returned"),
        READ: _("Read"),
    }
    TONES = {
        NOT_STARTED: "neutral",
        DRAFT: "info",
        SUBMITTED: "success",
        LATE: "danger",
        RETURNED: "warning",
        READ: "success",
    }


_TEAM, _TASK = 918273645, 546372819


@lru_cache(maxsize=1)
def _task_url_pattern() -> str:
    return reverse("network:task", args=[_TEAM, _TASK])


def task_url(team_id: int, task_id: int) -> str:
    """The task page's address, without resolving the URL once per cell of a
    357 × 8 matrix."""
    return _task_url_pattern().replace(str(_TEAM), str(team_id)).replace(str(_TASK), str(task_id))


@lru_cache(maxsize=1)
def _team_url_pattern() -> str:
    return reverse("network:team", args=[_TEAM])


def team_url(team_id: int) -> str:
    return _team_url_pattern().replace(str(_TEAM), str(team_id))


_STATE_OF_SENT = {
    SubmissionStatus.SUBMITTED: CellState.SUBMITTED,
    SubmissionStatus.RETURNED: CellState.RETURNED,
    SubmissionStatus.READ: CellState.READ,
}


def _state(overdue: bool, status: str | None, revision: int) -> str:
    # Revision 0: opened (and a final report pre-filled) but nobody has written.
    if status is None or (status == SubmissionStatus.DRAFT and not revision):
        return CellState.LATE if overdue else CellState.NOT_STARTED
    if status == SubmissionStatus.DRAFT:
        return CellState.LATE if overdue else CellState.DRAFT
    return _STATE_OF_SENT[status]


def cell_state(task: HomeTask, submission: Submission | None, now) -> str:
    if submission is None:
        return _state(task.is_overdue(now), None, 0)
    return _state(task.is_overdue(now), submission.status, submission.revision)


@dataclass
class Cell:
    task: HomeTask
    team: Team
    submission: Submission | None
    state: str

    @property
    def url(self) -> str:
        return task_url(self.team.pk, self.task.pk)

    @property
    def label(self):
        return CellState.LABELS[self.state]

    @property
    def tone(self):
        return CellState.TONES[self.state]


def network_tasks(network):
    return list(HomeTask.objects.filter(network=network).select_related("gathering"))


def team_cells(*, team: Team, now=None) -> list[Cell]:
    now = now or timezone.now()
    tasks = network_tasks(team.network_id)
    submissions = {s.task_id: s for s in Submission.objects.filter(team=team)}
    cells = []
    for task in tasks:
        submission = submissions.get(task.pk)
        cells.append(Cell(task, team, submission, cell_state(task, submission, now)))
    return cells


@dataclass(frozen=True)
class MatrixTeam:
    """What the organisers' matrix shows of a team, read without model instances."""

    pk: int
    name: str
    municipality_number: str
    advisor_name: str

    def __str__(self):
        return self.name


@dataclass
class Matrix:
    tasks: list
    rows: list  # (MatrixTeam, [state per task])
    counts: list  # per task: [(state, label, tone, n)]
    totals: dict = field(default_factory=dict)


def dashboard_matrix(*, network, advisor_id=None, municipality_id=None, now=None) -> Matrix:
    """Every team's state for every home task, in three queries. Values
    rather than model instances: a national network has 357 × 8 cells."""
    now = now or timezone.now()
    tasks = network_tasks(network)
    teams = Team.objects.filter(network=network)
    if advisor_id:
        teams = teams.filter(advisor_id=advisor_id)
    if municipality_id:
        teams = teams.filter(municipality_id=municipality_id)
    teams = [
        MatrixTeam(
            pk=row["pk"],
            # Keep in sync with Team.__str__.
            name=row["name"] or row["municipality__name"],
            municipality_number=row["municipality__number"],
            advisor_name=row["advisor__full_name"] or "",
        )
        for row in teams.order_by("municipality__name", "pk").values(
            "pk", "name", "municipality__name", "municipality__number", "advisor__full_name"
        )
    ]
    work = {
        (team_id, task_id): (status, revision)
        for team_id, task_id, status, revision in Submission.objects.filter(
            team__in=[t.pk for t in teams]
        ).values_list("team_id", "task_id", "status", "revision")
    }
    overdue = [task.is_overdue(now) for task in tasks]
    unopened = (None, 0)
    rows = []
    per_task = [Counter() for _task in tasks]
    for team in teams:
        states = [
            _state(late, *work.get((team.pk, task.pk), unopened))
            for task, late in zip(tasks, overdue, strict=True)
        ]
        for counter, state in zip(per_task, states, strict=True):
            counter[state] += 1
        rows.append((team, states))
    counts = [
        [
            (state, CellState.LABELS[state], CellState.TONES[state], counter[state])
            for state in CellState.ORDER
            if counter[state]
        ]
        for counter in per_task
    ]
    totals = Counter()
    for counter in per_task:
        totals.update(counter)
    return Matrix(tasks=tasks, rows=rows, counts=counts, totals=dict(totals))


def network_advisors(network):
    return [
        staff.person
        for staff in NetworkStaff.objects.filter(
            network=network, role=NetworkStaffRole.ADVISOR
        ).select_related("person")
    ]


def progress_table(*, network, teams):
    """Each team's progress scores (1–5, or None), one column per gathering."""
    gatherings = list(EventPage.objects.filter(network=network).order_by("starts_at"))
    scores = {
        (team_id, gathering_id): score
        for team_id, gathering_id, score in ProgressScore.objects.filter(
            team__in=[t.pk for t in teams]
        ).values_list("team_id", "gathering_id", "score")
    }
    rows = [(team, [scores.get((team.pk, g.pk)) for g in gatherings]) for team in teams]
    return gatherings, rows


@dataclass(frozen=True)
class PollSummary:
    answered: int
    attendees: int
    average: float | None


def poll_summaries(gatherings) -> list[tuple[EventPage, PollSummary]]:
    """The dashboard's line per evaluated gathering, in three queries however
    many gatherings; events.selectors.poll_results has the whole picture of one."""
    ids = [g.pk for g in gatherings]
    if not ids:
        return []
    registrations = {
        row["event_id"]: row
        for row in Registration.objects.confirmed()
        .filter(event__in=ids)
        .values("event_id")
        .annotate(
            confirmed=Count("pk"),
            attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
            marked=Count("pk", filter=~Q(attendance="")),
        )
    }
    answers = {
        row["event_id"]: row
        for row in PollAnswer.objects.filter(event__in=ids)
        .values("event_id")
        .annotate(n=Count("pk"), ratings=Sum("rating"))
    }
    answered = dict(
        PollParticipation.objects.filter(event__in=ids)
        .values("event_id")
        .annotate(n=Count("pk"))
        .values_list("event_id", "n")
    )
    summaries = []
    for gathering in gatherings:
        seats = registrations.get(gathering.pk, {"confirmed": 0, "attended": 0, "marked": 0})
        # Keep in sync with events.selectors.poll_attendees: those checked in
        # as present; nobody when only absences are marked; else every
        # confirmed participant.
        if seats["attended"]:
            attendees = seats["attended"]
        elif seats["marked"]:
            attendees = 0
        else:
            attendees = seats["confirmed"]
        poll = answers.get(gathering.pk)
        summaries.append(
            (
                gathering,
                PollSummary(
                    answered=answered.get(gathering.pk, 0),
                    attendees=attendees,
                    average=round(poll["ratings"] / poll["n"], 1) if poll else None,
                ),
            )
        )
    return summaries


def latest_versions(*, task, teams):
    """The last version each team sent for the task, by team id."""
    versions = SubmissionVersion.objects.filter(
        submission__task=task, submission__team__in=[t.pk for t in teams]
    ).select_related("submission")
    latest = {}
    for version in versions.order_by("number"):
        latest[version.submission.team_id] = version
    return latest


def before_now(*, teams):
    """For each team and indicator: the first (baseline) and the latest value."""
    indicators = Indicator.objects.filter(team__in=[t.pk for t in teams]).prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
    )
    by_team = defaultdict(list)
    for indicator in indicators:
        points = list(indicator.measurements.all())
        baseline = [p for p in points if p.is_baseline] or points[:1]
        by_team[indicator.team_id].append(
            (indicator, baseline[0] if baseline else None, points[-1] if len(points) > 1 else None)
        )
    return [(team, by_team[team.pk]) for team in teams if by_team[team.pk]]


def team_members(team):
    return list(
        TeamMembership.objects.filter(team=team)
        .select_related("person")
        .order_by("role", "person__full_name")
    )


def my_teams(user):
    """Teams the person is on, advises or organises, for Min side and the
    advisor's list."""
    return list(
        visible_teams(user)
        .select_related("municipality", "network", "advisor")
        .order_by("network__title", "municipality__name")
    )


def network_page_context(*, user, network) -> dict:
    """The network page: its gatherings, and for its members their teams and
    the resource pages."""
    gatherings = network_gatherings(network=network)
    if not user.is_authenticated:
        return {"gatherings": gatherings, "show_members_content": False}
    member_teams = list(
        Team.objects.filter(network=network, memberships__person=user).select_related(
            "municipality"
        )
    )
    show_members_content = can_view_members_content(user, network)
    return {
        "gatherings": gatherings,
        "show_members_content": show_members_content,
        "member_teams": member_teams,
        "is_organiser": is_organiser(user, network.pk),
        "resource_pages": (
            NetworkResourcePage.objects.live().child_of(network).order_by("path")
            if show_members_content
            else []
        ),
    }


def shared_submissions(*, network):
    return list(
        Submission.objects.filter(task__network=network, shared_at__isnull=False)
        .select_related("team__municipality", "task")
        .order_by("task__gathering__starts_at", "team__municipality__name")
    )


@dataclass
class TeamEntry:
    team: Team
    open_cells: list
    advises: bool = False


def dashboard_teams(*, user, now=None, limit=3) -> tuple[list[TeamEntry], int]:
    """Min side: the person's teams, each with its next unfinished home tasks,
    and how many other teams they advise. One query for someone on no team,
    three otherwise, however many teams and tasks."""
    now = now or timezone.now()
    related = list(
        Team.objects.filter(Q(memberships__person=user) | Q(advisor=user))
        .annotate(is_member=Exists(TeamMembership.objects.filter(team=OuterRef("pk"), person=user)))
        .select_related("municipality", "network")
        .order_by("network__title", "municipality__name")
        .distinct()
    )
    teams = [team for team in related if team.is_member]
    advised = len(related) - len(teams)
    if not teams:
        return [], advised
    tasks = list(
        HomeTask.objects.filter(network__in={t.network_id for t in teams}).select_related(
            "gathering"
        )
    )
    submissions = {(s.team_id, s.task_id): s for s in Submission.objects.filter(team__in=teams)}
    waiting = (CellState.NOT_STARTED, CellState.DRAFT, CellState.LATE, CellState.RETURNED)
    entries = []
    for team in teams:
        cells = []
        for task in tasks:
            if task.network_id != team.network_id:
                continue
            submission = submissions.get((team.pk, task.pk))
            state = cell_state(task, submission, now)
            if state in waiting:
                cells.append(Cell(task, team, submission, state))
        entries.append(TeamEntry(team=team, open_cells=cells[:limit]))
    return entries, advised


def team_invitations_to_answer(*, user, now=None) -> list[TeamInvitation]:
    """Open invitations to a team sent to the person's address whose link has
    not expired, soonest to expire first, in one query."""
    now = now or timezone.now()
    return list(
        TeamInvitation.objects.filter(
            email__iexact=user.email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            sent_at__gt=now - INVITATION_MAX_AGE,
        )
        .exclude(team__memberships__person=user)
        .select_related("team__municipality", "team__network")
        .order_by("sent_at", "pk")
    )


# --- the advisor's review queue -------------------------------------------------------


@dataclass(frozen=True)
class WaitingWork:
    """A submission sent by one of the advisor's teams that nobody has returned
    or marked read yet."""

    team_id: int
    team_name: str
    network_title: str
    task_id: int
    task_title: str
    kind: str
    submitted_at: object
    version: int | None
    late: bool

    @property
    def url(self) -> str:
        return task_url(self.team_id, self.task_id)

    @property
    def kind_label(self):
        return ResponseKind(self.kind).label


def _waiting_for(user):
    return Submission.objects.filter(team__advisor=user, status=SubmissionStatus.SUBMITTED)


def review_queue(*, user) -> list[WaitingWork]:
    """Everything the advisor's teams have sent that waits for them (status
    reports, home task answers, final reports), across all their teams, the
    longest waiting first: one query, however many teams and tasks."""
    latest = SubmissionVersion.objects.filter(submission=OuterRef("pk")).order_by("-number")
    rows = (
        _waiting_for(user)
        .annotate(
            version=Subquery(latest.values("number")[:1]),
            late=Subquery(latest.values("is_late")[:1]),
        )
        .order_by("submitted_at", "pk")
        .values(
            "team_id",
            "team__name",
            "team__municipality__name",
            "team__network__title",
            "task_id",
            "task__title",
            "task__kind",
            "submitted_at",
            "version",
            "late",
        )
    )
    return [
        WaitingWork(
            team_id=row["team_id"],
            # Keep in sync with Team.__str__.
            team_name=row["team__name"] or row["team__municipality__name"],
            network_title=row["team__network__title"],
            task_id=row["task_id"],
            task_title=row["task__title"],
            kind=row["task__kind"],
            submitted_at=row["submitted_at"],
            version=row["version"],
            late=bool(row["late"]),
        )
        for row in rows
    ]


def review_queue_count(*, user) -> int:
    """How many submissions wait for the advisor, for Min side and the admin."""
    return _waiting_for(user).count()


@dataclass(frozen=True)
class NetworkWaiting:
    network_id: int
    title: str
    submissions: int


def organiser_waiting(*, user) -> list[NetworkWaiting]:
    """Per network the person organises, how many submissions nobody has
    read or returned yet: one query."""
    rows = (
        Submission.objects.filter(
            status=SubmissionStatus.SUBMITTED,
            task__network__staff__person=user,
            task__network__staff__role=NetworkStaffRole.ORGANISER,
        )
        .values("task__network_id", "task__network__title")
        .annotate(submissions=Count("pk", distinct=True))
        .order_by("task__network__title")
    )
    return [
        NetworkWaiting(row["task__network_id"], row["task__network__title"], row["submissions"])
        for row in rows
    ]


# --- registering a team for an event ----------------------------------------------


def coordinated_teams(*, user, event: EventPage):
    teams = Team.objects.filter(
        memberships__person=user, memberships__role=TeamRole.COORDINATOR
    ).select_related("municipality")
    if event.network_id:
        teams = teams.filter(network_id=event.network_id)
    return list(teams)


def team_roster(*, team, event: EventPage):
    """The team's members with their registration at the event, if any."""
    registrations = {
        r.person_id: r
        for r in Registration.objects.filter(
            event=event, person__team_memberships__team=team
        ).exclude(status=RegistrationStatus.CANCELLED)
    }
    members = (
        TeamMembership.objects.filter(team=team)
        .select_related("person")
        .order_by("person__full_name")
    )
    return [(member, registrations.get(member.person_id)) for member in members]
