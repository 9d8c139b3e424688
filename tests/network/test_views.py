import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import (
    HomeTask,
    Municipality,
    ResponseKind,
    Submission,
    Team,
    TeamMembership,
    TeamRole,
)
from network.services import (
    add_indicator,
    invitation_token,
    invite_member,
    record_value,
    save_draft,
    submit,
)
from tests.factories import UserFactory


def _draft(world, user, text, base=""):
    return save_draft(
        team=world.team_a,
        task=world.status_task,
        user=user,
        sections={"done": text},
        bases={"done": base},
    )


@pytest.mark.django_db
class TestTaskPage:
    def test_shows_instructions_sections_and_prompts(self, client, world):
        client.force_login(world.member_a)
        response = client.get(reverse("network:task", args=[world.team_a.pk, world.status_task.pk]))
        html = response.content.decode()
        assert "<strong>kort</strong>" in html
        assert 'name="section_done"' in html
        assert 'name="base_done"' in html

    def test_autosave_answers_json_with_the_revision(self, client, world):
        client.force_login(world.member_a)
        url = reverse("network:save", args=[world.team_a.pk, world.status_task.pk])
        response = client.post(
            url,
            {"section_done": "Første utkast", "base_done": ""},
            headers={"accept": "application/json"},
        )
        body = response.json()
        assert body["saved"] == ["done"]
        assert body["revision"] == 1
        assert body["content"]["done"] == "Første utkast"

    def test_autosave_reports_a_conflict_without_overwriting(self, client, world):
        _draft(world, world.coordinator_a, "Saras tekst")
        client.force_login(world.member_a)
        url = reverse("network:save", args=[world.team_a.pk, world.status_task.pk])
        response = client.post(
            url,
            {"section_done": "Ingrids tekst", "base_done": ""},
            headers={"accept": "application/json"},
        )
        assert response.json()["conflicts"] == [{"key": "done", "theirs": "Saras tekst"}]
        assert Submission.objects.get().content["done"] == "Saras tekst"

    def test_plain_save_with_a_conflict_shows_both_texts_and_keeps_mine(self, client, world):
        _draft(world, world.coordinator_a, "Saras tekst")
        client.force_login(world.member_a)
        url = reverse("network:save", args=[world.team_a.pk, world.status_task.pk])
        response = client.post(url, {"section_done": "Ingrids tekst", "base_done": ""})
        assert response.status_code == 409
        html = response.content.decode()
        assert "Saras tekst" in html
        assert "Ingrids tekst</textarea>" in html
        # The base is now Sara's text, so saving again keeps Ingrid's choice.
        assert 'name="base_done" value="Saras tekst"' in html

    def test_send_button_saves_and_submits(self, client, world):
        client.force_login(world.member_a)
        url = reverse("network:save", args=[world.team_a.pk, world.status_task.pk])
        response = client.post(url, {"section_done": "Ferdig", "base_done": "", "send": "1"})
        assert response.status_code == 302
        submission = Submission.objects.get()
        assert submission.versions.get().content["done"] == "Ferdig"

    def test_a_file_with_the_wrong_content_is_refused_with_a_message(self, client, world):
        client.force_login(world.coordinator_a)
        url = reverse("network:upload", args=[world.team_a.pk, world.file_task.pk])
        fake = SimpleUploadedFile("plakat.pdf", b"<html><script>alert(1)</script></html>")
        response = client.post(url, {"file": fake})
        assert response.status_code == 400
        assert "PDF" in response.content.decode()
        assert not Submission.objects.get().file

    def test_an_uploaded_file_is_served_as_an_attachment_to_the_team_only(self, client, world):
        client.force_login(world.coordinator_a)
        upload_url = reverse("network:upload", args=[world.team_a.pk, world.file_task.pk])
        pdf = SimpleUploadedFile("Plakat Sarpsborg.pdf", b"%PDF-1.4\n%%EOF\n")
        assert client.post(upload_url, {"file": pdf}).status_code == 302
        response = client.get(
            reverse("network:draft_file", args=[world.team_a.pk, world.file_task.pk])
        )
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        client.force_login(world.coordinator_b)
        response = client.get(
            reverse("network:draft_file", args=[world.team_a.pk, world.file_task.pk])
        )
        assert response.status_code == 404


@pytest.mark.django_db
class TestFinalReport:
    def test_prefilled_from_earlier_reports_and_measurements_and_exported_as_pdf(
        self, client, world
    ):
        _draft(world, world.coordinator_a, "Vi rekrutterte seks mentorer.")
        submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        indicator = add_indicator(
            team=world.team_a, user=None, name="Nyansatte som slutter", unit="sluttet",
            better="lower", denominator_label="nyansatte",
        )  # fmt: skip
        from datetime import date
        from decimal import Decimal

        record_value(indicator=indicator, user=None, measured_on=date(2025, 1, 1),
                     value=Decimal(5), denominator=Decimal(12), is_baseline=True)  # fmt: skip
        record_value(indicator=indicator, user=None, measured_on=date(2026, 1, 1),
                     value=Decimal(1), denominator=Decimal(10))  # fmt: skip
        client.force_login(world.coordinator_a)
        response = client.get(reverse("network:task", args=[world.team_a.pk, world.final_task.pk]))
        html = response.content.decode()
        assert "Vi rekrutterte seks mentorer." in html
        assert "5 av 12 nyansatte (42 %)" in html
        assert "1 av 10 nyansatte (10 %)" in html
        response = client.get(
            reverse("network:final_report_pdf", args=[world.team_a.pk, world.final_task.pk])
        )
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


