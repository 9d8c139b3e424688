"""The mentor scheme for applicants (their applications, drafted together) and
for the programme office (deciding). Other people's applications are 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett import ratelimit
from mentornett.repeats import AlreadySent, show_existing
from mentornett.uploads import private_file_response

from .. import permissions
from ..forms import (
    ApplicationForm,
    DecisionForm,
    InvitePartyForm,
    StartForm,
    StartupConversationForm,
)
from ..services import applications as services
from .common import application_context, application_for, office_application, office_page

NOTE_CODES = {"note", "before_start", "early"}


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


@login_required
def application_view(request, application_id):
    application = application_for(request, application_id)
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
        if not form.is_valid():
            status = 400
        else:
            try:
                result = services.save_draft(
                    application=application,
                    user=request.user,
                    changes=form.changes(),
                    contract=form.cleaned_data.get("contract"),
                    send=bool(request.POST.get("send")),
                )
            except AlreadySent as repeat:
                return show_existing(request, repeat, request.path)
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return HttpResponseRedirect(request.path)
            if result.sent:
                messages.success(request, _("The application is sent to the programme."))
                return HttpResponseRedirect(request.path)
            if not result.problems:
                messages.success(request, _("The draft is saved."))
                return HttpResponseRedirect(request.path)
            application, problems, status = result.application, result.problems, 400
            for problem in problems:
                if problem.field and problem.field in form.fields:
                    form.add_error(problem.field, problem.message)
    return render(
        request,
        "network/scheme/application.html",
        application_context(request, application, form=form, problems=problems),
        status=status,
    )


@login_required
@require_POST
def invite_view(request, application_id):
    application = application_for(request, application_id, permissions.is_party)
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
        application_context(request, application, invite_form=form),
        status=status,
    )


@login_required
@require_POST
def withdraw_view(request, application_id):
    application = application_for(request, application_id, permissions.is_party)
    try:
        services.withdraw_application(application=application, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The application is withdrawn."))
    return HttpResponseRedirect(reverse("scheme:application", args=[application.pk]))


@login_required
def contract_view(request, application_id):
    application = application_for(request, application_id)
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
                # A missing reason belongs to the note; anything else to the form.
                form.add_error("note" if error.code in NOTE_CODES else None, error)
            else:
                messages.success(request, _("The decision is recorded."))
                return HttpResponseRedirect(request.path)
        return office_page(request, application, status=400, decision_form=form)
    return office_page(request, application)


@login_required
def decision_letter_view(request, application_id):
    application = application_for(request, application_id)
    if not application.decision_letter:
        raise Http404
    return private_file_response(
        application.decision_letter, download_name=_("Decision letter") + ".pdf"
    )


@login_required
@require_POST
def accept_view(request, application_id):
    application = application_for(request, application_id, permissions.is_party)
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
