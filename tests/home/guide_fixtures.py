"""A guide index with guides, for the guide, search and workflow tests."""

import datetime

import pytest

from django.utils import timezone

from home.models import GuideIndexPage, GuidePage, HomePage
from tests.courses.fixtures import publish


def guide_body(blocks=10):
    """A body of `blocks` blocks that uses every guide block type but files."""
    kinds = [
        ("heading", {"text": "Ansettelse og forsikring", "level": "h2"}),
        ("paragraph", "<p>Studenten må være <b>ansatt</b> i praksisen.</p>"),
        ("markdown", "Bakvakt må være **tilgjengelig** på telefon."),
        (
            "callout",
            {"kind": "warning", "title": "Husk forsikring", "text": "<p>Yrkesskade.</p>"},
        ),
        (
            "faq",
            {
                "title": "Vanlige spørsmål",
                "items": [
                    {"question": "Må studenten være ansatt?", "answer": "<p>Ja, alltid.</p>"},
                    {"question": "Hvem betaler?", "answer": "<p>Arbeidsgiveren.</p>"},
                ],
            },
        ),
        ("checklist", {"title": "Før oppstart", "items": ["Arbeidsavtale", "Forsikring"]}),
        (
            "quote",
            {"text": "Det ga meg trygghet.", "name": "", "role": "Mentee med midlertidig lisens"},
        ),
        ("contact", {"title": "Spørsmål om ordningen?", "text": "Skriv til oss."}),
        ("heading", {"text": "Bakvakt", "level": "h3"}),
        ("heading", {"text": "Ansettelse og forsikring", "level": "h2"}),
    ]
    return [kinds[index % len(kinds)] for index in range(blocks)]


@pytest.fixture
def guide_index(db):
    return publish(HomePage.objects.get(), GuideIndexPage(title="Veiledere", slug="veiledere"))


@pytest.fixture
def make_guide(guide_index):
    def make(slug="ansettelse", title="Ansettelse av studenter", blocks=10, **fields):
        fields.setdefault("last_reviewed", timezone.localdate() - datetime.timedelta(days=30))
        return publish(
            guide_index,
            GuidePage(title=title, slug=slug, lead="Hvorfor studenten må være ansatt.",
                      body=guide_body(blocks), **fields),
        )  # fmt: skip

    return make
