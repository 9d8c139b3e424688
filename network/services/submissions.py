"""A team's work on a home task: the shared draft, submitting it, the
advisor's review, comments and sharing with the network.

Two members may edit the same draft at once. Each save says what the text of
every section was when the person started editing it (its base). A section is
saved only if nobody else changed it since; otherwise it is reported as a
conflict with the other person's text, and the person's own text stays in
their form. Nothing is silently overwritten."""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, record
from mentornett.formatting import clock_time
from mentornett.repeats import AlreadySent, recent_twin

from ..errors import SubmissionError
from ..models import (
    CommentVisibility,
    HomeTask,
    ProgressScore,
    ResponseKind,
    Submission,
    SubmissionComment,
    SubmissionStatus,
    SubmissionVersion,
    Team,
)
from ..task_sections import SECTION_MAX_LENGTH, section_keys
from .final_report import prefilled_content
from .reminders import notify_returned


@dataclass(frozen=True)
class Conflict:
    key: str
    theirs: str
    yours: str


@dataclass
class SaveResult:
    submission: Submission
    saved: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    version: SubmissionVersion | None = None  # when it was also sent
    send_error: SubmissionError | AlreadySent | None = None  # why it was saved but not sent


def _locked(team: Team, task: HomeTask) -> Submission:
    """The team's submission for the task, locked; made on first use."""
    submission, created = Submission.objects.get_or_create(team=team, task=task)
    if created and task.kind == ResponseKind.FINAL_REPORT:
        submission.content = prefilled_content(team=team)
        submission.save(update_fields=["content"])
    return (
        Submission.objects.select_for_update()
        .select_related("task__gathering")
        .get(pk=submission.pk)
    )


@transaction.atomic
def open_submission(*, team: Team, task: HomeTask) -> Submission:
    return _locked(team, task)


@transaction.atomic
def save_draft(*, team: Team, task: HomeTask, user, sections: dict, bases: dict) -> SaveResult:
    submission = _locked(team, task)
    if submission.task_id != task.pk or task.network_id != team.network_id:
        raise SubmissionError(_("This task belongs to another network."), code="network")
    result = SaveResult(submission=submission)
    content = dict(submission.content)
    for key in section_keys(task.kind):
        if key not in sections:
            continue
        yours = str(sections[key]).replace("\r\n", "\n")
        if len(yours) > SECTION_MAX_LENGTH:
            raise SubmissionError(
                _("A section can hold at most %(limit)s characters. Shorten it and save again.")
                % {"limit": f"{SECTION_MAX_LENGTH:,}".replace(",", " ")},
                code="too_long",
            )
        current = content.get(key, "")
        base = str(bases.get(key, "")).replace("\r\n", "\n")
        if yours == current:
            continue
        if current == base:
            content[key] = yours
            result.saved.append(key)
        else:
            result.conflicts.append(Conflict(key=key, theirs=current, yours=yours))
    if result.saved:
        submission.content = content
        submission.revision += 1
        submission.updated_by = user
        submission.save(update_fields=["content", "revision", "updated_by", "updated_at"])
    return result


@transaction.atomic
def attach_file(*, team: Team, task: HomeTask, user, upload) -> Submission:
    """Attach (or replace) the draft's file. Files already submitted stay
    with their versions."""
    if task.kind != ResponseKind.FILE:
        raise SubmissionError(_("This task takes text, not a file."), code="kind")
    submission = _locked(team, task)
    if _same_file(submission.file, upload):
        # The same file again (a second tab): the draft is unchanged, so
        # sending it again is a repeat, not a new version.
        return submission
    original_name = (getattr(upload, "name", "") or "fil")[-200:]
    submission.file.save(original_name, upload, save=False)
    submission.file_name = original_name
    submission.revision += 1
    submission.updated_by = user
    submission.save(update_fields=["file", "file_name", "revision", "updated_by", "updated_at"])
    return submission


