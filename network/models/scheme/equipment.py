"""The programme's sets of basic veterinary equipment, lent out for a period.
A set is never booked twice for overlapping days: the booking service locks
the set's row, and on PostgreSQL an exclusion constraint holds as well
(migration 0013)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class EquipmentSet(models.Model):
    name = models.CharField(_("name"), max_length=100)
    contents = models.TextField(_("what the set contains"), blank=True)
    location = models.CharField(_("where it is picked up"), max_length=200, blank=True)
    active = models.BooleanField(_("can be booked"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("contents"),
        FieldPanel("location"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("equipment set")
        verbose_name_plural = _("equipment sets")
        ordering = ["name"]

    def __str__(self):
        return self.name


class EquipmentBookingQuerySet(models.QuerySet):
    def current(self):
        return self.filter(cancelled_at__isnull=True)

    def overlapping(self, starts_on, ends_on):
        return self.current().filter(starts_on__lte=ends_on, ends_on__gte=starts_on)


class EquipmentBooking(models.Model):
    equipment = models.ForeignKey(
        EquipmentSet,
        verbose_name=_("equipment set"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="equipment_bookings"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    purpose = models.CharField(_("what it is for"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = EquipmentBookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("equipment booking")
        verbose_name_plural = _("equipment bookings")
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["starts_on", "id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="network_equipment_booking_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.equipment}: {self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"
