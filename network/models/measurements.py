from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .networks import Team


class Better(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(models.Model):
    """Something a team measures to see whether its mentor programme works,
    e.g. "new nurses who quit within a year", counted out of the new hires."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=150)
    unit = models.CharField(
        _("unit"), max_length=60, help_text=_("What is counted, e.g. “applicants” or “quit”.")
    )
    better = models.CharField(
        _("which direction is better"), max_length=6, choices=Better.choices, default=Better.HIGHER
    )
    denominator_label = models.CharField(
        _("out of"),
        max_length=60,
        blank=True,
        help_text=_(
            "For a proportion: what the number is counted out of, e.g. “new hires”. "
            "Leave empty for a plain number."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="network_indicator_name_once"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_proportion(self) -> bool:
        return bool(self.denominator_label)


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    denominator = models.DecimalField(
        _("out of"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    is_baseline = models.BooleanField(
        _("baseline"), default=False, help_text=_("A figure from before the programme started.")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="network_one_value_per_day"
            ),
            models.CheckConstraint(
                condition=models.Q(denominator__isnull=True) | models.Q(denominator__gt=0),
                name="network_denominator_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="network_measurement_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.measured_on})"

    @property
    def percentage(self) -> float | None:
        if self.denominator:
            return float(self.value) / float(self.denominator) * 100
        return None


class TeamMilestone(models.Model):
    """Something that happened, shown on every run chart: "mentor programme started"."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="milestones")
    happened_on = models.DateField(_("date"))
    text = models.CharField(_("what happened"), max_length=80)

    class Meta:
        ordering = ["happened_on", "pk"]

    def __str__(self):
        return self.text
