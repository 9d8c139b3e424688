from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from mentornett.view_restrictions import CachedViewRestrictions

from .rules import SchemeRules


class SchemePage(CachedViewRestrictions, Page):
    """The veterinary mentor scheme explained. The rates shown come from the
    rules in force, never from the page text, so they are always current."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("mentor scheme page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rules = SchemeRules.objects.in_force(timezone.localdate())
        context["rules"] = rules
        if rules is not None:
            context["relationship_rules"] = sorted(
                rules.relationship_rules.all(), key=lambda rule: rule.kind
            )
            context["course_fee_rules"] = list(rules.course_fee_rules.all())
        return context
