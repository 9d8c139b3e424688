"""Who may see and do what in Finn mentor. A person's own profile is theirs
alone; someone else's hub, municipality or closed need is 404, so that whether
it exists is never revealed."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Certificate
from mentornett.accounts.models import Profile
from network.models import (
    ChoiceStatus,
    HubMentor,
    HubStatus,
    MenteeProfile,
    MentorHub,
    MentorProfile,
    Municipality,
    MunicipalityContact,
    NeedStatus,
    RequestStatus,
)

from ..permissions import SCHEME_PROFESSIONS, is_hub_contact, is_scheme_administrator

# --- profiles, municipality contacts and needs ---


def may_make_profile(user) -> bool:
    """Finn mentor is for vets and vet students (and those who have not said
    what they are); a nurse's programme is another one."""
    if not user.is_authenticated:
        return False
    profession = Profile.objects.filter(user=user).values_list("profession", flat=True).first()
    return (profession or "") in SCHEME_PROFESSIONS


def has_finn_profile(user) -> bool:
    return user.is_authenticated and (
        MentorProfile.objects.filter(user=user).exists()
        or MenteeProfile.objects.filter(user=user).exists()
    )


def may_edit_hub_listing(user, hub: MentorHub) -> bool:
    """An approved hub's contact persons keep its listing."""
    return hub.status == HubStatus.APPROVED and is_hub_contact(user, hub)


def listable_hubs(user):
    """The approved hubs whose listing `user` keeps, as their contact."""
    if not user.is_authenticated:
        return MentorHub.objects.none()
    return MentorHub.objects.filter(
        status=HubStatus.APPROVED, mentors__user=user, mentors__is_contact=True
    )


def contact_of(user, municipality) -> MunicipalityContact | None:
    """The person's contact row for the municipality, verified or not."""
    if not user.is_authenticated:
        return None
    return MunicipalityContact.objects.filter(user=user, municipality=municipality).first()


def is_verified_contact(user, municipality) -> bool:
    return user.is_authenticated and (
        MunicipalityContact.objects.filter(
            user=user, municipality=municipality, verified_at__isnull=False
        ).exists()
    )


def verified_municipalities(user):
    if not user.is_authenticated:
        return Municipality.objects.none()
    return Municipality.objects.filter(
        scheme_contacts__user=user, scheme_contacts__verified_at__isnull=False
    )


def unverified_refusal() -> str:
    return _("The programme office must verify you before you can act for the municipality.")


def may_see_needs(user) -> bool:
    """Students and vets with a profile answer needs; verified municipality
    contacts see each other's; the office sees all."""
    return (
        has_finn_profile(user)
        or verified_municipalities(user).exists()
        or is_scheme_administrator(user)
    )


def may_see_need(user, need) -> bool:
    """An open need is seen by those who may see needs; a closed one only by
    its municipality's verified contacts and the office."""
    if may_manage_need(user, need) or is_scheme_administrator(user):
        return True
    return need.status == NeedStatus.OPEN and may_see_needs(user)


def may_manage_need(user, need) -> bool:
    return is_verified_contact(user, need.municipality_id)


def may_answer_need(user, need) -> bool:
    """Someone with a profile, not acting for the municipality itself."""
    return (
        need.status == NeedStatus.OPEN
        and has_finn_profile(user)
        and contact_of(user, need.municipality_id) is None
    )


# --- board: published searches, the office's matching board, proposals ---------------
# A published search is answered by a mentor with a mentor profile and a valid
# mentor certificate, by a contact person of an approved hub (for the hub), or
# by a verified municipality contact (for the municipality). The matching board
# is the programme office's. A proposal is seen by its mentee, its mentor (for a
# hub: the hub's contact persons) and the office.


def valid_mentor_certificate(day):
    """An Exists over the mentor certificates valid on `day`, for the holder
    named by the outer query's "user". The rule of
    selectors.holds_mentor_certificate, which this module cannot import
    (selectors imports it)."""
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
    municipalities = tuple(verified_municipalities(user).order_by("name"))
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


# --- directory and requests ---
# The directory is for signed-in people with a mentor or mentee profile
# (`has_finn_profile`). A request is seen by its mentee, and by each mentor
# or hub contact it has asked (a choice still waiting in the queue has not
# been told). Only the one asked now answers; only the mentee withdraws.

# Choices the chosen has seen: a waiting or skipped one was never sent to them.
SEEN = (ChoiceStatus.ASKED, ChoiceStatus.ACCEPTED, ChoiceStatus.DECLINED, ChoiceStatus.TIMED_OUT)


def contact_hub_ids(user) -> frozenset[int]:
    """The hubs `user` is a contact person of (who answers a hub's requests)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        HubMentor.objects.filter(user=user, is_contact=True).values_list("hub_id", flat=True)
    )


def is_chosen(user, choice, hub_ids: frozenset[int]) -> bool:
    """`user` is the mentor of the choice, or a contact of its hub."""
    if choice.mentor_id is not None:
        return choice.mentor_id == user.pk
    return choice.hub_id in hub_ids


def request_role(user, request) -> str | None:
    """ "mentee", "chosen" (a mentor or hub contact the request has asked),
    or None. Reads the request's prefetched choices and one query."""
    if not user.is_authenticated:
        return None
    if request.mentee_id == user.pk:
        return "mentee"
    hub_ids = contact_hub_ids(user)
    for choice in request.choices.all():
        if choice.status in SEEN and is_chosen(user, choice, hub_ids):
            return "chosen"
    return None


def asked_choice_for(user, request):
    """The choice `user` may answer now, or None."""
    if request.status != RequestStatus.OPEN or not user.is_authenticated:
        return None
    hub_ids = contact_hub_ids(user)
    for choice in request.choices.all():
        if choice.status == ChoiceStatus.ASKED and is_chosen(user, choice, hub_ids):
            return choice
    return None
