"""The language a request is served in, decided by one rule: the signed-in
person's own choice, then the language cookie, then the browser's
Accept-Language, then Bokmål (LANGUAGE_CODE)."""

from django.conf import settings
from django.utils import translation

from .models import Language


def language_for(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.preferred_language in Language.values:
        return user.preferred_language
    # The cookie, then Accept-Language, then LANGUAGE_CODE: LocaleMiddleware's reading.
    return translation.get_language_from_request(request)


def serve_in(request, language: str) -> None:
    """Everything the request composes from here on (the page, flash messages,
    e-mail sent in the page's language) is in `language`."""
    translation.activate(language)
    request.LANGUAGE_CODE = language


def set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
