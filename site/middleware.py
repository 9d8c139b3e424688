from django.utils import translation

from mentornett.accounts.models import Language


class PreferredLanguageMiddleware:
    """A signed-in person sees the site in the language they chose, on any device.
    Runs after AuthenticationMiddleware; LocaleMiddleware handles everyone else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = user.preferred_language
            if language in Language.values and language != request.LANGUAGE_CODE:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
