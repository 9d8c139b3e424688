"""Hostile text: XSS payloads for every field that renders what a person wrote.

Each payload, if a browser ever ran it, calls alert() AND leaves a marker, so a
test can see it either way: `window.__xss` is set, or an element with id
`xss-ran` appears. The server tests (tests/site/test_xss.py) and the browser
tests (tests/browser/test_xss.py) share this list; tests/html_safety.py is the
checker both use.

Kinds: script, handler, url, svg, css, malformed, template, markdown, encoded.
"template" and "encoded" payloads are inert as HTML; they would only run if some
layer evaluated template syntax or decoded the text twice.
"""

from base64 import b64encode
from dataclasses import dataclass

# What every payload runs: a dialog plus a marker (no spaces or quotes, so it
# fits unquoted attributes and Markdown link targets).
JS = "alert(1);window.__xss=1"
JS_DOM = "alert(2);document.body.append(Object.assign(document.createElement(`b`),{id:`xss-ran`}))"
MARKERS = ("__xss", "xss-ran")  # also in tests/html_safety.py

_HTML_B64 = b64encode(f"<script>{JS}</script>".encode()).decode()
_JS_B64 = b64encode(JS.encode()).decode()
_SVG_B64 = b64encode(
    f'<svg xmlns="http://www.w3.org/2000/svg" onload="{JS}"><script>{JS}</script></svg>'.encode()
).decode()


@dataclass(frozen=True)
class Payload:
    kind: str
    text: str

    def __str__(self):
        return self.text


def _kind(kind, *texts):
    return [Payload(kind, text) for text in texts]


SCRIPT_TAGS = _kind(
    "script",
    f"<script>{JS}</script>",
    f"<SCRIPT>{JS}</SCRIPT>",
    f"<ScRiPt>{JS_DOM}</sCrIpT>",
    f"<script >{JS}</script >",
    f"<script>{JS}</script",
    f"<script>{JS}//",
    f"<script/xss>{JS}</script>",
    f"<script\n>{JS}</script\n>",
    f'<script type="text/javascript">{JS}</script>',
    f"<script type=module>{JS_DOM}</script>",
    f"<script src=data:text/javascript,{JS}></script>",
    f"<script src=data:text/javascript;base64,{_JS_B64}></script>",
    f"<script x='>'>{JS}</script>",
    f"<<script>{JS};//<</script>",
    f'"><script>{JS}</script>',
    f"'><script>{JS}</script>",
    f"</script><script>{JS}</script>",
    f'<a title="</a><script>{JS}</script>">x</a>',
    f"<script>/*</script><script>*/{JS}</script>",
    f"<script\t>{JS_DOM}</script>",
)

HANDLERS = _kind(
    "handler",
    f"<img src=x onerror={JS}>",
    f"<IMG SRC=x OnErRoR={JS}>",
    f'<img src=x onerror="{JS_DOM}">',
    f"<img src='x' onerror='{JS}'>",
    f"<img/src=x/onerror={JS}>",
    f"<img src=x onerror\n={JS}>",
    f"<img src onerror={JS}>",
    f"<img src=x onerror=eval(atob(`{_JS_B64}`))>",
    "<img src=x onerror=&#97;lert(1);window.__xss=1>",
    "<img src=x onerror=window[`al`+`ert`](1);window.__xss=1>",
    f"<svg onload={JS}>",
    f"<svg/onload={JS}>",
    f"<body onload={JS}>",
    f"<body onpageshow={JS_DOM}>",
    f"<details open ontoggle={JS}>",
    f"<video src=x onerror={JS}></video>",
    f"<video><source onerror={JS}></video>",
    f"<audio src=x onerror={JS}>",
    f"<input autofocus onfocus={JS}>",
    f"<select autofocus onfocus={JS}></select>",
    f"<textarea autofocus onfocus={JS}></textarea>",
    f"<button autofocus onfocus={JS_DOM}>x</button>",
    f"<xss id=x tabindex=1 autofocus onfocus={JS}></xss>",
    f'<div onmouseover={JS} style="position:fixed;inset:0">x</div>',
    f"<a onmouseover={JS}>hover</a>",
    f"<marquee onstart={JS}>x</marquee>",
    f"<object data=x onerror={JS}></object>",
    f"<iframe onload={JS}></iframe>",
    f"<input type=image src=x onerror={JS}>",
    f"<image src=x onerror={JS}>",
    f"<picture><source srcset=x><img src=x onerror={JS}></picture>",
    f"<link rel=stylesheet href=x onerror={JS}>",
    f"<img src=x onerror={JS}",
    f'<iframe srcdoc="&lt;script&gt;parent.{JS}&lt;/script&gt;"></iframe>',
)

