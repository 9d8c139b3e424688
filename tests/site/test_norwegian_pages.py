"""Bokmål that reads right. The main pages are walked in Bokmål, as a visitor
and as each demo role, on the demo world `make run` loads, and their text is
read for what people noticed: English from our own catalogue, "1 timer",
"17. Des 2026", "---------", "Du har vært på 0 arrangementer", "for deg" to a
visitor, "None", amounts written without the money filter, and the typos
"Bekreftelsese-post", "Riktig. Riktig.", "som Mentee" and "eksamen .".

The pages are found by following the links of a few starting pages (the
Wagtail admin by its own URLs, since its menu is drawn by a script), so a new
page is read without being listed here."""

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po

from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import Page

from mentornett.accounts.models import User

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "nb" / "LC_MESSAGES" / "django.po"

PAGES_PER_ROLE = 30
ROLES = {
    None: ["/", "/sok/?q=eksamen", "/konto/login/", "/konto/signup/"],
    "mentor@mentornett.no": ["/min-side/", "/ordningen/soknader/", "/ordningen/mentorhub/"],
    "mentee@mentornett.no": ["/min-side/"],
    "lisens@mentornett.no": ["/min-side/", "/ordningen/soknader/", "/min-side/profil/"],
    "sykepleier@mentornett.no": ["/min-side/", "/mine-team/"],
    "kommune@mentornett.no": ["/min-side/", "/ordningen/kommune/"],
    "arrangor@mentornett.no": ["/min-side/", "/arrangor/"],
    "radgiver@mentornett.no": ["/min-side/"],
    "arrangor2@mentornett.no": ["/min-side/", "/arrangor/"],
    "ordning@mentornett.no": ["/ordningen/rapport/", "/ordningen/behandling/mentorhub/"],
}
SKIPPED_PATHS = ("/konto/logout/", "/dokumenter/", "/media/", "/static/", "/sprak/", "/admin/")

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "label", "legend", "li", "main", "nav", "ol", "option", "p",
    "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")

MONTHS = "Jan|Feb|Mar|Apr|Mai|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Des"
# Plurals that differ from the singular ("krav" and "svar" are both).
NOUNS = (
    "timer|minutter|leksjoner|deltakere|plasser|arrangementer|uker|dager|måneder|"
    "søknader|oppgaver|sider|kommuner"
)
SLIPS = [
    (re.compile(rf"(?<![\d,.])\b1 ({NOUNS})\b"), "a plural after 1"),
    (re.compile(rf"\b\d{{1,2}}\. ({MONTHS})\b"), "a capitalised month"),
    (re.compile(rf"\b({MONTHS}) \d{{4}}\b"), "a capitalised month"),
    (re.compile(r"-{5,}"), "a select without a label for its empty choice"),
    (re.compile(r"\b0 arrangementer\b"), "zero events counted"),
    (re.compile(r"\bNone\b"), "None"),
    (re.compile(r"\bkr\.? ?\d|\b\d{4,} ?kr\b|\bNOK\b"), "an amount without the money filter"),
    (re.compile(r"Bekreftelsese-post"), "a typo"),
    (re.compile(r"\b(\w+)\. \1\."), "a word said twice"),
    (re.compile(r"\bsom (Mentor|Mentee)\b"), "a capitalised role"),
    (re.compile(r"\w \.(\s|$)"), "a space before a full stop"),
]


