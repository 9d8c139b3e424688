"""Every field of our StreamField blocks is named in the editor. Each block has
a label of its own, and each input that Wagtail leaves unnamed carries it: a
plain input drawn as a whole stream or list item (wagtail/wagtail#11179) and
every rich text editor (wagtail/wagtail#14205). The browser suite checks the
drawn editor with axe (tests/browser/test_editor_pages.py); these tests find
a new unnamed block without a browser."""

import pytest

from django.utils.translation import override

from wagtail import blocks
from wagtail.admin.telepath import registry
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from mentornett.labelled_blocks import LabelledInput

OUR_APPS = {"home", "courses", "events", "network"}


def walk(block, path, bare=False):
    """(path, block, bare) for the block and everything inside it; bare says
    that the editor draws the block as a whole stream or list item."""
    yield path, block, bare
    if isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield from walk(child, f"{path}.{name}", bare=True)
    elif isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block, f"{path}[]", bare=True)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from walk(child, f"{path}.{name}")


def our_blocks():
    """Every block inside our page types' StreamFields. The top of each is
    drawn as the field itself, under the field's name."""
    for model in get_page_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                path = f"{model._meta.label}.{field.name}"
                for item in walk(field.stream_block, path):
                    if item[1] is not field.stream_block:
                        yield item


def unnamed_by_wagtail():
    """The inputs Wagtail draws with no name. A chooser is a button that
    says what it chooses, and needs none."""
    return [
        (path, block)
        for path, block, bare in our_blocks()
        if isinstance(block, blocks.RichTextBlock)
        or (
            bare
            and isinstance(block, blocks.FieldBlock)
            and not isinstance(block, blocks.ChooserBlock)
        )
    ]


def test_every_block_in_our_stream_fields_has_a_label_of_its_own():
    unlabelled = [path for path, block, _bare in our_blocks() if not block.meta.label]
    assert unlabelled == []


def test_the_inputs_wagtail_leaves_unnamed_are_found():
    paths = [path for path, _block in unnamed_by_wagtail()]
    assert "home.GuidePage.body.markdown" in paths
    assert "home.GuidePage.body.checklist.items[]" in paths
    assert "home.GuidePage.body.callout.text" in paths
    assert "events.EventPage.questions.choice_question.options[]" in paths
    assert "courses.LessonPage.body.paragraph" in paths
    assert "home.HomePage.featured_pages.page" not in paths
    assert "home.GuidePage.body.heading.text" not in paths


@pytest.mark.parametrize(
    ("path", "block"), unnamed_by_wagtail(), ids=[path for path, _ in unnamed_by_wagtail()]
)
def test_the_editor_names_the_input_with_the_blocks_label(path, block):
    assert isinstance(block, LabelledInput), (
        f"{path}: Wagtail leaves its input unnamed; use a block with "
        "mentornett.labelled_blocks.LabelledInput among its bases"
    )
    _name, widget, _meta = registry.find_adapter(type(block)).js_args(block)
    with override("nb"):
        label = str(block.label)
        if isinstance(block, blocks.RichTextBlock):
            assert widget.options["ariaLabel"] == label
        else:
            html = widget.render("body-0-value", "", attrs={"id": "body-0-value"})
            assert f'aria-label="{label}"' in html
    assert "aria-label" not in block.field.widget.attrs, "the block's own widget is unchanged"
