"""What the courses hold about a person (see mentornett.accounts.personal_data)."""

from collections import defaultdict

from django.db import transaction

from mentornett.accounts.personal_data import DELETED_NAME

from .models import BlockResponse, Certificate, Enrolment, LessonCompletion


def export(user) -> dict:
    completions = defaultdict(list)
    for row in (
        LessonCompletion.objects.filter(enrolment__learner=user)
        .order_by("completed_at", "pk")
        .values("enrolment_id", "lesson__title", "completed_at")
    ):
        completions[row.pop("enrolment_id")].append(
            {"lesson": row["lesson__title"], "completed_at": row["completed_at"]}
        )
    enrolments = [
        {**row, "lesson_completions": completions.get(row.pop("id"), [])}
        for row in Enrolment.objects.filter(learner=user)
        .order_by("started_at", "pk")
        .values(
            "id",
            "course_title",
            "started_at",
            "updated_at",
            "lessons_done",
            "lessons_total",
            "completed_at",
            "completed_version",
        )
    ]
    return {
        "enrolments": enrolments,
        "answers": list(
            BlockResponse.objects.filter(learner=user)
            .order_by("pk")
            .values(
                "kind",
                "course__title",
                "lesson_title",
                "prompt",
                "text",
                "choices",
                "satisfied",
                "attempts",
                "updated_at",
            )
        ),
        "certificates": list(
            Certificate.objects.filter(holder=user)
            .order_by("issued_at", "pk")
            .values(
                "code",
                "holder_name",
                "course_title",
                "course_version",
                "issued_at",
                "valid_until",
                "revoked_at",
                "revoked_reason",
                "verification_count",
                "last_verified_at",
            )
        ),
    }


def files(user):
    for certificate in Certificate.objects.filter(holder=user).exclude(pdf="").only("code", "pdf"):
        yield f"kursbevis-{certificate.code}.pdf", certificate.pdf


def erase(user) -> None:
    """Answers are the learner's alone and go. Enrolments and completions stay,
    without a name, so course counts hold. Certificates stay as proof that they
    were issued, but lose the name and the PDF that carries it."""
    BlockResponse.objects.filter(learner=user).delete()
    pdfs = list(
        Certificate.objects.filter(holder=user).exclude(pdf="").values_list("pdf", flat=True)
    )
    Certificate.objects.filter(holder=user).update(holder_name=DELETED_NAME, pdf="")
    if pdfs:
        storage = Certificate._meta.get_field("pdf").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in pdfs])
