"""Municipalities in Finn mentor: a contact registers, the programme office
verifies or rejects them, a verified contact keeps the municipality's profile
and its needs, and students and vets answer a need with "Jeg er interessert".

An unverified contact of the municipality is told, on its page, that the
office must verify them first, and nothing they send is taken (403). Anyone
who is no contact of the municipality gets 404, as does anyone who may not
see a need."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.repeats import AlreadySent, show_existing
from network.models import (
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityOffer,
    MunicipalityProfile,
    NeedInterest,
    NeedStatus,
)

from .. import permissions, selectors
from ..errors import MunicipalityError
from ..forms import (
    CloseNeedForm,
    ContactRegistrationForm,
    InterestForm,
    MunicipalityProfileForm,
    NeedForm,
    RejectContactForm,
)
from ..services import municipalities as services

NEEDS_PER_PAGE = 20
NEED_ERROR_FIELDS = {"period_order": "ends_on", "description": "description"}


def _add_error(form, error, fields: dict) -> None:
    field = fields.get(error.code)
    form.add_error(field if field in form.fields else None, error)


@login_required
def register(request):
    form = ContactRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_contact(user=request.user, **form.cleaned_data)
        except MunicipalityError as error:
            _add_error(form, error, {"duplicate": "municipality", "role": "role"})
        else:
            messages.success(
                request,
                _(
                    "Thank you. The programme office will verify you and tell you by e-mail. "
                    "Until then you cannot act for the municipality."
                ),
            )
            return HttpResponseRedirect(reverse("finn:register_contact"))
    return render(
        request,
        "network/scheme/finn/register_contact.html",
        {
            "form": form,
            "contacts": MunicipalityContact.objects.filter(user=request.user)
            .select_related("municipality")
            .order_by("municipality__name"),
        },
        status=400 if form.errors else 200,
    )


def _contact_page(request, municipality_id):
    """The municipality and the person's contact row, or 404 for anyone who
    is no contact of it. An unverified contact gets the page that says so."""
    municipality = get_object_or_404(Municipality, pk=municipality_id)
    contact = permissions.contact_of(request.user, municipality)
    if contact is None:
        raise Http404
    return municipality, contact


def _unverified(request, municipality, contact):
    return render(
        request,
        "network/scheme/finn/unverified.html",
        {"municipality": municipality, "contact": contact},
        status=403 if request.method == "POST" else 200,
    )


def _municipality_page(request, municipality, *, form=None, need_form=None, status=200):
    profile = MunicipalityProfile.objects.filter(municipality=municipality).first()
    return render(
        request,
        "network/scheme/finn/municipality.html",
        {
            "municipality": municipality,
            "profile": profile,
            "form": form
            or MunicipalityProfileForm(initial=MunicipalityProfileForm.initial_for(profile)),
            "need_form": need_form or NeedForm(),
            "needs": selectors.municipality_needs(municipality),
        },
        status=status,
    )


@login_required
def municipality_view(request, municipality_id):
    municipality, contact = _contact_page(request, municipality_id)
    if contact.verified_at is None:
        return _unverified(request, municipality, contact)
    if request.method != "POST":
        return _municipality_page(request, municipality)
    form = MunicipalityProfileForm(request.POST)
    if form.is_valid():
        try:
            profile = services.save_municipality_profile(
                municipality=municipality, user=request.user, **form.cleaned_data
            )
        except MunicipalityError as error:
            _add_error(form, error, {"coverage": "coverage"})
        else:
            if profile.listed:
                messages.success(
                    request, _("The municipality's profile is saved and shown in Finn mentor.")
                )
            else:
                messages.success(
                    request, _("The municipality's profile is saved. It is not shown to anyone.")
                )
            return HttpResponseRedirect(reverse("finn:municipality", args=[municipality.pk]))
    return _municipality_page(request, municipality, form=form, status=400)


@login_required
@require_POST
def publish_need_view(request, municipality_id):
    municipality, contact = _contact_page(request, municipality_id)
    if contact.verified_at is None:
        return _unverified(request, municipality, contact)
    form = NeedForm(request.POST)
    if form.is_valid():
        try:
            need = services.publish_need(
                municipality=municipality, user=request.user, **form.cleaned_data
            )
        except AlreadySent as repeat:
            return show_existing(request, repeat, reverse("finn:need", args=[repeat.existing.pk]))
        except MunicipalityError as error:
            _add_error(form, error, NEED_ERROR_FIELDS)
        else:
            messages.success(
                request,
                _("The need is published. Students and vets in Finn mentor can now answer it."),
            )
            return HttpResponseRedirect(reverse("finn:need", args=[need.pk]))
    return _municipality_page(request, municipality, need_form=form, status=400)


@login_required
def needs(request):
    allowed = permissions.may_see_needs(request.user)
    page = None
    if allowed:
        page = Paginator(selectors.open_needs(), NEEDS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "network/scheme/finn/needs.html",
        {"allowed": allowed, "page_obj": page},
    )


def _need(request, need_id) -> MunicipalityNeed:
    need = get_object_or_404(
        MunicipalityNeed.objects.select_related("municipality", "municipality__matching_profile"),
        pk=need_id,
    )
    if not permissions.may_see_need(request.user, need):
        raise Http404
    return need


@login_required
def need_view(request, need_id):
    need = _need(request, need_id)
    form = InterestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.express_interest(need=need, user=request.user, **form.cleaned_data)
        except AlreadySent as repeat:
            return show_existing(request, repeat, reverse("finn:need", args=[need.pk]))
        except MunicipalityError as error:
            _add_error(form, error, {"message": "message"})
        else:
            messages.success(
                request,
                _(
                    "%(municipality)s has your name, e-mail address and message now, and you "
                    "have the contacts' addresses by e-mail."
                )
                % {"municipality": need.municipality.name},
            )
            return HttpResponseRedirect(reverse("finn:need", args=[need.pk]))
    manages = permissions.may_manage_need(request.user, need)
    profile = getattr(need.municipality, "matching_profile", None)
    return render(
        request,
        "network/scheme/finn/need.html",
        {
            "need": need,
            "profile": profile if profile and profile.listed else None,
            "manages": manages,
            "interests": list(selectors.need_interests(need)) if manages else [],
            "mine": NeedInterest.objects.filter(need=need, user=request.user).first(),
            "may_answer": permissions.may_answer_need(request.user, need),
            "form": form,
            "open": need.status == NeedStatus.OPEN,
            "offer_choices": MunicipalityOffer.choices,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def close_need_view(request, need_id):
    need = get_object_or_404(MunicipalityNeed.objects.select_related("municipality"), pk=need_id)
    if not permissions.may_manage_need(request.user, need):
        raise Http404
    form = CloseNeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether the need is filled or withdrawn."))
    else:
        try:
            services.close_need(need=need, user=request.user, status=form.cleaned_data["status"])
        except MunicipalityError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The need is closed. It no longer shows in Finn mentor."))
    return HttpResponseRedirect(reverse("finn:need", args=[need.pk]))


# --- the programme office -----------------------------------------------------------


def _office_only(request) -> None:
    if not permissions.is_scheme_administrator(request.user):
        raise Http404


def _office_page(request, *, failed=None, status=200):
    """`failed` is a contact's id and its bound reject form, kept as typed."""
    contacts = list(selectors.unverified_contacts())
    forms = {contact.pk: RejectContactForm(prefix=f"c{contact.pk}") for contact in contacts}
    if failed is not None:
        forms[failed[0]] = failed[1]
    return render(
        request,
        "network/scheme/finn/office_contacts.html",
        {"rows": [(contact, forms[contact.pk]) for contact in contacts]},
        status=status,
    )


