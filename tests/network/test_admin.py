import pytest

from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import HomeTask, NetworkStaff, NetworkStaffRole, Team


def _organiser_of(network, staff_user):
    """A person in the organisers' group, named organiser on `network`."""
    organiser = staff_user(StaffRole.NETWORK_ORGANISER)
    NetworkStaff.objects.create(network=network, person=organiser, role=NetworkStaffRole.ORGANISER)
    return organiser


@pytest.mark.django_db
def test_an_organiser_adds_a_home_task_in_the_admin(client, world, staff_user):
    organiser = _organiser_of(world.network, staff_user)
    client.force_login(organiser)
    url = reverse("wagtailsnippets_network_hometask:add")
    assert client.get(url).status_code == 200
    data = {
        "network": world.network.pk,
        "title": "Fremdriftsplan mot samling 3",
        "kind": "progress_plan",
        "instructions": "Hva skal være gjort til neste samling?",
        "gathering": world.later_gathering.pk,
        "days_before": 7,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert HomeTask.objects.filter(title="Fremdriftsplan mot samling 3").exists()


@pytest.mark.django_db
def test_a_gathering_of_another_network_is_refused(client, world, staff_user, make_event):
    client.force_login(_organiser_of(world.network, staff_user))
    other = make_event(title="Webinar", slug="annet-webinar")
    response = client.post(
        reverse("wagtailsnippets_network_hometask:add"),
        {
            "network": world.network.pk,
            "title": "Feil samling",
            "kind": "free_text",
            "gathering": other.pk,
            "days_before": 7,
        },
    )
    assert response.status_code == 200
    assert "gathering" in response.context["form"].errors
    assert not HomeTask.objects.filter(title="Feil samling").exists()


@pytest.mark.django_db
def test_an_organiser_of_another_network_finds_none_of_its_teams_or_tasks(
    client, world, staff_user
):
    """The organisers' group opens the admin; being named on a network gives
    the scope, as on the site."""
    from network.models import LearningNetworkPage

    other = LearningNetworkPage(title="Innlandet 2027–2029", slug="innlandet")
    world.network.get_parent().add_child(instance=other)
    client.force_login(_organiser_of(other, staff_user))

    tasks = client.get(reverse("wagtailsnippets_network_hometask:list")).content.decode()
    assert "Statusrapport før samling 2" not in tasks
    teams = client.get(reverse("wagtailsnippets_network_team:list")).content.decode()
    assert "Sarpsborg" not in teams
    for name, row in [("hometask", world.status_task), ("team", world.team_a)]:
        for action in ("edit", "delete", "history", "usage", "copy"):
            url = reverse(f"wagtailsnippets_network_{name}:{action}", args=[row.pk])
            assert client.get(url).status_code == 404, url
        delete = reverse(f"wagtailsnippets_network_{name}:delete", args=[row.pk])
        assert client.post(delete).status_code == 404
    assert HomeTask.objects.filter(pk=world.status_task.pk).exists()
    assert Team.objects.filter(pk=world.team_a.pk).exists()

    response = client.post(
        reverse("wagtailsnippets_network_hometask:add"),
        {
            "network": world.network.pk,
            "title": "Oppgave i et annet nettverk",
            "kind": "free_text",
            "gathering": world.later_gathering.pk,
            "days_before": 7,
        },
    )
    assert response.status_code == 200
    assert "network" in response.context["form"].errors
    assert not HomeTask.objects.filter(title="Oppgave i et annet nettverk").exists()


@pytest.mark.django_db
def test_a_gathering_with_home_tasks_is_not_deleted(client, world, superuser):
    from events.models import EventPage

    client.force_login(superuser)
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[world.gathering.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[world.gathering.pk]
    )
    assert "hjemmeoppgaver" in " ".join(str(m) for m in response.context["messages"])
    assert EventPage.objects.filter(pk=world.gathering.pk).exists()
    assert HomeTask.objects.filter(pk=world.status_task.pk).exists()


@pytest.mark.django_db
def test_editors_see_the_network_page_tabs_and_staff(client, world, superuser):
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[world.network.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "staff-FORMS" in html
    assert 'name="agreement_text"' in html
    response = client.get(reverse("wagtailsnippets_network_hometask:list"))
    assert response.status_code == 200
    assert "Statusrapport før samling 2" in response.content.decode()
