"""Published searches ("Søker praksisplass/mentor"): the list and one search
with its answer form, for mentors, hubs' contact persons and verified
municipality contacts; and the mentee's own answers, where one is accepted.
Anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.repeats import AlreadySent, show_existing
from network.models import MenteeProfile, SearchAnswer

from .. import permissions, selectors
from ..forms import SearchAnswerForm
from ..services import answers as services

SEARCHES_PER_PAGE = 20
# Which field a service error belongs on, by its code.
ANSWER_ERROR_FIELDS = {"message": "message", "role": "role"}


def _answerer(request):
    answerer = permissions.search_answerer(request.user)
    if not answerer:
        raise Http404
    return answerer


@login_required
def searches(request):
    _answerer(request)
    page = Paginator(selectors.searches_for(request.user), SEARCHES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "network/scheme/finn/searches.html",
        {
            "page_obj": page,
            "searches": [selectors.describe_search(profile) for profile in page.object_list],
        },
    )


@login_required
def search(request, search_id):
    answerer = _answerer(request)
    profile = get_object_or_404(selectors.searches_for(request.user), pk=search_id)
    mine = SearchAnswer.objects.filter(profile=profile, answered_by=request.user).first()
    form = SearchAnswerForm(request.POST or None, answerer=answerer)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_search(
                profile=profile,
                user=request.user,
                message=form.cleaned_data["message"],
                **form.for_whom(),
            )
        except AlreadySent as repeat:
            return show_existing(request, repeat, request.path)
        except ValidationError as error:
            form.add_error(ANSWER_ERROR_FIELDS.get(error.code), error)
        else:
            messages.success(
                request,
                _(
                    "Your answer is sent. You get an e-mail with their contact details if "
                    "they accept it."
                ),
            )
            return HttpResponseRedirect(request.path)
    return render(
        request,
        "network/scheme/finn/search.html",
        {"search": selectors.describe_search(profile), "mine": mine, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def my_answers(request):
    profile = (
        MenteeProfile.objects.filter(user=request.user)
        .select_related("municipality")
        .prefetch_related(*selectors.search_prefetches())
        .first()
    )
    answers = list(selectors.answers_to(profile)) if profile else []
    proposals = list(selectors.proposals_for(request.user))
    return render(
        request,
        "network/scheme/finn/answers.html",
        {
            "profile": profile,
            "search": selectors.describe_search(profile) if profile else None,
            "published": profile is not None and profile.listed and profile.matched_at is None,
            "answers": [(answer, services.answerer_label(answer)) for answer in answers],
            "proposals": proposals,
            "proposal_states": selectors.PROPOSAL_STATES,
        },
    )


@login_required
@require_POST
def accept_answer(request, answer_id):
    answer = get_object_or_404(SearchAnswer, pk=answer_id, profile__user=request.user)
    try:
        accepted = services.accept_answer(answer=answer, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if accepted.application is not None:
            messages.success(
                request,
                _(
                    "You accepted the answer. You both have each other's contact details by "
                    "e-mail, and the application draft is started."
                ),
            )
            return HttpResponseRedirect(
                reverse("scheme:application", args=[accepted.application.pk])
            )
        messages.success(
            request,
            _("You accepted the answer. You both have each other's contact details by e-mail."),
        )
    return HttpResponseRedirect(reverse("finn:answers"))
