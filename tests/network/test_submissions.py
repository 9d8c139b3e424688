from datetime import timedelta

import pytest

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mentornett.repeats import AlreadySent
from network.errors import SubmissionError
from network.models import CommentVisibility, Submission, SubmissionStatus
from network.selectors import CellState, cell_state, dashboard_matrix
from network.services import (
    add_comment,
    attach_file,
    mark_read,
    open_submission,
    remove_member,
    return_for_changes,
    save_and_send,
    save_draft,
    set_shared,
    submit,
)

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _save(world, user, sections, bases=None):
    return save_draft(
        team=world.team_a,
        task=world.status_task,
        user=user,
        sections=sections,
        bases=bases if bases is not None else dict.fromkeys(sections, ""),
    )


@pytest.mark.django_db
class TestSharedDraft:
    def test_saving_stores_the_text_and_counts_a_revision(self, world):
        result = _save(world, world.coordinator_a, {"done": "Vi laget prosjektplan."})
        assert result.saved == ["done"]
        assert result.conflicts == []
        submission = Submission.objects.get(team=world.team_a, task=world.status_task)
        assert submission.content["done"] == "Vi laget prosjektplan."
        assert submission.revision == 1
        assert submission.updated_by == world.coordinator_a

    def test_two_members_in_different_sections_both_keep_their_text(self, world):
        _save(world, world.coordinator_a, {"done": "Prosjektplan", "worked": ""})
        # The mentor opened the page before that save: both sections were empty then.
        result = _save(
            world, world.member_a, {"done": "Prosjektplan", "worked": "Lederforankring"},
            bases={"done": "", "worked": ""},
        )  # fmt: skip
        assert result.conflicts == []
        content = Submission.objects.get(team=world.team_a, task=world.status_task).content
        assert content == {"done": "Prosjektplan", "worked": "Lederforankring"}

    def test_two_members_in_the_same_section_get_a_conflict_and_nothing_is_lost(self, world):
        _save(world, world.coordinator_a, {"done": "Saras tekst"})
        result = _save(world, world.member_a, {"done": "Ingrids tekst"}, bases={"done": ""})
        assert result.saved == []
        assert result.conflicts[0].key == "done"
        assert result.conflicts[0].theirs == "Saras tekst"
        assert result.conflicts[0].yours == "Ingrids tekst"
        # The first text is untouched; the second is handed back to its writer.
        submission = Submission.objects.get(team=world.team_a, task=world.status_task)
        assert submission.content["done"] == "Saras tekst"
        # Having seen both, Ingrid saves her combined text with Sara's as the base.
        combined = "Saras tekst\n\nIngrids tekst"
        result = _save(world, world.member_a, {"done": combined}, bases={"done": "Saras tekst"})
        assert result.saved == ["done"]
        submission.refresh_from_db()
        assert submission.content["done"] == combined

    def test_unknown_sections_are_ignored(self, world):
        result = _save(world, world.coordinator_a, {"done": "Tekst", "evil": "x"})
        assert result.saved == ["done"]
        submission = Submission.objects.get(team=world.team_a, task=world.status_task)
        assert "evil" not in submission.content

    def test_a_very_long_section_is_refused_with_a_message(self, world):
        with pytest.raises(SubmissionError) as error:
            _save(world, world.coordinator_a, {"done": "x" * 20_001})
        assert error.value.code == "too_long"


