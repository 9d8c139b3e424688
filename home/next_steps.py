"""Min side's "Next steps": the one or few most pressing things for the person,
from what each app says waits for them (the next lesson, a deadline of their
team, an event soon, an evaluation, a claim, an invitation, work to review),
pressing dates first.

Most of it comes from what Min side has read already through each app's
selectors; the invitations to answer, each app reads in one query, so the
count never grows with the data."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.selectors import next_lessons
from network.scheme.permissions import SCHEME_PROFESSIONS
from network.scheme.selectors import invitations_to_answer
from network.scheme.services.applications import invitation_token as scheme_invitation_token
from network.selectors import CellState, team_invitations_to_answer
from network.services.invitation_links import MAX_AGE as INVITATION_MAX_AGE
from network.services.teams import invitation_token as team_invitation_token

# A step with a date is pressing from this long before it.
PRESSING = timedelta(days=14)
SHOWN = 3


@dataclass(frozen=True)
class NextStep:
    title: str  # what to do, as a link text
    url: str
    detail: str = ""  # what it concerns, and by when
    due: datetime | None = None
    rank: int = 50  # among steps not pressing by date: lower first
    overdue: bool = False


def _day(moment) -> str:
    return date_format(timezone.localtime(moment), "j. F Y")


def _day_and_time(moment) -> str:
    local = timezone.localtime(moment)
    return _("%(date)s at %(time)s") % {
        "date": date_format(local, "j. F Y"),
        "time": date_format(local, "H:i"),
    }


def _invitation_steps(*, user, now) -> list[NextStep]:
    steps = []
    for invitation in team_invitations_to_answer(user=user, now=now):
        expires = invitation.sent_at + INVITATION_MAX_AGE
        steps.append(
            NextStep(
                title=_("Answer the invitation to join the team of %(team)s")
                % {"team": invitation.team},
                url=reverse("network:invitation", args=[team_invitation_token(invitation)]),
                detail=_("%(network)s · answer by %(date)s")
                % {"network": invitation.team.network.title, "date": _day(expires)},
                due=expires,
                rank=10,
            )
        )
    for invitation in invitations_to_answer(user=user, now=now):
        expires = invitation.sent_at + INVITATION_MAX_AGE
        inviter = invitation.invited_by.display_name if invitation.invited_by else ""
        steps.append(
            NextStep(
                title=_("Answer the invitation to apply to the mentor scheme together"),
                url=reverse("scheme:invitation", args=[scheme_invitation_token(invitation)]),
                detail=(
                    _("From %(name)s · answer by %(date)s")
                    % {"name": inviter, "date": _day(expires)}
                    if inviter
                    else _("Answer by %(date)s") % {"date": _day(expires)}
                ),
                due=expires,
                rank=10,
            )
        )
    return steps


def _course_steps(*, profile, course_entries) -> list[NextStep]:
    lessons = next_lessons(entries=course_entries)
    in_progress = [entry for entry in course_entries if entry.course.pk in lessons]
    if in_progress:
        # The course the person worked on last.
        entry = max(in_progress, key=lambda entry: entry.enrolment.updated_at)
        lesson = lessons[entry.course.pk]
        return [
            NextStep(
                title=_("Continue %(course)s") % {"course": entry.course.title},
                url=lesson.url,
                detail=_("Next lesson: %(lesson)s") % {"lesson": lesson.title},
                rank=40,
            )
        ]
    if profile.profession not in SCHEME_PROFESSIONS:
        return []
    for entry in course_entries:
        if entry.mandatory_for_me and entry.status == "not_started":
            return [
                NextStep(
                    title=_("Start %(course)s") % {"course": entry.course.title},
                    url=entry.course.url,
                    detail=_("Its course certificate is what the mentor scheme asks for."),
                    rank=45,
                )
            ]
    return []


def _team_steps(*, team_entries, now) -> list[NextStep]:
    steps = []
    for entry in team_entries:
        if not entry.open_cells:
            continue
        cell = min(entry.open_cells, key=lambda cell: cell.task.deadline)
        deadline = cell.task.deadline
        if cell.state == CellState.RETURNED:
            title = _("Change “%(task)s” and send it again") % {"task": cell.task.title}
        else:
            title = _("Send “%(task)s”") % {"task": cell.task.title}
        when = _("was due %(date)s") if deadline < now else _("due %(date)s")
        steps.append(
            NextStep(
                title=title,
                url=cell.url,
                detail=_("The team of %(team)s · %(when)s")
                % {"team": entry.team, "when": when % {"date": _day_and_time(deadline)}},
                due=deadline,
                rank=30,
                overdue=deadline < now,
            )
        )
    return steps


def _event_steps(*, events, now) -> list[NextStep]:
    steps = [
        NextStep(
            title=_("Answer the evaluation of %(event)s") % {"event": event.title},
            url=reverse("events:poll", args=[event.pk]),
            detail=_("It takes a minute, and the organisers plan the next one from it."),
            rank=20,
        )
        for event in events["polls_waiting"]
    ]
    for registration in events["upcoming_registrations"]:
        event = registration.event
        if registration.is_confirmed and event.starts_at - now <= PRESSING:
            steps.append(
                NextStep(
                    title=event.title,
                    url=event.url,
                    detail=_("You have a place · starts %(when)s")
                    % {"when": _day_and_time(event.starts_at)},
                    due=event.starts_at,
                    rank=35,
                )
            )
    return steps


SCHEME_RANKS = {"changes": 10, "accept": 10, "evaluate": 20, "report": 20, "finish": 25}


def _scheme_steps(*, application_entries) -> list[NextStep]:
    steps = []
    for entry in application_entries:
        application = entry.application
        partner = application.mentee if entry.role == "mentor" else application.mentor
        about = (
            _("%(kind)s with %(name)s")
            % {"kind": application.get_kind_display(), "name": partner.display_name}
            if partner
            else application.get_kind_display()
        )
        if entry.step in SCHEME_RANKS:
            name = "scheme:evaluation" if entry.step == "evaluate" else "scheme:application"
            steps.append(
                NextStep(
                    title=entry.next_step,
                    url=reverse(name, args=[application.pk]),
                    detail=about,
                    rank=SCHEME_RANKS[entry.step],
                )
            )
        if entry.claim_refused:
            steps.append(
                NextStep(
                    title=_("A claim of yours was refused: read why"),
                    url=reverse("scheme:claims", args=[application.pk]),
                    detail=about,
                    rank=15,
                )
            )
        elif entry.claims_before_payout:
            steps.append(
                NextStep(
                    title=_("Send your last claims before the payout"),
                    url=reverse("scheme:claims", args=[application.pk]),
                    detail=about,
                    rank=45,
                )
            )
    return steps


def _review_steps(*, waiting_reviews) -> list[NextStep]:
    if not waiting_reviews:
        return []
    return [
        NextStep(
            title=ngettext(
                "%(count)s submission from your teams waits for your review",
                "%(count)s submissions from your teams wait for your review",
                waiting_reviews,
            )
            % {"count": waiting_reviews},
            url=reverse("network:review_queue"),
            detail=_("Status reports, home tasks and final reports, the oldest first."),
            rank=15,
        )
    ]


def _profile_steps(*, checklist) -> list[NextStep]:
    missing = [item for item in checklist if not item.done]
    if not missing:
        return []
    return [
        NextStep(
            title=_("Fill in your profile"),
            url=missing[0].url,
            detail=_("%(done)s of %(total)s done. Next: %(item)s")
            % {
                "done": len(checklist) - len(missing),
                "total": len(checklist),
                "item": str(missing[0].label).lower(),
            },
            rank=60,
        )
    ]


def _urgency(step: NextStep, now):
    if step.due is not None and step.due - now <= PRESSING:
        return (0, step.due, step.rank)
    return (1, step.rank, step.due or now)


def next_steps(
    *,
    user,
    profile,
    checklist,
    course_entries,
    events: dict,
    team_entries,
    application_entries,
    waiting_reviews: int = 0,
    now=None,
    limit: int = SHOWN,
) -> list[NextStep]:
    """The most pressing of the person's next steps, at most `limit`. Takes
    what Min side has read (its courses, events, teams, applications, the
    profile checklist and how many submissions wait for the person's review)
    and reads the invitations to answer: two queries."""
    now = now or timezone.now()
    steps = [
        *_invitation_steps(user=user, now=now),
        *_course_steps(profile=profile, course_entries=course_entries),
        *_team_steps(team_entries=team_entries, now=now),
        *_event_steps(events=events, now=now),
        *_scheme_steps(application_entries=application_entries),
        *_review_steps(waiting_reviews=waiting_reviews),
        *_profile_steps(checklist=checklist),
    ]
    return sorted(steps, key=lambda step: _urgency(step, now))[:limit]
