from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from events.selectors import upcoming_events

from .blocks import BodyBlock, EntryPointBlock


class HomePage(Page):
    """The front page: who the site is for, and where each visitor starts."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    entry_points = StreamField(
        [("entry_point", EntryPointBlock())],
        verbose_name=_("entry points"),
        blank=True,
        max_num=4,
    )
    featured_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("featured guides and pages"),
        blank=True,
        max_num=6,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("intro"),
        FieldPanel("entry_points"),
        FieldPanel("featured_pages"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured_ids = [block.value.pk for block in self.featured_pages if block.value]
        featured = {
            page.pk: page
            for page in Page.objects.live().public().filter(pk__in=featured_ids).specific()
        }
        context["featured"] = [featured[pk] for pk in featured_ids if pk in featured]
        context["upcoming_events"] = upcoming_events(limit=3)
        return context


class StandardPage(Page):
    """A plain content page: about the site, privacy, accessibility statement."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
