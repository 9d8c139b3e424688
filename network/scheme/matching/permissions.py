"""Who may see and do what in Finn mentor. Views and templates ask these;
someone else's object is a 404, so that whether it exists is never revealed."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from courses.models import Certificate
from network.models import HubMentor, HubStatus, MentorHub, MentorProfile, Municipality

from ..permissions import is_scheme_administrator

# --- board: published searches, the office's matching board, proposals ---------------
# A published search is answered by a mentor with a mentor profile and a valid
# mentor certificate, by a contact person of an approved hub (for the hub), or
# by a verified municipality contact (for the municipality). The matching board
# is the programme office's. A proposal is seen by its mentee, its mentor (for a
# hub: the hub's contact persons) and the office.


def valid_mentor_certificate(day):
    """An Exists over the mentor certificates valid on `day`, for the holder
    named by the outer query's "user"."""
    return Exists(
        Certificate.objects.valid_on(day).filter(holder=OuterRef("user"), mandatory_for="mentor")
    )


@dataclass(frozen=True)
class Answerer:
    """The ways one person may answer a published search."""

    as_mentor: bool
    hubs: tuple  # approved hubs the person is a contact person of
    municipalities: tuple  # municipalities the person is a verified contact for

    def __bool__(self) -> bool:
        return self.as_mentor or bool(self.hubs) or bool(self.municipalities)


NO_ANSWERER = Answerer(False, (), ())


def search_answerer(user, *, day=None) -> Answerer:
    if not user.is_authenticated:
        return NO_ANSWERER
    day = day or timezone.localdate()
    as_mentor = (
        MentorProfile.objects.filter(user=user).filter(valid_mentor_certificate(day)).exists()
    )
    hubs = tuple(
        MentorHub.objects.filter(
            status=HubStatus.APPROVED, mentors__user=user, mentors__is_contact=True
        )
        .select_related("municipality")
        .order_by("name")
    )
    municipalities = tuple(
        Municipality.objects.filter(
            scheme_contacts__user=user, scheme_contacts__verified_at__isnull=False
        ).order_by("name")
    )
    return Answerer(as_mentor, hubs, municipalities)


def can_use_matching_board(user) -> bool:
    return is_scheme_administrator(user)


def proposal_side(user, proposal) -> str | None:
    """ "mentee" or "mentor" (a hub's contact persons answer for the hub), or
    None for anyone else."""
    if not user.is_authenticated:
        return None
    if proposal.mentee_id == user.pk:
        return "mentee"
    if proposal.mentor_id is not None:
        return "mentor" if proposal.mentor_id == user.pk else None
    is_contact = HubMentor.objects.filter(
        hub_id=proposal.hub_id, user=user, is_contact=True
    ).exists()
    return "mentor" if is_contact else None


def can_view_proposal(user, proposal) -> bool:
    return proposal_side(user, proposal) is not None or is_scheme_administrator(user)
