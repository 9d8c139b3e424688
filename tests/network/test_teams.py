import re

import pytest
from freezegun import freeze_time

from django.core import mail

from network.errors import TeamError
from network.models import TeamInvitation, TeamMembership, TeamRole
from network.services import (
    accept_invitation,
    assign_advisor,
    invitation_from_token,
    invitation_token,
    invite_member,
    remove_member,
    revoke_invitation,
)
from tests.factories import UserFactory


@pytest.mark.django_db
class TestInvitations:
    def test_invitation_is_emailed_with_a_link_that_joins_the_team(
        self, world, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = invite_member(
                team=world.team_a,
                email="Ny.Mentor@Example.no",
                role=TeamRole.MENTOR,
                invited_by=world.coordinator_a,
            )
        assert invitation.email == "ny.mentor@example.no"
        message = mail.outbox[0]
        assert message.to == ["ny.mentor@example.no"]
        assert "Sarpsborg" in message.subject
        token = re.search(r"/invitasjon/([^/\s]+)/", message.body).group(1)
        person = UserFactory(email="ny.mentor@example.no")
        membership = accept_invitation(invitation=invitation_from_token(token), user=person)
        assert membership.role == TeamRole.MENTOR
        invitation.refresh_from_db()
        assert invitation.accepted_by == person

    def test_inviting_the_same_address_again_resends_instead_of_duplicating(self, world):
        first = invite_member(
            team=world.team_a, email="a@example.no", role=TeamRole.HR, invited_by=None
        )
        second = invite_member(
            team=world.team_a, email="A@example.no", role=TeamRole.OTHER, invited_by=None
        )
        assert first.pk == second.pk
        assert TeamInvitation.objects.get().role == TeamRole.OTHER

    def test_a_member_cannot_be_invited_again(self, world):
        with pytest.raises(TeamError) as error:
            invite_member(
                team=world.team_a,
                email=world.member_a.email.upper(),
                role=TeamRole.MENTOR,
                invited_by=world.coordinator_a,
            )
        assert error.value.code == "member"

    def test_the_link_expires_after_two_weeks(self, world):
        with freeze_time("2026-11-01 10:00"):
            invitation = invite_member(
                team=world.team_a, email="sen@example.no", role=TeamRole.MENTEE, invited_by=None
            )
            token = invitation_token(invitation)
        with freeze_time("2026-11-14 10:00"):
            assert invitation_from_token(token).pk == invitation.pk
        with freeze_time("2026-11-16 10:00"), pytest.raises(TeamError) as error:
            invitation_from_token(token)
        assert error.value.code == "expired"

    def test_a_tampered_link_is_refused(self, world):
        invitation = invite_member(
            team=world.team_a, email="x@example.no", role=TeamRole.MENTEE, invited_by=None
        )
        with pytest.raises(TeamError) as error:
            invitation_from_token(invitation_token(invitation) + "x")
        assert error.value.code == "invalid"

    def test_a_withdrawn_invitation_cannot_be_used(self, world):
        invitation = invite_member(
            team=world.team_a, email="x@example.no", role=TeamRole.MENTEE, invited_by=None
        )
        revoke_invitation(invitation=invitation)
        with pytest.raises(TeamError) as error:
            invitation_from_token(invitation_token(invitation))
        assert error.value.code == "revoked"

    def test_someone_signed_in_with_another_address_cannot_accept(self, world):
        invitation = invite_member(
            team=world.team_a, email="riktig@example.no", role=TeamRole.MENTEE, invited_by=None
        )
        with pytest.raises(TeamError) as error:
            accept_invitation(invitation=invitation, user=world.coordinator_b)
        assert error.value.code == "address"
        assert not TeamMembership.objects.filter(person=world.coordinator_b, team=world.team_a)


@pytest.mark.django_db
class TestMembers:
    def test_removing_a_member_keeps_what_they_wrote(self, world):
        from network.services import save_draft

        save_draft(
            team=world.team_a,
            task=world.status_task,
            user=world.member_a,
            sections={"done": "Mentorene er rekruttert"},
            bases={"done": ""},
        )
        remove_member(membership=TeamMembership.objects.get(person=world.member_a))
        submission = world.team_a.submissions.get()
        assert submission.content["done"] == "Mentorene er rekruttert"
        assert submission.updated_by == world.member_a

    def test_the_last_coordinator_cannot_be_removed(self, world):
        with pytest.raises(TeamError) as error:
            remove_member(membership=TeamMembership.objects.get(person=world.coordinator_a))
        assert error.value.code == "last_coordinator"

    def test_only_a_network_advisor_can_be_assigned(self, world):
        assign_advisor(team=world.team_b, advisor=world.advisor_a)
        world.team_b.refresh_from_db()
        assert world.team_b.advisor == world.advisor_a
        with pytest.raises(TeamError):
            assign_advisor(team=world.team_b, advisor=world.member_a)