@pytest.mark.django_db
class TestInvitationPage:
    def test_anonymous_visitor_is_sent_to_sign_in_and_back(self, client, world):
        invitation = invite_member(
            team=world.team_a, email="ny@example.no", role=TeamRole.MENTEE, invited_by=None
        )
        url = reverse("network:invitation", args=[invitation_token(invitation)])
        response = client.get(url)
        assert response.status_code == 302
        assert "next=" in response["Location"]
        person = UserFactory(email="ny@example.no")
        client.force_login(person)
        assert "Bli med i teamet" in client.get(url).content.decode()
        response = client.post(url)
        assert response.status_code == 302
        assert TeamMembership.objects.filter(team=world.team_a, person=person).exists()

    def test_a_broken_link_says_what_to_do(self, client, world):
        response = client.get(reverse("network:invitation", args=["tull"]))
        assert response.status_code == 404
        assert "ikke gyldig" in response.content.decode()


@pytest.mark.django_db
class TestNetworkPage:
    def test_members_content_only_for_the_network(self, client, world):
        world.network.members_body = [("markdown", "Åpen skjerm hver tirsdag")]
        world.network.save_revision().publish()
        url = world.network.url
        assert "Åpen skjerm" not in client.get(url).content.decode()
        client.force_login(UserFactory())
        assert "Åpen skjerm" not in client.get(url).content.decode()
        client.force_login(world.member_a)
        html = client.get(url).content.decode()
        assert "Åpen skjerm" in html
        assert reverse("network:team", args=[world.team_a.pk]) in html


def _more_teams(world, count):
    numbers = [f"{9000 + n}" for n in range(count)]
    Municipality.objects.bulk_create(
        [Municipality(number=number, name=f"Kommune {number}", county="Test") for number in numbers]
    )
    teams = Team.objects.bulk_create(
        [
            Team(network=world.network, municipality=m)
            for m in Municipality.objects.filter(number__in=numbers)
        ]
    )
    for team in teams[::2]:
        Submission.objects.create(
            team=team, task=world.status_task, content={"done": "x"}, revision=1
        )
    HomeTask.objects.bulk_create(
        [
            HomeTask(
                network=world.network,
                gathering=world.later_gathering,
                title=f"Oppgave {n}",
                kind=ResponseKind.FREE_TEXT,
            )  # fmt: skip
            for n in range(5)
        ]
    )


@pytest.mark.django_db
def test_dashboard_query_count_does_not_grow_with_teams(client, world):
    client.force_login(world.organiser)
    url = reverse("network:dashboard", args=[world.network.pk])
    client.get(url)  # warm the site and session caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _more_teams(world, 60)
    client.get(url)  # new submissions make the cached menu and footer stale
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("matrix__cell--") >= 62 * 8
    assert len(large) == len(small)


@pytest.mark.django_db
def test_team_page_query_count_does_not_grow_with_tasks(client, world):
    client.force_login(world.coordinator_a)
    url = reverse("network:team", args=[world.team_a.pk])
    client.get(url)  # warm the site and session caches
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _more_teams(world, 3)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


@pytest.mark.django_db
def test_dashboard_csv_lists_every_team_and_task(client, world):
    _draft(world, world.coordinator_a, "Utkast")
    client.force_login(world.organiser)
    response = client.get(reverse("network:dashboard_csv", args=[world.network.pk]))
    text = response.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Team;Kommunenummer")
    assert "Statusrapport før samling 2" in lines[0]
    assert any(line.startswith("Sarpsborg;3105;Rune Rådgiver;Utkast") for line in lines)
    assert len(lines) == 3


@pytest.mark.django_db
def test_min_side_shows_the_teams_open_tasks(client, world):
    client.force_login(world.member_a)
    html = client.get(reverse("home:dashboard")).content.decode()
    assert "Statusrapport før samling 2" in html
    assert reverse("network:team", args=[world.team_a.pk]) in html


@pytest.mark.django_db
def test_min_side_query_count_does_not_grow_with_tasks(client, world):
    client.force_login(world.member_a)
    url = reverse("home:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _more_teams(world, 3)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


@pytest.mark.django_db
def test_dashboard_escapes_task_titles_and_links_each_cell(client, world):
    world.status_task.title = "<script>alert(1)</script>"
    world.status_task.save()
    client.force_login(world.organiser)
    html = client.get(reverse("network:dashboard", args=[world.network.pk])).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'href="{reverse("network:task", args=[world.team_b.pk, world.status_task.pk])}"' in html
