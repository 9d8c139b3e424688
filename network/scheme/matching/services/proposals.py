"""The programme office's proposals and notes. The office proposes a mentee
and a mentor (or a hub); both are e-mailed a link, and each accepts or
declines. When both have accepted, they get each other's contact details, the
search is matched and, for a mentor, the application draft is started. A
decline closes the proposal; the office sees it on the board."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, record
from mentornett.links import absolute
from mentornett.mail import Message, send_to_person
from network.models import (
    HubListing,
    HubMentor,
    MatchNote,
    MatchProposal,
    MenteeProfile,
    MentorProfile,
    ProposalStatus,
)

from ..errors import NoteError, ProposalError
from ..permissions import can_use_matching_board, proposal_side
from ..selectors import (
    PROPOSAL_STATES,
    first_period,
    hubs_with_room,
    mentors_with_room,
    pair_score,
    shown_name,
)
from .contacts import send_contact_details
from .drafts import create_draft_for_pair


def _locked(proposal) -> MatchProposal:
    return MatchProposal.objects.select_for_update().get(pk=proposal.pk)


def _hub_contacts(hub) -> list:
    return [
        membership.user
        for membership in HubMentor.objects.filter(hub=hub, is_contact=True).select_related("user")
    ]


def _other_side(proposal) -> list:
    """Who answers for the mentor's side: the mentor, or the hub's contacts."""
    return [proposal.mentor] if proposal.mentor_id else _hub_contacts(proposal.hub)


def _candidate_name(proposal) -> str:
    return proposal.hub.name if proposal.hub_id else shown_name(proposal.mentor)


def _ensure_available(*, mentor, hub, today) -> None:
    if mentor is not None:
        if not mentors_with_room(today).filter(user=mentor).exists():
            listed = MentorProfile.objects.filter(user=mentor, listed=True).exists()
            if not listed:
                raise ProposalError(
                    _("%(name)s is not listed in Finn mentor. Propose someone who is.")
                    % {"name": mentor.display_name},
                    code="not_listed",
                )
            raise ProposalError(
                _(
                    "%(name)s cannot take anyone now: no valid mentor certificate, or no "
                    "places left."
                )
                % {"name": mentor.display_name},
                code="not_available",
            )
    elif not hubs_with_room(today).filter(hub=hub).exists():
        listed = HubListing.objects.filter(hub=hub, listed=True).exists()
        raise ProposalError(
            _("%(hub)s has no student-weeks left this half-year.") % {"hub": hub.name}
            if listed
            else _("%(hub)s is not listed in Finn mentor.") % {"hub": hub.name},
            code="not_available" if listed else "not_listed",
        )


@transaction.atomic
def propose_pair(
    *, profile, user, kind: str, mentor=None, hub=None, message: str = ""
) -> MatchProposal:
    """`user` is the office; exactly one of `mentor` and `hub` is given."""
    if not can_use_matching_board(user):
        raise ProposalError(_("Only the programme office can propose a pair."), code="not_allowed")
    if (mentor is None) == (hub is None):
        raise ProposalError(_("Choose a mentor or a hub to propose."), code="candidate")
    profile = (
        MenteeProfile.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=profile.pk)
    )
    mentee = profile.user
    if mentor is not None and mentor.pk == mentee.pk:
        raise ProposalError(
            _("A mentor and a mentee are two people: propose someone else as the mentor."),
            code="self",
        )
    today = timezone.localdate()
    _ensure_available(mentor=mentor, hub=hub, today=today)
    if MatchProposal.objects.filter(
        mentee=mentee, mentor=mentor, hub=hub, status=ProposalStatus.PROPOSED
    ).exists():
        raise ProposalError(
            _("This pair is already proposed and waiting for their answers."), code="twice"
        )
    proposal = MatchProposal.objects.create(
        mentee=mentee,
        mentor=mentor,
        hub=hub,
        kind=kind,
        score=pair_score(profile=profile, mentor=mentor, hub=hub, today=today),
        message=message.strip(),
        proposed_by=user,
    )
    record(
        AuditAction.FINN_PROPOSAL_MADE,
        actor=user,
        target=proposal,
        subject=mentee,
        label=proposal.get_kind_display(),
        changes={"status": [None, ProposalStatus.PROPOSED]},
    )
    _announce(proposal)
    return proposal


def _announce(proposal) -> None:
    url = absolute(reverse("finn:proposal", args=[proposal.pk]))
    note = proposal.message

    def compose_for(other_name):
        def compose():
            paragraphs = [
                _(
                    "The programme office proposes that you and %(other)s work together "
                    "(%(kind)s). Look at the proposal and say yes or no."
                )
                % {"other": other_name(), "kind": proposal.get_kind_display()},
                _("Contact details are exchanged only when both of you have said yes."),
            ]
            if note:
                paragraphs.append(_("The programme office writes: %(note)s") % {"note": note})
            return Message(
                subject=_("A proposal from the programme office in Finn mentor"),
                paragraphs=paragraphs,
                action=(_("See the proposal"), url),
            )

        return compose

    send_to_person(proposal.mentee, compose_for(lambda: _candidate_name(proposal)))
    for person in _other_side(proposal):
        send_to_person(person, compose_for(lambda: shown_name(proposal.mentee)))


@transaction.atomic
def respond_to_proposal(*, proposal, user, accept: bool, message: str = "") -> MatchProposal:
    proposal = _locked(proposal)
    side = proposal_side(user, proposal)
    if side is None:
        raise ProposalError(_("Only the two proposed can answer."), code="party")
    field = "mentee_accepted_at" if side == "mentee" else "mentor_accepted_at"
    if proposal.status != ProposalStatus.PROPOSED:
        if accept and getattr(proposal, field) is not None:
            return proposal  # a second click on "Yes"
        raise ProposalError(
            _("The proposal is closed: %(state)s.")
            % {"state": str(PROPOSAL_STATES[proposal.status]).lower()},
            code="closed",
        )
    now = timezone.now()
    if not accept:
        proposal.status = ProposalStatus.DECLINED
        proposal.closed_at = now
        proposal.save(update_fields=["status", "closed_at"])
        _keep_decline(proposal, user, message)
        record(
            AuditAction.FINN_PROPOSAL_ANSWERED,
            actor=user,
            target=proposal,
            subject=proposal.mentee,
            label=proposal.get_kind_display(),
            changes={"status": [ProposalStatus.PROPOSED, ProposalStatus.DECLINED]},
        )
        _tell_declined(proposal, user)
        return proposal
    if getattr(proposal, field) is None:
        setattr(proposal, field, now)
    fields = ["mentee_accepted_at", "mentor_accepted_at"]
    if proposal.mentee_accepted_at and proposal.mentor_accepted_at:
        proposal.status = ProposalStatus.ACCEPTED
        proposal.closed_at = now
        proposal.application = _match(proposal, now)
        fields += ["status", "closed_at", "application"]
    proposal.save(update_fields=fields)
    record(
        AuditAction.FINN_PROPOSAL_ANSWERED,
        actor=user,
        target=proposal,
        subject=proposal.mentee,
        label=proposal.get_kind_display(),
        changes={
            field: [None, now],
            **(
                {"status": [ProposalStatus.PROPOSED, ProposalStatus.ACCEPTED]}
                if proposal.status == ProposalStatus.ACCEPTED
                else {}
            ),
        },
    )
    if proposal.status == ProposalStatus.ACCEPTED:
        withdraw_open_proposals(mentee=proposal.mentee, keep=proposal)
        _exchange(proposal, accepted_by=user)
    return proposal


def _match(proposal, now):
    """Both said yes: the search is matched and, with a mentor, the draft starts."""
    profile = MenteeProfile.objects.select_for_update().filter(user=proposal.mentee).first()
    if profile is not None and profile.matched_at is None:
        profile.matched_at = now
        profile.save(update_fields=["matched_at", "updated_at"])
    if proposal.mentor_id is None:
        return None
    starts_on, ends_on = first_period(profile) if profile else (None, None)
    mentor_profile = (
        MentorProfile.objects.filter(user=proposal.mentor).select_related("municipality").first()
    )
    return create_draft_for_pair(
        mentor=proposal.mentor,
        mentee=proposal.mentee,
        kind=proposal.kind,
        starts_on=starts_on,
        ends_on=ends_on,
        municipality=mentor_profile.municipality if mentor_profile else None,
    )


def _keep_decline(proposal, user, message: str) -> None:
    """The office reads who declined, and why, among the search's notes.
    The note is written in the office's language."""
    profile = MenteeProfile.objects.filter(user=proposal.mentee).first()
    if profile is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Declined the proposal of %(pair)s.") % {
            "pair": f"{shown_name(proposal.mentee)} – {_candidate_name(proposal)}"
        }
    if message.strip():
        text = f"{text}\n\n{message.strip()}"
    MatchNote.objects.create(profile=profile, author=user, text=text[:4000])