URLS = _kind(
    "url",
    f'<a href="javascript:{JS}">x</a>',
    f'<a href="JaVaScRiPt:{JS}">x</a>',
    f'<a href=" javascript:{JS}">x</a>',
    f'<a href="java\tscript:{JS}">x</a>',
    f'<a href="java\nscript:{JS}">x</a>',
    f'<a href="java&#x09;script:{JS}">x</a>',
    f'<a href="&#106;avascript:{JS}">x</a>',
    f'<a href="&#x6A;avascript:{JS}">x</a>',
    f'<a href="&#0000106avascript:{JS}">x</a>',
    f'<a href="javascript&colon;{JS}">x</a>',
    f'<a href="javascript&#58;{JS}">x</a>',
    f'<a href="&#1;javascript:{JS}">x</a>',
    f'<a href="javascript://%0a{JS}">x</a>',
    '<a href="vbscript:alert(1):window.__xss=1">x</a>',
    f'<a href="data:text/html,<script>{JS}</script>">x</a>',
    f'<a href="data:text/html;base64,{_HTML_B64}">x</a>',
    f'<iframe src="data:text/html;base64,{_HTML_B64}"></iframe>',
    f'<iframe src="javascript:{JS}"></iframe>',
    f'<object data="javascript:{JS}"></object>',
    f'<embed src="javascript:{JS}">',
    f'<form action="javascript:{JS}"><button>x</button></form>',
    f'<button form=f formaction="javascript:{JS}">x</button>',
    f'<math><a xlink:href="javascript:{JS}">x</a></math>',
    f'<base href="javascript:{JS}//">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{JS}">',
    f'<meta http-equiv="refresh" content="0;url=data:text/html;base64,{_HTML_B64}">',
    f'<img src="javascript:{JS}">',
    f'<a href="java&NewLine;script:{JS}">x</a>',
)

SVG = _kind(
    "svg",
    f"<svg><script>{JS}</script></svg>",
    f'<svg><script href="data:text/javascript,{JS}"/></svg>',
    f'<svg><use href="data:image/svg+xml;base64,{_SVG_B64}#x"/></svg>',
    f"<svg><use xlink:href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>"
    f"<image href='x' onerror='{JS}'/></svg>#x\"/></svg>",
    f'<svg><a xlink:href="javascript:{JS}"><text x="20" y="20">x</text></a></svg>',
    f'<svg><a><animate attributeName="href" values="javascript:{JS}"/>'
    '<text x="20" y="20">x</text></a></svg>',
    f'<svg><a><set attributeName="href" to="javascript:{JS}"/><text y="20">x</text></a></svg>',
    f'<svg><animate onbegin={JS} attributeName="x" dur="1s"/></svg>',
    f"<svg><foreignObject><img src=x onerror={JS}></foreignObject></svg>",
    f"<svg><image href=x onerror={JS}></image></svg>",
    f"<svg><style><img src=x onerror={JS}></style></svg>",
    f"<svg><desc><![CDATA[</desc><script>{JS}</script>]]></desc></svg>",
    f"<svg><discard onbegin={JS}></discard></svg>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={JS}></style></mglyph></table>"
    "</mtext></math>",
    f"<math><maction actiontype=statusline xlink:href=javascript:{JS}>x</maction></math>",
    f'<svg></p><style><a id="</style><img src=1 onerror={JS}>"></a></style></svg>',
)

CSS = _kind(
    "css",
    f'<div style="width:expression({JS})">x</div>',
    f'<div style="background:url(javascript:{JS})">x</div>',
    f"<div style=\"background-image:url('javascript:{JS}')\">x</div>",
    f"<style>@import 'javascript:{JS}';</style>",
    f'<style>body{{background:url("javascript:{JS}")}}</style>',
    f"<style>*{{x:expression({JS})}}</style>",
    f'<link rel="stylesheet" href="javascript:{JS}">',
    f'<div style="behavior:url(javascript:{JS})">x</div>',
    f'<div style="x:\\65xpression({JS})">x</div>',
    f'<div style="x:exp/**/ression({JS})">x</div>',
    f'<p style="background:url(&#106;avascript:{JS})">x</p>',
    f"<STYLE>@im\\port'\\ja\\vasc\\ript:{JS}';</STYLE>",
    f"<style></style><img src=x onerror={JS}>",
)

MALFORMED = _kind(
    "malformed",
    f"<scr<script>ipt>{JS}</scr</script>ipt>",
    f"<scr<script>ipt>{JS}</script>",
    f"<<img src=x onerror={JS}>>",
    f"<!--<script>{JS}</script>-->",
    f"<!--><script>{JS}</script>-->",
    f"<!---><img src=x onerror={JS}>-->",
    f"<!-- --!><script>{JS}</script>",
    f"<![CDATA[<script>{JS}</script>]]>",
    f"<![CDATA[><img src=x onerror={JS}>]]>",
    f"</textarea><script>{JS}</script>",
    f"</title><img src=x onerror={JS}>",
    f"</noscript><img src=x onerror={JS}>",
    f'<noscript><p title="</noscript><img src=x onerror={JS}>"></noscript>',
    f"</style><script>{JS}</script>",
    f'<xmp><p title="</xmp><img src=x onerror={JS}>"></xmp>',
    f'<noembed><img title="</noembed><img src=x onerror={JS}>"></noembed>',
    f'<textarea><img title="</textarea><img src=x onerror={JS}>"></textarea>',
    f'"><img src=x onerror={JS}>',
    f"'><img src=x onerror={JS}>",
    f'" autofocus onfocus="{JS}" x="',
    f"' autofocus onfocus='{JS}' x='",
    f'<a href="https://example.no" title="</a><img src=x onerror={JS}>">x</a>',
    f'<img """><script>{JS}</script>">',
    f"<div <img src=x onerror={JS}>>",
    f"<form><math><mtext></form><form><mglyph><style></math><img src onerror={JS}>",
    f"<table><td><img src=x onerror={JS}></td></table>",
    f"<!-- unclosed comment <script>{JS}</script>",
)

