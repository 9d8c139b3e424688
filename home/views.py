from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from courses.models import CourseIndexPage
from courses.selectors import dashboard_courses, my_certificates
from events.models import EventIndexPage
from events.selectors import dashboard_events
from network.scheme.permissions import SCHEME_PROFESSIONS
from network.scheme.selectors import dashboard_applications
from network.selectors import dashboard_teams, review_queue_count

from .forms import GalleryExampleForm, SearchForm
from .models import GuideAudience
from .next_steps import next_steps
from .permissions import can_view_component_gallery
from .search import KINDS, search_pages
from .selectors import dashboard_profile, live_pages_of_type, profile_checklist


@login_required
def dashboard(request):
    """ "Min side": the signed-in person's own overview, with what to do next first."""
    user = request.user
    profile = dashboard_profile(user=user)
    checklist = profile_checklist(user=user, profile=profile)
    course_entries, retired_enrolments = dashboard_courses(user=user, profile=profile)
    team_entries, advised_teams = dashboard_teams(user=user)
    waiting_reviews = review_queue_count(user=user) if advised_teams else 0
    application_entries = dashboard_applications(user=user)
    events = dashboard_events(user=user)
    steps = next_steps(
        user=user,
        profile=profile,
        checklist=checklist,
        course_entries=course_entries,
        events=events,
        team_entries=team_entries,
        application_entries=application_entries,
        waiting_reviews=waiting_reviews,
    )
    # Only the empty states link to the course catalogue and the event list.
    index_pages = SimpleLazyObject(lambda: live_pages_of_type(CourseIndexPage, EventIndexPage))
    return render(
        request,
        "home/dashboard.html",
        {
            "profile": profile,
            "next_steps": steps,
            "course_entries": course_entries,
            "retired_enrolments": retired_enrolments,
            "certificates": my_certificates(user=user),
            "course_index": lambda: index_pages.get(CourseIndexPage),
            "event_index": lambda: index_pages.get(EventIndexPage),
            "for_vets": profile.profession in SCHEME_PROFESSIONS,
            "checklist": checklist,
            "checklist_done": sum(1 for item in checklist if item.done),
            "team_entries": team_entries,
            "advised_teams": advised_teams,
            "waiting_reviews": waiting_reviews,
            "application_entries": application_entries,
            "is_municipality_contact": profile.is_municipality_contact,
            **events,
        },
    )


@login_required
def component_gallery(request):
    """Every shared component with example data, for editors and developers, and
    for the browser suite's accessibility check of the components themselves."""
    if not can_view_component_gallery(request.user):
        raise Http404
    form = GalleryExampleForm(data={"name": "", "email": "ikke-en-adresse", "note": "Tekst"})
    form.is_valid()
    page_obj = Paginator(list(range(1, 61)), 20).get_page(request.GET.get("page", 2))
    return render(
        request,
        "home/component_gallery.html",
        {
            "form": form,
            "page_obj": page_obj,
            "table_headers": [_("Municipality"), _("County"), _("Status")],
            "table_rows": [
                [{"text": "Tynset", "url": "#tynset"}, "Innlandet", _("Submitted")],
                [{"text": "Sarpsborg", "url": "#sarpsborg"}, "Østfold", _("Not started")],
            ],
        },
    )


def search(request):
    """Site search. Bad input (an unknown type, a very long query) shows a
    message beside the field and keeps what was typed."""
    form = SearchForm(
        request.GET or None,
        kinds=[(kind, label) for kind, (label, _models) in KINDS.items()],
        audiences=GuideAudience.choices,
    )
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        results = search_pages(
            form.cleaned_data["q"],
            kind=form.cleaned_data["type"],
            audience=form.cleaned_data["audience"],
            page_number=request.GET.get("page", 1),
        )
    return render(request, "home/search.html", {"form": form, "results": results})
