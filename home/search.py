"""Site search across guides, courses, events, learning networks and the
site's other pages, with an excerpt around the words found. The database
search backend does the matching: SQLite in development, PostgreSQL full-text
search with Norwegian stemming in production (settings.WAGTAILSEARCH_BACKENDS)."""

import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search import index

from courses.models import Audience as CourseAudience
from courses.models import CoursePage
from events.models import EventAudience, EventPage
from network.models import LearningNetworkPage, SchemePage

from .models import AUDIENCE_FIELDS, GuideAudience, GuidePage, StandardPage

RESULTS_PER_PAGE = 10
EXCERPT_LENGTH = 220
MAX_QUERY_LENGTH = 200

KINDS = {
    "guide": (_("Guides"), (GuidePage,)),
    "course": (_("Courses"), (CoursePage,)),
    "event": (_("Events"), (EventPage,)),
    "network": (_("Learning networks"), (LearningNetworkPage,)),
    "page": (_("Other pages"), (StandardPage, SchemePage)),
}
KIND_OF_MODEL = {model: kind for kind, (_label, models) in KINDS.items() for model in models}


@dataclass(frozen=True)
class Hit:
    page: Page
    kind: str
    kind_label: str
    title: str
    excerpt: str


def _audience_pages(audience: str) -> list[int]:
    """The ids of the pages meant for an audience."""
    course_audience = {
        GuideAudience.MENTOR: [CourseAudience.MENTOR, CourseAudience.EVERYONE],
        GuideAudience.MENTEE: [CourseAudience.MENTEE, CourseAudience.EVERYONE],
    }.get(audience, [])
    event_audience = {
        GuideAudience.MENTOR: [EventAudience.MENTORS, EventAudience.SIGNED_IN],
        GuideAudience.MENTEE: [EventAudience.MENTEES, EventAudience.SIGNED_IN],
        GuideAudience.MUNICIPALITY: [EventAudience.NETWORK],
    }.get(audience, [])
    ids = set(GuidePage.objects.filter(**{AUDIENCE_FIELDS[audience]: True}).values_list("pk"))
    ids |= set(CoursePage.objects.filter(audience__in=course_audience).values_list("pk"))
    ids |= set(EventPage.objects.filter(audience__in=event_audience).values_list("pk"))
    if audience == GuideAudience.MUNICIPALITY:
        ids |= set(LearningNetworkPage.objects.values_list("pk"))
    return [pk for (pk,) in ids]


def search_pages(query: str, *, kind: str = "", audience: str = "", page_number=1):
    """A page of Hits for what a visitor typed. Only live, public pages are
    searched; members-only pages and course lessons are not."""
    # Double quotes would make a phrase query: SQLite's full-text search fails
    # on an unbalanced one or on a phrase holding "/" (a 503 for what a
    # visitor typed), and the page does not offer phrase search.
    query = " ".join(query.replace('"', " ").split())[:MAX_QUERY_LENGTH]
    models = KINDS[kind][1] if kind in KINDS else tuple(KIND_OF_MODEL)
    pages = Page.objects.live().public().type(*models)
    if audience in AUDIENCE_FIELDS:
        pages = pages.filter(pk__in=_audience_pages(audience))
    results = pages.search(query) if query else pages.none()
    paginated = Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
    specific = Page.objects.filter(pk__in=[page.pk for page in paginated]).specific()
    by_pk = {page.pk: page for page in specific}
    terms = search_terms(query)
    paginated.object_list = [
        _hit(by_pk[page.pk], terms) for page in paginated.object_list if page.pk in by_pk
    ]
    return paginated


def search_terms(query: str) -> list[str]:
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def _hit(page, terms) -> Hit:
    kind = KIND_OF_MODEL.get(type(page), "page")
    return Hit(
        page=page,
        kind=kind,
        kind_label=KINDS[kind][0],
        title=highlight(page.title, terms),
        excerpt=excerpt(searchable_text(page), terms),
    )


def searchable_text(page) -> str:
    """The text search looks at, as plain text: the page's search fields."""
    parts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        value = getattr(page, field.field_name)
        model_field = page._meta.get_field(field.field_name)
        if hasattr(model_field, "get_searchable_content"):
            parts.extend(str(item) for item in model_field.get_searchable_content(value))
        elif value:
            parts.append(str(value))
    return " ".join(strip_tags(" ".join(parts)).split())


# Common Bokmål endings, longest first: enough to mark "mentor" when someone
# searched "mentorene", close to what PostgreSQL's Norwegian stemmer matched.
ENDINGS = ("hetene", "elsene", "ene", "ane", "ers", "er", "en", "et", "a", "e", "s")


def stem(term: str) -> str:
    for ending in ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= 4:
            return term[: -len(ending)]
    return term


def _term_pattern(terms):
    stems = sorted({stem(term) for term in terms}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.I)


def highlight(text: str, terms) -> str:
    """Escaped text with the words found in <mark>."""
    if not terms:
        return escape(text)
    pattern = _term_pattern(terms)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    # Safe: every piece of the text was escaped above.
    return mark_safe("".join(pieces))  # noqa: S308 - escaped above  # nosec B308 B703


def excerpt(text: str, terms) -> str:
    """About EXCERPT_LENGTH characters around the first word found."""
    match = _term_pattern(terms).search(text) if terms else None
    start = 0 if match is None else max(0, match.start() - EXCERPT_LENGTH // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + EXCERPT_LENGTH
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    snippet = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return format_html("{}{}{}", prefix, highlight(snippet, terms), suffix)
