"""The only path from text a person wrote to HTML on a page.

Markdown is rendered, then cleaned by bleach with one allow-list; anything not
on the list is escaped or dropped. Templates use the `markdown` filter, which
calls render_markdown; nothing else may mark user text safe."""

import functools

import bleach
import markdown as markdown_lib
from bleach.css_sanitizer import CSSSanitizer

from django.utils.safestring import SafeString, mark_safe

# No images: they load from anywhere and often lack alternative text. Editors
# add images with the image block, which requires alt text.
ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
        "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a",
        "table", "thead", "tbody", "tr", "th", "td", "del", "sup", "sub",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "th": ["align"],
    "td": ["align"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})
MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "nl2br"]


# Headings in user text start at h2: the page owns the single h1.
def _shift_headings(html: str) -> str:
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>")
        html = html.replace(f"</h{level}>", f"</h{level + 1}>")
    return html


def _link_attributes(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if href.startswith(("http://", "https://")):
        attrs[(None, "rel")] = "nofollow noopener"
    return attrs


def render_markdown(text: str | None) -> SafeString:
    if not text:
        return mark_safe("")  # noqa: S308 - empty string  # nosec B308
    # Safe: the HTML passed bleach's allow-list; this is the one mark_safe
    # for user-written text in the project.
    return mark_safe(_clean_html(text))  # noqa: S308 - bleach-cleaned  # nosec B308 B703


# Rendering and cleaning costs milliseconds and depends on the text alone, so
# each worker keeps the last texts it rendered (lesson and guide blocks repeat).
@functools.lru_cache(maxsize=2048)
def _clean_html(text: str) -> str:
    html = markdown_lib.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(allowed_css_properties=[]),
    )
    cleaned = _shift_headings(cleaned)
    return bleach.linkify(
        cleaned, callbacks=[_link_attributes], skip_tags={"pre", "code"}, parse_email=False
    )
