"""A running relationship's pages: the mentee's claims, both parties'
evaluations and the mentor's report; and the office's claim decisions and
payout, which render on the office page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.repeats import AlreadySent, show_existing
from mentornett.uploads import private_file_response
from network.models import Claim, Evaluation, MentorReport, SchemeRole

from .. import pending_uploads, permissions
from ..forms import (
    CLAIM_FILE_FIELDS,
    ClaimDecisionForm,
    ClaimForm,
    EvaluationForm,
    MentorReportForm,
    PayoutForm,
)
from ..selectors import relationship_money, room_for
from ..services import relationships as services
from ..support import MENTOR_FEE
from .common import application_for, office_application, office_page

# --- the mentee's claims ------------------------------------------------------------


def _as_mentee(request, application_id):
    application = application_for(request, application_id)
    if application.role_of(request.user) != SchemeRole.MENTEE:
        raise Http404
    return application


def _claims_page(request, application, form, *, status=200):
    money = relationship_money(application)
    return render(
        request,
        "network/scheme/claims.html",
        {
            "application": application,
            "money": money,
            "claims": application.claims.all(),
            "form": form,
            "can_claim": application.status in services.CLAIMABLE,
            # A category's cap is what was granted: the money rows know it already.
            "rooms": [
                (row.label, room_for(application, category=row.category, cap=row.granted))
                for row in money
                if row.category not in (MENTOR_FEE, "course_fee") and row.granted
            ],
        },
        status=status,
    )


@login_required
def claims_view(request, application_id):
    application = _as_mentee(request, application_id)
    pending = {"user": request.user, "application_id": application.pk}
    kept = pending_uploads.kept(request.session, fields=CLAIM_FILE_FIELDS, **pending)
    if request.method != "POST":
        return _claims_page(request, application, ClaimForm(kept=kept))
    form = ClaimForm(request.POST, request.FILES, kept=kept)
    if form.is_valid():
        data = form.cleaned_data
        files = {
            name: data[name] or pending_uploads.open_kept(request.session, field=name, **pending)
            for name in CLAIM_FILE_FIELDS
        }
        try:
            services.submit_claim(
                application=application,
                user=request.user,
                category=data["category"],
                course=data["course"],
                description=data["description"],
                amount=data["amount"],
                spent_on=data["spent_on"],
                receipt=files["receipt"],
                job_starts_on=data["job_starts_on"],
                employment_weeks=data["employment_weeks"],
                employment_document=files["employment_document"],
            )
        except AlreadySent as repeat:
            pending_uploads.discard(
                request.session, application_id=application.pk, fields=CLAIM_FILE_FIELDS
            )
            return show_existing(request, repeat, f"{request.path}#krav-{repeat.existing.pk}")
        except ValidationError as error:
            _add_errors(form, error)
        else:
            pending_uploads.discard(
                request.session, application_id=application.pk, fields=CLAIM_FILE_FIELDS
            )
            messages.success(request, _("The claim is sent. You get an e-mail when it is decided."))
            return HttpResponseRedirect(request.path)
        finally:
            for name, file in files.items():
                if file is not None and data.get(name) is None:  # opened from the kept ones
                    file.close()
    _keep_chosen_files(request, form, pending)
    return _claims_page(request, application, form, status=400)


def _keep_chosen_files(request, form, pending) -> None:
    """A refused claim keeps the files it was given and passed the checks, so
    the mentee need not choose them again."""
    chosen = {
        name: file
        for name in CLAIM_FILE_FIELDS
        if (file := form.cleaned_data.get(name)) is not None and name in request.FILES
    }
    for name, file in chosen.items():
        pending_uploads.keep(request.session, field=name, file=file, **pending)
    form.show_kept({name: file.name for name, file in chosen.items()})


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def claim_file_view(request, claim_id, which):
    claim = get_object_or_404(Claim.objects.select_related("application"), pk=claim_id)
    if not permissions.can_view_claim(request.user, claim):
        raise Http404
    if which == "kvittering":
        field, name = claim.receipt, claim.receipt_name or _("receipt")
    elif which == "arbeidsavtale":
        field, name = (
            claim.employment_document,
            claim.employment_document_name or _("employment document"),
        )
    else:
        raise Http404
    if not field:
        raise Http404
    return private_file_response(field, download_name=name)


# --- evaluations and the mentor's report -------------------------------------------


def _evaluation_page(request, application, *, status=200, evaluation_form=None, report_form=None):
    role = application.role_of(request.user)
    evaluation = Evaluation.objects.filter(application=application, role=role).first()
    report = MentorReport.objects.filter(application=application).first()
    return render(
        request,
        "network/scheme/evaluation.html",
        {
            "application": application,
            "role": role,
            "open": application.status in services.EVALUABLE,
            "evaluation": evaluation,
            "report": report,
            "evaluation_form": evaluation_form or EvaluationForm(),
            "report_form": report_form or MentorReportForm(),
        },
        status=status,
    )


@login_required
def evaluation_view(request, application_id):
    application = application_for(request, application_id, permissions.is_party)
    if request.method != "POST":
        return _evaluation_page(request, application)
    if request.POST.get("action") == "report":
        form = MentorReportForm(request.POST)
        if form.is_valid():
            try:
                services.submit_mentor_report(
                    application=application, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(
                    "ended_early_reason" if error.code == "ended_early_reason" else None, error
                )
            else:
                messages.success(request, _("Thank you! The report is sent."))
                return HttpResponseRedirect(request.path)
        return _evaluation_page(request, application, status=400, report_form=form)
    form = EvaluationForm(request.POST)
    if form.is_valid():
        try:
            services.submit_evaluation(
                application=application, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you! Your evaluation is sent."))
            return HttpResponseRedirect(request.path)
    return _evaluation_page(request, application, status=400, evaluation_form=form)


# --- the office ---------------------------------------------------------------------


@login_required
@require_POST
def decide_claim_view(request, claim_id):
    if not permissions.is_scheme_administrator(request.user):
        raise Http404
    claim = get_object_or_404(Claim, pk=claim_id)
    application = office_application(request, claim.application_id)
    form = ClaimDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide_claim(claim=claim, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The claim is decided and the mentee is told."))
            return HttpResponseRedirect(reverse("scheme:office", args=[application.pk]))
    return office_page(request, application, status=400, failed_claim=(claim.pk, form))


@login_required
@require_POST
def payout_view(request, application_id):
    application = office_application(request, application_id)
    form = PayoutForm(request.POST)
    if form.is_valid():
        try:
            services.record_payout(application=application, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The payout is recorded and both parties are told."))
            return HttpResponseRedirect(reverse("scheme:office", args=[application.pk]))
    return office_page(request, application, status=400, payout_form=form)
