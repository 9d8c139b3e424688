"""The collaboration agreement between a municipality and the organisers."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..errors import AgreementError
from ..models import CollaborationAgreement, Team


def agreement_for(*, team: Team) -> CollaborationAgreement:
    """The team's agreement, made from the network's text. The text follows
    the network's until someone signs; from then on it never changes."""
    text = team.network.agreement_text
    agreement, created = CollaborationAgreement.objects.get_or_create(
        team=team, defaults={"text": text}
    )
    if not created and agreement.text != text and not _has_signature(agreement):
        CollaborationAgreement.objects.filter(
            pk=agreement.pk,
            leader_signed_at__isnull=True,
            coordinator_signed_at__isnull=True,
            scan="",
        ).update(text=text)
        agreement.refresh_from_db()
    return agreement


def _has_signature(agreement) -> bool:
    return bool(agreement.leader_signed_at or agreement.coordinator_signed_at or agreement.scan)


def _locked(agreement) -> CollaborationAgreement:
    return CollaborationAgreement.objects.select_for_update().get(pk=agreement.pk)


def _not_countersigned(agreement):
    if agreement.countersigned_at is not None:
        raise AgreementError(
            _("The agreement is already complete and can no longer change."), code="complete"
        )


@transaction.atomic
def sign_as_leader(*, agreement, user, name: str, title: str, ip: str | None):
    agreement = _locked(agreement)
    _not_countersigned(agreement)
    if not name.strip() or not title.strip():
        raise AgreementError(_("Write your name and position to sign."), code="name")
    agreement.leader_name = name.strip()
    agreement.leader_title = title.strip()
    agreement.leader_user = user
    agreement.leader_signed_at = timezone.now()
    agreement.leader_ip = ip
    agreement.save()
    return agreement


@transaction.atomic
def sign_as_coordinator(*, agreement, user, ip: str | None):
    agreement = _locked(agreement)
    _not_countersigned(agreement)
    agreement.coordinator_name = user.display_name
    agreement.coordinator_user = user
    agreement.coordinator_signed_at = timezone.now()
    agreement.coordinator_ip = ip
    agreement.save()
    return agreement


@transaction.atomic
def upload_scan(*, agreement, user, upload):
    agreement = _locked(agreement)
    _not_countersigned(agreement)
    old = agreement.scan.name if agreement.scan else ""
    agreement.scan.save(upload.name or "avtale.pdf", upload, save=False)
    agreement.scan_uploaded_by = user
    agreement.scan_uploaded_at = timezone.now()
    agreement.save()
    if old and old != agreement.scan.name:
        agreement.scan.storage.delete(old)
    return agreement


@transaction.atomic
def countersign(*, agreement, user):
    agreement = _locked(agreement)
    _not_countersigned(agreement)
    if not agreement.municipality_signed:
        raise AgreementError(
            _(
                "The municipality has not signed yet: both the top leader and the coordinator "
                "must sign, or a signed scan must be uploaded."
            ),
            code="unsigned",
        )
    agreement.countersigned_by = user
    agreement.countersigned_name = user.display_name
    agreement.countersigned_at = timezone.now()
    agreement.save()
    return agreement


def render_agreement_pdf(*, agreement, language="nb") -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "network/agreement_pdf.html", {"agreement": agreement, "team": agreement.team}
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
