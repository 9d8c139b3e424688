import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.selectors import upcoming_events
from mentornett.dates import PAST_RECORD
from mentornett.view_restrictions import CachedViewRestrictions

from .approval import ApprovalRequired
from .blocks import BodyBlock, EntryPointBlock, GuideBodyBlock


class HomePage(CachedViewRestrictions, Page):
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

    def route(self, request, path_components):
        """Find the page at an address in one query instead of one or two per
        level. Pages below may route in their own way (a guide's pdf/): the
        walk is handed to the first page on the way whose class does."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:end]) + "/"
            for end in range(1, len(path_components) + 1)
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth
            )
        }
        chain = []
        for prefix in prefixes:
            if prefix not in found:
                break
            chain.append(found[prefix])
        if not chain:
            raise Http404
        for consumed, page in enumerate(chain, start=1):
            if page.specific_class.route is not Page.route or page is chain[-1]:
                return page.specific.route(request, path_components[consumed:])

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


class StandardPage(CachedViewRestrictions, Page):
    """A plain content page: about the site, privacy, accessibility statement."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class GuideAudience(models.TextChoices):
    MENTOR = "mentor", _("Mentors")
    MENTEE = "mentee", _("Mentees")
    MUNICIPALITY = "municipality", _("Municipalities")
    EMPLOYER = "employer", _("Employers")


# The boolean field on GuidePage for each audience: one filterable field each,
# so search can narrow by audience on every database.
AUDIENCE_FIELDS = {
    GuideAudience.MENTOR: "for_mentors",
    GuideAudience.MENTEE: "for_mentees",
    GuideAudience.MUNICIPALITY: "for_municipalities",
    GuideAudience.EMPLOYER: "for_employers",
}
REVIEW_INTERVAL = datetime.timedelta(days=365)


class GuideIndexPage(CachedViewRestrictions, ApprovalRequired, Page):
    """The guides: the written advice the schemes depend on."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = _("guide index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = GuidePage.objects.live().public().child_of(self).order_by("title")
        audience = request.GET.get("for", "")
        if audience in AUDIENCE_FIELDS:
            guides = guides.filter(**{AUDIENCE_FIELDS[audience]: True})
        context["guides"] = guides
        context["audience"] = audience if audience in AUDIENCE_FIELDS else ""
        context["audiences"] = GuideAudience.choices
        return context


class GuidePage(CachedViewRestrictions, ApprovalRequired, RoutablePageMixin, Page):
    """A written guide: for mentors, mentees, municipalities or employers."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(GuideBodyBlock(), verbose_name=_("body"))
    for_mentors = models.BooleanField(_("mentors"), default=False)
    for_mentees = models.BooleanField(_("mentees"), default=False)
    for_municipalities = models.BooleanField(_("municipalities"), default=False)
    for_employers = models.BooleanField(_("employers"), default=False)
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When someone last checked that the guide is right. Readers see this date."),
    )
    related_guides = ParentalManyToManyField(
        "self", verbose_name=_("related guides"), blank=True, symmetrical=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel(field) for field in AUDIENCE_FIELDS.values()],
            heading=_("Who is the guide for?"),
        ),
        FieldPanel("body"),
        FieldPanel("related_guides", widget=forms.CheckboxSelectMultiple),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        *[index.FilterField(field) for field in AUDIENCE_FIELDS.values()],
    ]
    parent_page_types = ["home.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")

    def clean(self):
        super().clean()
        errors = PAST_RECORD.errors(last_reviewed=self.last_reviewed)
        if errors:
            raise ValidationError(errors)

    @property
    def audiences(self):
        return [
            (audience, audience.label)
            for audience, field in AUDIENCE_FIELDS.items()
            if getattr(self, field)
        ]

    def table_of_contents(self):
        """[(block id, anchor, text, level)] for the body's headings; anchors
        are unique even when two headings share a text."""
        entries, used = [], set()
        for block in self.body:
            if block.block_type != "heading":
                continue
            base = slugify(block.value["text"]) or "del"
            anchor, number = base, 2
            while anchor in used:
                anchor, number = f"{base}-{number}", number + 1
            used.add(anchor)
            entries.append((block.id, anchor, block.value["text"], block.value["level"]))
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        toc = self.table_of_contents()
        context["toc"] = toc
        context["anchors"] = {block_id: anchor for block_id, anchor, _text, _level in toc}
        related = self.related_guides.all()
        if isinstance(related, models.QuerySet):
            related = related.live().public().order_by("title")
        else:  # a preview or a revision holds the relation in memory
            related = sorted((guide for guide in related if guide.live), key=lambda g: g.title)
        context["related"] = related
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from .guide_pdf import guide_pdf_response

        return guide_pdf_response(self, request)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """What editors change about the whole site: the programme office's contact
    details, the main menu and the links in the footer."""

    organisation = models.CharField(
        _("organisation"), max_length=120, default="Programkontoret for Mentornett"
    )
    contact_email = models.EmailField(_("contact e-mail"), default="post@mentornett.no")
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    accessibility_page = models.ForeignKey(
        Page,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        Page,
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for sharing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page is shared on social media and the page has none."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact details"),
        ),
        InlinePanel(
            "menu_links",
            heading=_("Main menu"),
            label=_("Menu link"),
            help_text=_("Empty: the menu shows the pages marked “Show in menus”."),
        ),
        InlinePanel("footer_links", heading=_("Footer links"), label=_("Footer link")),
        PageChooserPanel("accessibility_page"),
        PageChooserPanel("privacy_page"),
        FieldPanel("share_image"),
    ]

    # Every page shows the footer: one query fetches these with the settings.
    select_related = ["accessibility_page", "privacy_page", "share_image"]

    class Meta:
        verbose_name = _("site settings")


class SiteLink(Orderable):
    """A link an editor puts in the menu or footer: to a page, or to an address."""

    title = models.CharField(
        _("link text"), max_length=60, blank=True, help_text=_("Empty: the page's title.")
    )
    page = models.ForeignKey(
        Page, verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE
    )
    url = models.URLField(_("or an address"), blank=True)

    panels = [FieldPanel("title"), PageChooserPanel("page"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        if not self.page_id and not self.url:
            raise ValidationError({"page": _("Choose a page or write an address.")})
        if self.url and not self.title:
            raise ValidationError({"title": _("A link to an address needs a link text.")})

    @property
    def link_title(self):
        return self.title or (self.page.title if self.page_id else self.url)

    @property
    def link_url(self):
        return self.page.url if self.page_id else self.url


class MenuLink(SiteLink):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="menu_links")

    class Meta(SiteLink.Meta):
        verbose_name = _("menu link")


class FooterLink(SiteLink):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")

    class Meta(SiteLink.Meta):
        verbose_name = _("footer link")
