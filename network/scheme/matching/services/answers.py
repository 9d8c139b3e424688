"""Answers to published searches ("Søker praksisplass/mentor"): a mentor, a
hub's contact person or a verified municipality contact offers; the mentee
accepts one. Accepting gives both each other's contact details, closes the
search, and for a mentor's answer starts the application draft."""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, record
from mentornett.formatting import clock_time
from mentornett.links import absolute
from mentornett.mail import Message, send_to_person
from mentornett.repeats import AlreadySent
from network.models import Application, MenteeProfile, MentorProfile, SearchAnswer

from ..errors import SearchAnswerError
from ..permissions import search_answerer
from ..selectors import first_period, shown_name
from .contacts import send_contact_details
from .drafts import create_draft_for_pair
from .proposals import withdraw_open_proposals


def answerer_label(answer) -> str:
    """Who answered, as the mentee sees it: the hub, the municipality or the
    mentor, never a contact detail."""
    if answer.hub_id:
        return _("%(hub)s (MentorHub)") % {"hub": answer.hub.name}
    if answer.municipality_id:
        return _("%(municipality)s municipality") % {"municipality": answer.municipality.name}
    return shown_name(answer.answered_by)


@transaction.atomic
def answer_search(*, profile, user, message: str, hub=None, municipality=None) -> SearchAnswer:
    """`hub` or `municipality` when answering for one; as a mentor otherwise."""
    message = message.strip()
    if not message:
        raise SearchAnswerError(
            _("Write a message: what you can offer, where and when."), code="message"
        )
    answerer = search_answerer(user)
    if hub is not None:
        allowed = hub in answerer.hubs
    elif municipality is not None:
        allowed = municipality in answerer.municipalities
    else:
        allowed = answerer.as_mentor
    if not allowed:
        raise SearchAnswerError(
            _("You cannot answer in that role. Choose one of the roles offered."), code="role"
        )
    profile = MenteeProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.user_id == user.pk:
        raise SearchAnswerError(_("This is your own search."), code="self")
    if not profile.listed or profile.matched_at is not None:
        raise SearchAnswerError(
            _("The search is no longer published, so it cannot be answered."), code="closed"
        )
    earlier = SearchAnswer.objects.filter(profile=profile, answered_by=user).first()
    if earlier is not None:
        raise AlreadySent(
            _("You answered this search at %(time)s. This is what you sent.")
            % {"time": clock_time(earlier.created_at)},
            existing=earlier,
        )
    answer = SearchAnswer.objects.create(
        profile=profile,
        answered_by=user,
        hub=hub,
        municipality=municipality,
        message=message,
    )
    _tell_mentee(answer, profile)
    return answer


def _tell_mentee(answer, profile) -> None:
    url = absolute(reverse("finn:answers"))

    def compose():
        return Message(
            subject=_("An answer to your search in Finn mentor"),
            paragraphs=[
                _("%(who)s has answered your search for a placement or mentor.")
                % {"who": answerer_label(answer)},
                _(
                    "Read the message and accept the answer if it suits you. Contact details "
                    "are exchanged only when you accept."
                ),
            ],
            action=(_("See the answers"), url),
        )

    send_to_person(profile.user, compose)


@dataclass(frozen=True)
class Accepted:
    answer: SearchAnswer
    application: Application | None  # the draft, for a mentor's answer


@transaction.atomic
def accept_answer(*, answer, user) -> Accepted:
    profile = MenteeProfile.objects.select_for_update().get(pk=answer.profile_id)
    if profile.user_id != user.pk:
        raise SearchAnswerError(_("Only the one who searches can accept."), code="party")
    answer = SearchAnswer.objects.select_related("answered_by", "hub", "municipality").get(
        pk=answer.pk
    )
    if answer.accepted_at is not None:
        return Accepted(answer, None)
    if profile.matched_at is not None:
        raise SearchAnswerError(
            _("You have already accepted an answer to this search."), code="matched"
        )
    now = timezone.now()
    answer.accepted_at = now
    answer.save(update_fields=["accepted_at"])
    profile.matched_at = now
    profile.save(update_fields=["matched_at", "updated_at"])
    application = None
    if answer.hub_id is None and answer.municipality_id is None:
        mentor_profile = (
            MentorProfile.objects.filter(user=answer.answered_by)
            .select_related("municipality")
            .first()
        )
        starts_on, ends_on = first_period(profile)
        application = create_draft_for_pair(
            mentor=answer.answered_by,
            mentee=user,
            kind=profile.kind,
            starts_on=starts_on,
            ends_on=ends_on,
            municipality=mentor_profile.municipality if mentor_profile else None,
        )
    withdraw_open_proposals(mentee=user)
    record(
        AuditAction.FINN_ANSWER_ACCEPTED,
        actor=user,
        target=answer,
        subject=answer.answered_by,
        label=answer.hub.name if answer.hub_id else "",
    )
    _exchange(answer, user, application)
    return Accepted(answer, application)


def _exchange(answer, mentee, application) -> None:
    answerer = answer.answered_by
    if application is not None:
        url = absolute(reverse("scheme:application", args=[application.pk]))

        def action():
            return (_("Open the application draft"), url)
    else:
        action = None

    send_contact_details(
        to=mentee,
        other=answerer,
        subject=lambda: _("You accepted an answer in Finn mentor"),
        paragraph=lambda: (
            _("You accepted the answer from %(who)s. Get in touch and agree on the details.")
            % {"who": answerer_label(answer)}
        ),
        action=action,
    )
    send_contact_details(
        to=answerer,
        other=mentee,
        subject=lambda: _("Your answer in Finn mentor was accepted"),
        paragraph=lambda: (
            _(
                "%(name)s accepted your answer to their search. Get in touch and agree on the "
                "details."
            )
            % {"name": mentee.display_name}
        ),
        action=action,
    )
