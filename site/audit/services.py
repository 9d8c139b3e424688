"""Writing the audit trail. Services call `record(...)` right after the change,
inside their transaction: a change that rolls back leaves no audit row, a
change that commits always has one."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditAction, AuditEvent

_actor: ContextVar = ContextVar("audit_actor", default=None)


@contextmanager
def acting_as(user):
    """Who is acting, for services that are not told (see middleware.py)."""
    # Stored as given: request.user stays lazy until an audit row needs it.
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor():
    """The signed-in person behind this request, or None for the system
    (tasks, management commands, anonymous links)."""
    user = _actor.get()
    return user if user is not None and user.is_authenticated else None


def _user_id(user) -> int | None:
    if user is None or isinstance(user, int):
        return user
    return user.pk if user.is_authenticated else None


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.Choices):
        return value.value
    return value


def record(
    action: AuditAction,
    *,
    actor,
    target: models.Model,
    changes: dict | None = None,
    subject=None,
    label: str = "",
    note: str = "",
) -> AuditEvent:
    """One audit row. `actor` and `subject` (the person the change is about)
    are users or user ids. `changes` maps a field to [old, new]; model
    instances are stored by their id. `label` is a short, non-personal
    description of the target (a course title, a certificate code), never a
    name or an address."""
    return AuditEvent.objects.create(
        action=action,
        actor_id=_user_id(actor),
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        target_label=str(label)[:200],
        subject_id=_user_id(subject),
        changes={
            field: [_plain(old), _plain(new)] for field, (old, new) in (changes or {}).items()
        },
        reason=(note or "").strip(),
    )
