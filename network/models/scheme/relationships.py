"""A running mentor relationship (a granted application): the mentee's claims
with receipts, both parties' evaluations, the mentor's report and the payout.
Amounts are whole kroner."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mentornett.uploads import private_storage, private_upload_to

from .applications import Application, SchemeRole
from .rules import CourseFeeKind


class ClaimCategory(models.TextChoices):
    # Keep in sync with the categories of network/scheme/support.py.
    HOUSING = "housing", _("Housing")
    TRAVEL = "travel", _("Travel")
    PRACTICE_STIPEND = "practice_stipend", _("Practice stipend")
    COURSE_FEE = "course_fee", _("Course fee")


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    PAID = "paid", _("Paid")


class ClaimQuerySet(models.QuerySet):
    def counting(self):
        """Claims that still count against a cap: all but the rejected."""
        return self.exclude(status=ClaimStatus.REJECTED)


class Claim(models.Model):
    """The mentee's claim for a documented cost, within the grant's caps."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="claims")
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="scheme_claims"
    )
    category = models.CharField(_("what for"), max_length=20, choices=ClaimCategory.choices)
    course = models.CharField(_("course"), max_length=20, choices=CourseFeeKind.choices, blank=True)
    description = models.CharField(_("description"), max_length=300)
    amount = models.PositiveIntegerField(_("amount claimed (NOK)"))
    spent_on = models.DateField(_("date of the cost"))
    receipt = models.FileField(
        _("receipt"), storage=private_storage, upload_to=private_upload_to("receipts")
    )
    receipt_name = models.CharField(max_length=255, blank=True)
    # Insemination course: the employment that needs insemination.
    job_starts_on = models.DateField(_("the job starts on"), null=True, blank=True)
    employment_weeks = models.PositiveSmallIntegerField(
        _("weeks of full-time employment"), null=True, blank=True
    )
    employment_document = models.FileField(
        _("employment documentation"),
        storage=private_storage,
        upload_to=private_upload_to("receipts"),
        blank=True,
    )
    employment_document_name = models.CharField(max_length=255, blank=True)

    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    approved_amount = models.PositiveIntegerField(_("approved amount (NOK)"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note to the mentee"), blank=True)
    payout = models.ForeignKey(
        "Payout", null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["application", "category", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="network_claim_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(approved_amount__isnull=True)
                | models.Q(approved_amount__lte=models.F("amount")),
                name="network_claim_approved_within_claimed",
            ),
            models.CheckConstraint(
                condition=models.Q(category=ClaimCategory.COURSE_FEE) | models.Q(course=""),
                name="network_claim_course_only_for_course_fees",
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.description}"

    @property
    def counted_amount(self) -> int:
        """What the claim takes of its cap: the approved amount once decided."""
        if self.status == ClaimStatus.REJECTED:
            return 0
        if self.approved_amount is not None:
            return self.approved_amount
        return self.amount


class Satisfaction(models.IntegerChoices):
    VERY_DISSATISFIED = 1, _("1 – Very dissatisfied")
    DISSATISFIED = 2, _("2 – Dissatisfied")
    NEUTRAL = 3, _("3 – Neither satisfied nor dissatisfied")
    SATISFIED = 4, _("4 – Satisfied")
    VERY_SATISFIED = 5, _("5 – Very satisfied")


class ExpectationsClarified(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Evaluation(models.Model):
    """One party's evaluation at the end of the relationship."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="evaluations"
    )
    role = models.CharField(max_length=10, choices=SchemeRole.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("How satisfied were you with the mentor scheme?"),
        choices=Satisfaction.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    collaboration = models.PositiveSmallIntegerField(
        _("How well did the collaboration between mentor and mentee work?"),
        choices=Satisfaction.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    expectations_clarified = models.CharField(
        _("Did the start-up conversation clarify expectations, roles and responsibilities?"),
        max_length=10,
        choices=ExpectationsClarified.choices,
    )
    went_well = models.TextField(_("What worked well?"), blank=True)
    could_be_better = models.TextField(_("What could be better?"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "role"], name="network_one_evaluation_per_party"
            ),
            models.CheckConstraint(
                condition=models.Q(satisfaction__gte=1, satisfaction__lte=5)
                & models.Q(collaboration__gte=1, collaboration__lte=5),
                name="network_evaluation_scores_one_to_five",
            ),
        ]

    def __str__(self):
        return f"{self.application} ({self.role})"


class MentorReport(models.Model):
    """The mentor's short report at the end; payout follows it."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="mentor_report"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(_("How did the relationship go?"))
    mentee_progress = models.TextField(_("What has the mentee learned and practised?"), blank=True)
    backup_duty_as_planned = models.BooleanField(
        _("Backup duty was given as planned"), default=False
    )
    ended_as_planned = models.BooleanField(
        _("The relationship ran the planned period"), default=True
    )
    ended_early_reason = models.TextField(
        _("If it ended early: why, and what would have helped?"), blank=True
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentor's report")
        verbose_name_plural = _("mentor reports")

    def __str__(self):
        return str(self.application)


class Payout(models.Model):
    """What the programme paid for one relationship: the mentor's fee and the
    mentee's approved claims. One per relationship."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="payout")
    mentor_fee = models.PositiveIntegerField(_("mentor's fee (NOK)"))
    mentee_amount = models.PositiveIntegerField(_("to the mentee (NOK)"))
    override_reason = models.TextField(
        _("why the payout is made before the evaluations and the report are in"), blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")

    def __str__(self):
        return str(self.application)

    @property
    def total(self) -> int:
        return self.mentor_fee + self.mentee_amount
