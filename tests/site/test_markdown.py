import pytest

from mentornett.markdown import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("**viktig** og *kursiv*\n\n- en\n- to")
    assert "<strong>viktig</strong>" in html
    assert "<em>kursiv</em>" in html
    assert "<li>en</li>" in html


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klikk](javascript:alert(1))",
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        "<svg onload=alert(1)>",
        '<div style="background:url(javascript:alert(1))">x</div>',
        "![x](javascript:alert(1))",
        "<iframe src=//evil.example></iframe>",
    ],
)
def test_nothing_executable_survives(payload):
    html = render_markdown(payload).lower()
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html and "onload" not in html
    assert "<iframe" not in html and "<svg" not in html
    assert "data:text" not in html
    assert "style=" not in html


def test_headings_start_below_the_page_title():
    html = render_markdown("# Tittel\n\n## Under")
    assert "<h2>Tittel</h2>" in html
    assert "<h3>Under</h3>" in html
    assert "<h1" not in html


def test_external_links_get_nofollow_noopener():
    html = render_markdown("[Veterinærforeningen](https://www.vetnett.no)")
    assert 'href="https://www.vetnett.no"' in html
    assert 'rel="nofollow noopener"' in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_images_in_user_text_are_dropped():
    html = render_markdown("![kart](https://tracker.example/pixel.png) og <img src=x>")
    assert "<img" not in html
    assert "og" in html