def _tell_declined(proposal, declined_by) -> None:
    people = [proposal.mentee, *_other_side(proposal)]
    url = absolute(reverse("finn:proposal", args=[proposal.pk]))
    for person in people:
        if person.pk == declined_by.pk:
            continue

        def compose():
            return Message(
                subject=_("The proposal in Finn mentor was declined"),
                paragraphs=[
                    _(
                        "The proposal from the programme office was declined, so it is closed. "
                        "The programme office will be in touch if it finds another match."
                    )
                ],
                action=(_("See the proposal"), url),
            )

        send_to_person(person, compose)


def _exchange(proposal, *, accepted_by) -> None:
    application = proposal.application
    if application is not None:
        url = absolute(reverse("scheme:application", args=[application.pk]))

        def action():
            return (_("Open the application draft"), url)
    else:
        action = None
    mentee = proposal.mentee
    # For a hub, its contact person who said yes answers for it.
    hub_person = accepted_by if proposal.hub_id and accepted_by.pk != mentee.pk else None
    if proposal.hub_id and hub_person is None:
        hub_person = _hub_contacts(proposal.hub)[0]
    other = proposal.mentor or hub_person
    send_contact_details(
        to=mentee,
        other=other,
        subject=lambda: _("You have a match in Finn mentor"),
        paragraph=lambda: (
            _("You and %(other)s both said yes to the programme office's proposal.")
            % {"other": _candidate_name(proposal)}
        ),
        action=action,
    )
    for person in [proposal.mentor] if proposal.mentor_id else _hub_contacts(proposal.hub):
        send_contact_details(
            to=person,
            other=mentee,
            subject=lambda: _("You have a match in Finn mentor"),
            paragraph=lambda: (
                _("You and %(other)s both said yes to the programme office's proposal.")
                % {"other": mentee.display_name}
            ),
            action=action,
        )


