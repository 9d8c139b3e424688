"""The certificate PDF as a person sees it: one A4 page whatever the course's
learning outcomes, with a footer whose QR code a real decoder reads."""

import re
from dataclasses import dataclass

import pypdfium2
import pytest
import zxingcpp

from courses.demo.content import MENTEEKURS, MENTORKURS
from courses.models import Certificate
from courses.services import complete_lesson
from courses.services.certificates import render_certificate_pdf, verification_url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCALE = 2  # 144 dpi: a phone camera sees the printed code at least this sharp
POINTS_PER_MM = 72 / 25.4


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.SITE_URL = "https://mentornett.no"


@dataclass
class RenderedPage:
    pages: int
    text: str  # whitespace collapsed to single spaces
    qr_texts: list[str]
    qr_top: float  # the QR code's upper edge, in PDF points from the page's foot
    footer_text: str  # the text between the page's foot and the QR code's upper edge


def look_at(pdf: bytes) -> RenderedPage:
    document = pypdfium2.PdfDocument(pdf)
    page = document[0]
    image = page.render(scale=SCALE).to_pil()
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    qr_top = 0.0
    if codes:
        top_pixel = min(codes[0].position.top_left.y, codes[0].position.top_right.y)
        qr_top = page.get_height() - top_pixel / SCALE
    textpage = page.get_textpage()
    # Up to 1 mm above the code: the footer's first line starts level with it.
    footer = textpage.get_text_bounded(top=qr_top + POINTS_PER_MM) if codes else ""
    return RenderedPage(
        pages=len(document),
        text=collapse(textpage.get_text_bounded()),
        qr_texts=[code.text for code in codes],
        qr_top=qr_top,
        footer_text=collapse(footer),
    )


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


@pytest.fixture
def certificate_of(make_course, django_capture_on_commit_callbacks):
    """certificate_of(title, outcomes={...}, language="nb", mandatory_for="") → the
    certificate a person gets for completing such a course."""

    def issue(title, *, outcomes, language="nb", mandatory_for="", hours="2.5"):
        course, lessons = make_course(
            lessons=1,
            title=title,
            mandatory_for=mandatory_for,
            estimated_hours=hours,
            certificate_validity_months=36,
        )
        course.outcomes_knowledge = "\n".join(outcomes.get("knowledge", []))
        course.outcomes_skills = "\n".join(outcomes.get("skills", []))
        course.outcomes_competence = "\n".join(outcomes.get("competence", []))
        course.save_revision().publish()
        holder = UserFactory(full_name="Ingrid Marie Haugland-Solberg", preferred_language=language)
        complete_lesson(learner=holder, lesson=lessons[0])
        return Certificate.objects.get(holder=holder)

    return issue


def demo_outcomes(spec):
    return {
        "knowledge": spec["outcomes_knowledge"],
        "skills": spec["outcomes_skills"],
        "competence": spec["outcomes_competence"],
    }


def long_outcomes(per_group):
    sentence = (
        "Kan lede en grundig oppstartssamtale der mentor og mentee sammen avklarer "
        "forventninger, mål for perioden, praktiske avtaler om bakvakt og kontakt, og "
        "hvordan de skal gi hverandre tilbakemeldinger underveis (punkt {n})."
    )
    return {
        group: [sentence.format(n=f"{group} {n}") for n in range(1, per_group + 1)]
        for group in ("knowledge", "skills", "competence")
    }


def assert_footer_whole(page: RenderedPage, certificate: Certificate):
    """One page; the QR code decodes to the certificate's own address; below its
    upper edge there is nothing but the footer's own text, so no outcome overlaps it."""
    assert page.pages == 1
    assert page.qr_texts == [verification_url(certificate)]
    assert certificate.code in page.text
    assert squeezed(page.footer_text) == squeezed(
        "Kontroller kursbeviset: Skann QR-koden eller gå til adressen under for å se om "
        f"kursbeviset er ekte og gyldig. {verification_url(certificate)} "
        f"Kontrollkode {certificate.code}"
    )


def test_mentor_course_certificate_fits_one_page_with_all_outcomes_and_a_readable_qr_code(
    certificate_of,
):
    certificate = certificate_of(
        "Mentorkurs", outcomes=demo_outcomes(MENTORKURS), mandatory_for="mentor"
    )

    page = look_at(render_certificate_pdf(certificate))

    assert_footer_whole(page, certificate)
    for line in MENTORKURS["outcomes_competence"] + MENTORKURS["outcomes_knowledge"]:
        assert line in page.text
    assert "Ingrid Marie Haugland-Solberg" in page.text
    assert "utstedt av mentornett" in page.text.casefold()
    assert "Det obligatoriske kurset for mentorer i mentorordningen for veterinærer." in page.text
    assert "Dette kan innehaveren" in page.text
    assert "Omtrent 2,5 timer" in page.text
    assert "Kontrollsiden viser dem alle" not in page.text


def test_mentee_course_certificate_in_english_names_the_scheme_and_its_issuer(certificate_of):
    certificate = certificate_of(
        "Menteekurs",
        outcomes=demo_outcomes(MENTEEKURS),
        mandatory_for="mentee",
        language="en",
        hours="1",
    )

    page = look_at(render_certificate_pdf(certificate))

    assert page.pages == 1
    assert page.qr_texts == [verification_url(certificate)]
    assert certificate.code in page.text
    assert "issued by mentornett" in page.text.casefold()
    assert (
        "The mandatory course for mentees in the veterinary mentor scheme (Mentorordningen)."
        in page.text
    )
    assert "About 1 hour" in page.text
    for line in MENTEEKURS["outcomes_skills"]:
        assert line in page.text


def test_many_outcomes_are_set_tighter_and_all_still_shown(certificate_of):
    outcomes = {
        group: [f"{line} Også i vanskelige samtaler." for line in lines]
        for group, lines in demo_outcomes(MENTORKURS).items()
    }
    outcomes = {group: lines + lines[:2] for group, lines in outcomes.items()}
    certificate = certificate_of("Mentorkurs", outcomes=outcomes, mandatory_for="mentor")

    page = look_at(render_certificate_pdf(certificate))

    assert_footer_whole(page, certificate)
    assert all(line in page.text for lines in outcomes.values() for line in lines)
    assert "Kontrollsiden viser dem alle" not in page.text


def test_a_course_with_very_many_long_outcomes_still_gets_one_page_with_a_readable_qr_code(
    certificate_of, client
):
    outcomes = long_outcomes(per_group=10)
    certificate = certificate_of("Mentorkurs", outcomes=outcomes, mandatory_for="mentor")

    pdf = render_certificate_pdf(certificate)
    page = look_at(pdf)

    assert_footer_whole(page, certificate)
    assert outcomes["knowledge"][0] in page.text
    assert "Ikke alle læringsutbyttene får plass på denne siden. Kontrollsiden viser dem alle." in (
        page.text
    )
    assert render_certificate_pdf(certificate) == pdf
    html = client.get(f"/kursbevis/{certificate.code}/").content.decode()
    assert all(line in html for lines in outcomes.values() for line in lines)
