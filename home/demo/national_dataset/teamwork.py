"""One team per municipality in the networks of their region, with members,
an advisor, and their work on the home tasks in every state an organiser
meets: not started, drafts, sent on time and late, returned, read, shared,
with the versions, comments and progress scores the services would leave."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from mentornett.accounts.models import Profile
from network.demo.home_tasks import TASKS
from network.demo.teamwork import ANSWERS, PROGRESS
from network.models import (
    CommentVisibility,
    Municipality,
    NetworkStaff,
    NetworkStaffRole,
    ProgressScore,
    ResponseKind,
    Submission,
    SubmissionComment,
    SubmissionStatus,
    SubmissionVersion,
    Team,
    TeamMembership,
    TeamRole,
)
from network.task_sections import section_keys

from .base import bulk, explicit_timestamps, placeholder_file
from .networks import REGIONS
from .people import ADVISOR, MUNICIPAL, ORGANISER, OTHER

NOT_STARTED = "not_started"
S = SubmissionStatus

EXTRA_TEXTS = {
    "goal": "Mentorprogrammet er prøvd ut i én pilotenhet, og alle nyansatte der har en mentor.",
    "activities": "- Rekruttere fire mentorer (koordinator, innen mars)\n"
    "- Mentoropplæring med høgskolen (HR, april)\n- Oppstartsmøte i pilotenheten (leder, mai)",
    "anchoring": "Kommunalsjef, enhetsledere, tillitsvalgte og HR.",
    "on_track": "Vi følger med på antall mentorpar og hvor mange nyansatte som slutter.",
    "note": "Filmen er laget med mobilkamera, og hele teamet er med.",
}
GENERIC_TEXT = "Vi har kommet godt i gang, og tar med spørsmålene våre til samlingen."
REVIEW_COMMENTS = [
    answer.comment for answers in ANSWERS.values() for answer in answers.values() if answer.comment
] + [
    "Takk! Fint at dere har fått med tillitsvalgt. Hvordan vil dere måle effekten?",
    "Godt arbeid. Ta gjerne med før-tallene til samlingen.",
]
RETURN_COMMENT = (
    "Takk! Rapporten mangler tall for hvor mange nyansatte som sluttet det siste året. "
    "Legg dem til og send på nytt."
)
TEAM_REPLIES = [
    "Takk for tilbakemeldingen! Vi tar det med på neste teammøte.",
    "Tallene kommer fra HR i neste uke.",
]
NETWORK_COMMENTS = [
    "Så fin og konkret plan! Hvordan frigjør dere tid til mentorene i turnus?",
    "Vi låner gjerne ideen om faste samtaler hver tredje uke.",
]
SCORE_FEEDBACK = [feedback for _score, feedback in PROGRESS.values()]


@dataclass
class TeamInfo:
    team: Team
    network: object
    members: list  # (Person, role)

    @property
    def coordinator(self):
        return self.members[0][0].user


def team_counts(total: int, networks: int) -> list[int]:
    """Teams per network, in proportion to the municipalities of its region
    (largest remainder), at least one each."""
    sizes = [Municipality.objects.filter(county__in=r.counties).count() for r in REGIONS[:networks]]
    whole = sum(sizes)
    exact = [total * size / whole for size in sizes]
    counts = [max(1, int(x)) for x in exact]
    order = sorted(range(len(sizes)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for i in order:
        if sum(counts) >= total:
            break
        counts[i] += 1
    while sum(counts) > total:
        counts[counts.index(max(counts))] -= 1
    return counts


def _texts():
    texts = defaultdict(list)
    for task_key, answers in ANSWERS.items():
        for answer in answers.values():
            for section, text in answer.sections.items():
                texts[(task_key, section)].append(text)
                texts[section].append(text)
    return texts


def build_teams(ctx, networks, people, counts, *, move_members=True) -> list[TeamInfo]:
    """Teams with members; `move_members` makes each member's home municipality
    their team's (off for a network added to people who already have a team)."""
    rng = ctx.rng("teams")
    organiser = people.staff[ORGANISER]
    well_known_advisor = people.staff[ADVISOR]
    extra = [a for a in people.advisors if a.pk != well_known_advisor.pk]
    per_network = len(extra) // max(1, len(networks))

    staff_rows, teams = [], []
    for n, (network, count) in enumerate(zip(networks, counts, strict=True)):
        advisors = [well_known_advisor, *extra[n * per_network : (n + 1) * per_network]]
        staff_rows.append(
            NetworkStaff(network=network.page, person=organiser, role=NetworkStaffRole.ORGANISER)
        )
        staff_rows += [
            NetworkStaff(
                network=network.page, person=a, role=NetworkStaffRole.ADVISOR, sort_order=i + 1
            )
            for i, a in enumerate(advisors)
        ]
        candidates = list(
            Municipality.objects.filter(county__in=network.region.counties).order_by("number")
        )
        for municipality in sorted(rng.sample(candidates, count), key=lambda m: m.name):
            advisor = rng.choice(advisors) if rng.random() < 0.9 else None
            teams.append(Team(network=network.page, municipality=municipality, advisor=advisor))
    bulk(NetworkStaff, staff_rows)
    bulk(Team, teams)
    by_network = {network.pk: network for network in networks}
    infos = [TeamInfo(team, by_network[team.network_id], []) for team in teams]
    _members(rng, infos, people, move=move_members)
    return infos


