"""A claim refused for another reason keeps the receipt the mentee chose: it is
kept in private storage for the mentee's own session, named on the form, used
when the claim is sent, and removed after that or after a day."""

from datetime import timedelta

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mentornett.accounts.retention import cutoffs
from mentornett.uploads import private_storage
from network.models import Claim
from network.scheme import pending_uploads
from network.scheme.retention import purge_pending_uploads
from tests.scheme.fixtures import active_relationship

pytestmark = pytest.mark.django_db

RECEIPT_BYTES = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n% Tog Oslo-Kongsvinger\n%%EOF\n"


def _receipt(name="togbillett.pdf", content=RECEIPT_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _claim(**fields):
    return {
        "category": "travel",
        "description": "Tog Oslo–Kongsvinger t/r",
        "amount": "840",
        "spent_on": "2026-01-04",
        **fields,
    }


@pytest.fixture(autouse=True)
def no_kept_files():
    """The test suite's private storage lives as long as the process."""
    pending_uploads.purge(before=timezone.now() + timedelta(days=1))


def _kept_files():
    try:
        return private_storage().listdir(pending_uploads.PREFIX)[1]
    except FileNotFoundError:
        return []


def test_a_refused_claim_keeps_the_receipt_and_says_so(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    url = reverse("scheme:claims", args=[application.pk])
    response = client.post(url, _claim(amount="9000", receipt=_receipt()))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kvittering lagret: togbillett.pdf — velg en ny fil bare om du vil bytte den." in html
    assert len(_kept_files()) == 1
    # Seen again later, the page still says so.
    html = client.get(url).content.decode()
    assert "Kvittering lagret: togbillett.pdf" in html

    response = client.post(url, _claim(amount="840"))
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert claim.receipt_name == "togbillett.pdf"
    with claim.receipt.open("rb") as stored:
        assert stored.read() == RECEIPT_BYTES
    assert _kept_files() == []
    assert "Kvittering lagret" not in client.get(url).content.decode()


def test_a_new_file_replaces_the_kept_receipt(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    url = reverse("scheme:claims", args=[application.pk])
    client.post(url, _claim(amount="9000", receipt=_receipt("forste.pdf")))
    second = RECEIPT_BYTES.replace(b"Tog", b"Fly")
    response = client.post(url, _claim(amount="9000", receipt=_receipt("andre.pdf", second)))
    assert "Kvittering lagret: andre.pdf" in response.content.decode()
    assert len(_kept_files()) == 1
    client.post(url, _claim())
    with Claim.objects.get().receipt.open("rb") as stored:
        assert stored.read() == second


def test_a_kept_receipt_is_not_offered_to_anyone_else(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    url = reverse("scheme:claims", args=[application.pk])
    client.post(url, _claim(amount="9000", receipt=_receipt()))
    session = client.session
    assert pending_uploads.kept(
        session, user=scheme.mentee, application_id=application.pk, fields=["receipt"]
    ) == {"receipt": "togbillett.pdf"}
    # Another person, even with this session's data, is not given the file.
    assert (
        pending_uploads.open_kept(
            session, user=scheme.mentor, application_id=application.pk, field="receipt"
        )
        is None
    )


def test_a_claim_without_any_receipt_is_still_refused(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    response = client.post(reverse("scheme:claims", args=[application.pk]), _claim())
    assert response.status_code == 400
    assert "receipt" in response.context["form"].errors
    assert not Claim.objects.exists()


def test_kept_files_left_behind_are_removed_after_a_day(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    client.post(
        reverse("scheme:claims", args=[application.pk]), _claim(amount="9000", receipt=_receipt())
    )
    assert purge_pending_uploads(cutoffs()) == 0
    assert len(_kept_files()) == 1
    later = timezone.now() + timedelta(hours=pending_uploads.KEEP_HOURS + 1)
    assert purge_pending_uploads(cutoffs(later)) == 1
    assert _kept_files() == []
    # The page no longer offers what is gone.
    html = client.get(reverse("scheme:claims", args=[application.pk])).content.decode()
    assert "Kvittering lagret" not in html
