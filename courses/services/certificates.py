"""Issuing, rendering and checking course certificates."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, record
from mentornett.dates import add_months
from mentornett.links import absolute
from mentornett.mail import Message, send_to_person
from mentornett.tasks import enqueue

from ..codes import new_code
from ..errors import CourseError
from ..models import Certificate, Enrolment, outcome_lines

# Who issues certificates, on the PDF and in the Open Badges credential.
ISSUER_NAME = "Mentornett"


def unique_code() -> str:
    while True:  # 75 random bits: a clash is astronomically rare, but cheap to rule out
        code = new_code()
        if not Certificate.objects.filter(code=code).exists():
            return code


def new_certificate(*, enrolment: Enrolment, code: str) -> Certificate:
    """The certificate for a completed enrolment, not yet saved: what the
    course said and promised at the version the person completed."""
    course, holder = enrolment.course, enrolment.learner
    issued_at = enrolment.completed_at or timezone.now()
    months = course.certificate_validity_months
    return Certificate(
        code=code,
        holder=holder,
        holder_name=holder.display_name,
        holder_language=holder.preferred_language,
        course=course,
        course_title=course.title,
        course_version=enrolment.completed_version,
        mandatory_for=course.mandatory_for,
        outcomes={
            "knowledge": outcome_lines(course.outcomes_knowledge),
            "skills": outcome_lines(course.outcomes_skills),
            "competence": outcome_lines(course.outcomes_competence),
        },
        workload_hours=course.estimated_hours,
        revision_id=enrolment.completed_revision_id,
        enrolment=enrolment,
        issued_at=issued_at,
        valid_until=add_months(timezone.localdate(issued_at), months) if months else None,
    )


def issue_certificate(*, enrolment: Enrolment) -> Certificate:
    """Issue the one certificate for this person and course version. Called
    inside the completion transaction (services.learning.complete_lesson)."""
    course, holder = enrolment.course, enrolment.learner
    existing = Certificate.objects.filter(
        holder=holder,
        course=course,
        course_version=enrolment.completed_version,
        revoked_at__isnull=True,
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            certificate = new_certificate(enrolment=enrolment, code=unique_code())
            certificate.save(force_insert=True)
            _audit_issued(certificate, actor=None)
    except IntegrityError:
        # Another transaction issued it first; the unique constraint kept it to one.
        return Certificate.objects.get(
            holder=holder,
            course=course,
            course_version=enrolment.completed_version,
            revoked_at__isnull=True,
        )
    transaction.on_commit(lambda: enqueue("courses.tasks.certificate_issued_task", certificate.pk))
    return certificate


def verification_url(certificate: Certificate) -> str:
    return absolute(reverse("certificates:verify", args=[certificate.code]))


# From roomy to tight: the certificate takes the first that puts it on one page.
LAYOUTS = ("roomy", "compact", "columns", "tight")


def _outcome_groups(outcomes: dict) -> list[tuple[str, list[str]]]:
    groups = [
        (_("Knowledge"), outcomes.get("knowledge", [])),
        (_("Skills"), outcomes.get("skills", [])),
        (_("General competence"), outcomes.get("competence", [])),
    ]
    return [(label, lines) for label, lines in groups if lines]


def render_certificate_html(
    certificate: Certificate, *, layout: str = LAYOUTS[0], per_group: int | None = None
) -> str:
    """The certificate as HTML for WeasyPrint; `per_group` keeps only the first
    outcomes of each group, for when even the tightest layout cannot fit them all."""
    import segno

    url = verification_url(certificate)
    qr_image = segno.make(url, error="m").svg_data_uri(scale=4, dark="#1c2329")
    hours = certificate.workload_hours
    with translation.override(certificate.holder_language):
        groups = _outcome_groups(certificate.outcomes)
        cut = per_group is not None and any(len(lines) > per_group for _label, lines in groups)
        if cut:
            groups = [(label, lines[:per_group]) for label, lines in groups if per_group]
        return render_to_string(
            "courses/certificate_pdf.html",
            {
                "certificate": certificate,
                "issuer": ISSUER_NAME,
                "verification_url": url,
                "qr_image": qr_image,
                "layout": layout,
                "outcomes": groups,
                "outcomes_cut": cut,
                # ngettext needs a whole number; 2.5 hours is plural like 2.
                "hours_count": int(hours) if hours == int(hours) else 2,
            },
        )


def _layout_on_one_page(certificate: Certificate):
    """The WeasyPrint document of the certificate on one A4 page: in the roomiest
    layout that holds it, or else in the tightest with as many of each group's
    outcomes as fit (the verification page lists them all). Text that does not
    fit above the footer flows onto a second page, which is how a layout is
    known not to fit."""
    from weasyprint import HTML

    def render(**options):
        html = render_certificate_html(certificate, **options)
        return HTML(string=html, base_url=str(settings.BASE_DIR)).render()

    for layout in LAYOUTS:
        document = render(layout=layout)
        if len(document.pages) == 1:
            return document
    # Binary search for the most outcomes per group that fit. With none, only a
    # course title and name long enough to fill the page alone could spill over.
    groups = _outcome_groups(certificate.outcomes)
    longest = max((len(lines) for _label, lines in groups), default=0)
    low, high, best = 0, longest - 1, None
    while low <= high:
        middle = (low + high) // 2
        document = render(layout=LAYOUTS[-1], per_group=middle)
        if len(document.pages) == 1:
            best, low = document, middle + 1
        else:
            high = middle - 1
    return best or render(layout=LAYOUTS[-1], per_group=0)


def render_certificate_pdf(certificate: Certificate) -> bytes:
    """The same certificate always renders to the same bytes: dates inside the
    PDF come from the certificate, not the clock."""
    return _layout_on_one_page(certificate).write_pdf(
        pdf_identifier=certificate.code.encode(),
        uncompressed_pdf=False,
    )


def store_certificate_pdf(*, certificate: Certificate) -> Certificate:
    content = render_certificate_pdf(certificate)
    old_name = certificate.pdf.name
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(content), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old_name and old_name != certificate.pdf.name:
        certificate.pdf.storage.delete(old_name)
    return certificate


def send_certificate_email(*, certificate: Certificate) -> None:
    holder = certificate.holder
    if holder is None:
        return

    def compose():
        return Message(
            subject=_("Your course certificate: %(course)s") % {"course": certificate.course_title},
            paragraphs=[
                _(
                    "You have completed %(course)s. Your course certificate is ready on My "
                    "page, where you can download it as a PDF."
                )
                % {"course": certificate.course_title}
            ],
            template="emails/certificate_issued",
            context={"certificate": certificate, "verification_url": verification_url(certificate)},
        )

    # Through the retrying e-mail task: a retry of certificate_issued_task finds
    # the PDF made and would not send again, so the send must not fail it.
    send_to_person(holder, compose, language=certificate.holder_language)


def record_verification(*, certificate: Certificate) -> None:
    Certificate.objects.filter(pk=certificate.pk).update(
        verification_count=F("verification_count") + 1, last_verified_at=timezone.now()
    )


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, reason: str, by) -> Certificate:
    """Withdraw a certificate; the public page then shows it as revoked."""
    reason = (reason or "").strip()
    if not reason:
        raise CourseError(_("Write why the certificate is revoked."), code="no_reason")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise CourseError(_("This certificate is already revoked."), code="already_revoked")
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    _audit_revoked(certificate, actor=by)
    return certificate


@transaction.atomic
def reissue_certificate(*, certificate: Certificate, by) -> Certificate:
    """Replace a certificate with a new one (new code, the holder's current name),
    for the same course version and validity. The old one is revoked."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if hasattr(old, "replaced_by"):
        raise CourseError(_("This certificate has already been re-issued."), code="reissued")
    if old.holder is None:
        raise CourseError(_("The holder's account no longer exists."), code="no_holder")
    if old.revoked_at is None:
        old.revoked_at = timezone.now()
        old.revoked_reason = _("Replaced by a re-issued certificate.")
        old.revoked_by = by
        old.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        _audit_revoked(old, actor=by)
    new = Certificate.objects.create(
        code=unique_code(),
        holder=old.holder,
        holder_name=old.holder.display_name,
        holder_language=old.holder.preferred_language,
        course=old.course,
        course_title=old.course_title,
        course_version=old.course_version,
        mandatory_for=old.mandatory_for,
        outcomes=old.outcomes,
        workload_hours=old.workload_hours,
        revision_id=old.revision_id,
        enrolment=old.enrolment,
        issued_at=timezone.now(),
        valid_until=old.valid_until,
        replaces=old,
    )
    _audit_issued(new, actor=by, replaces=old)
    transaction.on_commit(lambda: enqueue("courses.tasks.certificate_issued_task", new.pk))
    return new


def _audit_issued(certificate: Certificate, *, actor, replaces=None) -> None:
    record(
        AuditAction.CERTIFICATE_ISSUED,
        actor=actor,
        target=certificate,
        subject=certificate.holder,
        label=f"{certificate.course_title} v{certificate.course_version}, {certificate.code}",
        changes={"replaces": [None, replaces.code]} if replaces else None,
    )


def _audit_revoked(certificate: Certificate, *, actor) -> None:
    record(
        AuditAction.CERTIFICATE_REVOKED,
        actor=actor,
        target=certificate,
        subject=certificate.holder,
        label=f"{certificate.course_title} v{certificate.course_version}, {certificate.code}",
        note=certificate.revoked_reason,
    )