def _members(rng, infos, people, *, move):
    municipal = [p for p in people.participants if p.kind in MUNICIPAL and not p.heavy]
    rng.shuffle(municipal)
    others = [p for p in municipal if p.kind == OTHER]
    carers = [p for p in municipal if p.kind != OTHER]
    spare = [p for p in people.participants if p.kind not in MUNICIPAL and not p.heavy]
    rng.shuffle(spare)

    def draw(pool):
        for source in (pool, carers, others, spare):
            if source:
                return source.pop()
        return None

    roles = [
        (TeamRole.COORDINATOR, carers),
        (TeamRole.LEADER, others),
        (TeamRole.UNION_REPRESENTATIVE, carers),
        (TeamRole.HR, others),
    ]
    budget = max(1, len(municipal) // max(1, len(infos)))
    for info in infos:
        wanted = roles + [(TeamRole.MENTOR, carers)] * rng.randint(1, 3)
        wanted += [(TeamRole.MENTEE, carers)] * rng.randint(0, 2)
        for role, pool in wanted[: max(1, min(len(wanted), budget))]:
            person = draw(pool)
            if person is not None:
                info.members.append((person, role))
    # The busiest people are mentors in a team, spread over the networks.
    for index, person in enumerate(people.heavy):
        infos[index * 7 % len(infos)].members.append((person, TeamRole.MENTOR))

    memberships, profiles = [], []
    for info in infos:
        for person, role in info.members:
            memberships.append(TeamMembership(team=info.team, person=person.user, role=role))
            if move and not person.heavy:
                person.municipality = info.team.municipality
                person.user.profile.home_municipality = info.team.municipality
                profiles.append(person.user.profile)
    bulk(TeamMembership, memberships)
    Profile.objects.bulk_update(profiles, ["home_municipality"], batch_size=1000)


# --- the teams' work on the home tasks -----------------------------------------------


def _state(rng, ctx, task) -> str:
    days_left = (task.deadline - ctx.now).days
    if days_left < 0:
        choices = [(S.READ, 45), (S.SUBMITTED, 20), (S.RETURNED, 8), (S.DRAFT, 10)]
        choices.append((NOT_STARTED, 12))
    elif days_left <= 60:
        choices = [(S.DRAFT, 25), (S.SUBMITTED, 10), (NOT_STARTED, 65)]
    else:
        choices = [(S.DRAFT, 3), (NOT_STARTED, 97)]
    states, weights = zip(*choices, strict=True)
    return rng.choices(states, weights)[0]


def _with_every_status(cells, now):
    """At small scale chance may miss a status; the first due cells make up for it."""
    present = {state for _info, _task, state in cells}
    missing = [s for s in S.values if s not in present]
    due = [i for i, (_info, task, _s) in enumerate(cells) if task.deadline < now]
    for status, index in zip(missing, due, strict=False):
        info, task, _state_ = cells[index]
        cells[index] = (info, task, status)
    return cells


def _content(rng, texts, task, count=None) -> dict:
    key = next((spec.key for spec in TASKS if spec.title == task.title), "")
    sections = section_keys(task.kind)
    if count is not None:
        sections = sections[:count]
    return {
        section: rng.choice(
            texts.get((key, section)) or texts.get(section) or [EXTRA_TEXTS.get(section, "")]
        )
        or GENERIC_TEXT
        for section in sections
    }


def _before(moment, limit, rng, after=None):
    """`moment`, or when that is not before `limit`: halfway from `after` to
    `limit`, or a little before `limit`."""
    if moment < limit:
        return moment
    if after is not None:
        return after + (limit - after) / 2
    return limit - timedelta(hours=rng.randint(2, 48))


def build_submissions(ctx, infos, people) -> dict:
    rng = ctx.rng("submissions")
    texts = _texts()
    organiser = people.staff[ORGANISER]
    file_name = placeholder_file("submissions", "teamets-fil.pdf")
    cells = []
    for info in infos:
        for task in info.network.tasks:
            cells.append((info, task, _state(rng, ctx, task)))
    cells = _with_every_status(cells, ctx.now)

    submissions, versions, comments = [], [], []
    shared = []
    for info, task, state in cells:
        if state == NOT_STARTED:
            continue
        members = [person.user for person, _role in info.members]
        author = info.coordinator
        reviewer = info.team.advisor or organiser
        is_file = task.kind == ResponseKind.FILE
        submission = Submission(
            team=info.team,
            task=task,
            status=state,
            file=file_name if is_file else "",
            file_name="teamets-fil.pdf" if is_file else "",
        )
        if state == S.DRAFT:
            started = _before(task.deadline - timedelta(days=rng.randint(3, 30)), ctx.now, rng)
            submission.content = _content(rng, texts, task, count=rng.randint(1, 3))
            submission.revision = rng.randint(1, 4)
            submission.updated_by = rng.choice(members)
            submission.updated_at = started
            submissions.append((submission, []))
            continue
        due = task.deadline < ctx.now
        late = due and rng.random() < 0.2
        if due:
            offset = (
                timedelta(days=rng.randint(1, 10)) if late else -timedelta(days=rng.randint(1, 5))
            )
            sent = _before(task.deadline + offset - timedelta(hours=8), ctx.now, rng)
        else:
            sent = ctx.now - timedelta(days=rng.randint(1, 10), hours=rng.randint(1, 8))
        submission.content = _content(rng, texts, task)
        rounds = 2 if state != S.RETURNED and rng.random() < 0.2 else 1
        revision = rng.randint(1, 3)
        history = []
        moment = sent - timedelta(days=14 * (rounds - 1))
        for number in range(1, rounds + 1):
            history.append(
                SubmissionVersion(
                    number=number,
                    content=dict(submission.content),
                    file=file_name if is_file else "",
                    file_name="teamets-fil.pdf" if is_file else "",
                    submitted_by=author,
                    submitted_by_name=author.full_name,
                    submitted_at=moment,
                    deadline=task.deadline,
                    is_late=moment > task.deadline,
                )
            )
            if number < rounds:
                returned_at = moment + timedelta(days=3)
                history.append(_comment(reviewer, RETURN_COMMENT, returned_at))
                moment = sent
                revision += 1
        submission.revision = revision
        submission.submitted_at = sent
        submission.submitted_revision = revision
        if state == S.SUBMITTED and rng.random() < 0.1:
            submission.revision += 1  # edited since it was sent
        submission.updated_by = author
        submission.updated_at = sent
        if state in (S.READ, S.RETURNED):
            reviewed = _before(sent + timedelta(days=rng.randint(2, 14)), ctx.now, rng, sent)
            submission.reviewed_at = reviewed
            submission.reviewed_by = reviewer
            if state == S.RETURNED:
                history.append(_comment(reviewer, RETURN_COMMENT, reviewed))
            elif rng.random() < 0.4:
                history.append(_comment(reviewer, rng.choice(REVIEW_COMMENTS), reviewed))
            if rng.random() < 0.2:
                reply = _before(reviewed + timedelta(days=1), ctx.now, rng, reviewed)
                history.append(_comment(rng.choice(members), rng.choice(TEAM_REPLIES), reply))
        if state in (S.READ, S.SUBMITTED) and not is_file and rng.random() < 0.15:
            submission.shared_at = _before(sent + timedelta(days=1), ctx.now, rng, sent)
            shared.append(submission)
        submissions.append((submission, history))

    with explicit_timestamps(Submission, SubmissionComment):
        bulk(Submission, [s for s, _h in submissions])
        for submission, history in submissions:
            for row in history:
                row.submission = submission
                (versions if isinstance(row, SubmissionVersion) else comments).append(row)
        comments += _network_comments(rng, shared, infos)
        bulk(SubmissionVersion, versions)
        bulk(SubmissionComment, comments)
    scores = _progress_scores(rng, ctx, infos, organiser)
    return {
        "submissions": len(submissions),
        "versions": len(versions),
        "comments": len(comments),
        "progress scores": scores,
    }


def _comment(author, body, at) -> SubmissionComment:
    return SubmissionComment(author=author, author_name=author.full_name, body=body, created_at=at)


def _network_comments(rng, shared, infos) -> list:
    by_network = defaultdict(list)
    for info in infos:
        by_network[info.team.network_id].append(info)
    comments = []
    for submission in shared:
        if rng.random() < 0.3:
            others = [
                i for i in by_network[submission.team.network_id] if i.team != submission.team
            ]
            if others:
                other = rng.choice(others)
                comment = _comment(
                    other.coordinator, rng.choice(NETWORK_COMMENTS), submission.shared_at
                )
                comment.submission = submission
                comment.visibility = CommentVisibility.NETWORK
                comment.author_team = other.team
                comments.append(comment)
    return comments


def _progress_scores(rng, ctx, infos, organiser) -> int:
    rows = []
    for info in infos:
        past = [g for g in info.network.gatherings if g.ends_at < ctx.now]
        level = rng.choice((1, 1, 2))
        for gathering in past:
            if rng.random() < 0.85:
                given_at = _before(
                    gathering.ends_at + timedelta(days=5), ctx.now, rng, gathering.ends_at
                )
                rows.append(
                    ProgressScore(
                        team=info.team,
                        gathering=gathering,
                        score=level,
                        feedback=rng.choice(SCORE_FEEDBACK),
                        given_by=info.team.advisor or organiser,
                        given_at=given_at,
                    )
                )
            level = min(5, level + rng.choice((0, 1, 1)))
    with explicit_timestamps(ProgressScore):
        bulk(ProgressScore, rows)
    return len(rows)
