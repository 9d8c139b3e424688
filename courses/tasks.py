from .models import Certificate, CoursePage
from .services import refresh_course_progress
from .services.certificates import send_certificate_email, store_certificate_pdf


def refresh_course_progress_task(course_id: int) -> int:
    """Idempotent: recomputes from completion rows, so running twice is harmless."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return 0
    return refresh_course_progress(course=course)


def certificate_issued_task(certificate_id: int) -> None:
    """Render and store the PDF, then tell the holder. Rendering again gives the
    same file; the e-mail is sent once per issue."""
    certificate = Certificate.objects.select_related("holder").filter(pk=certificate_id).first()
    if certificate is None:
        return
    first_time = not certificate.pdf
    store_certificate_pdf(certificate=certificate)
    if first_time:
        send_certificate_email(certificate=certificate)


def render_certificate_pdf_task(certificate_id: int) -> None:
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is not None:
        store_certificate_pdf(certificate=certificate)