@login_required
def office_contacts(request):
    _office_only(request)
    return _office_page(request)


@login_required
@require_POST
def verify_contact_view(request, contact_id):
    _office_only(request)
    contact = get_object_or_404(
        MunicipalityContact.objects.select_related("user", "municipality"), pk=contact_id
    )
    try:
        services.verify_contact(contact=contact, user=request.user)
    except MunicipalityError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(name)s is verified as the contact for %(municipality)s.")
            % {"name": contact.user.display_name, "municipality": contact.municipality.name},
        )
    return HttpResponseRedirect(reverse("finn:office_contacts"))


@login_required
@require_POST
def reject_contact_view(request, contact_id):
    _office_only(request)
    contact = get_object_or_404(
        MunicipalityContact.objects.select_related("user", "municipality"), pk=contact_id
    )
    form = RejectContactForm(request.POST, prefix=f"c{contact.pk}")
    if form.is_valid():
        try:
            services.reject_contact(contact=contact, user=request.user, **form.cleaned_data)
        except MunicipalityError as error:
            if error.code != "reason":
                messages.error(request, error.messages[0])
                return HttpResponseRedirect(reverse("finn:office_contacts"))
            form.add_error("reason", error)
        else:
            messages.success(
                request,
                _("The registration is rejected, and %(name)s is told why.")
                % {"name": contact.user.display_name},
            )
            return HttpResponseRedirect(reverse("finn:office_contacts"))
    return _office_page(request, failed=(contact.pk, form), status=400)
