from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentornett.accounts.roles import StaffRole

from .models import AuditEvent

MAX_ID = 2**63 - 1  # larger numbers would overflow the database's integer

# Keys in `changes` that are not fields of the target model.
EXTRA_LABELS = {
    "groups": gettext_lazy("Staff role"),
    "version": gettext_lazy("Version"),
    "claims_paid": gettext_lazy("Claims paid"),
    "replaces": gettext_lazy("Replaces"),
}


def audit_events(*, action="", target_type=None, target_id=None, actor="", date_from=None,
                 date_to=None):  # fmt: skip
    """The log, newest first, filtered; actor matches an id or part of an
    e-mail address, of whoever made the change or whom it was about."""
    events = AuditEvent.objects.for_listing()
    if action:
        events = events.filter(action=action)
    if target_type:
        events = events.filter(target_type_id=target_type)
    if target_id:
        events = events.filter(target_id=target_id)
    actor = (actor or "").strip()
    if actor.isdigit() and int(actor) <= MAX_ID:
        events = events.filter(Q(actor_id=int(actor)) | Q(subject_id=int(actor)))
    elif actor:
        events = events.filter(
            Q(actor__email__icontains=actor) | Q(subject__email__icontains=actor)
        )
    if date_from:
        events = events.filter(at__date__gte=date_from)
    if date_to:
        events = events.filter(at__date__lte=date_to)
    return events


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def _shown(value, choices, *, relation=False) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if relation:
        return f"#{value}"
    return str(choices.get(value, value))


def describe_changes(event: AuditEvent) -> list[Change]:
    """The changes with the target's field names and choice labels, in the
    reader's language."""
    model = event.target_type.model_class()
    described = []
    for key, values in event.changes.items():
        old, new = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
        choices = {}
        try:
            field = model._meta.get_field(key) if model else None
        except FieldDoesNotExist:
            field = None
        if key == "groups":
            choices = dict(StaffRole.choices)
        if field is not None:
            label = getattr(field, "verbose_name", key)
            if getattr(field, "choices", None):
                choices = dict(field.flatchoices)
        else:
            label = EXTRA_LABELS.get(key, key)
        relation = bool(field is not None and field.is_relation)
        described.append(
            Change(
                str(label),
                _shown(old, choices, relation=relation),
                _shown(new, choices, relation=relation),
            )
        )
    return described


def content_type_name(content_type) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name).capitalize() if model else content_type.model
