"""Booking the programme's equipment sets: which sets are free, a booking
form for those who may borrow, and one's own bookings (all current bookings
for the programme office). Another person's booking is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.dates import DATE_RANGE_CODE
from mentornett.repeats import AlreadySent, show_existing
from network.models import EquipmentBooking, EquipmentSet

from .. import permissions
from ..forms import BookingForm
from ..services import equipment as services

WINDOW_DAYS = 28

# Which field a service error belongs on, by its code.
BOOKING_ERROR_FIELDS = {
    "order": "ends_on",
    "past": "starts_on",
    "booked": "starts_on",
    "inactive": "equipment",
    DATE_RANGE_CODE: "ends_on",
}


@login_required
def equipment_view(request):
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.book_equipment(user=request.user, **form.cleaned_data)
        except AlreadySent as repeat:
            url = reverse("scheme_hubs:equipment")
            return show_existing(request, repeat, f"{url}#booking-{repeat.existing.pk}")
        except ValidationError as error:
            form.add_error(BOOKING_ERROR_FIELDS.get(error.code), error)
        else:
            messages.success(
                request,
                _("%(set)s is booked for %(period)s.")
                % {"set": booking.equipment.name, "period": services.period_text(booking)},
            )
            return HttpResponseRedirect(reverse("scheme_hubs:equipment"))
    today = timezone.localdate()
    office = permissions.is_scheme_administrator(request.user)
    bookings = EquipmentBooking.objects.current().filter(ends_on__gte=today)
    if not office:
        bookings = bookings.filter(booked_by=request.user)
    return render(
        request,
        "network/scheme/equipment.html",
        {
            "form": form,
            "may_book": permissions.can_book_equipment(request.user),
            "office": office,
            "sets": services.availability(
                equipment_sets=EquipmentSet.objects.filter(active=True),
                from_day=today,
                days=WINDOW_DAYS,
            ),
            "window_days": WINDOW_DAYS,
            "bookings": bookings.select_related("equipment", "booked_by"),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def cancel_view(request, booking_id):
    booking = get_object_or_404(EquipmentBooking, pk=booking_id)
    if not permissions.can_cancel_booking(request.user, booking):
        raise Http404
    try:
        services.cancel_booking(booking=booking, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The booking is cancelled."))
    return HttpResponseRedirect(reverse("scheme_hubs:equipment"))
