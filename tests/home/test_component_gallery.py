import pytest

from mentornett.accounts.roles import StaffRole

pytestmark = pytest.mark.django_db

URL = "/komponenter/"


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_participant_gets_404(signed_in):
    assert signed_in.get(URL).status_code == 404


@pytest.mark.parametrize("role", [StaffRole.EDITOR, StaffRole.SCHEME_ADMINISTRATOR])
def test_staff_see_every_component(client, staff_user, role):
    client.force_login(staff_user(role))
    html = client.get(URL).content.decode()
    assert 'role="progressbar"' in html
    assert "badge--danger" in html
    assert "data-table" in html
    assert 'aria-current="page"' in html  # pagination
    assert "empty-state" in html
    assert "error-summary" in html
    assert "<strong>Markdown</strong>" in html


def test_advisor_without_admin_access_gets_404(client, staff_user):
    client.force_login(staff_user(StaffRole.NETWORK_ADVISOR))
    assert client.get(URL).status_code == 404
