from .services import acting_as


class AuditActorMiddleware:
    """Makes the signed-in person the actor of audit rows written during the
    request by code that is not told who acts (group changes in the Wagtail
    user editor, a cancellation). Runs after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None:
            return self.get_response(request)
        with acting_as(user):
            return self.get_response(request)