class PageText(HTMLParser):
    """The text a person reads: text nodes (a space between blocks, none
    between inline elements, as a browser shows them), the attributes a
    screen reader reads, and the labels of the Wagtail admin's menu, which
    arrive as JSON for its script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.headings = []
        self.skipping = 0
        self.json = False
        self.hidden_tag, self.hidden_depth = None, 0
        self.open_headings = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.hidden_tag == tag:
            self.hidden_depth += 1
        elif self.hidden_tag is None and "hidden" in attrs:
            self.hidden_tag, self.hidden_depth = tag, 1
        if tag in ("script", "style", "template"):
            self.skipping += 1
            self.json = tag == "script" and attrs.get("type") == "application/json"
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in HEADINGS:
            self.open_headings.append([])
        if not self.hidden_tag:
            self.parts.extend(f"\n{attrs[name]}\n" for name in READ_ATTRIBUTES if attrs.get(name))

    def handle_endtag(self, tag):
        if tag == self.hidden_tag:
            self.hidden_depth -= 1
            if not self.hidden_depth:
                self.hidden_tag = None
        if tag in ("script", "style", "template"):
            self.skipping = max(0, self.skipping - 1)
            self.json = False
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in HEADINGS and self.open_headings:
            self.headings.append(" ".join("".join(self.open_headings.pop()).split()))

    def handle_data(self, data):
        if self.hidden_tag:
            return
        if self.skipping:
            if self.json:
                self.parts.extend(f"\n{label}\n" for label in _json_labels(data))
            return
        self.parts.append(data)
        for heading in self.open_headings:
            heading.append(data)

    def lines(self):
        text = "".join(self.parts)
        return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _json_labels(data):
    try:
        tree = json.loads(data)
    except ValueError:
        return []
    labels, stack = [], [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            labels.extend(v for k, v in node.items() if k == "label" and isinstance(v, str))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return labels


def read(html):
    parser = PageText()
    parser.feed(html)
    return parser.lines(), parser.headings


def catalogue_patterns():
    """Our msgids that differ in Bokmål, each as a pattern (a placeholder
    matches any short text) with a literal piece to look for first. Very
    short msgids (one word) are left out: "Status" or "Mentor" may be
    Norwegian too."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    patterns = []
    for message in catalogue:
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        string = message.string[0] if isinstance(message.string, tuple) else message.string
        if not msgid or not string or string == msgid:
            continue
        literal = re.sub(r"%\(\w+\)[sd]|\{\w+\}|%%", "\0", msgid)
        pieces = literal.split("\0")
        longest = max(pieces, key=len).strip()
        if len(longest.split()) < 2 or len(longest) < 8:
            continue
        body = ".{1,80}?".join(re.escape(piece.replace("%%", "%")) for piece in pieces)
        patterns.append((longest, re.compile(rf"(?<![\w-]){body}(?![\w-])"), msgid))
    return patterns


def english_left(lines, patterns):
    text = "\n".join(lines)
    return sorted(
        {msgid for longest, pattern, msgid in patterns if longest in text and pattern.search(text)}
    )


def slips(lines, headings, *, anonymous):
    found = []
    for line in lines:
        for pattern, what in SLIPS:
            match = pattern.search(line)
            if match:
                found.append(f"{what}: …{line[max(0, match.start() - 30) : match.end() + 30]}…")
        if anonymous and len(line) < 60 and re.search(r"\bfor deg\s*\W?$", line):
            found.append(f"'for deg' to a visitor: {line[-80:]}")
    if anonymous:
        found += [f"'for deg' to a visitor: {h}" for h in headings if "for deg" in h]
    return found


def problems_on(html, patterns, *, anonymous):
    lines, headings = read(html)
    return [f"English left: {msgid!r}" for msgid in english_left(lines, patterns)] + slips(
        lines, headings, anonymous=anonymous
    )


def links(html):
    found = re.findall(r'href="(/[^"#]*)"', html)
    return [url.replace("&amp;", "&") for url in found]


def walk(client, seeds, *, limit):
    """The HTML pages reachable from the seeds, breadth first, at most `limit`."""
    seen, queue, pages = set(), list(seeds), {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path
        if url in seen or path.startswith(SKIPPED_PATHS) or re.search(r"\.\w{2,4}$", path):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        queue.extend(link for link in links(html) if link not in seen)
    return pages


def admin_urls():
    home = Page.objects.get(depth=2)
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        "/admin/pages/search/?q=kurs",
        "/admin/pages/search/?q=e",
        reverse("wagtailsnippets_network_application:list"),
        reverse("wagtailsnippets_network_mentorhub:list"),
        reverse("wagtailsnippets_network_team:list"),
        reverse("wagtailsnippets_events_eventseries:list"),
    ]


@pytest.fixture
def demo(db):
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())


def test_main_pages_read_as_norwegian(demo, settings):
    # The anonymous page cache would answer a visitor's page from the last
    # language it was made in; these reads want the page itself.
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "PageCache" not in m]
    patterns = catalogue_patterns()
    problems = {}
    for email, seeds in ROLES.items():
        client = Client()
        if email:
            client.force_login(User.objects.get(email=email))
        for url, html in walk(client, seeds, limit=PAGES_PER_ROLE).items():
            found = problems_on(html, patterns, anonymous=email is None)
            if found:
                problems[f"{email or 'visitor'} {url}"] = found
    admin = Client()
    admin.force_login(User.objects.get(email="admin@mentornett.no"))
    for url in admin_urls():
        response = admin.get(url)
        assert response.status_code == 200, url
        found = problems_on(response.content.decode(), patterns, anonymous=False)
        if found:
            problems[f"admin {url}"] = found
    report = "\n".join(f"{where}\n    " + "\n    ".join(found) for where, found in problems.items())
    assert problems == {}, report