TEMPLATE = _kind(
    "template",
    f"{{{{ '<script>{JS}</script>'|safe }}}}",
    f"{{% autoescape off %}}<script>{JS}</script>{{% endautoescape %}}",
    f"{{{{constructor.constructor('{JS}')()}}}}",
    f"{{% filter safe %}}<img src=x onerror={JS}>{{% endfilter %}}",
    "${alert(1);window.__xss=1}",
    f"#{{{JS}}} [[${{{JS}}}]]",
)

MARKDOWN = _kind(
    "markdown",
    f"[x](javascript:{JS})",
    f"[x](JaVaScRiPt:{JS})",
    f"[x]( javascript:{JS})",
    f"[x](javascript&#58;{JS})",
    f"[x](javascript&colon;{JS})",
    f"[x](&#x6A;avascript:{JS})",
    f"[x](javascript:{JS} 'title')",
    "[x](vbscript:alert(1):window.__xss=1)",
    f"[x](data:text/html;base64,{_HTML_B64})",
    f"![x](javascript:{JS})",
    f"![x](data:image/svg+xml;base64,{_SVG_B64})",
    f'![x" onerror="{JS}](https://example.no/a.png)',
    f'![x](https://example.no/a.png"onerror="{JS})',
    f"[x][r]\n\n[r]: javascript:{JS}",
    f"[x][r]\n\n[r]: <javascript:{JS}>",
    f'[x][r]\n\n[r]: https://example.no "t\\" onmouseover=\\"{JS}"',
    f'[x](https://example.no "a\\" onmouseover=\\"{JS}")',
    f"[x](https://example.no 'a\\' onmouseover=\\'{JS}')",
    f"<javascript:{JS}>",
    f"<JAVASCRIPT:{JS}>",
    f"<data:text/html;base64,{_HTML_B64}>",
    f"[<img src=x onerror={JS}>](https://example.no)",
    f"`<script>{JS}</script>`",
    f"    <script>{JS}</script>",
    f"```\n<script>{JS}</script>\n```",
    f'<div markdown="1">[x](javascript:{JS})</div>',
    f'<div markdown="1"><img src=x onerror={JS}></div>',
    f"*<img src=x onerror={JS}>*",
    "[x](javascript:%61lert(1);window.__xss=1)",
    f"[![x](https://example.no/a.png)](javascript:{JS})",
    f'[x](https://example.no){{: onclick="{JS}" }}',
    f'[x](https://example.no){{: href="javascript:{JS}" }}',
    f'# Title {{: onmouseover="{JS}" }}',
    f"x[^1]\n\n[^1]: <img src=x onerror={JS}>",
    f"| a |\n|---|\n| <img src=x onerror={JS}> |",
    f"javascript:{JS}",
    f'https://example.no/"><img src=x onerror={JS}>',
    f'www.example.no/"onmouseover="{JS}"',
    f'[x](#" onmouseover="{JS})',
    f"[x](java\tscript:{JS})",
)

ENCODED = _kind(
    "encoded",
    f"&lt;script&gt;{JS}&lt;/script&gt;",
    f"%3Cscript%3E{JS}%3C%2Fscript%3E",
    f"\\u003cscript\\u003e{JS}\\u003c/script\\u003e",
    f"\uff1cscript\uff1e{JS}\uff1c/script\uff1e",
    f"&amp;lt;img src=x onerror={JS}&amp;gt;",
)

PAYLOADS: list[Payload] = (
    SCRIPT_TAGS + HANDLERS + URLS + SVG + CSS + MALFORMED + TEMPLATE + MARKDOWN + ENCODED
)
assert len({p.text for p in PAYLOADS}) == len(PAYLOADS), "payloads must be distinct"


def batches(limit: int, payloads=PAYLOADS) -> list[str]:
    """The payloads packed into as few texts as fit `limit` characters, each
    payload its own paragraph. For fields that hold one text per object."""
    texts, current = [], ""
    for payload in payloads:
        joined = f"{current}\n\n{payload.text}" if current else payload.text
        if len(joined) <= limit:
            current = joined
            continue
        if current:
            texts.append(current)
        current = payload.text[:limit]
    if current:
        texts.append(current)
    return texts


def short(limit: int) -> list[Payload]:
    """The payloads that fit a short field (a name, a note) whole, each with a
    marker a test can find on the page."""
    return [p for p in PAYLOADS if len(p.text) <= limit and any(m in p.text for m in MARKERS)]
