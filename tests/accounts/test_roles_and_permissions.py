import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Page

from mentornett.accounts.permissions import can_edit_profile, can_use_admin, staff_roles
from mentornett.accounts.roles import StaffRole
from mentornett.accounts.services import ensure_profile

pytestmark = pytest.mark.django_db


def test_every_staff_role_has_a_group():
    names = set(Group.objects.values_list("name", flat=True))
    assert {role.value for role in StaffRole} <= names
    assert "Editors" not in names


def test_editors_may_add_change_and_publish_pages_from_the_root():
    editors = Group.objects.get(name=StaffRole.EDITOR.value)
    root = Page.get_first_root_node()
    codenames = set(
        GroupPagePermission.objects.filter(group=editors, page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


@pytest.mark.parametrize(
    ("role", "admin_access"),
    [
        (StaffRole.EDITOR, True),
        (StaffRole.SCHEME_ADMINISTRATOR, True),
        (StaffRole.NETWORK_ORGANISER, True),
        (StaffRole.NETWORK_ADVISOR, False),
    ],
)
def test_admin_access_by_role(staff_user, role, admin_access):
    user = staff_user(role)
    assert staff_roles(user) == {role}
    assert can_use_admin(user) is admin_access


def test_participant_has_no_staff_role_and_no_admin(participant):
    assert staff_roles(participant) == frozenset()
    assert not can_use_admin(participant)


def test_superuser_may_use_admin(superuser):
    assert can_use_admin(superuser)


def test_anonymous_has_no_roles():
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert staff_roles(anonymous) == frozenset()
    assert not can_use_admin(anonymous)


def test_only_the_owner_may_edit_a_profile(participant, other_participant):
    profile = ensure_profile(user=participant)
    assert can_edit_profile(participant, profile)
    assert not can_edit_profile(other_participant, profile)


def test_advisor_is_refused_the_wagtail_admin(client, staff_user):
    client.force_login(staff_user(StaffRole.NETWORK_ADVISOR))
    response = client.get("/admin/")
    assert response.status_code == 302


def test_editor_reaches_the_wagtail_admin(client, staff_user):
    client.force_login(staff_user(StaffRole.EDITOR))
    assert client.get("/admin/").status_code == 200
