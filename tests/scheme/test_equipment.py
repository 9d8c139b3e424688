"""Lending the equipment sets: who may book, periods, no double booking and
the message that says when a set is free again, cancelling, and the page."""

from datetime import date, timedelta

import pytest

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from network.models import ApplicationStatus, EquipmentBooking, HubStatus, MentorHub
from network.scheme.errors import EquipmentError
from network.scheme.services import equipment as services
from tests.factories import UserFactory
from tests.scheme.hub_fixtures import relationship

pytestmark = pytest.mark.django_db


def today() -> date:
    return timezone.localdate()


def days(n: int) -> date:
    return today() + timedelta(days=n)


def sign_in_in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def book(equipment, user, start, end, purpose=""):
    return services.book_equipment(
        equipment=equipment, user=user, starts_on=days(start), ends_on=days(end), purpose=purpose
    )


# --- who may book ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (ApplicationStatus.GRANTED, True),
        (ApplicationStatus.ACTIVE, True),
        (ApplicationStatus.SUBMITTED, False),
        (ApplicationStatus.ENDED, False),
    ],
)
def test_parties_of_a_granted_or_active_relationship_may_book(
    scheme, equipment_sets, status, allowed
):
    relationship(scheme, status=status)
    for person in (scheme.mentor, scheme.mentee):
        if allowed:
            assert book(equipment_sets[0], person, 1, 2).booked_by == person
            EquipmentBooking.objects.all().delete()
        else:
            with pytest.raises(EquipmentError) as error:
                book(equipment_sets[0], person, 1, 2)
            assert error.value.code == "not_allowed"


def test_a_person_in_no_relationship_may_not_book(scheme, equipment_sets):
    with pytest.raises(EquipmentError) as error:
        book(equipment_sets[0], UserFactory(), 1, 2)
    assert error.value.code == "not_allowed"


def test_mentors_of_an_approved_hub_and_the_office_may_book(hub, office, equipment_sets):
    assert book(equipment_sets[0], hub.mentor, 1, 2)
    assert book(equipment_sets[1], office, 1, 2)
    MentorHub.objects.filter(pk=hub.hub.pk).update(status=HubStatus.PENDING)
    with pytest.raises(EquipmentError):
        book(equipment_sets[2], hub.mentor, 1, 2)


# --- periods and clashes ----------------------------------------------------------------


@pytest.fixture
def borrower(scheme):
    relationship(scheme)
    return scheme.mentee


def test_the_period_must_be_in_order_and_not_in_the_past(borrower, equipment_sets):
    with pytest.raises(EquipmentError) as error:
        book(equipment_sets[0], borrower, 5, 4)
    assert error.value.code == "order"
    with pytest.raises(EquipmentError) as error:
        book(equipment_sets[0], borrower, -1, 4)
    assert error.value.code == "past"
    assert book(equipment_sets[0], borrower, 0, 0).starts_on == today()


def test_an_inactive_set_cannot_be_booked(borrower, equipment_sets):
    equipment_sets[0].active = False
    equipment_sets[0].save()
    with pytest.raises(EquipmentError) as error:
        book(equipment_sets[0], borrower, 1, 2)
    assert error.value.code == "inactive"


def test_a_clash_is_refused_with_the_dates_and_when_the_set_is_free(
    borrower, scheme, equipment_sets
):
    first = book(equipment_sets[0], borrower, 10, 14)
    book(equipment_sets[0], borrower, 15, 16)  # back to back: no clash
    with pytest.raises(EquipmentError) as error, translation.override("en"):
        book(equipment_sets[0], scheme.mentor, 12, 20, purpose="Kalving")
    assert error.value.code == "booked"
    message = error.value.messages[0]
    assert "Utstyrssett 1 is already booked" in message
    with translation.override("en"):
        assert date_format(first.starts_on) in message
        assert date_format(days(16)) in message
        assert f"free again from {date_format(days(17))}" in message
    assert EquipmentBooking.objects.count() == 2
    # Another set, or the same set after the clash, is fine.
    assert book(equipment_sets[1], scheme.mentor, 12, 20)
    assert book(equipment_sets[0], scheme.mentor, 17, 20)


def test_a_cancelled_booking_frees_the_days(borrower, scheme, equipment_sets):
    first = book(equipment_sets[0], borrower, 3, 6)
    services.cancel_booking(booking=first, user=borrower)
    assert book(equipment_sets[0], scheme.mentor, 4, 5)


def test_free_again_from_follows_a_chain_of_bookings():
    class B:
        def __init__(self, s, e):
            self.starts_on, self.ends_on = date(2026, 3, s), date(2026, 3, e)

    bookings = [B(1, 4), B(5, 8), B(10, 12)]
    assert services.free_again_from(bookings, date(2026, 3, 2)) == date(2026, 3, 9)
    assert services.free_again_from(bookings, date(2026, 3, 9)) == date(2026, 3, 9)
    assert services.free_again_from(bookings, date(2026, 3, 11)) == date(2026, 3, 13)


# --- cancelling -------------------------------------------------------------------------