def _digest(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _same_file(stored, upload) -> bool:
    if not stored or stored.size != upload.size:
        return False
    with stored.open("rb"):
        return _digest(stored) == _digest(upload)


def _is_empty(submission: Submission) -> bool:
    if submission.task.kind == ResponseKind.FILE:
        return not submission.file
    return not any(str(value).strip() for value in submission.content.values())


@transaction.atomic
def submit(*, team: Team, task: HomeTask, user, now=None) -> SubmissionVersion:
    """Send the draft as it stands. Time and lateness are recorded, and every
    version is kept."""
    now = now or timezone.now()
    submission = _locked(team, task)
    if _is_empty(submission):
        if task.kind == ResponseKind.FILE:
            raise SubmissionError(_("Upload the file before you send."), code="empty")
        raise SubmissionError(_("Write something before you send."), code="empty")
    if submission.is_submitted and submission.submitted_revision == submission.revision:
        twin = recent_twin(submission.versions.all(), at="submitted_at")
        if twin is not None:
            raise AlreadySent(
                _("This was already sent as version %(number)s at %(time)s.")
                % {
                    "number": twin.number,
                    "time": clock_time(twin.submitted_at),
                },
                existing=twin,
            )
        raise SubmissionError(
            _("Nothing has changed since you sent it last. Edit the draft to send a new version."),
            code="unchanged",
        )
    deadline = task.deadline
    number = submission.versions.count() + 1
    version = SubmissionVersion.objects.create(
        submission=submission,
        number=number,
        content={key: submission.content.get(key, "") for key in section_keys(task.kind)},
        file=submission.file.name if submission.file else "",
        file_name=submission.file_name,
        submitted_by=user,
        submitted_by_name=user.display_name,
        submitted_at=now,
        deadline=deadline,
        is_late=now > deadline,
    )
    previous, submission.status = submission.status, SubmissionStatus.SUBMITTED
    submission.submitted_at = now
    submission.submitted_revision = submission.revision
    submission.reviewed_at = None
    submission.reviewed_by = None
    submission.save(
        update_fields=[
            "status",
            "submitted_at",
            "submitted_revision",
            "reviewed_at",
            "reviewed_by",
        ]
    )
    _audit(AuditAction.SUBMISSION_SENT, submission, user, previous, version=number)
    return version


@transaction.atomic
def save_and_send(*, team: Team, task: HomeTask, user, sections: dict, bases: dict) -> SaveResult:
    """ "Send": save the draft, then send it, unless a section conflicts with
    what someone else saved. A send the rules refuse keeps the saved draft and
    says why in `send_error`, so nothing typed is lost."""
    result = save_draft(team=team, task=task, user=user, sections=sections, bases=bases)
    if result.conflicts:
        return result
    try:
        with transaction.atomic():
            result.version = submit(team=team, task=task, user=user)
    except (SubmissionError, AlreadySent) as error:
        result.send_error = error
    return result


def _reviewable(submission: Submission) -> Submission:
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.READ):
        raise SubmissionError(
            _("Only a submitted version can be reviewed. The team has not sent this yet."),
            code="not_submitted",
        )
    return locked


@transaction.atomic
def return_for_changes(*, submission: Submission, user, comment: str) -> Submission:
    if not comment.strip():
        raise SubmissionError(
            _("Tell the team what to change: write a comment before you return it."),
            code="comment",
        )
    locked = _reviewable(submission)
    previous, locked.status = locked.status, SubmissionStatus.RETURNED
    locked.reviewed_at = timezone.now()
    locked.reviewed_by = user
    locked.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    _audit(AuditAction.SUBMISSION_RETURNED, locked, user, previous, note=comment)
    add_comment(submission=locked, user=user, body=comment)
    notify_returned(submission=locked)
    return locked


@transaction.atomic
def mark_read(*, submission: Submission, user) -> Submission:
    locked = _reviewable(submission)
    previous, locked.status = locked.status, SubmissionStatus.READ
    locked.reviewed_at = timezone.now()
    locked.reviewed_by = user
    locked.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    _audit(AuditAction.SUBMISSION_READ, locked, user, previous)
    return locked


COMMENT_MAX_LENGTH = 5_000


@transaction.atomic
def add_comment(
    *,
    submission: Submission,
    user,
    body: str,
    visibility: str = CommentVisibility.TEAM,
    author_team: Team | None = None,
) -> SubmissionComment:
    body = body.strip()
    if not body:
        raise SubmissionError(_("Write a comment before you send it."), code="empty")
    if len(body) > COMMENT_MAX_LENGTH:
        raise SubmissionError(
            _("A comment can hold at most 5 000 characters. Shorten it and send again."),
            code="too_long",
        )
    if visibility == CommentVisibility.NETWORK and submission.shared_at is None:
        raise SubmissionError(
            _("The team no longer shares this with the network."), code="not_shared"
        )
    return SubmissionComment.objects.create(
        submission=submission,
        author=user,
        author_name=user.display_name,
        author_team=author_team,
        body=body,
        visibility=visibility,
    )


@transaction.atomic
def set_shared(*, submission: Submission, shared: bool) -> Submission:
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if shared and not locked.is_submitted:
        raise SubmissionError(
            _("Send it first: the network sees the version you sent."), code="not_submitted"
        )
    locked.shared_at = (locked.shared_at or timezone.now()) if shared else None
    locked.save(update_fields=["shared_at"])
    return locked


@transaction.atomic
def give_progress_score(*, team: Team, gathering, score: int, feedback: str, user) -> ProgressScore:
    if gathering.network_id != team.network_id:
        raise SubmissionError(_("Choose one of the network's gatherings."), code="gathering")
    progress, _created = ProgressScore.objects.update_or_create(
        team=team,
        gathering=gathering,
        defaults={"score": score, "feedback": feedback.strip(), "given_by": user},
    )
    record(
        AuditAction.PROGRESS_SCORED,
        actor=user,
        target=progress,
        label=f"{team} – {gathering.title}",
        changes={"score": [None, score]},
    )
    return progress


def _audit(action, submission: Submission, user, previous, *, version=None, note=""):
    changes = {"status": [previous, submission.status]}
    if version is not None:
        changes["version"] = [version - 1 or None, version]
    record(
        action,
        actor=user,
        target=submission,
        label=f"{submission.team} – {submission.task.title}",
        changes=changes,
        note=note,
    )
