import pytest

from mentornett.accounts.models import User
from mentornett.accounts.roles import StaffRole

pytestmark = pytest.mark.django_db


def test_superuser_creates_a_staff_user_with_full_name(client, superuser):
    from django.contrib.auth.models import Group

    client.force_login(superuser)
    assert client.get("/admin/users/new/").status_code == 200
    editors = Group.objects.get(name=StaffRole.EDITOR.value)

    response = client.post(
        "/admin/users/new/",
        {
            "email": "ny.redaktor@example.no",
            "full_name": "Nina Redaktør",
            "password1": "et-langt-passord-2026",
            "password2": "et-langt-passord-2026",
            "groups": [editors.pk],
        },
    )

    assert response.status_code == 302
    created = User.objects.get(email="ny.redaktor@example.no")
    assert created.full_name == "Nina Redaktør"
    assert created.groups.filter(pk=editors.pk).exists()


def test_superuser_edits_a_user(client, superuser, participant):
    client.force_login(superuser)
    url = f"/admin/users/edit/{participant.pk}/"
    assert "Kari Nordmann" in client.get(url).content.decode()

    response = client.post(
        url,
        {"email": participant.email, "full_name": "Kari Nordmann-Berg", "is_active": "on"},
    )

    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.full_name == "Kari Nordmann-Berg"
