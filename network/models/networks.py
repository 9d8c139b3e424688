from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock, DocumentBlock
from mentornett.dates import PROGRAMME_PLAN
from mentornett.view_restrictions import CachedViewRestrictions


class Municipality(models.Model):
    """One of Norway's municipalities, as listed by Statistics Norway."""

    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    county = models.CharField(_("county"), max_length=100)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__regex=r"^[0-9]{4}$"),
                name="network_municipality_number_four_digits",
            ),
        ]

    def __str__(self):
        return self.name


class NetworkIndexPage(CachedViewRestrictions, Page):
    """The learning networks ("læringsnettverk") the national programme runs."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.LearningNetworkPage"]
    max_count = 1

    class Meta:
        verbose_name = _("learning network index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["networks"] = (
            LearningNetworkPage.objects.child_of(self).live().order_by("-starts_on")
        )
        return context


class GuideLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Guide or page")
        template = "network/blocks/guide_link.html"


class ResourceBlock(blocks.StreamBlock):
    document = DocumentBlock()
    guide = GuideLinkBlock()


AGREEMENT_FEATURES = ["h3", "bold", "italic", "ul", "ol", "link"]


class LearningNetworkPage(CachedViewRestrictions, Page):
    """A two-year learning network in which municipal teams build a mentor
    programme. Its gatherings are event pages that name it as their audience;
    its home tasks, teams and agreements are data that organisers manage."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    resources = StreamField(ResourceBlock(), verbose_name=_("resource library"), blank=True)
    members_body = StreamField(
        BodyBlock(),
        verbose_name=_("for the teams only"),
        blank=True,
        help_text=_("Shown only to the network's team members, advisors and organisers."),
    )
    agreement_text = RichTextField(
        _("collaboration agreement"),
        blank=True,
        features=AGREEMENT_FEATURES,
        help_text=_(
            "The commitments of the organisers and of the municipality. Each team's "
            "agreement is made from this text when it is first opened."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Period")),
        InlinePanel("staff", heading=_("Organisers and advisors"), label=_("Person")),
        FieldPanel("resources"),
    ]
    members_panels = [FieldPanel("members_body"), FieldPanel("agreement_text")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(members_panels, heading=_("For the teams")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = ["network.NetworkResourcePage"]

    class Meta:
        verbose_name = _("learning network")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="network_period_ends_after_start",
            ),
        ]

    def clean(self):
        super().clean()
        errors = PROGRAMME_PLAN.errors(starts_on=self.starts_on, ends_on=self.ends_on)
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        # The selectors read these models: imported when the page is served.
        from ..selectors import network_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(network_page_context(user=request.user, network=self))
        return context


class NetworkResourcePage(CachedViewRestrictions, Page):
    """A page for the teams of one learning network only: presentations from a
    gathering, templates, notes. Whoever is not a member of the network (its
    teams, advisors and organisers) gets "not found"; it is never in the sitemap
    or in anyone else's search results."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["network.LearningNetworkPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource page for the teams")

    def serve(self, request, *args, **kwargs):
        # permissions.py imports the models, so it is imported when needed.
        from ..permissions import can_view_members_content

        network = self.get_parent().specific
        if not getattr(request, "is_preview", False) and not can_view_members_content(
            request.user, network
        ):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404
        request.network = network
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network"] = getattr(request, "network", None) or self.get_parent().specific
        return context

    def get_sitemap_urls(self, request=None):
        return []


class NetworkStaffRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    ADVISOR = "advisor", _("Advisor")


class NetworkStaff(Orderable):
    """The people who run a network: organisers see all its teams, advisors the
    teams they are assigned to."""

    network = ParentalKey(LearningNetworkPage, on_delete=models.CASCADE, related_name="staff")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="network_roles",
    )
    role = models.CharField(_("role"), max_length=10, choices=NetworkStaffRole.choices)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("organiser or advisor")
        verbose_name_plural = _("organisers and advisors")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "person", "role"], name="network_staff_role_once"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"


class TeamRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    LEADER = "leader", _("Leader with decision authority")
    UNION_REPRESENTATIVE = "union", _("Union representative")
    HR = "hr", _("HR")
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")
    OTHER = "other", _("Other")


class Team(ClusterableModel):
    """A municipality's team in one learning network."""

    network = models.ForeignKey(
        LearningNetworkPage,
        verbose_name=_("learning network"),
        on_delete=models.PROTECT,
        related_name="teams",
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Leave empty to use the municipality.")
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advised_teams",
    )

    panels = [
        FieldPanel("network"),
        FieldPanel("municipality"),
        FieldPanel("name"),
        FieldPanel("advisor"),
        InlinePanel("memberships", heading=_("Members"), label=_("Member")),
    ]

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "municipality"], name="network_one_team_per_municipality"
            ),
        ]

    def __str__(self):
        return self.name or self.municipality.name


class TeamMembership(models.Model):
    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    role = models.CharField(_("role"), max_length=12, choices=TeamRole.choices)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["team", "person"], name="network_member_once_per_team"),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"


class TeamInvitation(models.Model):
    """A coordinator's e-mailed invitation to join the team. The link carries a
    signed, expiring token; accepting it makes the membership."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=12, choices=TeamRole.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="network_one_open_invitation_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.team}"

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None
