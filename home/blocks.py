"""Generic content blocks shared by every page type. Domain blocks live in
their own app (courses/blocks.py, …)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from mentornett.labelled_blocks import LabelledCharBlock, LabelledInput, LabelledRichTextBlock

from .content_checks import markdown_problems


class HeadingBlock(blocks.StructBlock):
    """A section heading; the page title is the only h1, so levels start at 2."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        search_index=False,  # "Heading 2" is no word a reader searches for
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading_block.html"
        preview_value = {"text": "Slik søker dere", "level": "h2"}
        description = _("A section heading.")


class MarkdownBlock(LabelledInput, blocks.TextBlock):
    """Text written in Markdown, rendered through the site's one cleaning path.
    Its textarea is named "Markdown": it stands alone in a StreamField."""

    class Meta:
        icon = "code"
        label = _("Markdown")
        template = "components/blocks/markdown_block.html"
        preview_value = "**Mentorordningen** gir trygghet, faglig støtte og kollegialitet."
        description = _("Text written in Markdown: **bold**, *italic*, lists and links.")

    def clean(self, value):
        value = super().clean(value)
        problems = markdown_problems(value)
        if problems:
            raise ValidationError(" ".join(problems))
        return value


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for a tip or a warning."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Warning")), ("tip", _("Tip"))],
        default="info",
        search_index=False,
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = LabelledRichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "components/blocks/callout_block.html"
        preview_value = {
            "kind": "info",
            "title": "Husk kursbeviset",
            "text": "<p>Både mentor og mentee må ha fullført sitt kurs før dere søker.</p>",
        }
        description = _("A highlighted box for information, a tip or a warning.")


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image_block.html"
        description = _("An image with alternative text and an optional caption.")


class DocumentBlock(blocks.StructBlock):
    """A document to download, with a plain-language title."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=150)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document_block.html"
        description = _("A document people can download.")


class EntryPointBlock(blocks.StructBlock):
    """A large card that sends a visitor to the right place: "I am a mentor"."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    page = blocks.PageChooserBlock(label=_("Page"))
    link_text = blocks.CharBlock(label=_("Link text"), max_length=60)

    class Meta:
        icon = "user"
        label = _("Entry point")
        template = "components/blocks/entry_point_block.html"
        preview_value = {
            "title": "Jeg er mentor",
            "text": "Ta mentorkurset, meld deg på webinarer og søk sammen med din mentee.",
            "link_text": "Kom i gang som mentor",
        }
        description = _("A card that sends visitors to the right place.")


class BodyBlock(blocks.StreamBlock):
    """The body of standard pages."""

    heading = HeadingBlock()
    paragraph = LabelledRichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"],
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
    )
    markdown = MarkdownBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    document = DocumentBlock()

    class Meta:
        icon = "doc-full"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = LabelledRichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    """Questions that open to show their answer: native <details>, so the
    keyboard and screen readers work without any script."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "components/blocks/faq_block.html"
        description = _("Questions that open to show their answers.")


class ChecklistBlock(blocks.StructBlock):
    """Points to go through, shown as a list with check marks."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(
        LabelledCharBlock(label=_("Point"), max_length=250), label=_("Points"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "components/blocks/checklist_block.html"
        description = _("A list of points to go through.")


class QuoteBlock(blocks.StructBlock):
    """What a participant said, with the role that makes it matter."""

    text = blocks.TextBlock(label=_("Quote"), max_length=600)
    name = blocks.CharBlock(label=_("Name"), required=False, max_length=100)
    role = blocks.CharBlock(
        label=_("Role"),
        max_length=120,
        help_text=_("For example “Mentee on temporary licence”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote_block.html"
        description = _("A quote or testimonial with the speaker's role.")


class ContactBlock(blocks.StructBlock):
    """A box with the programme office's contact details, from the site settings."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Contact the scheme"))
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)

    class Meta:
        icon = "mail"
        label = _("Contact the scheme")
        template = "components/blocks/contact_block.html"
        description = _("The programme office's e-mail and phone, kept in the site settings.")


class GuideBodyBlock(BodyBlock):
    """The body of a guide: the standard blocks and those guides need."""

    faq = FAQBlock()
    checklist = ChecklistBlock()
    quote = QuoteBlock()
    contact = ContactBlock()
