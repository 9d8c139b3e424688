"""A guide as a PDF, for reading offline or printing on a farm without
coverage. Made on request from the published page and cached per version."""

import mimetypes

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language


def _local_files_only(url):
    """WeasyPrint may read the site's own media, nothing from the network."""
    from weasyprint.urls import URLFetchingError

    if not url.startswith(settings.MEDIA_URL):
        raise URLFetchingError(f"Not a media file: {url}")
    name = url.removeprefix(settings.MEDIA_URL)
    with default_storage.open(name) as handle:
        return {"string": handle.read(), "mime_type": mimetypes.guess_type(name)[0]}


def render_guide_pdf(page, request) -> bytes:
    from weasyprint import HTML

    context = page.get_context(request)
    html = render_to_string("home/guide_pdf.html", context, request=request)
    return HTML(string=html, url_fetcher=_local_files_only).write_pdf()


def guide_pdf_response(page, request):
    key = f"guide-pdf:{page.pk}:{page.latest_revision_id}:{get_language()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_guide_pdf(page, request)
        cache.set(key, pdf, 24 * 3600)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.pdf"'
    return response