def withdraw_open_proposals(*, mentee, keep=None) -> int:
    """A mentee who is matched needs no other proposal: the open ones are
    withdrawn, and the other side is told."""
    # Only the proposals' own rows: FOR UPDATE cannot lock an outer join's side.
    open_proposals = MatchProposal.objects.select_for_update(of=("self",)).filter(
        mentee=mentee, status=ProposalStatus.PROPOSED
    )
    if keep is not None:
        open_proposals = open_proposals.exclude(pk=keep.pk)
    withdrawn = list(open_proposals.select_related("mentor", "hub"))
    now = timezone.now()
    for proposal in withdrawn:
        proposal.status = ProposalStatus.WITHDRAWN
        proposal.closed_at = now
        proposal.save(update_fields=["status", "closed_at"])
        for person in _other_side(proposal):

            def compose():
                return Message(
                    subject=_("A proposal in Finn mentor is withdrawn"),
                    paragraphs=[
                        _(
                            "The one the programme office proposed has found a match, so the "
                            "proposal is withdrawn. Thank you for being available."
                        )
                    ],
                )

            send_to_person(person, compose)
    return len(withdrawn)


@transaction.atomic
def add_note(*, profile, user, text: str) -> MatchNote:
    if not can_use_matching_board(user):
        raise NoteError(_("Only the programme office keeps notes."), code="not_allowed")
    text = text.strip()
    if not text:
        raise NoteError(_("Write the note before you save it."), code="text")
    note = MatchNote.objects.create(profile=profile, author=user, text=text)
    record(AuditAction.FINN_NOTE_ADDED, actor=user, target=note, subject=profile.user_id)
    return note
