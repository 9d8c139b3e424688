"""Application drafts nobody sent are deleted after RETENTION_DRAFT_DAYS, and
files kept from a refused form after a day; Finn mentor's closed requests,
proposals, answers and interests after RETENTION_DRAFT_DAYS too
(mentornett.accounts.retention runs the rules)."""

from django.db import transaction
from django.db.models import ProtectedError, Q

from mentornett.accounts.retention import Cutoffs
from network.models import (
    Application,
    ApplicationStatus,
    MatchProposal,
    MatchRequest,
    NeedInterest,
    NeedStatus,
    ProposalStatus,
    RequestStatus,
    SearchAnswer,
)

from . import pending_uploads


def purge_application_drafts(cutoffs: Cutoffs) -> int:
    removed = 0
    drafts = Application.objects.filter(
        status=ApplicationStatus.DRAFT, submitted_at__isnull=True, updated_at__lt=cutoffs.drafts
    )
    for draft in drafts.only("pk", "contract"):
        contract = draft.contract.name if draft.contract else ""
        try:
            with transaction.atomic():
                draft.delete()
        except ProtectedError:
            continue  # something that must be kept points at it
        removed += 1
        if contract:
            storage = Application._meta.get_field("contract").storage
            transaction.on_commit(lambda name=contract, storage=storage: storage.delete(name))
    return removed


def purge_pending_uploads(cutoffs: Cutoffs) -> int:
    return pending_uploads.purge(before=pending_uploads.keep_window(cutoffs.now))


# --- Finn mentor -------------------------------------------------------------------------
# What people sent each other to find a pair is kept as long as an application
# draft nobody sent (RETENTION_DRAFT_DAYS, a year by default) once it is over:
# the application, if one came of it, is the record that stays.


def purge_finn_requests(cutoffs: Cutoffs) -> int:
    """Requests answered, expired or withdrawn; their choices go with them."""
    closed = MatchRequest.objects.exclude(status=RequestStatus.OPEN).filter(
        closed_at__lt=cutoffs.drafts
    )
    return closed.delete()[1].get(MatchRequest._meta.label, 0)


def purge_finn_proposals(cutoffs: Cutoffs) -> int:
    closed = MatchProposal.objects.exclude(status=ProposalStatus.PROPOSED).filter(
        closed_at__lt=cutoffs.drafts
    )
    return closed.delete()[0]


def purge_finn_answers(cutoffs: Cutoffs) -> int:
    """Answers to a search that is over: accepted, hidden or matched."""
    over = (
        Q(accepted_at__isnull=False)
        | Q(profile__listed=False)
        | Q(profile__matched_at__isnull=False)
    )
    return SearchAnswer.objects.filter(over, created_at__lt=cutoffs.drafts).delete()[0]


def purge_finn_interests(cutoffs: Cutoffs) -> int:
    """Interests in a need the municipality has closed."""
    return (
        NeedInterest.objects.exclude(need__status=NeedStatus.OPEN)
        .filter(created_at__lt=cutoffs.drafts)
        .delete()[0]
    )
