"""Applications to the veterinary mentor scheme: a mentor and a mentee apply
together; the granted application is the contract. Every change of status is
kept in an append-only history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mentornett.uploads import private_storage, private_upload_to

from ..networks import Municipality
from .rules import RelationshipKind, SchemeRules


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    EVALUATED = "evaluated", _("Evaluated")
    PAID = "paid", _("Paid")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MentorCriterion(models.TextChoices):
    """What the mentor declares on the application (DOMAIN.md, mentor criteria)."""

    PRACTICE_YEAR = (
        "practice_year",
        _("At least one year in Norwegian full-time combined or production-animal practice"),
    )
    AUTHORISATION = "authorisation", _("Norwegian authorisation as a veterinarian")
    PASS_ON = "pass_on", _("I want to pass on knowledge and joy in the work")
    OWN_DEVELOPMENT = "own_development", _("I see the scheme as a chance for my own development")
    BACKUP_DUTY = (
        "backup_duty",
        _(
            "I can offer backup duty, with other mentors or the mentor group, for substitutes "
            "and new hires"
        ),
    )
    MUNICIPALITY = "municipality", _("I am willing to involve the municipality")
    NEW_WAYS = "new_ways", _("I am open to new ways of working")
    FOLLOW_UP = "follow_up", _("I commit to following up the mentee well")


class SchemeRole(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")


class Application(models.Model):
    # The plain fields of the shared draft (the form's and the service's).
    DRAFT_FIELDS = (
        "starts_on",
        "ends_on",
        "municipality",
        "employer",
        "backup_plan",
        "reverse_ride_along_from",
        "reverse_ride_along_to",
        "insurance_confirmed",
        "municipality_contact_name",
        "municipality_contact_email",
        "planned_use",
        "mentee_goals",
    )

    kind = models.CharField(_("relationship type"), max_length=20, choices=RelationshipKind.choices)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications_as_mentor",
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications_as_mentee",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rules = models.ForeignKey(
        SchemeRules,
        verbose_name=_("rules version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        help_text=_("Set when the application is granted; it keeps this version."),
    )
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("practice location (municipality)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    contract = models.FileField(
        _("employment contract"),
        storage=private_storage,
        upload_to=private_upload_to("contracts"),
        blank=True,
    )
    contract_name = models.CharField(max_length=255, blank=True)
    backup_plan = models.TextField(_("backup-duty plan"), blank=True)
    reverse_ride_along_from = models.DateField(_("reverse ride-along from"), null=True, blank=True)
    reverse_ride_along_to = models.DateField(_("reverse ride-along to"), null=True, blank=True)
    insurance_confirmed = models.BooleanField(
        _("the mentor's business covers occupational injury and liability for the mentee"),
        default=False,
    )
    municipality_contact_name = models.CharField(
        _("municipality contact"), max_length=150, blank=True
    )
    municipality_contact_email = models.EmailField(_("municipality contact's e-mail"), blank=True)
    planned_use = models.TextField(_("planned use of the funds"), blank=True)
    mentor_declarations = models.JSONField(default=list, blank=True)
    mentee_goals = models.TextField(_("the mentee's goals for the mentoring period"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decision_letter = models.FileField(
        storage=private_storage, upload_to=private_upload_to("decisions"), blank=True
    )
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)
    mentee_accepted_at = models.DateTimeField(null=True, blank=True)
    startup_conversation_on = models.DateField(
        _("start-up conversation held on"), null=True, blank=True
    )
    startup_conversation_notes = models.TextField(
        _("what was agreed in the start-up conversation"), blank=True
    )

    class Meta:
        verbose_name = _("scheme application")
        verbose_name_plural = _("scheme applications")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["municipality", "status"]),
            # The office's list: newest first, a page at a time, whatever the filter.
            models.Index(fields=["created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="network_application_period_in_order",
            ),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")),
                name="network_application_two_people",
            ),
        ]

    def __str__(self):
        names = " – ".join(
            person.display_name for person in (self.mentor, self.mentee) if person is not None
        )
        return f"{self.get_kind_display()}: {names}" if names else self.get_kind_display()

    def role_of(self, user) -> str | None:
        if user.pk and user.pk == self.mentor_id:
            return SchemeRole.MENTOR
        if user.pk and user.pk == self.mentee_id:
            return SchemeRole.MENTEE
        return None


class ApplicationGuide(models.Model):
    """Another vet in the mentor group, guiding alongside the main mentor."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="guides")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class ApplicationInvitation(models.Model):
    """The other party's invitation to join an application, by e-mail."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=SchemeRole.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "role"],
                condition=models.Q(accepted_at__isnull=True),
                name="network_one_open_application_invitation_per_role",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.role})"


class ApplicationEvent(models.Model):
    """One step of an application's history. Rows are only ever added."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or '–'} → {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The application history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The application history is append-only.")


class MunicipalityContact(models.Model):
    """The person in a municipality responsible for vet coverage. They see a
    read-only summary of the mentor relationships in their municipality."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="scheme_contacts",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="municipality_contacts",
    )
    # A contact who registers themselves may act for the municipality only
    # once the programme office has verified them; the office's own are
    # verified when added.
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(
        _("role in the municipality"),
        max_length=150,
        blank=True,
        help_text=_("E.g. agricultural adviser or head of the vet service."),
    )
    registered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("municipality contact")
        verbose_name_plural = _("municipality contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "user"], name="network_municipality_contact_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.municipality})"
