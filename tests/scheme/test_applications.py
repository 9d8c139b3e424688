import re

import pytest

from django.core import mail

from courses.models import Certificate
from courses.services.certificates import revoke_certificate
from network.models import ApplicationEvent, ApplicationStatus, RelationshipKind
from network.scheme.errors import ApplicationError
from network.scheme.services import applications as services
from tests.factories import UserFactory
from tests.scheme.fixtures import complete_application

S = ApplicationStatus
pytestmark = pytest.mark.django_db


class TestDraftingTogether:
    def test_the_mentor_starts_and_invites_the_mentee(
        self, scheme, django_capture_on_commit_callbacks
    ):
        application = services.start_application(
            user=scheme.mentor, role="mentor", kind=RelationshipKind.STUDENT_PLACEMENT
        )
        assert application.status == S.DRAFT
        assert services.missing_role(application) == "mentee"
        with django_capture_on_commit_callbacks(execute=True):
            services.invite_party(
                application=application, email=scheme.mentee.email, invited_by=scheme.mentor
            )
        token = re.search(r"/ordningen/invitasjon/([^/\s]+)/", mail.outbox[-1].body).group(1)
        joined = services.accept_party_invitation(
            invitation=services.invitation_from_token(token), user=scheme.mentee
        )
        assert joined.mentee == scheme.mentee
        assert services.missing_role(joined) is None

    def test_nobody_can_be_both_mentor_and_mentee(self, scheme):
        application = services.start_application(
            user=scheme.mentor, role="mentor", kind=RelationshipKind.MENTORVET
        )
        with pytest.raises(ApplicationError) as error:
            services.invite_party(
                application=application, email=scheme.mentor.email, invited_by=scheme.mentor
            )
        assert error.value.code == "self"

    def test_the_invitation_is_for_its_address_only(self, scheme):
        application = services.start_application(
            user=scheme.mentor, role="mentor", kind=RelationshipKind.MENTORVET
        )
        invitation = services.invite_party(
            application=application, email="riktig@example.no", invited_by=scheme.mentor
        )
        with pytest.raises(ApplicationError) as error:
            services.accept_party_invitation(invitation=invitation, user=scheme.mentee)
        assert error.value.code == "address"


class TestTheCertificateGate:
    def test_a_complete_application_with_both_certificates_is_sent(self, scheme):
        application = complete_application(scheme)
        assert services.submission_problems(application) == []
        sent = services.submit_application(application=application, user=scheme.mentee)
        assert sent.status == S.SUBMITTED
        assert list(sent.events.values_list("to_status", flat=True)) == [S.DRAFT, S.SUBMITTED]

    def test_a_party_without_the_course_is_named(self, scheme):
        application = complete_application(scheme)
        application.mentee = UserFactory(full_name="Nina Ny")
        application.save()
        messages = [p.message for p in services.submission_problems(application)]
        assert any("Nina Ny" in m and "mentee" in m for m in messages)
        with pytest.raises(ApplicationError) as error:
            services.submit_application(application=application, user=scheme.mentor)
        assert {item.code for item in error.value.error_list} == {"incomplete"}

    def test_a_revoked_certificate_blocks_and_later_warns(self, scheme):
        application = services.submit_application(
            application=complete_application(scheme), user=scheme.mentor
        )
        assert services.certificate_warnings(application) == []
        revoke_certificate(
            certificate=Certificate.objects.get(holder=scheme.mentor),
            reason="Feil utstedt",
            by=None,
        )
        warnings = services.certificate_warnings(application)
        assert len(warnings) == 1
        assert "Marit Mentor" in warnings[0]

    def test_a_temporary_licence_needs_employment(self, scheme):
        application = complete_application(scheme)
        application.employer = ""
        application.contract = ""
        application.save()
        fields = {p.field for p in services.submission_problems(application)}
        assert {"employer", "contract"} <= fields

    def test_the_mentor_must_confirm_every_criterion(self, scheme):
        application = complete_application(scheme)
        application.mentor_declarations = application.mentor_declarations[:-1]
        application.save()
        fields = {p.field for p in services.submission_problems(application)}
        assert fields == {"mentor_declarations"}