def test_the_booker_or_the_office_cancels_and_twice_is_harmless(
    borrower, scheme, office, equipment_sets
):
    booking = book(equipment_sets[0], borrower, 3, 6)
    with pytest.raises(EquipmentError) as error:
        services.cancel_booking(booking=booking, user=scheme.mentor)
    assert error.value.code == "not_allowed"
    cancelled = services.cancel_booking(booking=booking, user=borrower)
    assert cancelled.cancelled_at is not None
    assert services.cancel_booking(booking=booking, user=borrower).cancelled_at == (
        cancelled.cancelled_at
    )
    other = book(equipment_sets[0], borrower, 3, 6)
    assert services.cancel_booking(booking=other, user=office).cancelled_at


def test_an_ended_booking_cannot_be_cancelled(borrower, equipment_sets):
    ended = EquipmentBooking.objects.create(
        equipment=equipment_sets[0], booked_by=borrower, starts_on=days(-5), ends_on=days(-2)
    )
    with pytest.raises(EquipmentError) as error:
        services.cancel_booking(booking=ended, user=borrower)
    assert error.value.code == "ended"


# --- availability -------------------------------------------------------------------------


def test_availability_shows_bookings_and_the_first_free_day(
    borrower, equipment_sets, django_assert_max_num_queries
):
    book(equipment_sets[0], borrower, 0, 3)
    book(equipment_sets[1], borrower, 5, 6)
    book(equipment_sets[2], borrower, 0, 40)
    with django_assert_max_num_queries(2):
        rows = services.availability(equipment_sets=equipment_sets, from_day=today(), days=28)
    first, second, third = rows
    assert (first.free_now, first.free_from) == (False, days(4))
    assert (second.free_now, len(second.bookings)) == (True, 1)
    assert (third.free_now, third.free_from) == (False, None)


# --- the page -----------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("scheme_hubs:equipment"))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_a_person_who_may_not_book_sees_why(client, equipment_sets):
    person = UserFactory()
    sign_in_in_english(client, person)
    html = client.get(reverse("scheme_hubs:equipment")).content.decode()
    assert "Utstyrssett 1" in html
    assert "Equipment is lent to mentors and mentees" in html
    assert 'name="starts_on"' not in html


def test_booking_through_the_page_and_a_clash_keeps_the_input(
    client, borrower, scheme, equipment_sets
):
    sign_in_in_english(client, borrower)
    url = reverse("scheme_hubs:equipment")
    data = {
        "equipment": equipment_sets[0].pk,
        "starts_on": days(2).isoformat(),
        "ends_on": days(4).isoformat(),
        "purpose": "Kalvingssesong",
    }
    assert client.post(url, data).status_code == 302
    assert EquipmentBooking.objects.get().booked_by == borrower
    sign_in_in_english(client, scheme.mentor)
    response = client.post(url, {**data, "purpose": "Min egen"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "is already booked" in html
    assert 'value="Min egen"' in html
    assert EquipmentBooking.objects.count() == 1


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "field_message"),
    [
        ("2026-13-40", "2026-01-01", "Enter a valid date."),
        ("tomorrow", "", "Enter a valid date."),
        (None, None, "The end must be on or after the start."),
    ],
)
def test_bad_dates_are_form_errors_not_server_errors(
    client, borrower, equipment_sets, starts_on, ends_on, field_message
):
    sign_in_in_english(client, borrower)
    if starts_on is None:
        starts_on, ends_on = days(5).isoformat(), days(3).isoformat()
    response = client.post(
        reverse("scheme_hubs:equipment"),
        {
            "equipment": equipment_sets[0].pk,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "purpose": "Noe",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert field_message in html
    assert 'value="Noe"' in html
    assert not EquipmentBooking.objects.exists()


def test_someone_elses_booking_is_404(client, borrower, scheme, equipment_sets):
    booking = book(equipment_sets[0], borrower, 2, 3)
    client.force_login(scheme.mentor)
    url = reverse("scheme_hubs:cancel_booking", args=[booking.pk])
    assert client.post(url).status_code == 404
    client.force_login(borrower)
    assert client.post(url).status_code == 302
    booking.refresh_from_db()
    assert booking.cancelled_at is not None


def test_the_office_sees_and_cancels_every_booking(client, borrower, office, equipment_sets):
    booking = book(equipment_sets[0], borrower, 2, 3, purpose="Kalving")
    client.force_login(office)
    html = client.get(reverse("scheme_hubs:equipment")).content.decode()
    assert "Kalving" in html and borrower.get_full_name() in html
    client.post(reverse("scheme_hubs:cancel_booking", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.cancelled_at is not None


def test_the_page_takes_a_fixed_number_of_queries(
    client, borrower, equipment_sets, django_assert_max_num_queries
):
    client.force_login(borrower)
    url = reverse("scheme_hubs:equipment")
    book(equipment_sets[0], borrower, 1, 1)
    # Includes the site settings, menu and footer links every page shows.
    with django_assert_max_num_queries(19) as one:
        assert client.get(url).status_code == 200
    for n in range(2, 12):
        book(equipment_sets[n % 3], borrower, n * 3, n * 3 + 1)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_admin_lists_bookings_read_only(client, borrower, superuser, equipment_sets):
    booking = book(equipment_sets[0], borrower, 1, 2)
    client.force_login(superuser)
    assert client.get(reverse("wagtailsnippets_network_equipmentbooking:list")).status_code == 200
    edit = reverse("wagtailsnippets_network_equipmentbooking:edit", args=[booking.pk])
    assert client.get(edit).status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_network_equipmentset:list")).status_code == 200
