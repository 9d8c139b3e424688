import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from network.errors import AgreementError
from network.services import (
    agreement_for,
    countersign,
    render_agreement_pdf,
    sign_as_coordinator,
    sign_as_leader,
    upload_scan,
)

PDF = b"%PDF-1.4\n%scan\n%%EOF\n"


@pytest.mark.django_db
class TestAgreement:
    def test_text_follows_the_network_until_someone_signs(self, world):
        agreement = agreement_for(team=world.team_a)
        assert "Kommunen forplikter seg" in agreement.text
        world.network.agreement_text = "<p>Rettet tekst</p>"
        world.network.save_revision().publish()
        agreement = agreement_for(team=world.team_a)
        assert agreement.text == "<p>Rettet tekst</p>"
        sign_as_coordinator(agreement=agreement, user=world.coordinator_a, ip=None)
        world.network.agreement_text = "<p>Enda en tekst</p>"
        world.network.save_revision().publish()
        assert agreement_for(team=world.team_a).text == "<p>Rettet tekst</p>"

    def test_signed_in_the_site_then_countersigned(self, world):
        agreement = agreement_for(team=world.team_a)
        with pytest.raises(AgreementError) as error:
            countersign(agreement=agreement, user=world.organiser)
        assert error.value.code == "unsigned"
        sign_as_leader(
            agreement=agreement,
            user=world.leader_a,
            name="Kristin Holm",
            title="Kommunalsjef helse og omsorg",
            ip="192.0.2.10",
        )
        agreement = sign_as_coordinator(agreement=agreement, user=world.coordinator_a, ip=None)
        assert agreement.signed_in_site
        assert agreement.leader_ip == "192.0.2.10"
        assert agreement.coordinator_name == "Sara Sykepleier"
        agreement = countersign(agreement=agreement, user=world.organiser)
        assert agreement.is_complete
        assert agreement.countersigned_name == "Anne Arrangør"
        with pytest.raises(AgreementError) as error:
            sign_as_coordinator(agreement=agreement, user=world.coordinator_a, ip=None)
        assert error.value.code == "complete"

    def test_a_scan_counts_as_the_municipality_signature(self, world):
        agreement = agreement_for(team=world.team_a)
        upload = SimpleUploadedFile("signert avtale.pdf", PDF, content_type="application/pdf")
        agreement = upload_scan(agreement=agreement, user=world.coordinator_a, upload=upload)
        assert agreement.municipality_signed
        assert "signert" not in agreement.scan.name
        assert countersign(agreement=agreement, user=world.organiser).is_complete

    def test_leader_must_give_name_and_position(self, world):
        with pytest.raises(AgreementError):
            sign_as_leader(
                agreement=agreement_for(team=world.team_a),
                user=world.leader_a,
                name="Kristin",
                title=" ",
                ip=None,
            )

    def test_pdf_is_a_real_pdf(self, world):
        pdf = render_agreement_pdf(agreement=agreement_for(team=world.team_a))
        assert pdf.startswith(b"%PDF-")
        assert len(pdf) > 2000
