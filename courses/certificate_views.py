"""Public certificate verification, and the holder's own PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mentornett import ratelimit
from mentornett.tasks import enqueue
from mentornett.uploads import private_file_response

from .codes import parse_code
from .models import Certificate
from .openbadges import CONTEXT, credential_jwt, issuer_profile, published_keys, verify_jwt
from .services.certificates import record_verification


def _over_limit(request) -> bool:
    """A per-client limit against guessing codes; the codes' 75 random bits do
    the real work."""
    return not ratelimit.allow(request, "certificate_lookup", ratelimit.certificate_lookups())


def _problem_message(problem):
    if problem == "check":
        return _(
            "The code has a typing error. Check each character against the certificate; "
            "0 and O, 1 and I are read the same."
        )
    if problem == "shape":
        return _(
            "That does not look like a certificate code. It looks like MN-7K3Q-9XTA-2PLD-8FQX."
        )
    return _("Write the code from the certificate.")


@never_cache
def verify_form(request):
    typed = request.GET.get("kode", "")
    if not typed:
        return render(request, "courses/certificate_verify.html", {"typed": ""})
    parsed = parse_code(typed)
    if parsed.code:
        return HttpResponseRedirect(reverse("certificates:verify", args=[parsed.code]))
    return render(
        request,
        "courses/certificate_verify.html",
        {"typed": typed, "error": _problem_message(parsed.problem)},
        status=400,
    )


@never_cache
def verify(request, code):
    if _over_limit(request):
        return render(request, "courses/certificate_rate_limited.html", status=429)
    parsed = parse_code(code)
    if parsed.code is None:
        return render(
            request,
            "courses/certificate_verify.html",
            {"typed": code, "error": _problem_message(parsed.problem)},
            status=400,
        )
    if parsed.code != code:
        return HttpResponseRedirect(reverse("certificates:verify", args=[parsed.code]))
    certificate = (
        Certificate.objects.filter(code=parsed.code)
        .select_related("holder")
        .only(
            "code",
            "holder_name",
            "holder__anonymised_at",
            "course_title",
            "course_version",
            "outcomes",
            "issued_at",
            "valid_until",
            "revoked_at",
            "revoked_reason",
        )
        .first()
    )
    if certificate is None:
        return render(
            request, "courses/certificate_not_found.html", {"code": parsed.code}, status=404
        )
    record_verification(certificate=certificate)
    return render(
        request,
        "courses/certificate_verify.html",
        {"certificate": certificate, "status": certificate.status_on(timezone.localdate())},
    )


@login_required
def certificate_pdf(request, certificate_id):
    certificate = get_object_or_404(Certificate, pk=certificate_id, holder=request.user)
    if not certificate.pdf:
        enqueue("courses.tasks.render_certificate_pdf_task", certificate.pk)
        messages.info(request, _("The PDF is being made. Try again in a minute."))
        return HttpResponseRedirect(reverse("home:dashboard"))
    try:
        return private_file_response(
            certificate.pdf, download_name=f"kursbevis-{certificate.code}.pdf"
        )
    except FileNotFoundError as error:
        raise Http404 from error


def jwks(request):
    response = JsonResponse({"keys": published_keys()})
    response["Cache-Control"] = "public, max-age=3600"
    return response


def issuer(request):
    profile = {"@context": CONTEXT, **issuer_profile()}
    return JsonResponse(profile, content_type="application/ld+json")


@login_required
def certificate_badge(request, certificate_id):
    """The holder's certificate as a signed Open Badges 3.0 credential (VC-JWT)."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder"), pk=certificate_id, holder=request.user
    )
    response = HttpResponse(credential_jwt(certificate), content_type="application/jwt")
    response["Content-Disposition"] = f'attachment; filename="kursbevis-{certificate.code}.jwt"'
    return response


def _badge_problem_message(problem):
    messages_by_problem = {
        "format": _(
            "This is not an Open Badges credential from Mentornett. "
            "Paste the whole text of the .jwt file."
        ),
        "key": _(
            "The credential is signed with a key Mentornett does not know. It was not issued here."
        ),
        "signature": _("The credential has been changed after it was issued. It is not valid."),
        "claims": _("The credential's contents do not match its signature data. It is not valid."),
        "unknown": _("The signature is genuine, but the certificate no longer exists here."),
    }
    return messages_by_problem[problem]


@never_cache
def verify_badge(request):
    """Check an Open Badges credential file or pasted VC-JWT."""
    context = {"token": ""}  # a form field, not a password  # nosec B105
    if request.method == "POST":
        if _over_limit(request):
            return render(request, "courses/certificate_rate_limited.html", status=429)
        upload = request.FILES.get("file")
        token = request.POST.get("token", "")
        if upload is not None:
            if upload.size > 64 * 1024:
                context["error"] = _("The file is too large to be a credential from Mentornett.")
                return render(request, "courses/badge_verify.html", context, status=400)
            token = upload.read().decode("utf-8", errors="replace")
        context["token"] = token
        result = verify_jwt(token)
        if result.problem:
            context["error"] = _badge_problem_message(result.problem)
            return render(request, "courses/badge_verify.html", context, status=400)
        record_verification(certificate=result.certificate)
        context.update(
            certificate=result.certificate,
            status=result.certificate.status_on(timezone.localdate()),
        )
    return render(request, "courses/badge_verify.html", context)
