"""A team's workspace: members and invitations, the collaboration agreement,
home tasks and measurements. Everything here is private to the team, its
advisor and the network's organisers; anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.errors import RegistrationError
from events.models import EventPage
from mentornett import ratelimit
from mentornett.formatting import clock_time
from mentornett.repeats import AlreadySent, show_existing
from mentornett.uploads import private_file_response
from mentornett.view_restrictions import in_private_section

from . import permissions, selectors, services
from .forms import (
    CommentForm,
    CoordinatorSignForm,
    DraftForm,
    FileForm,
    InviteForm,
    LeaderSignForm,
    ReturnForm,
    ScanForm,
    ScoreForm,
    TeamRegistrationForm,
)
from .measurement_views import indicator_charts
from .models import (
    PROGRESS_LEVEL_MEANING,
    CommentVisibility,
    HomeTask,
    LearningNetworkPage,
    ProgressLevel,
    ResponseKind,
    Submission,
    SubmissionVersion,
    Team,
    TeamInvitation,
    TeamMembership,
)
from .task_sections import sections_for


def client_ip(request) -> str | None:
    # The address the connection came from. X-Forwarded-For is not used: any
    # client can write it, and a signature record must not be forgeable.
    return request.META.get("REMOTE_ADDR") or None


def _team(request, team_id, check=permissions.can_view_team) -> Team:
    team = get_object_or_404(
        Team.objects.select_related("network", "municipality", "advisor"), pk=team_id
    )
    if not check(request.user, team):
        raise Http404
    return team


def _task(team, task_id) -> HomeTask:
    return get_object_or_404(
        HomeTask.objects.select_related("gathering"), pk=task_id, network_id=team.network_id
    )


def _error(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


# --- team page and members -------------------------------------------------------


@login_required
def my_teams(request):
    return render(request, "network/my_teams.html", {"teams": selectors.my_teams(request.user)})


@login_required
def review_queue_view(request):
    """The advisor's one list of what their teams have sent and wait for them
    to read or return, across all their teams."""
    if not permissions.can_view_review_queue(request.user):
        raise Http404
    return render(
        request, "network/review_queue.html", {"items": selectors.review_queue(user=request.user)}
    )


@login_required
def team_page(request, team_id, invite_form=None):
    team = _team(request, team_id)
    user = request.user
    can_manage = permissions.can_manage_members(user, team)
    agreement = services.agreement_for(team=team)
    return render(
        request,
        "network/team.html",
        {
            "team": team,
            "members": selectors.team_members(team),
            "invitations": team.invitations.filter(
                accepted_at__isnull=True, revoked_at__isnull=True
            )
            if can_manage
            else [],
            "cells": selectors.team_cells(team=team),
            "agreement": agreement,
            "can_manage": can_manage,
            "can_review": permissions.can_review(user, team),
            "is_member": permissions.is_member(user, team),
            "invite_form": invite_form or InviteForm(),
            "indicators": indicator_charts(team),
            "scores": team.progress_scores.select_related("gathering").order_by(
                "gathering__starts_at"
            ),
        },
    )


@login_required
@require_POST
def invite_view(request, team_id):
    team = _team(request, team_id, permissions.can_manage_members)
    form = InviteForm(request.POST)
    if form.is_valid() and not ratelimit.allow(
        request, "invitation", ratelimit.invitations(), per="user"
    ):
        form.add_error("email", ratelimit.invitation_limit_message())
        response = team_page(request, team.pk, invite_form=form)
        response.status_code = 429
        return response
    if form.is_valid():
        try:
            invitation = services.invite_member(
                team=team,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, _("The invitation is sent to %(email)s.") % {"email": invitation.email}
            )
            return HttpResponseRedirect(reverse("network:team", args=[team.pk]) + "#members")
    return team_page(request, team.pk, invite_form=form)


@login_required
@require_POST
def revoke_invitation_view(request, team_id, invitation_id):
    team = _team(request, team_id, permissions.can_manage_members)
    invitation = get_object_or_404(TeamInvitation, pk=invitation_id, team=team)
    services.revoke_invitation(invitation=invitation)
    messages.success(request, _("The invitation is withdrawn."))
    return HttpResponseRedirect(reverse("network:team", args=[team.pk]) + "#members")


@login_required
@require_POST
def remove_member_view(request, team_id, membership_id):
    team = _team(request, team_id, permissions.can_manage_members)
    membership = get_object_or_404(
        TeamMembership.objects.select_related("person"), pk=membership_id, team=team
    )
    try:
        services.remove_member(membership=membership)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request,
            _("%(name)s is no longer on the team. What they wrote stays with the team.")
            % {"name": membership.person.display_name},
        )
    return HttpResponseRedirect(reverse("network:team", args=[team.pk]) + "#members")


def invitation_view(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except ValidationError as error:
        return render(request, "network/invitation.html", {"error": error.messages[0]}, status=404)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        try:
            services.accept_invitation(invitation=invitation, user=request.user)
        except ValidationError as error:
            return render(
                request,
                "network/invitation.html",
                {"invitation": invitation, "error": error.messages[0]},
            )
        messages.success(request, _("Welcome to the team of %(team)s.") % {"team": invitation.team})
        return HttpResponseRedirect(reverse("network:team", args=[invitation.team_id]))
    already = TeamMembership.objects.filter(team=invitation.team, person=request.user).exists()
    return render(
        request, "network/invitation.html", {"invitation": invitation, "already": already}
    )


# --- the collaboration agreement -----------------------------------------------------


@login_required
def agreement_view(request, team_id):
    team = _team(request, team_id)
    agreement = services.agreement_for(team=team)
    user = request.user
    leader_form = LeaderSignForm(initial={"name": user.get_full_name()})
    coordinator_form = CoordinatorSignForm()
    scan_form = ScanForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "leader" and permissions.can_sign_as_leader(user, team):
                leader_form = LeaderSignForm(request.POST)
                if leader_form.is_valid():
                    services.sign_as_leader(
                        agreement=agreement,
                        user=user,
                        name=leader_form.cleaned_data["name"],
                        title=leader_form.cleaned_data["title"],
                        ip=client_ip(request),
                    )
                    messages.success(request, _("You have signed the agreement."))
                    return HttpResponseRedirect(request.path)
            elif action == "coordinator" and permissions.is_coordinator(user, team):
                coordinator_form = CoordinatorSignForm(request.POST)
                if coordinator_form.is_valid():
                    services.sign_as_coordinator(
                        agreement=agreement, user=user, ip=client_ip(request)
                    )
                    messages.success(request, _("You have signed the agreement."))
                    return HttpResponseRedirect(request.path)
            elif action == "scan" and permissions.can_manage_members(user, team):
                scan_form = ScanForm(request.POST, request.FILES)
                if scan_form.is_valid():
                    services.upload_scan(
                        agreement=agreement, user=user, upload=scan_form.cleaned_data["scan"]
                    )
                    messages.success(request, _("The signed agreement is uploaded."))
                    return HttpResponseRedirect(request.path)
            elif action == "countersign" and permissions.is_organiser(user, team.network_id):
                services.countersign(agreement=agreement, user=user)
                messages.success(request, _("The agreement is countersigned and complete."))
                return HttpResponseRedirect(request.path)
            else:
                raise Http404
        except ValidationError as error:
            _error(request, error)
    return render(
        request,
        "network/agreement.html",
        {
            "team": team,
            "agreement": agreement,
            "leader_form": leader_form,
            "coordinator_form": coordinator_form,
            "scan_form": scan_form,
            "can_sign_as_leader": permissions.can_sign_as_leader(user, team),
            "is_coordinator": permissions.is_coordinator(user, team),
            "can_upload": permissions.can_manage_members(user, team),
            "is_organiser": permissions.is_organiser(user, team.network_id),
        },
    )


@login_required
def agreement_pdf(request, team_id):
    team = _team(request, team_id)
    agreement = services.agreement_for(team=team)
    pdf = services.render_agreement_pdf(agreement=agreement, language=request.LANGUAGE_CODE)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"samarbeidsavtale-{team}") or "samarbeidsavtale"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@login_required
def agreement_scan(request, team_id):
    team = _team(request, team_id)
    agreement = services.agreement_for(team=team)
    if not agreement.scan:
        raise Http404
    return private_file_response(
        agreement.scan, download_name=_("Signed agreement %(team)s") % {"team": team}
    )


# --- home tasks --------------------------------------------------------------------


def _task_context(request, team, task, submission, form=None, **extra):
    user = request.user
    can_edit = permissions.can_edit_team_work(user, team)
    can_review = permissions.can_review(user, team)
    versions = list(submission.versions.select_related("submitted_by")) if submission else []
    comments = (
        submission.comments.filter(visibility=CommentVisibility.TEAM).select_related(
            "author_team__municipality"
        )
        if submission
        else []
    )
    # Only reviewers see the score form.
    gatherings = (
        list(EventPage.objects.filter(network_id=team.network_id).order_by("starts_at"))
        if can_review
        else []
    )
    state = selectors.cell_state(task, submission, timezone.now())
    return {
        "team": team,
        "task": task,
        "submission": submission,
        "sections": sections_for(task.kind),
        "form": form
        or (DraftForm(kind=task.kind, content=submission.content if submission else {})),
        "file_form": extra.pop("file_form", None) or FileForm(),
        "comment_form": extra.pop("comment_form", None) or CommentForm(),
        "return_form": extra.pop("return_form", None) or ReturnForm(),
        "score_form": extra.pop("score_form", None)
        or ScoreForm(gatherings=gatherings, initial={"gathering": str(task.gathering_id)}),
        "levels": [(level, PROGRESS_LEVEL_MEANING[level]) for level in ProgressLevel],
        "versions": versions,
        "latest": versions[-1] if versions else None,
        "comments": comments,
        "can_edit": can_edit,
        "can_review": can_review,
        "is_file": task.kind == ResponseKind.FILE,
        "is_final_report": task.kind == ResponseKind.FINAL_REPORT,
        "state_label": selectors.CellState.LABELS[state],
        "state_tone": selectors.CellState.TONES[state],
        "conflicts": extra.pop("conflicts", {}),
        **extra,
    }


@login_required
def task_view(request, team_id, task_id):
    team = _team(request, team_id)
    task = _task(team, task_id)
    if permissions.can_edit_team_work(request.user, team):
        submission = services.open_submission(team=team, task=task)
    else:
        submission = Submission.objects.filter(team=team, task=task).first()
    return render(request, "network/task.html", _task_context(request, team, task, submission))


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


@login_required
@require_POST
def save_view(request, team_id, task_id):
    """Autosave (JSON, from the page's script) and the plain "Save draft" and
    "Send" buttons. A conflict keeps the person's text in the form."""
    team = _team(request, team_id, permissions.can_edit_team_work)
    task = _task(team, task_id)
    # The services open the team's draft themselves, so "Send" writes all or nothing.
    form = DraftForm(request.POST, kind=task.kind)
    if not form.is_valid():
        raise Http404
    try:
        sending = request.POST.get("send") and not _wants_json(request)
        save = services.save_and_send if sending else services.save_draft
        result = save(
            team=team, task=task, user=request.user, sections=form.texts(), bases=form.bases()
        )
    except ValidationError as error:
        if _wants_json(request):
            return JsonResponse({"error": error.messages[0]}, status=400)
        _error(request, error)
        submission = services.open_submission(team=team, task=task)
        return render(
            request,
            "network/task.html",
            _task_context(request, team, task, submission, form=form),
            status=400,
        )
    submission = result.submission
    if _wants_json(request):
        return JsonResponse(
            {
                "revision": submission.revision,
                "content": submission.content,
                "saved": result.saved,
                "conflicts": [{"key": c.key, "theirs": c.theirs} for c in result.conflicts],
                "saved_at": clock_time(submission.updated_at),
            }
        )
    if result.conflicts:
        # Show the other person's text beside the person's own; the base is
        # now their text, so saving again keeps what this person decides.
        data = request.POST.copy()
        for conflict in result.conflicts:
            data[f"base_{conflict.key}"] = conflict.theirs
        form = DraftForm(data, kind=task.kind, content=submission.content)
        form.is_valid()
        return render(
            request,
            "network/task.html",
            _task_context(
                request,
                team,
                task,
                submission,
                form=form,
                conflicts={c.key: c for c in result.conflicts},
            ),
            status=409,
        )
    task_url = reverse("network:task", args=[team.pk, task.pk])
    if isinstance(result.send_error, AlreadySent):
        repeat = result.send_error
        return show_existing(request, repeat, f"{task_url}#version-{repeat.existing.number}")
    if result.send_error is not None:
        _error(request, result.send_error)
    elif result.version is not None and result.version.is_late:
        messages.warning(
            request,
            _("Sent as version %(number)s, after the deadline. The advisor can see it.")
            % {"number": result.version.number},
        )
    elif result.version is not None:
        messages.success(
            request,
            _("Sent as version %(number)s. The advisor can see it.")
            % {"number": result.version.number},
        )
    else:
        messages.success(request, _("The draft is saved."))
    return HttpResponseRedirect(task_url)


@login_required
@require_POST
def upload_view(request, team_id, task_id):
    team = _team(request, team_id, permissions.can_edit_team_work)
    task = _task(team, task_id)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_file(
                team=team, task=task, user=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The file is uploaded. Send it when you are ready."))
            return HttpResponseRedirect(reverse("network:task", args=[team.pk, task.pk]))
    submission = services.open_submission(team=team, task=task)
    return render(
        request,
        "network/task.html",
        _task_context(request, team, task, submission, file_form=form),
        status=400,
    )


@login_required
def file_view(request, team_id, task_id, version=None):
    team = _team(request, team_id)
    task = _task(team, task_id)
    submission = get_object_or_404(Submission, team=team, task=task)
    if version is None:
        if not permissions.can_edit_team_work(request.user, team):
            raise Http404
        stored, name = submission.file, submission.file_name
    else:
        found = get_object_or_404(SubmissionVersion, submission=submission, number=version)
        stored, name = found.file, found.file_name
    if not stored:
        raise Http404
    return private_file_response(stored, download_name=name or f"{task.title}")


@login_required
@require_POST
def comment_view(request, team_id, task_id):
    team = _team(request, team_id)
    task = _task(team, task_id)
    submission = get_object_or_404(Submission, team=team, task=task)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(
                submission=submission, user=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Your comment is posted."))
            return HttpResponseRedirect(
                reverse("network:task", args=[team.pk, task.pk]) + "#comments"
            )
    return render(
        request,
        "network/task.html",
        _task_context(request, team, task, submission, comment_form=form),
        status=400,
    )


@login_required
@require_POST
def review_view(request, team_id, task_id):
    team = _team(request, team_id, permissions.can_review)
    task = _task(team, task_id)
    submission = get_object_or_404(Submission, team=team, task=task)
    form = ReturnForm(request.POST)
    try:
        if request.POST.get("action") == "read":
            services.mark_read(submission=submission, user=request.user)
            messages.success(request, _("Marked as read. The team can see it."))
        elif form.is_valid():
            services.return_for_changes(
                submission=submission, user=request.user, comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("Returned to the team with your comment."))
        else:
            return render(
                request,
                "network/task.html",
                _task_context(request, team, task, submission, return_form=form),
                status=400,
            )
    except ValidationError as error:
        _error(request, error)
    return HttpResponseRedirect(reverse("network:task", args=[team.pk, task.pk]))


@login_required
@require_POST
def score_view(request, team_id, task_id):
    team = _team(request, team_id, permissions.can_review)
    task = _task(team, task_id)
    submission = Submission.objects.filter(team=team, task=task).first()
    gatherings = list(EventPage.objects.filter(network_id=team.network_id).order_by("starts_at"))
    form = ScoreForm(request.POST, gatherings=gatherings)
    if form.is_valid():
        services.give_progress_score(
            team=team,
            gathering=form.cleaned_data["gathering"],
            score=form.cleaned_data["score"],
            feedback=form.cleaned_data["feedback"],
            user=request.user,
        )
        messages.success(request, _("The progress score is saved. The team can see it."))
        return HttpResponseRedirect(reverse("network:task", args=[team.pk, task.pk]))
    return render(
        request,
        "network/task.html",
        _task_context(request, team, task, submission, score_form=form),
        status=400,
    )


@login_required
@require_POST
def share_view(request, team_id, task_id):
    team = _team(request, team_id, permissions.can_edit_team_work)
    task = _task(team, task_id)
    submission = get_object_or_404(Submission, team=team, task=task)
    shared = request.POST.get("shared") == "1"
    try:
        services.set_shared(submission=submission, shared=shared)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request,
            _("Shared with the whole network.") if shared else _("No longer shared."),
        )
    return HttpResponseRedirect(reverse("network:task", args=[team.pk, task.pk]))


@login_required
def final_report_pdf(request, team_id, task_id):
    team = _team(request, team_id)
    task = _task(team, task_id)
    if task.kind != ResponseKind.FINAL_REPORT:
        raise Http404
    submission = get_object_or_404(Submission, team=team, task=task)
    version = submission.versions.last()
    if version is None and not permissions.can_edit_team_work(request.user, team):
        raise Http404
    pdf = services.render_final_report_pdf(
        submission=submission, version=version, language=request.LANGUAGE_CODE
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"sluttrapport-{team}") or "sluttrapport"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


# --- the poster walk ---------------------------------------------------------------


@login_required
def poster_walk(request, network_id):
    if not permissions.can_see_shared(request.user, network_id):
        raise Http404
    network = get_object_or_404(LearningNetworkPage, pk=network_id)
    return render(
        request,
        "network/poster_walk.html",
        {"network": network, "submissions": selectors.shared_submissions(network=network)},
    )


@login_required
def shared_view(request, submission_id):
    submission = get_object_or_404(
        Submission.objects.select_related("team__municipality", "team__network", "task"),
        pk=submission_id,
        shared_at__isnull=False,
    )
    network_id = submission.team.network_id
    if not permissions.can_see_shared(request.user, network_id):
        raise Http404
    form = CommentForm()
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            author_team = Team.objects.filter(
                network_id=network_id, memberships__person=request.user
            ).first()
            try:
                services.add_comment(
                    submission=submission,
                    user=request.user,
                    body=form.cleaned_data["body"],
                    visibility=CommentVisibility.NETWORK,
                    author_team=author_team,
                )
            except ValidationError as error:
                form.add_error("body", error)
            else:
                messages.success(request, _("Your comment is posted."))
                return HttpResponseRedirect(request.path + "#comments")
    version = submission.versions.last()
    return render(
        request,
        "network/shared.html",
        {
            "submission": submission,
            "version": version,
            "sections": [
                (section, version.content.get(section.key, ""))
                for section in sections_for(submission.task.kind)
            ]
            if version
            else [],
            "comments": submission.comments.filter(
                visibility=CommentVisibility.NETWORK
            ).select_related("author_team__municipality"),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
def shared_file_view(request, submission_id):
    submission = get_object_or_404(
        Submission.objects.select_related("team"), pk=submission_id, shared_at__isnull=False
    )
    if not permissions.can_see_shared(request.user, submission.team.network_id):
        raise Http404
    version = submission.versions.last()
    if version is None or not version.file:
        raise Http404
    return private_file_response(version.file, download_name=version.file_name or "fil")


@login_required
def event_team_view(request, event_id, team_id):
    event = get_object_or_404(EventPage.objects.live().exclude(in_private_section()), pk=event_id)
    team = get_object_or_404(Team.objects.select_related("municipality"), pk=team_id)
    if not permissions.can_register_team(request.user, team):
        raise Http404
    roster = selectors.team_roster(team=team, event=event)
    form = TeamRegistrationForm(request.POST if request.method == "POST" else None, roster=roster)
    if request.method == "POST" and form.is_valid():
        people = [
            member.person
            for member, _r in roster
            if str(member.person_id) in form.cleaned_data["people"]
        ]
        try:
            results = services.register_team_members(
                coordinator=request.user, team=team, event=event, people=people
            )
        except RegistrationError as error:
            form.add_error(None, error.messages[0])
        else:
            for person, outcome in results:
                if isinstance(outcome, RegistrationError):
                    messages.error(request, f"{person.display_name}: {outcome.messages[0]}")
                elif outcome.is_confirmed:
                    messages.success(
                        request, _("%(name)s is registered.") % {"name": person.display_name}
                    )
                else:
                    messages.info(
                        request, _("%(name)s is on the waitlist.") % {"name": person.display_name}
                    )
            return HttpResponseRedirect(request.path)
    return render(
        request,
        "network/team_registration.html",
        {"event": event, "team": team, "roster": roster, "form": form},
        status=400 if form.errors else 200,
    )