class TestDeciding:
    def _sent(self, scheme):
        application = complete_application(scheme)
        return services.submit_application(application=application, user=scheme.mentor)

    def test_the_office_reviews_and_grants_under_the_rules_in_force(self, scheme):
        office = UserFactory(full_name="Ola Ordning")
        application = self._sent(scheme)
        services.change_status(
            application=application, user=office, expected=S.SUBMITTED, to=S.IN_REVIEW
        )
        granted = services.change_status(
            application=application, user=office, expected=S.IN_REVIEW, to=S.GRANTED
        )
        assert granted.rules.version == "2.0"
        history = list(granted.events.values_list("from_status", "to_status", "actor_name"))
        assert history[-1] == (S.IN_REVIEW, S.GRANTED, "Ola Ordning")

    def test_a_stale_decision_is_refused_and_says_who_decided(self, scheme):
        first, second = UserFactory(full_name="Ola Ordning"), UserFactory(full_name="Per Plan")
        application = self._sent(scheme)
        services.change_status(
            application=application, user=first, expected=S.SUBMITTED, to=S.IN_REVIEW
        )
        with pytest.raises(ApplicationError) as error:
            services.change_status(
                application=application, user=second, expected=S.SUBMITTED, to=S.IN_REVIEW
            )
        assert error.value.code == "stale"
        assert "Ola Ordning" in error.value.messages[0]
        assert ApplicationEvent.objects.filter(to_status=S.IN_REVIEW).count() == 1

    def test_rejecting_needs_a_note(self, scheme):
        office = UserFactory()
        application = self._sent(scheme)
        services.change_status(
            application=application, user=office, expected=S.SUBMITTED, to=S.IN_REVIEW
        )
        with pytest.raises(ApplicationError) as error:
            services.change_status(
                application=application, user=office, expected=S.IN_REVIEW, to=S.REJECTED
            )
        assert error.value.code == "note"

    def test_an_impossible_step_is_refused(self, scheme):
        application = self._sent(scheme)
        with pytest.raises(ApplicationError) as error:
            services.change_status(
                application=application, user=UserFactory(), expected=S.SUBMITTED, to=S.PAID
            )
        assert error.value.code == "transition"

    def test_changes_requested_lets_the_applicants_edit_and_send_again(self, scheme):
        office = UserFactory()
        application = self._sent(scheme)
        services.change_status(
            application=application, user=office, expected=S.SUBMITTED, to=S.IN_REVIEW
        )
        services.change_status(
            application=application,
            user=office,
            expected=S.IN_REVIEW,
            to=S.CHANGES_REQUESTED,
            note="Legg ved signert kontrakt.",
        )
        again = services.submit_application(application=application, user=scheme.mentee)
        assert again.status == S.SUBMITTED

    def test_withdrawing(self, scheme):
        application = self._sent(scheme)
        with pytest.raises(ApplicationError):
            services.withdraw_application(application=application, user=UserFactory())
        withdrawn = services.withdraw_application(application=application, user=scheme.mentee)
        assert withdrawn.status == S.WITHDRAWN

    def test_the_history_cannot_be_rewritten(self, scheme):
        event = self._sent(scheme).events.first()
        event.note = "endret"
        with pytest.raises(ValueError):
            event.save()
        with pytest.raises(ValueError):
            event.delete()


class TestSavingTheDraft:
    def test_saving_writes_the_changed_fields_and_an_audit_row_without_their_text(self, scheme):
        from mentornett.audit.models import AuditAction, AuditEvent

        application = services.start_application(
            user=scheme.mentor, role="mentor", kind=RelationshipKind.STUDENT_PLACEMENT
        )
        result = services.save_draft(
            application=application,
            user=scheme.mentor,
            changes={"planned_use": "Bolig og reise", "municipality": scheme.municipality},
        )
        assert (result.sent, result.problems) == (False, [])
        application.refresh_from_db()
        assert application.planned_use == "Bolig og reise"
        (row,) = AuditEvent.objects.filter(action=AuditAction.APPLICATION_EDITED)
        assert row.changes == {"fields": [None, ["municipality", "planned_use"]]}
        assert "Bolig" not in str(row.changes)

    def test_saving_nothing_new_writes_no_audit_row(self, scheme):
        from mentornett.audit.models import AuditAction, AuditEvent

        application = complete_application(scheme)
        services.save_draft(
            application=application, user=scheme.mentee, changes={"employer": application.employer}
        )
        assert not AuditEvent.objects.filter(action=AuditAction.APPLICATION_EDITED).exists()

    def test_only_the_parties_change_it_and_only_the_mentor_declares(self, scheme):
        application = complete_application(scheme)
        with pytest.raises(ApplicationError) as error:
            services.save_draft(application=application, user=UserFactory(), changes={})
        assert error.value.code == "party"
        with pytest.raises(ApplicationError) as error:
            services.save_draft(
                application=application,
                user=scheme.mentee,
                changes={"mentor_declarations": []},
            )
        assert error.value.code == "declarations"

    def test_a_sent_application_cannot_be_saved_again(self, scheme):
        application = services.submit_application(
            application=complete_application(scheme), user=scheme.mentor
        )
        with pytest.raises(ApplicationError) as error:
            services.save_draft(
                application=application, user=scheme.mentor, changes={"employer": "Annet AS"}
            )
        assert error.value.code == "not_editable"
        application.refresh_from_db()
        assert application.employer == "Glåmdal veterinærkontor AS"

    def test_send_keeps_the_draft_when_something_is_missing(self, scheme):
        application = complete_application(scheme)
        result = services.save_draft(
            application=application,
            user=scheme.mentor,
            changes={"employer": "Nytt AS", "backup_plan": ""},
            send=True,
        )
        assert not result.sent
        assert [problem.field for problem in result.problems] == ["backup_plan"]
        application.refresh_from_db()
        assert (application.status, application.employer) == (S.DRAFT, "Nytt AS")

    def test_send_sends_a_complete_draft(self, scheme):
        result = services.save_draft(
            application=complete_application(scheme), user=scheme.mentee, changes={}, send=True
        )
        assert result.sent
        assert result.application.status == S.SUBMITTED


class TestAllowedTransitions:
    def test_every_status_change_follows_the_one_mapping(self, scheme):
        from network.scheme.services.history import ALLOWED_TRANSITIONS

        application = services.submit_application(
            application=complete_application(scheme), user=scheme.mentor
        )
        # The office may not grant what nobody has reviewed: not in the mapping.
        assert S.GRANTED not in ALLOWED_TRANSITIONS[S.SUBMITTED]
        with pytest.raises(ApplicationError) as error:
            services.change_status(
                application=application, user=UserFactory(), expected=S.SUBMITTED, to=S.GRANTED
            )
        assert error.value.code == "transition"
        # Applicants may not review their own application either.
        assert ALLOWED_TRANSITIONS[S.SUBMITTED][S.IN_REVIEW] == "office"
        assert ALLOWED_TRANSITIONS[S.SUBMITTED][S.WITHDRAWN] == "applicants"
