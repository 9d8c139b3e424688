import pytest

from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import HomeTask


@pytest.mark.django_db
def test_an_organiser_adds_a_home_task_in_the_admin(client, world, staff_user):
    organiser = staff_user(StaffRole.NETWORK_ORGANISER)
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
    client.force_login(staff_user(StaffRole.NETWORK_ORGANISER))
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
