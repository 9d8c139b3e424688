"""MentorHub: a vet centre with several mentors that takes several students a
year. It does not apply per student; its students are registered per week,
and it is paid half-yearly from the registered student-weeks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..networks import Municipality


class HubStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    CLOSED = "closed", _("Closed")


class MentorHub(models.Model):
    name = models.CharField(_("name of the vet centre"), max_length=200)
    organisation_number = models.CharField(
        _("organisation number"), max_length=9, blank=True, help_text=_("Nine digits.")
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=HubStatus.choices, default=HubStatus.PENDING)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("MentorHub")
        verbose_name_plural = _("MentorHubs")
        ordering = ["name"]
        # The office's queue of hubs waiting for approval, oldest first.
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation_number="")
                | models.Q(organisation_number__regex=r"^[0-9]{9}$"),
                name="network_hub_organisation_number_nine_digits",
            ),
        ]

    def __str__(self):
        return self.name


class HubMentor(models.Model):
    """A mentor at the hub; each must hold a valid mentor certificate when
    added. A contact may add mentors and register students."""

    hub = models.ForeignKey(MentorHub, on_delete=models.CASCADE, related_name="mentors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hub_memberships"
    )
    is_contact = models.BooleanField(_("contact person"), default=False)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_contact", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "user"], name="network_hub_mentor_once"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.hub}"


class HubStudentWeek(models.Model):
    """One student at the hub for one week (the Monday it starts)."""

    hub = models.ForeignKey(MentorHub, on_delete=models.PROTECT, related_name="student_weeks")
    student_name = models.CharField(_("the student's name"), max_length=150)
    student_email = models.EmailField(_("the student's e-mail"))
    week_starts_on = models.DateField(_("week (Monday)"))
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor that week"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    payout = models.ForeignKey(
        "HubPayout", null=True, blank=True, on_delete=models.PROTECT, related_name="weeks"
    )

    class Meta:
        verbose_name = _("student-week")
        verbose_name_plural = _("student-weeks")
        ordering = ["week_starts_on", "student_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "student_email", "week_starts_on"],
                name="network_hub_student_week_once",
            ),
        ]

    def __str__(self):
        return f"{self.student_name}, {self.week_starts_on:%d.%m.%Y}"


class HubPayout(models.Model):
    """The half-yearly payout to a hub from its registered student-weeks."""

    hub = models.ForeignKey(MentorHub, on_delete=models.PROTECT, related_name="payouts")
    year = models.PositiveSmallIntegerField()
    half = models.PositiveSmallIntegerField(
        choices=[(1, _("January–June")), (2, _("July–December"))]
    )
    week_count = models.PositiveIntegerField()
    amount = models.PositiveIntegerField(_("amount (NOK)"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hub payout")
        verbose_name_plural = _("hub payouts")
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "year", "half"], name="network_one_hub_payout_per_half_year"
            ),
        ]

    def __str__(self):
        return f"{self.hub} {self.year}/{self.half}"
