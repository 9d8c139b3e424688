"""Members-only resource pages of a learning network: every role."""

import pytest

from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import NetworkResourcePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource(world):
    page = NetworkResourcePage(
        title="Fra samlingene", slug="fra-samlingene", lead="Oppsummeringer for teamene"
    )
    world.network.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_visitor_is_asked_to_sign_in(client, resource):
    response = client.get(resource.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")


@pytest.mark.parametrize(
    "who", ["coordinator_a", "member_a", "leader_a", "coordinator_b", "advisor_a", "organiser"]
)
def test_the_networks_people_see_it(client, world, resource, who):
    client.force_login(getattr(world, who))
    response = client.get(resource.url)
    assert response.status_code == 200
    assert "Oppsummeringer for teamene" in response.content.decode()


def test_someone_outside_the_network_gets_not_found(client, resource, participant):
    client.force_login(participant)
    assert client.get(resource.url).status_code == 404


def test_editors_without_membership_get_not_found_but_may_preview(client, resource, staff_user):
    client.force_login(staff_user(StaffRole.EDITOR))
    assert client.get(resource.url).status_code == 404
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[resource.pk]))
    assert preview.status_code == 200
    assert "Oppsummeringer for teamene" in preview.content.decode()


def test_the_network_page_lists_resources_for_members_only(client, world, resource):
    client.force_login(world.member_a)
    assert f'href="{resource.url}"' in client.get(world.network.url).content.decode()
    client.force_login(UserFactory())
    assert f'href="{resource.url}"' not in client.get(world.network.url).content.decode()
