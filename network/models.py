from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


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


class NetworkIndexPage(Page):
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


class LearningNetworkPage(Page):
    """A two-year learning network in which municipal teams build a mentor
    programme. Its gatherings are event pages that name it as their audience."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Period")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []

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

    def get_context(self, request, *args, **kwargs):
        from events.selectors import network_gatherings

        context = super().get_context(request, *args, **kwargs)
        context["gatherings"] = network_gatherings(network=self)
        return context


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

    panels = [
        FieldPanel("network"),
        FieldPanel("municipality"),
        FieldPanel("name"),
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
