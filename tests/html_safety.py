"""Does a page hold anything a browser would run? The server half of the XSS
tests: parse the HTML as a browser does (tinyhtml5, a WHATWG parser) and list
what could execute. The site's own markup passes: scripts from /static/, JSON
data scripts, the logo and chart SVGs, inline `style` with plain widths."""

import io
import re
from urllib.parse import urlsplit

import tinyhtml5

XHTML = "{http://www.w3.org/1999/xhtml}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
STATIC_URL = "/static/"
OWN_HOSTS = {"", "testserver", "localhost", "127.0.0.1"}
HTTP = {"", "http", "https"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "codebase",
    "dynsrc",
    "lowsrc",
    "srcset",
    "ping",
    "manifest",
    "longdesc",
    "xlink:href",
    # SVG animation can set href to any of these.
    "to",
    "from",
    "values",
    "by",
    XLINK_HREF,
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
# Elements user text must never produce; the site itself uses none of them.
FORBIDDEN = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "portal",
}
# Site markup never contains these words; every payload contains one.
MARKERS = ("__xss", "xss-ran", "alert(")
CSS_DANGER = ("expression", "url(", "javascript", "behavior", "-moz-binding", "@import")
# Browsers drop these anywhere inside a URL scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_CSS_NOISE = re.compile(r"/\*.*?\*/|\\|\s+", re.S)


def _name(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an element."""
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local.lower()
    return "", tag.lower()


def _attribute_name(name: str) -> str:
    if name == XLINK_HREF:
        return name
    return _name(name)[1]


def _own_static(src: str) -> bool:
    """A script from the site's static files: "/static/…", or with the test
    server's own host, as Wagtail's userbar writes it."""
    url = urlsplit(src)
    return (
        url.path.startswith(STATIC_URL) and (url.hostname or "") in OWN_HOSTS and url.scheme in HTTP
    )


def dangerous_url(value: str) -> bool:
    return _URL_NOISE.sub("", value).lower().startswith(BAD_SCHEMES)


def _contains_marker(element) -> bool:
    """Markup from user text inside an SVG or MathML element: a marker in an
    attribute or in a style or script. Text in <title> and <desc> is inert
    (the run charts put indicator names there)."""
    for child in element.iter():
        if not isinstance(child.tag, str):
            continue
        text = " ".join(child.attrib.values())
        if _name(child.tag)[1] in {"style", "script"}:
            text += " " + " ".join(child.itertext())
        if any(marker in text for marker in MARKERS):
            return True
    return False


def findings(html: str) -> list[str]:
    """Everything in the page that could run a script, one line each."""
    found = []
    # A stream, not a str: tinyhtml5 reads a short str that names a file as that file.
    for element in tinyhtml5.parse(io.StringIO(str(html))).iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        namespace, tag = _name(element.tag)
        attrs = {_attribute_name(k): v for k, v in element.attrib.items()}
        where = f"<{tag} {attrs}>"[:300]
        if tag == "script":
            own = _own_static(attrs.get("src", "")) and not (element.text or "").strip()
            data = attrs.get("type", "").lower() in DATA_SCRIPT_TYPES and "src" not in attrs
            if not (own or data) or namespace.endswith("svg"):
                found.append(f"script element {where} {(element.text or '')[:100]!r}")
        if tag in FORBIDDEN:
            found.append(f"forbidden element {where}")
        if tag == "meta" and "http-equiv" in attrs:
            found.append(f"meta http-equiv {where}")
        if tag in {"svg", "math"} and _contains_marker(element):
            found.append(f"{tag} holding user text {where}")
        if tag == "style" and any(
            word in _CSS_NOISE.sub("", (element.text or "").lower())
            for word in (*CSS_DANGER, *MARKERS)
        ):
            found.append(f"style element {(element.text or '')[:100]!r}")
        if tag in {"animate", "set", "handler", "foreignobject", "discard"} and "svg" in namespace:
            found.append(f"SVG animation or foreign content {where}")
        if attrs.get("id") == "xss-ran":
            found.append(f"injected marker element {where}")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"event handler {name} on {where}")
            elif name == "srcdoc":
                found.append(f"srcdoc on {where}")
            elif name in URL_ATTRIBUTES and (
                dangerous_url(value) or (name == "srcset" and "javascript:" in value.lower())
            ):
                found.append(f"{name}={value[:60]!r} on {where}")
            elif name == "style":
                css = _CSS_NOISE.sub("", value.lower())
                if any(word.replace(" ", "") in css for word in CSS_DANGER):
                    found.append(f"style={value[:60]!r} on {where}")
    return found


def assert_nothing_executable(html: str | bytes, where: str = "", *, only_user_text=False) -> None:
    """only_user_text: count only findings that carry a payload's marker, for
    pages whose own markup is not ours to vouch for (the Wagtail admin)."""
    if isinstance(html, bytes):
        html = html.decode()
    found = findings(html)
    if only_user_text:
        found = [line for line in found if "xss" in line or "alert" in line]
    assert not found, f"executable markup in {where}:\n" + "\n".join(found[:20])
