import io
import re

import pytest
from playwright.sync_api import expect

from django.core.management import call_command

from courses.demo import answer_required_blocks, complete_lessons_for
from courses.models import CoursePage, LessonPage
from courses.selectors import course_outline
from courses.services import complete_lesson
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in, sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORDS = {
    "nb": {"finish": "Marker leksjonen som fullført", "valid": "Gyldig", "pdf": "Last ned PDF"},
    "en": {"finish": "Mark the lesson as done", "valid": "Valid", "pdf": "Download PDF"},
}


def test_complete_the_mentee_course_and_verify_the_certificate(page, language, viewport, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False
    words = WORDS[language]
    learner = UserFactory(email="mentee@example.no", preferred_language=language)
    course = CoursePage.objects.get(slug="menteekurs")
    lessons = course_outline(course).lessons
    complete_lessons_for(learner, course, count=len(lessons) - 1)
    last = LessonPage.objects.get(pk=lessons[-1].pk)
    answer_required_blocks(learner, last)

    sign_in(page, learner.email, PASSWORD)
    page.goto(last.url)
    page.get_by_role("button", name=words["finish"]).click()
    expect(page).to_have_url(re.compile(rf"/kurs/{course.pk}/fullfort/$"))
    assert_accessible(page)

    page.goto("/min-side/")
    card = page.locator(".card", has_text="Menteekurs").filter(has=page.locator("code"))
    expect(card).to_contain_text(words["valid"])
    assert_accessible(page)

    with page.expect_download() as download_info:
        card.get_by_role("link", name=re.compile(words["pdf"])).click()
    download = download_info.value
    assert download.suggested_filename.startswith("kursbevis-MN-")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    code = card.locator("code").inner_text()
    page.goto(f"/kursbevis/{code}/")
    expect(page.locator(".certificate-result")).to_contain_text(words["valid"])
    expect(page.locator(".certificate-result")).to_contain_text("Menteekurs")
    assert_accessible(page)

    # The Open Badge the holder downloads is accepted by the verification page.
    page.goto("/min-side/")
    with page.expect_download() as badge_info:
        card.get_by_role("link", name=re.compile("Open Badge")).click()
    page.goto("/kursbevis/kontroller-fil/")
    assert_accessible(page)
    page.locator("#id_file").set_input_files(badge_info.value.path())
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".certificate-result")).to_contain_text("Menteekurs")
    assert_accessible(page)


def test_verification_form_typo_and_unknown_code(page, language, viewport):
    page.goto("/kursbevis/")
    assert_accessible(page)
    page.locator("#id_kode").fill("MN-AAAA-AAAA-AAAA-AAAB")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".field__error")).to_be_visible()
    expect(page.locator("#id_kode")).to_have_value("MN-AAAA-AAAA-AAAA-AAAB")
    assert_accessible(page)

    from courses.codes import check_symbol, format_code

    body = "B" * 15
    response = page.goto(f"/kursbevis/{format_code(body + check_symbol(body))}/")
    assert response.status == 404
    assert_accessible(page)


def test_scheme_administrator_revokes_a_certificate(page, language, viewport, make_course):
    from courses.models import Certificate
    from mentornett.accounts.roles import StaffRole

    course, (lesson,) = make_course(lessons=1, mandatory_for="mentor")
    complete_lesson(learner=UserFactory(full_name="Kari Nordmann"), lesson=lesson)
    certificate = Certificate.objects.get()
    admin = UserFactory(
        email="ordning@example.no",
        is_staff=True,
        staff_role=StaffRole.SCHEME_ADMINISTRATOR,
        preferred_language=language,
    )
    sign_in_to_admin(page, admin.email, PASSWORD)

    page.goto("/admin/kursbevis/?q=kari")
    expect(page.get_by_role("row", name=re.compile("Kari Nordmann"))).to_contain_text(
        certificate.code
    )
    assert_accessible(page)
    page.get_by_role("link", name="Kari Nordmann").click()
    expect(page.locator("#id_reason")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_reason").fill("Utstedt ved en feil")
    page.locator("form[action$='trekk-tilbake/'] button[type=submit]").click()
    expect(page.locator("dd", has_text="Utstedt ved en feil")).to_be_visible()

    page.goto(f"/kursbevis/{certificate.code}/")
    expect(page.locator(".badge--danger")).to_be_visible()
    assert_accessible(page)


def test_too_many_checks_page(page, language, viewport):
    from courses.codes import check_symbol, format_code

    body = "C" * 15
    url = f"/kursbevis/{format_code(body + check_symbol(body))}/"
    for _ in range(30):
        page.request.get(url)
    response = page.goto(url)
    assert response.status == 429
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
