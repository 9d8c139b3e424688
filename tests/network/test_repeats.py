"""A team's report, file, indicator or milestone sent twice (two tabs, a
double click) is kept once and answered "already sent" with the first shown
(`mentornett/repeats.py`)."""

from datetime import timedelta

import pytest
from freezegun import freeze_time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mentornett.repeats import REPEAT_WINDOW, AlreadySent
from network.errors import SubmissionError
from network.models import Indicator, SubmissionVersion, TeamMilestone
from network.services import save_draft, submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_status_report_sent_from_two_tabs_is_one_version(client, world):
    client.force_login(world.coordinator_a)
    url = reverse("network:save", args=[world.team_a.pk, world.status_task.pk])
    typed = {"section_done": "Vi har rekruttert seks mentorer.", "base_done": "", "send": "1"}
    assert client.post(url, typed).status_code == 302

    second = client.post(url, typed, follow=True)

    version = SubmissionVersion.objects.get()
    task_url = reverse("network:task", args=[world.team_a.pk, world.status_task.pk])
    assert second.redirect_chain == [(f"{task_url}#version-1", 302)]
    (message,) = [m for m in _messages(second) if "allerede" in m]
    assert message.startswith("Dette ble allerede sendt som versjon 1 kl.")
    assert 'id="version-1"' in second.content.decode()
    assert version.number == 1


def test_a_file_uploaded_and_sent_from_two_tabs_is_one_version(client, world):
    client.force_login(world.coordinator_a)
    upload = reverse("network:upload", args=[world.team_a.pk, world.file_task.pk])
    send = reverse("network:save", args=[world.team_a.pk, world.file_task.pk])
    for _tab in range(2):
        poster = SimpleUploadedFile("Plakat.pdf", PDF)
        assert client.post(upload, {"file": poster}).status_code == 302
        response = client.post(send, {"send": "1"}, follow=True)
    assert SubmissionVersion.objects.count() == 1
    assert any("allerede sendt som versjon 1" in m for m in _messages(response))
    # Another file is a new version.
    other = SimpleUploadedFile("Plakat.pdf", PDF + b"\n% ny\n")
    assert client.post(upload, {"file": other}).status_code == 302
    assert client.post(send, {"send": "1"}).status_code == 302
    assert SubmissionVersion.objects.count() == 2


def test_sending_unchanged_after_a_minute_is_refused_as_unchanged(world):
    save_draft(
        team=world.team_a,
        task=world.status_task,
        user=world.coordinator_a,
        sections={"done": "Første"},
        bases={"done": ""},
    )
    first = submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
    with pytest.raises(AlreadySent) as repeat:
        submit(team=world.team_a, task=world.status_task, user=world.member_a)
    assert repeat.value.existing == first
    later = timezone.now() + REPEAT_WINDOW + timedelta(seconds=1)
    with freeze_time(later), pytest.raises(SubmissionError) as error:
        submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
    assert error.value.code == "unchanged"


def test_the_same_milestone_twice_is_one_milestone(client, world):
    client.force_login(world.coordinator_a)
    url = reverse("network:measurements", args=[world.team_a.pk])
    typed = {"action": "milestone", "happened_on": "2025-03-01", "text": "Mentorprogrammet startet"}
    assert client.post(url, typed).status_code == 302

    second = client.post(url, typed, follow=True)

    milestone = TeamMilestone.objects.get()
    assert second.redirect_chain == [(f"{url}#milestone-{milestone.pk}", 302)]
    (message,) = [m for m in _messages(second) if "allerede" in m]
    assert message.startswith("Milepælen «Mentorprogrammet startet»")


def test_the_same_indicator_twice_opens_the_first_instead_of_asking_for_another_name(client, world):
    client.force_login(world.coordinator_a)
    url = reverse("network:measurements", args=[world.team_a.pk])
    typed = {"name": "Nyansatte med mentor", "unit": "personer", "better": "higher"}
    assert client.post(url, typed).status_code == 302

    second = client.post(url, typed, follow=True)

    indicator = Indicator.objects.get()
    assert second.redirect_chain == [
        (reverse("network:indicator", args=[world.team_a.pk, indicator.pk]), 302)
    ]
    (message,) = [m for m in _messages(second) if "allerede" in m]
    assert message.startswith("Teamet måler allerede «Nyansatte med mentor»: det ble lagt til")
