"""Who may see and do what in Finn mentor. Someone else's request is 404:
whether it exists is not theirs to know."""

from network.models import ChoiceStatus, MenteeProfile, MentorProfile, RequestStatus

from .selectors import SEEN, contact_hub_ids

# --- directory and requests ---
# The directory is for signed-in people with a mentor or mentee profile in
# the scheme. A request is seen by its mentee, and by each mentor or hub
# contact it has asked (a choice still waiting in the queue has not been
# told). Only the one asked now answers; only the mentee withdraws.


def has_finn_profile(user) -> bool:
    return user.is_authenticated and (
        MentorProfile.objects.filter(user=user).exists()
        or MenteeProfile.objects.filter(user=user).exists()
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
