"""Application drafts nobody sent are deleted after RETENTION_DRAFT_DAYS, and
files kept from a refused form after a day (mentornett.accounts.retention runs
the rules)."""

from django.db import transaction
from django.db.models import ProtectedError

from mentornett.accounts.retention import Cutoffs
from network.models import Application, ApplicationStatus

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
