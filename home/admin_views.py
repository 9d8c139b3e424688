"""Editors' pages in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from .models import REVIEW_INTERVAL, GuidePage
from .permissions import can_view_review_report


def guides_due_for_review(request):
    """Guides nobody has checked for twelve months, the oldest first."""
    if not can_view_review_report(request.user):
        raise PermissionDenied
    cutoff = timezone.localdate() - REVIEW_INTERVAL
    guides = GuidePage.objects.filter(last_reviewed__lt=cutoff).order_by("last_reviewed", "title")
    return render(
        request, "home/admin/guides_due_for_review.html", {"guides": guides, "cutoff": cutoff}
    )
