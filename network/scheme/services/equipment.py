"""Lending the programme's equipment sets. A set is never booked for
overlapping days: booking locks the set's row and checks for a clash, and on
PostgreSQL the exclusion constraint `network_equipment_no_double_booking`
refuses what slips past (a booking written outside this service); both give
the person the same message."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mentornett.dates import BOOKING, DATE_RANGE_CODE
from mentornett.formatting import clock_time
from mentornett.repeats import AlreadySent, recent_twin
from network.models import EquipmentBooking, EquipmentSet

from ..errors import EquipmentError
from ..permissions import can_book_equipment, can_cancel_booking


def period_text(booking) -> str:
    return f"{date_format(booking.starts_on)} – {date_format(booking.ends_on)}"


def free_again_from(bookings, day: date) -> date:
    """The first day on or after `day` that none of the (current) bookings
    covers; `bookings` are sorted by start."""
    for booking in bookings:
        if booking.starts_on > day:
            break
        if booking.ends_on >= day:
            day = booking.ends_on + timedelta(days=1)
    return day


def _clash(equipment, starts_on: date, ends_on: date) -> EquipmentError | None:
    later = list(
        EquipmentBooking.objects.current()
        .filter(equipment=equipment, ends_on__gte=starts_on)
        .order_by("starts_on")
    )
    clashing = [b for b in later if b.starts_on <= ends_on]
    if not clashing:
        return None
    return EquipmentError(
        _(
            "%(set)s is already booked %(periods)s. It is free again from %(free)s: "
            "choose other dates or another set."
        )
        % {
            "set": equipment.name,
            "periods": ", ".join(period_text(booking) for booking in clashing),
            "free": date_format(free_again_from(later, starts_on)),
        },
        code="booked",
    )


@transaction.atomic
def book_equipment(
    *, equipment, user, starts_on: date, ends_on: date, purpose: str = ""
) -> EquipmentBooking:
    if not can_book_equipment(user):
        raise EquipmentError(
            _(
                "Equipment is lent to mentors and mentees in a granted or active relationship "
                "and to mentors at an approved MentorHub."
            ),
            code="not_allowed",
        )
    if ends_on < starts_on:
        raise EquipmentError(_("The end must be on or after the start."), code="order")
    if starts_on < timezone.localdate():
        raise EquipmentError(_("The period cannot start in the past."), code="past")
    if problem := BOOKING.problem(ends_on):
        raise EquipmentError(problem, code=DATE_RANGE_CODE)
    equipment = EquipmentSet.objects.select_for_update().get(pk=equipment.pk)
    if not equipment.active:
        raise EquipmentError(
            _("%(set)s cannot be booked at the moment.") % {"set": equipment.name},
            code="inactive",
        )
    twin = recent_twin(
        EquipmentBooking.objects.current().filter(
            equipment=equipment,
            booked_by=user,
            starts_on=starts_on,
            ends_on=ends_on,
            purpose=purpose.strip(),
        )
    )
    if twin is not None:
        raise AlreadySent(
            _("The booking was already sent at %(time)s: %(set)s, %(period)s.")
            % {
                "time": clock_time(twin.created_at),
                "set": equipment.name,
                "period": period_text(twin),
            },
            existing=twin,
        )
    clash = _clash(equipment, starts_on, ends_on)
    if clash:
        raise clash
    try:
        with transaction.atomic():
            return EquipmentBooking.objects.create(
                equipment=equipment,
                booked_by=user,
                starts_on=starts_on,
                ends_on=ends_on,
                purpose=purpose.strip(),
            )
    except IntegrityError:
        # The exclusion constraint on PostgreSQL.
        raise (
            _clash(equipment, starts_on, ends_on)
            or EquipmentError(_("The set is already booked for those days."), code="booked")
        ) from None


@transaction.atomic
def cancel_booking(*, booking, user) -> EquipmentBooking:
    """Cancelling twice changes nothing."""
    booking = EquipmentBooking.objects.select_for_update().get(pk=booking.pk)
    if not can_cancel_booking(user, booking):
        raise EquipmentError(
            _("Only the person who booked it or the programme office can cancel it."),
            code="not_allowed",
        )
    if booking.cancelled_at is not None:
        return booking
    if booking.ends_on < timezone.localdate():
        raise EquipmentError(
            _("The booking has ended and can no longer be cancelled."), code="ended"
        )
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["cancelled_at"])
    return booking


@dataclass
class SetAvailability:
    equipment: EquipmentSet
    from_day: date
    bookings: list = field(default_factory=list)  # current bookings in the window
    free_from: date | None = None  # the first free day in the window, if any

    @property
    def free_now(self) -> bool:
        return self.free_from == self.from_day


def availability(*, equipment_sets, from_day: date, days: int = 28) -> list[SetAvailability]:
    """Each set's current bookings from `from_day` for `days` days and the first
    free day in that window. One query for the bookings, one for the sets if
    given a queryset."""
    sets = list(equipment_sets)
    until = from_day + timedelta(days=days - 1)
    result = {s.pk: SetAvailability(s, from_day) for s in sets}
    for booking in (
        EquipmentBooking.objects.overlapping(from_day, until)
        .filter(equipment__in=[s.pk for s in sets])
        .select_related("booked_by")
        .order_by("starts_on")
    ):
        result[booking.equipment_id].bookings.append(booking)
    for entry in result.values():
        free = free_again_from(entry.bookings, from_day)
        entry.free_from = free if free <= until else None
    return list(result.values())
