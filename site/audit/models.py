"""The audit trail: one row per change of state that matters to the law or to
trust (who decided an application, who was paid what, who got a role).

Rows are only ever added. The model and its manager refuse updates and
deletes, and on PostgreSQL a trigger (migrations/0002) refuses them too. A row
names people only through foreign keys, never by copying a name or an e-mail
address, so anonymising an account removes the name from the log while the
record stays."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit row."""


class AuditAction(models.TextChoices):
    # Keep in sync with the record(...) calls listed in the README's audit section.
    APPLICATION_STATUS = "application.status", _("Application changed")
    APPLICATION_EDITED = "application.edited", _("Application draft saved")
    CLAIM_SUBMITTED = "claim.submitted", _("Claim sent")
    CLAIM_DECIDED = "claim.decided", _("Claim decided")
    PAYOUT_RECORDED = "payout.recorded", _("Payout recorded")
    HUB_APPROVED = "hub.approved", _("Mentor hub approved")
    HUB_PAYOUT_RECORDED = "hub_payout.recorded", _("Hub payout recorded")
    CERTIFICATE_ISSUED = "certificate.issued", _("Certificate issued")
    CERTIFICATE_REVOKED = "certificate.revoked", _("Certificate revoked")
    REGISTRATION_CREATED = "registration.created", _("Registered for an event")
    REGISTRATION_CANCELLED = "registration.cancelled", _("Registration cancelled")
    REGISTRATION_PROMOTED = "registration.promoted", _("Moved up from the waitlist")
    ATTENDANCE_MARKED = "registration.attendance", _("Attendance marked")
    SUBMISSION_SENT = "submission.sent", _("Report or home task sent")
    SUBMISSION_RETURNED = "submission.returned", _("Report returned for changes")
    SUBMISSION_READ = "submission.read", _("Report marked as read")
    PROGRESS_SCORED = "progress.scored", _("Progress score given")
    TEAM_MEMBER_ADDED = "team.member_added", _("Team member added")
    TEAM_MEMBER_REMOVED = "team.member_removed", _("Team member removed")
    TEAM_ADVISOR_ASSIGNED = "team.advisor", _("Team advisor assigned")
    NETWORK_STAFF_ADDED = "network_staff.added", _("Organiser or advisor added")
    NETWORK_STAFF_CHANGED = "network_staff.changed", _("Organiser or advisor changed")
    NETWORK_STAFF_REMOVED = "network_staff.removed", _("Organiser or advisor removed")
    STAFF_ROLE_ADDED = "role.added", _("Staff role given")
    STAFF_ROLE_REMOVED = "role.removed", _("Staff role taken away")
    SUPERUSER_GIVEN = "superuser.given", _("Made administrator (superuser)")
    SUPERUSER_REMOVED = "superuser.removed", _("Administrator status (superuser) removed")
    # --- Finn mentor: profiles, municipality contacts and needs ---
    FINN_LISTED = "finn.listed", _("Listed in Finn mentor")
    FINN_HIDDEN = "finn.hidden", _("Hidden from Finn mentor")
    MUNICIPALITY_CONTACT_REGISTERED = (
        "municipality_contact.registered",
        _("Registered as municipality contact"),
    )
    MUNICIPALITY_CONTACT_VERIFIED = (
        "municipality_contact.verified",
        _("Municipality contact verified"),
    )
    MUNICIPALITY_CONTACT_REJECTED = (
        "municipality_contact.rejected",
        _("Municipality contact rejected"),
    )
    MUNICIPALITY_NEED_PUBLISHED = "municipality_need.published", _("Municipality need published")
    MUNICIPALITY_NEED_CLOSED = "municipality_need.closed", _("Municipality need closed")
    # --- Finn mentor: searches, the matching board ---
    FINN_ANSWER_ACCEPTED = "finn.answer_accepted", _("Finn mentor: an answer to a search accepted")
    FINN_PROPOSAL_MADE = "finn.proposal_made", _("Finn mentor: a pair proposed")
    FINN_PROPOSAL_ANSWERED = "finn.proposal_answered", _("Finn mentor: a proposal answered")
    FINN_NOTE_ADDED = "finn.note_added", _("Finn mentor: a note on a search")
    # --- Finn mentor: requests ---
    REQUEST_SENT = "finn_request.sent", _("Mentor request sent")
    REQUEST_ACCEPTED = "finn_request.accepted", _("Mentor request accepted")
    REQUEST_DECLINED = "finn_request.declined", _("Mentor request declined")
    REQUEST_PASSED_ON = "finn_request.passed_on", _("Mentor request passed on to the next choice")
    REQUEST_EXPIRED = "finn_request.expired", _("Mentor request expired")
    REQUEST_WITHDRAWN = "finn_request.withdrawn", _("Mentor request withdrawn")


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit events cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Audit events cannot be changed.")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def for_listing(self):
        return self.select_related("actor", "subject", "target_type")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # PROTECT: accounts are anonymised in place, never deleted while they have history.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty when the system made the change (a scheduled task, a migration)."),
    )
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(_("id"))
    target_label = models.CharField(_("about"), max_length=200, blank=True)
    # The person the change is about (whose registration, whose role), if not the actor.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    reason = models.TextField(_("reason"), blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]
        default_permissions = ("add", "view")
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
            models.Index(fields=["action", "at"], name="audit_action_at_idx"),
            models.Index(fields=["actor", "at"], name="audit_actor_at_idx"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} – {self.target_type.name} #{self.target_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")

    @property
    def target_model(self):
        return self.target_type.model_class()
