"""Roles that are changed in the Wagtail admin rather than through a service:
staff roles are group memberships (the user editor, the group editor, code,
all through User.groups), organisers and advisors are rows on the network
page. Their audit rows are written from model signals, in the same
transaction as the change."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

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


# --- network organisers and advisors, named on the network page ------------------------
# Wagtail saves the page's NetworkStaff rows when the page is published; a row
# that stays is saved again unchanged, so only rows that appear, change or go
# are recorded.


def _staff_label(staff) -> str:
    # Read, not followed: while a network page is deleted, its rows go first.
    page = apps.get_model("network", "LearningNetworkPage")
    return page.objects.filter(pk=staff.network_id).values_list("title", flat=True).first() or ""


def _on_staff_pre_save(sender, instance, raw, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    instance._audit_before = (
        sender.objects.filter(pk=instance.pk).values("person_id", "role").first()
    )


def _on_staff_saved(sender, instance, created, raw, **kwargs):
    if raw:
        return
    before = getattr(instance, "_audit_before", None)
    instance._audit_before = None
    if created or before is None:
        changes = {"role": [None, instance.role]}
        action = AuditAction.NETWORK_STAFF_ADDED
    elif before != {"person_id": instance.person_id, "role": instance.role}:
        changes = {"role": [before["role"], instance.role]}
        if before["person_id"] != instance.person_id:
            changes["person"] = [before["person_id"], instance.person_id]
        action = AuditAction.NETWORK_STAFF_CHANGED
    else:
        return
    record(
        action,
        actor=current_actor(),
        target=instance,
        subject=instance.person_id,
        label=_staff_label(instance),
        changes=changes,
    )


def _on_staff_deleted(sender, instance, origin=None, **kwargs):
    if isinstance(origin, get_user_model()):
        return  # the account itself is being deleted; it can have no audit rows
    record(
        AuditAction.NETWORK_STAFF_REMOVED,
        actor=current_actor(),
        target=instance,
        subject=instance.person_id,
        label=_staff_label(instance),
        changes={"role": [instance.role, None]},
    )


# --- superuser status, set in the Wagtail user editor -----------------------------------


def _on_user_pre_save(sender, instance, raw, update_fields=None, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and "is_superuser" not in update_fields:
        return  # e.g. the last-login stamp on every sign-in
    instance._audit_was_superuser = (
        sender.objects.filter(pk=instance.pk).values_list("is_superuser", flat=True).first()
    )


def _on_user_saved(sender, instance, created, raw, **kwargs):
    if raw:
        return
    before = False if created else getattr(instance, "_audit_was_superuser", None)
    instance._audit_was_superuser = None
    if before is None or bool(before) == instance.is_superuser:
        return
    record(
        AuditAction.SUPERUSER_GIVEN if instance.is_superuser else AuditAction.SUPERUSER_REMOVED,
        actor=current_actor(),
        target=instance,
        subject=instance,
        changes={"is_superuser": [before, instance.is_superuser]},
    )


def connect():
    m2m_changed.connect(
        _on_groups_changed, sender=get_user_model().groups.through, dispatch_uid="audit-groups"
    )
    user = get_user_model()
    pre_save.connect(_on_user_pre_save, sender=user, dispatch_uid="audit-user-pre")
    post_save.connect(_on_user_saved, sender=user, dispatch_uid="audit-user-saved")
    staff = apps.get_model("network", "NetworkStaff")
    pre_save.connect(_on_staff_pre_save, sender=staff, dispatch_uid="audit-staff-pre")
    post_save.connect(_on_staff_saved, sender=staff, dispatch_uid="audit-staff-saved")
    post_delete.connect(_on_staff_deleted, sender=staff, dispatch_uid="audit-staff-deleted")
