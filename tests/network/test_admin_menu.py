"""The admin's main menu groups the learning networks and the mentor scheme in
one submenu each; every item keeps its permission, and a menu with nothing
to show is hidden."""

import pytest

from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from mentornett.accounts.roles import StaffRole
from network.models import NetworkStaff, NetworkStaffRole

pytestmark = pytest.mark.django_db

NETWORKS = "Læringsnettverk"
SCHEME = "Mentorordningen"
NETWORK_ITEMS = ["Team", "Hjemmeoppgaver"]
SCHEME_ITEMS = [
    "Søknader til mentorordningen",
    "Regelverk og satser",
    "Rapporter for mentorordningen",
    "Kontaktpersoner i kommunene",
    "MentorHuber",
    "Utstyrssett",
    "Utstyrsbookinger",
]


def _menu(rf, user) -> dict[str, list[str]]:
    """Top-level label → the labels under it ([] for a plain link), in order."""
    request = rf.get("/admin/")
    request.user = user
    menu = {}
    for item in sorted(admin_menu.menu_items_for_request(request), key=lambda i: i.order):
        children = []
        if isinstance(item, SubmenuMenuItem):
            items = item.menu.menu_items_for_request(request)
            children = [str(child.label) for child in sorted(items, key=lambda i: i.order)]
        menu[str(item.label)] = children
    return menu


def test_the_superuser_sees_both_menus_and_no_loose_items(rf, superuser):
    menu = _menu(rf, superuser)
    assert menu[NETWORKS] == NETWORK_ITEMS
    assert menu[SCHEME] == SCHEME_ITEMS
    assert not set(NETWORK_ITEMS + SCHEME_ITEMS + ["Nettverksoversikt"]) & set(menu)


def test_scheme_administrators_see_the_mentor_scheme_only(rf, staff_user):
    menu = _menu(rf, staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    assert menu[SCHEME] == SCHEME_ITEMS
    assert NETWORKS not in menu


def test_organisers_see_the_learning_networks_with_their_overview(rf, staff_user, world):
    organiser = staff_user(StaffRole.NETWORK_ORGANISER)
    assert _menu(rf, organiser)[NETWORKS] == NETWORK_ITEMS
    NetworkStaff.objects.create(
        network=world.team_a.network, person=organiser, role=NetworkStaffRole.ORGANISER
    )
    menu = _menu(rf, organiser)
    assert menu[NETWORKS] == [*NETWORK_ITEMS, "Nettverksoversikt"]
    assert SCHEME not in menu


def test_editors_see_neither_menu(rf, staff_user):
    menu = _menu(rf, staff_user(StaffRole.EDITOR))
    assert NETWORKS not in menu and SCHEME not in menu
