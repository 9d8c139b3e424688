"""Staff roles are group memberships, changed in the Wagtail user editor, the
group editor or code; all of those go through User.groups, so the audit row
is written from its m2m_changed signal rather than from each caller."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed

from .models import AuditAction
from .services import current_actor, record


def _record_group_change(*, user, group, added: bool):
    record(
        AuditAction.STAFF_ROLE_ADDED if added else AuditAction.STAFF_ROLE_REMOVED,
        actor=current_actor(),
        target=user,
        subject=user,
        changes={"groups": [None, group.name] if added else [group.name, None]},
    )


def _on_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action == "pre_clear":
        # post_clear does not say what was removed: read it before it goes.
        instance._audit_cleared = list(
            instance.user_set.all() if reverse else instance.groups.all()
        )
        return
    if action == "post_clear":
        others = getattr(instance, "_audit_cleared", [])
        instance._audit_cleared = []
        added = False
    elif action in ("post_add", "post_remove"):
        others = list(model.objects.filter(pk__in=pk_set or ()))
        added = action == "post_add"
    else:
        return
    for other in others:
        user, group = (other, instance) if reverse else (instance, other)
        _record_group_change(user=user, group=group, added=added)


def connect():
    m2m_changed.connect(
        _on_groups_changed, sender=get_user_model().groups.through, dispatch_uid="audit-groups"
    )