@pytest.mark.django_db
class TestSubmitting:
    def test_submit_records_a_version_on_time(self, world):
        _save(world, world.coordinator_a, {"done": "Prosjektplan"})
        version = submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        assert version.number == 1
        assert not version.is_late
        assert version.submitted_by_name == "Sara Sykepleier"
        assert version.content["done"] == "Prosjektplan"
        submission = version.submission
        assert submission.status == SubmissionStatus.SUBMITTED
        assert not submission.has_unsent_changes

    def test_save_and_send_is_one_step(self, world):
        result = save_and_send(
            team=world.team_a,
            task=world.status_task,
            user=world.coordinator_a,
            sections={"done": "Prosjektplan"},
            bases={"done": ""},
        )
        assert (result.saved, result.send_error) == (["done"], None)
        assert result.version.number == 1
        assert result.version.content["done"] == "Prosjektplan"

    def test_a_refused_send_keeps_what_was_saved(self, world):
        _save(world, world.coordinator_a, {"done": "Prosjektplan"})
        submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        # Emptying the draft and pressing "Send": the text is saved, sending is refused.
        result = save_and_send(
            team=world.team_a,
            task=world.status_task,
            user=world.coordinator_a,
            sections={"done": ""},
            bases={"done": "Prosjektplan"},
        )
        assert result.version is None
        assert result.send_error.code == "empty"
        submission = Submission.objects.get(team=world.team_a, task=world.status_task)
        assert submission.content["done"] == ""
        assert submission.versions.count() == 1

    def test_a_conflict_is_not_sent(self, world):
        _save(world, world.coordinator_a, {"done": "Saras tekst"})
        result = save_and_send(
            team=world.team_a,
            task=world.status_task,
            user=world.member_a,
            sections={"done": "Min tekst"},
            bases={"done": ""},
        )
        assert [conflict.key for conflict in result.conflicts] == ["done"]
        assert (result.version, result.send_error) == (None, None)
        assert not Submission.objects.get(
            team=world.team_a, task=world.status_task
        ).versions.exists()

    def test_an_empty_draft_cannot_be_sent(self, world):
        with pytest.raises(SubmissionError) as error:
            submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        assert error.value.code == "empty"

    def test_a_late_submission_is_recorded_as_late_with_the_deadline_then(self, world):
        _save(world, world.coordinator_a, {"done": "Sent, men med"})
        after = world.status_task.deadline + timedelta(hours=5)
        version = submit(
            team=world.team_a, task=world.status_task, user=world.coordinator_a, now=after
        )
        assert version.is_late
        assert version.deadline == world.status_task.deadline

    def test_editing_after_submission_keeps_the_sent_version_and_shows_unsent_changes(self, world):
        _save(world, world.coordinator_a, {"done": "Første"})
        submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        _save(world, world.member_a, {"done": "Andre"}, bases={"done": "Første"})
        submission = Submission.objects.get(team=world.team_a, task=world.status_task)
        assert submission.has_unsent_changes
        assert submission.versions.get().content["done"] == "Første"
        second = submit(team=world.team_a, task=world.status_task, user=world.member_a)
        assert second.number == 2
        assert [v.content["done"] for v in submission.versions.all()] == ["Første", "Andre"]

    def test_sending_the_same_text_twice_is_refused(self, world):
        _save(world, world.coordinator_a, {"done": "Første"})
        submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        # Within a minute it is a repeat (tests/network/test_repeats.py).
        with pytest.raises(AlreadySent) as error:
            submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        assert error.value.code == "already_sent"

    def test_a_member_who_leaves_stays_named_on_what_they_sent(self, world):
        _save(world, world.member_a, {"done": "Mentorene er rekruttert"})
        version = submit(team=world.team_a, task=world.status_task, user=world.member_a)
        remove_member(membership=world.team_a.memberships.get(person=world.member_a))
        version.refresh_from_db()
        assert version.submitted_by == world.member_a
        assert version.submitted_by_name == "Ingrid Aas"

    def test_a_moved_gathering_moves_the_deadline_but_not_the_recorded_one(self, world):
        _save(world, world.coordinator_a, {"done": "Tidlig"})
        version = submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        old_deadline = version.deadline
        gathering = world.gathering
        gathering.starts_at += timedelta(days=14)
        gathering.ends_at += timedelta(days=14)
        gathering.save_revision().publish()
        task = type(world.status_task).objects.get(pk=world.status_task.pk)
        assert task.deadline == old_deadline + timedelta(days=14)
        version.refresh_from_db()
        assert version.deadline == old_deadline
        assert not version.is_late

    def test_a_file_task_needs_a_file_and_keeps_each_version_file(self, world):
        with pytest.raises(SubmissionError):
            submit(team=world.team_a, task=world.file_task, user=world.coordinator_a)
        upload = SimpleUploadedFile("plakat.pdf", PDF, content_type="application/pdf")
        attach_file(
            team=world.team_a, task=world.file_task, user=world.coordinator_a, upload=upload
        )
        first = submit(team=world.team_a, task=world.file_task, user=world.coordinator_a)
        upload = SimpleUploadedFile("plakat2.pdf", PDF + b"%2", content_type="application/pdf")
        attach_file(
            team=world.team_a, task=world.file_task, user=world.coordinator_a, upload=upload
        )
        second = submit(team=world.team_a, task=world.file_task, user=world.coordinator_a)
        assert first.file.name != second.file.name
        assert first.file.read() == PDF
        assert first.file_name == "plakat.pdf"
        assert "plakat" not in first.file.name


