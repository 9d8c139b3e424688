"""The content generation: one number in the shared cache that every cached
piece of public content (whole pages for visitors, the header and footer) is
stamped with. Any write to the database that could show on a public page bumps
it, so nothing cached outlives a publish, an unpublish, a settings change or a
new registration. Writes to private, high-churn rows (sessions, progress,
answers, the task queue, log entries) leave it alone.

Correct by default: a model not named in IGNORED_MODELS invalidates on save
and delete. Bulk `QuerySet.update()` sends no signal; a service that updates
public data that way calls `bump()` itself."""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

GENERATION_KEY = "content-generation"
PERMISSIONS_KEY = "permissions-generation"

# app_label.ModelName of rows no public page shows.
IGNORED_MODELS = frozenset(
    {
        "sessions.Session",
        "accounts.User",
        "accounts.Profile",
        "account.EmailAddress",
        "account.EmailConfirmation",
        "socialaccount.SocialAccount",
        "socialaccount.SocialToken",
        "django_q.OrmQ",
        "django_q.Task",
        "django_q.Success",
        "django_q.Failure",
        "django_q.Schedule",
        "courses.Enrolment",
        "courses.LessonCompletion",
        "courses.BlockResponse",
        "courses.Certificate",
        "events.PollParticipation",
        "events.PollAnswer",
        "events.CalendarFeed",
        "events.EventSchedule",
        "events.BreakoutPlan",
        # The learning networks' team work: only members see it, never a cached page.
        "network.Team",
        "network.TeamMembership",
        "network.TeamInvitation",
        "network.CollaborationAgreement",
        "network.Submission",
        "network.SubmissionVersion",
        "network.SubmissionComment",
        "network.ProgressScore",
        "network.TaskReminder",
        "network.Indicator",
        "network.Measurement",
        "network.TeamMilestone",
        # The mentor scheme's cases: personal, shown to the parties and the office.
        "network.Application",
        "network.ApplicationGuide",
        "network.ApplicationInvitation",
        "network.ApplicationEvent",
        "network.MunicipalityContact",
        "network.Claim",
        "network.Evaluation",
        "network.MentorReport",
        "network.Payout",
        "network.HubMentor",
        "network.HubStudentWeek",
        "network.HubPayout",
        "network.EquipmentBooking",
        # Logs: the audit trail and sign-in attempts, shown only in the admin.
        "audit.AuditEvent",
        "axes.AccessAttempt",
        "axes.AccessAttemptExpiration",
        "axes.AccessFailureLog",
        "axes.AccessLog",
        "wagtailcore.PageLogEntry",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.Revision",
        "wagtailcore.PageSubscription",
        "wagtailcore.WorkflowState",
        "wagtailcore.TaskState",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailimages.Rendition",
        "wagtailsearch.IndexEntry",
        "wagtailadmin.EditingSession",
        "wagtailusers.UserProfile",
    }
)

# Changes to who holds which permission; cached permission sets depend on them.
PERMISSION_MODELS = frozenset({"auth.Group", "auth.Permission"})


def current() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def bump() -> None:
    """Make every cached page and header stale: now, and again when the
    transaction commits, so a reader that cached the old rows in between is
    not served either."""
    _bump_now_and_on_commit(GENERATION_KEY)


def stamped(request, key: str, build, timeout: int):
    """What `build()` returns, from the cache while the content generation is
    unchanged. The generation is read once per request (if there is one), with
    the first key. Without a cache every process shares, it builds each time."""
    if not settings.SHARED_CACHE:
        return build()
    generation = getattr(request, "_content_generation", None)
    if generation is None:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current()
        if request is not None:
            request._content_generation = generation
        entry = found.get(key)
    else:
        entry = cache.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = build()
    cache.set(key, (generation, value), timeout)
    return value


def permissions_generation() -> int:
    return cache.get_or_set(PERMISSIONS_KEY, 1, timeout=None)


def bump_permissions() -> None:
    _bump_now_and_on_commit(PERMISSIONS_KEY)


def _bump_now_and_on_commit(key: str) -> None:
    _increment(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _increment(key), robust=True)


def _increment(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not set yet, or evicted
        cache.set(key, 2, timeout=None)


def _label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def _on_write(sender, **kwargs):
    if kwargs.get("raw"):  # loading fixtures
        return
    label = _label(sender)
    if label in PERMISSION_MODELS:
        bump_permissions()
    if label not in IGNORED_MODELS:
        bump()


def _on_m2m(sender, action, **kwargs):
    if not action.startswith("post_"):
        return
    # Group memberships and granted permissions change what cached permission
    # sets hold; other many-to-many fields (e.g. related guides) change content.
    ends = {_label(kwargs["model"]), _label(type(kwargs["instance"]))}
    if ends & PERMISSION_MODELS:
        bump_permissions()
    else:
        bump()


def connect() -> None:
    for model in apps.get_models():
        post_save.connect(_on_write, sender=model, dispatch_uid=f"content-cache-{_label(model)}")
        post_delete.connect(
            _on_write, sender=model, dispatch_uid=f"content-cache-del-{_label(model)}"
        )
    m2m_changed.connect(_on_m2m, dispatch_uid="content-cache-m2m")
