"""The mentor scheme's rates and rules, as versioned data. Amounts are whole
Norwegian kroner (integers). An application keeps the version it was granted
under; a new version applies to applications from its valid-from date."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from mentornett.dates import PROGRAMME_PLAN


class RelationshipKind(models.TextChoices):
    STUDENT_PLACEMENT = "student_placement", _("Student placement")
    TEMPORARY_LICENCE = "temporary_licence", _("Student on temporary licence")
    INEXPERIENCED_VET = "inexperienced_vet", _("Newly graduated or inexperienced authorised vet")
    MENTORVET = "mentorvet", _("MentorVet")


class CourseFeeKind(models.TextChoices):
    INSEMINATION = "insemination", _("Insemination course")
    ANTE_MORTEM = "ante_mortem", _("Ante-mortem inspection course")
    ANIMAL_WELFARE = "animal_welfare", _("Animal welfare programme (DVP) course")


def _kroner(label, help_text=""):
    return models.PositiveIntegerField(label, null=True, blank=True, help_text=help_text)


class SchemeRulesQuerySet(models.QuerySet):
    def in_force(self, on: date) -> "SchemeRules | None":
        """The version that applies to an application made on `on`, with its
        rates prefetched; None before the first version."""
        return (
            self.filter(valid_from__lte=on)
            .order_by("-valid_from")
            .prefetch_related("relationship_rules", "course_fee_rules")
            .first()
        )


class SchemeRules(ClusterableModel):
    version = models.CharField(_("version"), max_length=20, unique=True)
    valid_from = models.DateField(_("valid from"), unique=True)
    summary = models.TextField(_("what changed"), blank=True)
    mentor_share_min_percent = models.PositiveSmallIntegerField(
        _("mentor's minimum share (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Version 1.0: at least half of the grant was the mentor's fee."),
    )
    flexible_share_max_percent = models.PositiveSmallIntegerField(
        _("share for housing, car, equipment and insurance (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Version 1.0: up to half of the mentor's grant could cover these."),
    )

    objects = SchemeRulesQuerySet.as_manager()

    panels = [
        FieldPanel("version"),
        FieldPanel("valid_from"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("mentor_share_min_percent"), FieldPanel("flexible_share_max_percent")],
            heading=_("Shares of the grant"),
        ),
        InlinePanel("relationship_rules", heading=_("Rates per relationship type")),
        InlinePanel("course_fee_rules", heading=_("Course-fee support")),
    ]

    class Meta:
        verbose_name = _("scheme rules")
        verbose_name_plural = _("scheme rules")
        ordering = ["-valid_from"]

    def __str__(self):
        return _("Version %(version)s (from %(date)s)") % {
            "version": self.version,
            "date": self.valid_from.strftime("%d.%m.%Y"),
        }

    def clean(self):
        super().clean()
        errors = PROGRAMME_PLAN.errors(valid_from=self.valid_from)
        if errors:
            raise ValidationError(errors)

    def rule_for(self, kind: str):
        return next((rule for rule in self.relationship_rules.all() if rule.kind == kind), None)


class RelationshipRule(models.Model):
    rules = ParentalKey(SchemeRules, on_delete=models.CASCADE, related_name="relationship_rules")
    kind = models.CharField(_("relationship type"), max_length=20, choices=RelationshipKind.choices)
    mentor_per_week = _kroner(_("mentor: per week (5 working days)"))
    mentor_first_month = _kroner(_("mentor: first month"))
    mentor_following_month = _kroner(_("mentor: each following month"))
    mentor_following_months_max = models.PositiveSmallIntegerField(
        _("mentor: following months at most"), null=True, blank=True
    )
    mentor_cap = _kroner(_("mentor: at most per relationship"))
    mentee_housing_per_week = _kroner(_("mentee: housing per week"))
    mentee_housing_per_relationship = _kroner(_("mentee: housing per relationship"))
    mentee_travel_cap = _kroner(_("mentee: travel, at most"))
    practice_stipend_per_week = _kroner(_("mentee: practice stipend per reverse ride-along week"))
    backup_weeks_required = models.PositiveSmallIntegerField(
        _("backup duty: weeks required"), null=True, blank=True
    )
    reverse_ride_along_min_weeks = models.PositiveSmallIntegerField(
        _("reverse ride-along: weeks at least"), null=True, blank=True
    )
    employment_required = models.BooleanField(_("the mentee must be employed"), default=False)

    panels = [
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("mentor_per_week"),
                FieldPanel("mentor_first_month"),
                FieldPanel("mentor_following_month"),
                FieldPanel("mentor_following_months_max"),
                FieldPanel("mentor_cap"),
            ],
            heading=_("To the mentor"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mentee_housing_per_week"),
                FieldPanel("mentee_housing_per_relationship"),
                FieldPanel("mentee_travel_cap"),
                FieldPanel("practice_stipend_per_week"),
            ],
            heading=_("To the mentee"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("backup_weeks_required"),
                FieldPanel("reverse_ride_along_min_weeks"),
                FieldPanel("employment_required"),
            ],
            heading=_("Requirements"),
        ),
    ]

    class Meta:
        verbose_name = _("rate for a relationship type")
        constraints = [
            models.UniqueConstraint(fields=["rules", "kind"], name="network_one_rate_per_kind"),
        ]

    def __str__(self):
        return f"{self.rules.version}: {self.get_kind_display()}"


class CourseFeeRule(models.Model):
    rules = ParentalKey(SchemeRules, on_delete=models.CASCADE, related_name="course_fee_rules")
    course = models.CharField(_("course"), max_length=20, choices=CourseFeeKind.choices)
    price = _kroner(_("price"))
    support_percent = models.PositiveSmallIntegerField(
        _("support (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    support_cap = _kroner(_("support at most"))
    means_tested = models.BooleanField(_("means-tested"), default=False)
    min_employment_weeks = models.PositiveSmallIntegerField(
        _("documented full-time employment: weeks at least"), null=True, blank=True
    )
    job_start_within_months = models.PositiveSmallIntegerField(
        _("the job starts within (months of the course)"), null=True, blank=True
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("price"),
        FieldPanel("support_percent"),
        FieldPanel("support_cap"),
        FieldPanel("means_tested"),
        FieldPanel("min_employment_weeks"),
        FieldPanel("job_start_within_months"),
    ]

    class Meta:
        verbose_name = _("course-fee support")
        constraints = [
            models.UniqueConstraint(
                fields=["rules", "course"], name="network_one_fee_rule_per_course"
            ),
        ]

    def __str__(self):
        return f"{self.rules.version}: {self.get_course_display()}"
