from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from mentornett.uploads import private_storage, private_upload_to

from .networks import LearningNetworkPage, Team


class ResponseKind(models.TextChoices):
    STATUS_REPORT = "status_report", _("Status report")
    PROGRESS_PLAN = "progress_plan", _("Progress plan")
    FINAL_REPORT = "final_report", _("Final report")
    FILE = "file", _("File (film, poster)")
    FREE_TEXT = "free_text", _("Free text")


class HomeTask(models.Model):
    """Work a team does between gatherings and reports before the next one."""

    network = models.ForeignKey(
        LearningNetworkPage,
        verbose_name=_("learning network"),
        on_delete=models.PROTECT,
        related_name="home_tasks",
    )
    gathering = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("before the gathering"),
        on_delete=models.PROTECT,
        related_name="home_tasks",
        help_text=_("The deadline follows the gathering if it moves."),
    )
    days_before = models.PositiveSmallIntegerField(
        _("days before the gathering"),
        default=7,
        validators=[MaxValueValidator(120)],
        help_text=_("0: due when the gathering starts. Otherwise due at the end of that day."),
    )
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(
        _("instructions"), blank=True, help_text=_("Markdown: **bold**, lists, links.")
    )
    kind = models.CharField(
        _("response"), max_length=20, choices=ResponseKind.choices, default=ResponseKind.FREE_TEXT
    )

    panels = [
        FieldPanel("network"),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [FieldPanel("gathering"), FieldPanel("days_before")], heading=_("Deadline")
        ),
    ]

    class Meta:
        verbose_name = _("home task")
        verbose_name_plural = _("home tasks")
        ordering = ["gathering__starts_at", "-days_before", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.gathering_id and self.network_id and self.gathering.network_id != self.network_id:
            raise ValidationError(
                {"gathering": _("Choose one of this learning network's gatherings.")}
            )

    @cached_property
    def deadline(self) -> datetime:
        starts_at = self.gathering.starts_at
        if not self.days_before:
            return starts_at
        oslo = ZoneInfo(settings.TIME_ZONE)
        day = timezone.localtime(starts_at, oslo).date() - timedelta(days=self.days_before)
        return datetime.combine(day, time(23, 59, 59), tzinfo=oslo)

    def is_overdue(self, now=None) -> bool:
        return (now or timezone.now()) > self.deadline


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    READ = "read", _("Read")


class Submission(models.Model):
    """A team's response to one home task: the shared draft the team edits, and
    the state of the last submitted version. Versions keep what was sent."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="submissions")
    task = models.ForeignKey(HomeTask, on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(
        max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    content = models.JSONField(default=dict, blank=True)
    revision = models.PositiveIntegerField(default=0)
    file = models.FileField(
        storage=private_storage, upload_to=private_upload_to("submissions"), blank=True
    )
    file_name = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The draft's revision when it was last sent: a higher revision means the
    # team has edited it since, and may send a new version.
    submitted_revision = models.PositiveIntegerField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Shared with the whole network (the poster walk).")
    )

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "task"], name="network_one_submission_per_task"
            ),
        ]
        indexes = [models.Index(fields=["task", "status"])]

    def __str__(self):
        return f"{self.team} – {self.task}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def has_unsent_changes(self) -> bool:
        return self.is_submitted and self.revision != self.submitted_revision


class SubmissionVersion(models.Model):
    """What a team sent, exactly as sent. Never changed afterwards."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField(default=dict)
    file = models.FileField(storage=private_storage, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by_name = models.CharField(max_length=150)
    submitted_at = models.DateTimeField()
    deadline = models.DateTimeField()
    is_late = models.BooleanField(default=False)
    advisor_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="network_version_number_once"
            ),
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"


class CommentVisibility(models.TextChoices):
    TEAM = "team", _("Team, advisor and organisers")
    NETWORK = "network", _("The whole network")


class SubmissionComment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    visibility = models.CharField(
        max_length=10, choices=CommentVisibility.choices, default=CommentVisibility.TEAM
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=150)
    author_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["submission", "visibility", "created_at"])]

    def __str__(self):
        return f"{self.author_name}: {self.body[:40]}"


class ProgressLevel(models.IntegerChoices):
    """The improvement collaborative's progress scale, as the advisor uses it."""

    PREPARING = 1, _("1 – Forming the team and getting started")
    PLANNING = 2, _("2 – Planning and first activity")
    TESTING = 3, _("3 – Changes tested; first measurements")
    IMPROVING = 4, _("4 – Improvement seen in the measurements")
    SUSTAINED = 5, _("5 – Lasting improvement, spreading in the municipality")


PROGRESS_LEVEL_MEANING = {
    ProgressLevel.PREPARING: _(
        "The team is formed and anchored with its leader; the project plan is being made."
    ),
    ProgressLevel.PLANNING: _(
        "Goals and measures are set, mentors are being recruited, and the first activity has begun."
    ),
    ProgressLevel.TESTING: _(
        "The mentor programme is being tried out in a pilot unit, and baseline figures exist."
    ),
    ProgressLevel.IMPROVING: _(
        "The measurements show improvement in the pilot, and the team plans to spread it."
    ),
    ProgressLevel.SUSTAINED: _(
        "The improvement holds and the programme is spreading to more units as ordinary work."
    ),
}


class ProgressScore(models.Model):
    """The advisor's judgement of a team's progress in the period before a gathering."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="progress_scores")
    gathering = models.ForeignKey(
        "events.EventPage", on_delete=models.PROTECT, related_name="progress_scores"
    )
    score = models.PositiveSmallIntegerField(
        _("progress"),
        choices=ProgressLevel.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    feedback = models.TextField(_("feedback"), blank=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    given_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "gathering"], name="network_one_score_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="network_score_one_to_five"
            ),
        ]

    def __str__(self):
        return f"{self.team}: {self.score}"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    LATE = "late", _("Late")


class TaskReminder(models.Model):
    """One row per reminder sent, so that each is sent once."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(HomeTask, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    # A moved gathering gives a new deadline, and so new reminders.
    deadline = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "task", "kind", "deadline"], name="network_reminder_sent_once"
            ),
        ]

    def __str__(self):
        return f"{self.team} – {self.task} ({self.kind})"
