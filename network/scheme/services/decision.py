"""The decision letter: made when an application is granted, kept as a PDF in
the private storage, and the contract both parties accept."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mentornett.links import absolute
from mentornett.mail import Message, send_message, send_to_person
from mentornett.tasks import enqueue
from network.models import Application

from ..selectors import support_for


def render_decision_letter(application: Application, *, language="nb") -> bytes:
    from weasyprint import HTML

    support = support_for(application) if application.rules else None
    decided = application.events.filter(to_status="granted").order_by("-at").first()
    with translation.override(language):
        html = render_to_string(
            "network/scheme/decision_letter.html",
            {"application": application, "support": support, "decided": decided},
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def store_decision_letter(application_id: int) -> None:
    """Idempotent: a letter that exists is kept, it is the contract."""
    application = Application.objects.select_related("mentor", "mentee", "rules").get(
        pk=application_id
    )
    if application.decision_letter:
        return
    pdf = render_decision_letter(application)
    application.decision_letter.save("vedtak.pdf", ContentFile(pdf), save=False)
    Application.objects.filter(pk=application.pk, decision_letter="").update(
        decision_letter=application.decision_letter.name
    )


def queue_decision_letter(application: Application) -> None:
    pk = application.pk
    transaction.on_commit(lambda: enqueue("network.tasks.store_decision_letter_task", pk))
    url = absolute(reverse("scheme:application", args=[pk]))
    for person in (application.mentor, application.mentee):
        if person is None:
            continue

        def compose():
            return Message(
                subject=_("Your application to the mentor scheme is granted"),
                paragraphs=[
                    _(
                        "The programme has granted your application (%(kind)s). The decision "
                        "letter is the contract: read it and accept it on the application "
                        "page. The relationship starts when both of you have accepted."
                    )
                    % {"kind": application.get_kind_display()},
                ],
                action=(_("Open the application"), url),
            )

        send_to_person(person, compose)


def notify_municipality(application: Application) -> None:
    if not application.municipality_contact_email:
        return

    def compose():
        return Message(
            subject=_("A mentor relationship is starting in your municipality"),
            paragraphs=[
                _(
                    "The veterinary mentor scheme has granted a mentor relationship "
                    "(%(kind)s) in %(municipality)s from %(start)s to %(end)s. The mentor is "
                    "%(mentor)s and the mentee %(mentee)s."
                )
                % {
                    "kind": application.get_kind_display(),
                    "municipality": application.municipality or "",
                    "start": application.starts_on.strftime("%d.%m.%Y"),
                    "end": application.ends_on.strftime("%d.%m.%Y"),
                    "mentor": application.mentor.display_name,
                    "mentee": application.mentee.display_name,
                },
                _(
                    "We tell you so that the municipality can take part: with housing, a car, "
                    "or by helping the new vet feel welcome. Contact the programme if you "
                    "have questions."
                ),
            ],
        )

    send_message(
        to=application.municipality_contact_email,
        name=application.municipality_contact_name or application.municipality_contact_email,
        language="nb",
        compose=compose,
    )
