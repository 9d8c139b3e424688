from django.http import Http404

from wagtail import hooks

from .documents import may_view_document


@hooks.register("before_serve_document")
def serve_documents_only_where_their_pages_are_seen(document, request):
    """A document nobody may see is not found (see mentornett.documents)."""
    if not may_view_document(request, document):
        raise Http404


@hooks.register("register_admin_viewset")
def register_lockouts():
    from . import lockouts

    return lockouts.register()
