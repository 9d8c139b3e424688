"""The mentor scheme for applicants (their applications, drafted together) and
for the programme office (deciding). Other people's applications are 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett import ratelimit
from mentornett.transactions import atomic_post
from mentornett.uploads import private_file_response
from network.models import Application

from .. import permissions
from ..forms import (
    ApplicationForm,
    DecisionForm,
    InvitePartyForm,
    StartForm,
    StartupConversationForm,
)
from ..selectors import support_for
from ..services import applications as services


def _application(request, application_id, check=permissions.can_view_application):
    application = get_object_or_404(
        Application.objects.select_related("mentor", "mentee", "municipality", "rules"),
        pk=application_id,
    )
    if not check(request.user, application):
        raise Http404
    return application


@login_required
def my_applications(request):
    form = StartForm()
    if request.method == "POST":
        form = StartForm(request.POST)
        if form.is_valid():
            application = services.start_application(
                user=request.user, role=form.cleaned_data["role"], kind=form.cleaned_data["kind"]
            )
            messages.success(request, _("The draft is saved. Invite the other person next."))
            return HttpResponseRedirect(reverse("scheme:application", args=[application.pk]))
    return render(
        request,
        "network/scheme/my_applications.html",
        {
            "applications": permissions.my_applications(request.user).select_related(
                "mentor", "mentee"
            ),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _context(request, application, form=None, invite_form=None, problems=None):
    from .relationships import party_relationship_context

    role = application.role_of(request.user)
    editable = application.status in services.EDITABLE and role is not None
    return {
        "application": application,
        "role": role,
        "editable": editable,
        "form": form or ApplicationForm(instance=application, role=role),
        "invite_form": invite_form or InvitePartyForm(),
        "missing_role": services.missing_role(application),
        "gate": services.certificate_gate(application),
        "support": support_for(application),
        "problems": problems if problems is not None else [],
        "events": application.events.all(),
        "course_urls": mandatory_course_urls(),
        # The office page builds its own view of the relationship.
        **(party_relationship_context(application, role) if role else {}),
    }


def mandatory_course_urls() -> dict:
    from courses.models import CoursePage

    return {
        page.mandatory_for: page.url for page in CoursePage.objects.live().exclude(mandatory_for="")
    }


@login_required
@atomic_post
def application_view(request, application_id):
    application = _application(request, application_id)
    status = 200
    form = None
    problems = None
    if request.method == "POST":
        if application.role_of(request.user) is None:
            raise Http404
        form = ApplicationForm(
            request.POST,
            request.FILES,
            instance=application,
            role=application.role_of(request.user),
        )
        if form.is_valid():
            try:
                services.ensure_editable(application)
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return HttpResponseRedirect(request.path)
            application = form.save()
            if request.POST.get("send"):
                problems = services.submission_problems(application)
                if not problems:
                    services.submit_application(application=application, user=request.user)
                    messages.success(request, _("The application is sent to the programme."))
                    return HttpResponseRedirect(request.path)
                for problem in problems:
                    if problem.field and problem.field in form.fields:
                        form.add_error(problem.field, problem.message)
                status = 400
            else:
                messages.success(request, _("The draft is saved."))
                return HttpResponseRedirect(request.path)
        else:
            status = 400
    return render(
        request,
        "network/scheme/application.html",
        _context(request, application, form=form, problems=problems),
        status=status,
    )


@login_required
@require_POST
def invite_view(request, application_id):
    application = _application(request, application_id, permissions.is_party)
    form = InvitePartyForm(request.POST)
    status = 400
    if form.is_valid() and not ratelimit.allow(
        request, "invitation", ratelimit.invitations(), per="user"
    ):
        form.add_error("email", ratelimit.invitation_limit_message())
        status = 429
    elif form.is_valid():
        try:
            invitation = services.invite_party(
                application=application, email=form.cleaned_data["email"], invited_by=request.user
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, _("The invitation is sent to %(email)s.") % {"email": invitation.email}
            )
            return HttpResponseRedirect(reverse("scheme:application", args=[application.pk]))
    return render(
        request,
        "network/scheme/application.html",
        _context(request, application, invite_form=form),
        status=status,
    )


@login_required
@require_POST
def withdraw_view(request, application_id):
    application = _application(request, application_id, permissions.is_party)
    try:
        services.withdraw_application(application=application, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The application is withdrawn."))
    return HttpResponseRedirect(reverse("scheme:application", args=[application.pk]))


@login_required
def contract_view(request, application_id):
    application = _application(request, application_id)
    if not application.contract:
        raise Http404
    return private_file_response(
        application.contract, download_name=application.contract_name or "kontrakt"
    )


def invitation_view(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except ValidationError as error:
        return render(
            request, "network/scheme/invitation.html", {"error": error.messages[0]}, status=404
        )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        try:
            application = services.accept_party_invitation(invitation=invitation, user=request.user)
        except ValidationError as error:
            return render(
                request,
                "network/scheme/invitation.html",
                {"invitation": invitation, "error": error.messages[0]},
            )
        messages.success(request, _("You are on the application."))
        return HttpResponseRedirect(reverse("scheme:application", args=[application.pk]))
    return render(request, "network/scheme/invitation.html", {"invitation": invitation})


def office_page(request, application, *, status=200, failed_claim=None, **forms):
    """The office's page for one application; `forms` replaces a form with
    the bound one that failed, so what was typed is kept (`failed_claim` is
    a claim's id and its bound decision form)."""
    from .relationships import office_relationship_context

    context = {
        **_context(request, application),
        "decision_form": DecisionForm(initial={"expected": application.status}),
        "startup_form": StartupConversationForm(
            initial={
                "held_on": application.startup_conversation_on,
                "notes": application.startup_conversation_notes,
            }
        ),
        "can_record_startup": application.status in services.STARTUP_STATUSES,
        "transitions": sorted(services.OFFICE_TRANSITIONS.get(application.status, ())),
        "warnings": services.certificate_warnings(application),
        **office_relationship_context(application),
    }
    context.update(forms)
    if failed_claim is not None:
        context["claim_forms"][failed_claim[0]] = failed_claim[1]
    return render(request, "network/scheme/office.html", context, status=status)


def office_application(request, application_id):
    if not permissions.is_scheme_administrator(request.user):
        raise Http404
    return _application(request, application_id)


@login_required
def office_view(request, application_id):
    application = office_application(request, application_id)
    if request.method == "POST" and request.POST.get("action") == "startup":
        startup_form = StartupConversationForm(request.POST)
        if startup_form.is_valid():
            try:
                services.record_startup_conversation(
                    application=application, user=request.user, **startup_form.cleaned_data
                )
            except ValidationError as error:
                startup_form.add_error("held_on", error)
            else:
                messages.success(request, _("The start-up conversation is recorded."))
                return HttpResponseRedirect(request.path)
        return office_page(request, application, status=400, startup_form=startup_form)
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.change_status(
                    application=application,
                    user=request.user,
                    expected=form.cleaned_data["expected"],
                    to=form.cleaned_data["to"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The decision is recorded."))
                return HttpResponseRedirect(request.path)
        return office_page(request, application, status=400, decision_form=form)
    return office_page(request, application)


@login_required
def decision_letter_view(request, application_id):
    application = _application(request, application_id)
    if not application.decision_letter:
        raise Http404
    return private_file_response(
        application.decision_letter, download_name=_("Decision letter") + ".pdf"
    )


@login_required
@require_POST
def accept_view(request, application_id):
    application = _application(request, application_id, permissions.is_party)
    try:
        application = services.accept_decision(application=application, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if application.status == "active":
            messages.success(request, _("Both have accepted. The relationship has started."))
        else:
            messages.success(request, _("You have accepted. Waiting for the other party."))
    return HttpResponseRedirect(reverse("scheme:application", args=[application.pk]))
