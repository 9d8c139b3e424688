"""Bad editor input is refused, or neutralised, with a clear message."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import GuideBodyBlock, ImageBlock, MarkdownBlock
from home.content_checks import internal_path_exists

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Hei <script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klikk](javascript:alert(1))",
        "<iframe src='https://example.com'></iframe>",
    ],
)
def test_markdown_with_a_script_is_refused_with_a_message(text):
    with pytest.raises(ValidationError, match="Markdown kan ikke inneholde skript"):
        MarkdownBlock().clean(text)


def test_markdown_linking_to_a_page_that_does_not_exist_is_refused(make_guide):
    guide = make_guide()
    with pytest.raises(ValidationError, match="Lenken /veiledere/finnes-ikke/ går ikke til noen"):
        MarkdownBlock().clean("Les [veilederen](/veiledere/finnes-ikke/).")
    text = f"Les [veilederen]({guide.url}) og [Min side](/min-side/)."
    assert MarkdownBlock().clean(text) == text


def test_a_link_to_a_draft_page_counts_as_broken(make_guide):
    guide = make_guide()
    guide.unpublish()
    assert not internal_path_exists(guide.url)
    assert internal_path_exists("/")
    assert not internal_path_exists("/finnes/ikke/")


def test_an_image_without_alternative_text_is_refused():
    image = Image.objects.create(title="Fjøs", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        ImageBlock().clean({"image": image, "alt_text": "", "caption": ""})
    assert "alt_text" in error.value.block_errors


def test_a_guide_body_reports_the_block_that_is_wrong():
    block = GuideBodyBlock()
    value = block.to_python(
        [
            {"type": "markdown", "value": "Trygt"},
            {"type": "markdown", "value": "<script>x</script>"},
        ]
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert list(error.value.block_errors) == [1]


def test_markdown_that_slips_past_is_still_cleaned_when_shown(client, make_guide):
    guide = make_guide()
    # Written straight to the database, past the editor's form.
    guide.body = [("markdown", "**fet** <script>alert(1)</script>")]
    guide.save_revision().publish()
    html = client.get(guide.url).content.decode()
    assert "<strong>fet</strong>" in html
    assert "<script>alert(1)" not in html
