from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """One of Norway's municipalities, as listed by Statistics Norway."""

    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    county = models.CharField(_("county"), max_length=100)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__regex=r"^[0-9]{4}$"),
                name="network_municipality_number_four_digits",
            ),
        ]

    def __str__(self):
        return self.name
