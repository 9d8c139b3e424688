"""The programme office's matching board: every mentee waiting for a match
with their best candidates and the score's parts, one case with its
proposals and notes; and a proposal as its two parties see it. Anyone else
gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.models import MatchProposal, MenteeProfile, MentorProfile, ProposalStatus

from .. import permissions, selectors
from ..forms import NoteForm, ProposalAnswerForm, ProposalForm
from ..services import proposals as services

PROPOSAL_ERROR_FIELDS = {
    "self": "candidate",
    "not_listed": "candidate",
    "not_available": "candidate",
    "twice": "candidate",
    "candidate": "candidate",
}


def _office(request) -> None:
    if not permissions.can_use_matching_board(request.user):
        raise Http404


def _case(search_id):
    case = selectors.board_case(search_id, today=timezone.localdate())
    if case is None:
        raise Http404
    return case


@login_required
def board(request):
    _office(request)
    page, cases = selectors.board_page(
        page_number=request.GET.get("page"), today=timezone.localdate()
    )
    per_county = selectors.searches_per_county(selectors.board_cases())
    return render(
        request,
        "network/scheme/finn/board.html",
        {
            "page_obj": page,
            "cases": cases,
            "time_to_match": selectors.time_to_match(),
            "per_county": sorted(per_county.items(), key=lambda item: (-item[1], item[0])),
            "no_county": selectors.NO_COUNTY,
            "part_labels": selectors.PART_LABELS,
        },
    )


def _render_case(request, case, *, proposal_form=None, note_form=None, status=200):
    if proposal_form is None:
        proposal_form = ProposalForm(
            initial={"candidate": request.GET.get("kandidat", ""), "kind": case.kind},
            candidates=case.candidates,
        )
    return render(
        request,
        "network/scheme/finn/board_case.html",
        {
            "case": case,
            "shown": case.candidates[: selectors.CASE_TOP],
            "proposal_form": proposal_form,
            "note_form": note_form or NoteForm(),
            "part_labels": selectors.PART_LABELS,
            "proposal_states": selectors.PROPOSAL_STATES,
        },
        status=status,
    )


@login_required
def case(request, search_id):
    _office(request)
    return _render_case(request, _case(search_id))


@login_required
@require_POST
def propose(request, search_id):
    _office(request)
    case = _case(search_id)
    form = ProposalForm(request.POST, candidates=case.candidates)
    if form.is_valid():
        try:
            services.propose_pair(
                profile=case.profile,
                user=request.user,
                kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
                **form.cleaned_data["candidate"],
            )
        except ValidationError as error:
            form.add_error(PROPOSAL_ERROR_FIELDS.get(error.code), error)
        else:
            messages.success(request, _("The proposal is sent. Both get an e-mail with a link."))
            return HttpResponseRedirect(reverse("finn:board_case", args=[search_id]))
    return _render_case(request, case, proposal_form=form, status=400)


@login_required
@require_POST
def add_note(request, search_id):
    _office(request)
    case = _case(search_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_note(
                profile=case.profile, user=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("The note is saved."))
            return HttpResponseRedirect(reverse("finn:board_case", args=[search_id]))
    return _render_case(request, case, note_form=form, status=400)


@login_required
def proposal(request, proposal_id):
    found = get_object_or_404(
        MatchProposal.objects.select_related("mentee", "mentor", "hub__municipality"),
        pk=proposal_id,
    )
    if not permissions.can_view_proposal(request.user, found):
        raise Http404
    side = permissions.proposal_side(request.user, found)
    form = ProposalAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "yes"
        try:
            found = services.respond_to_proposal(
                proposal=found,
                user=request.user,
                accept=accept,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            if not accept:
                messages.success(request, _("You said no. The proposal is closed."))
            elif found.status == ProposalStatus.ACCEPTED:
                messages.success(
                    request,
                    _("You both said yes. You have each other's contact details by e-mail."),
                )
            else:
                messages.success(
                    request, _("You said yes. We let you know when the other has answered.")
                )
        return HttpResponseRedirect(request.path)
    search = (
        MenteeProfile.objects.filter(user=found.mentee)
        .select_related("municipality")
        .prefetch_related(*selectors.search_prefetches())
        .first()
    )
    mentor_profile = (
        MentorProfile.objects.filter(user=found.mentor).select_related("municipality").first()
        if found.mentor_id
        else None
    )
    accepted = found.status == ProposalStatus.ACCEPTED
    return render(
        request,
        "network/scheme/finn/proposal.html",
        {
            "proposal": found,
            "proposal_states": selectors.PROPOSAL_STATES,
            "side": side,
            "form": form,
            "search": selectors.describe_search(search) if search else None,
            "mentor_profile": mentor_profile,
            "mentee_name": selectors.shown_name(found.mentee),
            "candidate_name": found.hub.name
            if found.hub_id
            else selectors.shown_name(found.mentor),
            "my_answer": (
                found.mentee_accepted_at if side == "mentee" else found.mentor_accepted_at
            )
            if side
            else None,
            # Contact details only once both have said yes.
            "contacts": selectors.proposal_contacts(found, side) if accepted else [],
        },
        status=400 if form.errors else 200,
    )