@pytest.mark.django_db
class TestReview:
    def _sent(self, world):
        _save(world, world.coordinator_a, {"done": "Prosjektplan"})
        return submit(
            team=world.team_a, task=world.status_task, user=world.coordinator_a
        ).submission

    def test_mark_read(self, world):
        submission = mark_read(submission=self._sent(world), user=world.advisor_a)
        assert submission.status == SubmissionStatus.READ
        assert submission.reviewed_by == world.advisor_a

    def test_return_needs_a_comment_and_tells_the_coordinator(
        self, world, django_capture_on_commit_callbacks
    ):
        submission = self._sent(world)
        with pytest.raises(SubmissionError):
            return_for_changes(submission=submission, user=world.advisor_a, comment="  ")
        with django_capture_on_commit_callbacks(execute=True):
            returned = return_for_changes(
                submission=submission, user=world.advisor_a, comment="Legg til målinger."
            )
        assert returned.status == SubmissionStatus.RETURNED
        assert returned.comments.get().body == "Legg til målinger."
        assert [m.to for m in mail.outbox] == [[world.coordinator_a.email]]
        assert "Statusrapport før samling 2" in mail.outbox[0].subject

    def test_a_draft_cannot_be_reviewed(self, world):
        _save(world, world.coordinator_a, {"done": "Ikke sendt"})
        submission = Submission.objects.get(team=world.team_a, task=world.status_task)
        with pytest.raises(SubmissionError):
            mark_read(submission=submission, user=world.advisor_a)

    def test_resubmitting_after_return_makes_it_submitted_again(self, world):
        submission = self._sent(world)
        return_for_changes(submission=submission, user=world.advisor_a, comment="Mer, takk")
        _save(world, world.coordinator_a, {"done": "Prosjektplan og mer"},
              bases={"done": "Prosjektplan"})  # fmt: skip
        version = submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        assert version.submission.status == SubmissionStatus.SUBMITTED
        assert version.submission.reviewed_at is None


@pytest.mark.django_db
class TestSharingAndComments:
    def test_only_a_sent_report_can_be_shared(self, world):
        submission = open_submission(team=world.team_a, task=world.status_task)
        with pytest.raises(SubmissionError):
            set_shared(submission=submission, shared=True)
        _save(world, world.coordinator_a, {"done": "Plakat"})
        submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
        assert set_shared(submission=submission, shared=True).shared_at is not None
        assert set_shared(submission=submission, shared=False).shared_at is None

    def test_network_comments_need_a_shared_submission(self, world):
        submission = open_submission(team=world.team_a, task=world.status_task)
        with pytest.raises(SubmissionError):
            add_comment(
                submission=submission,
                user=world.coordinator_b,
                body="Flott!",
                visibility=CommentVisibility.NETWORK,
            )

    def test_an_empty_comment_is_refused(self, world):
        submission = open_submission(team=world.team_a, task=world.status_task)
        with pytest.raises(SubmissionError):
            add_comment(submission=submission, user=world.advisor_a, body="   ")


@pytest.mark.django_db
def test_cell_states_follow_the_work(world):
    now = timezone.now()
    task = world.status_task
    assert cell_state(task, None, now) == CellState.NOT_STARTED
    assert cell_state(task, None, task.deadline + timedelta(seconds=1)) == CellState.LATE
    _save(world, world.coordinator_a, {"done": "Utkast"})
    submission = Submission.objects.get(team=world.team_a, task=task)
    assert cell_state(task, submission, now) == CellState.DRAFT
    assert cell_state(task, submission, task.deadline + timedelta(days=1)) == CellState.LATE
    submit(team=world.team_a, task=task, user=world.coordinator_a)
    submission.refresh_from_db()
    assert cell_state(task, submission, task.deadline + timedelta(days=1)) == CellState.SUBMITTED
    matrix = dashboard_matrix(network=world.network)
    assert matrix.totals == {CellState.SUBMITTED: 1, CellState.NOT_STARTED: 5}


@pytest.mark.django_db
def test_a_final_report_opened_but_not_written_is_not_started(world):
    submission = open_submission(team=world.team_a, task=world.final_task)
    assert submission.revision == 0
    assert cell_state(world.final_task, submission, timezone.now()) == CellState.NOT_STARTED
