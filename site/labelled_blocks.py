"""Field blocks whose input is named by the block's own label.

Wagtail's editor leaves two kinds of StreamField input without a name, so a
screen reader announces "edit text" and nothing more:

- a field block that is a whole stream or list item (a Markdown block, one
  point of a checklist) is drawn under a heading with no <label> tied to it
  (wagtail/wagtail#11179); inside a StructBlock it gets a <label for>;
- a rich text editor is never named, even under a <label>, since the label
  points at the hidden input behind it (wagtail/wagtail#14205).

A block with ``LabelledInput`` among its bases names its input with its label
wherever it is drawn: ``aria-label`` on a plain input, Draftail's ``ariaLabel``
option on a rich text editor.
"""

import copy

from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.field_block import FieldBlockAdapter


class LabelledInput:
    """Mixin for a FieldBlock: the editor names its input with the block's label."""


class LabelledInputAdapter(FieldBlockAdapter):
    def js_args(self, block):
        name, widget, meta = super().js_args(block)
        widget = copy.copy(widget)
        label = str(block.label)  # in the editor's language
        if isinstance(block, blocks.RichTextBlock):
            # Draftail, the rich text editor, hands its options to the editor
            # it draws, ariaLabel included.
            widget.options = {**widget.options, "ariaLabel": label}
        else:
            widget.attrs = {**widget.attrs, "aria-label": label}
        return [name, widget, meta]


register(LabelledInputAdapter(), LabelledInput)


class LabelledCharBlock(LabelledInput, blocks.CharBlock):
    """One line of text, e.g. a list item."""


class LabelledRichTextBlock(LabelledInput, blocks.RichTextBlock):
    """Rich text in Wagtail's Draftail editor."""


# Only the editor's input differs from Wagtail's blocks, so migrations record
# Wagtail's classes: naming an input needs no migration.
DECONSTRUCT_ALIASES = {
    LabelledCharBlock: "wagtail.blocks.CharBlock",
    LabelledRichTextBlock: "wagtail.blocks.RichTextBlock",
}
