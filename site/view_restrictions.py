"""Wagtail asks the database for the view restrictions of a page and all its
ancestors on every serve (two queries). Restrictions are few and change only
when an editor sets one, so every page type answers from a cached map of the
restricted paths instead."""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef

from wagtail.models import Page, PageViewRestriction

from mentornett import content_cache

TIMEOUT = 60 * 60


def _restriction_map():
    return {
        "restrictions": list(PageViewRestriction.objects.values_list("page__path", "pk")),
        "aliases": list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
    }


class CachedViewRestrictions:
    """Mix into every page type, before Page."""

    def get_view_restrictions(self):
        known = content_cache.stamped(None, "view-restrictions", _restriction_map, TIMEOUT)
        if any(self.path.startswith(alias) for alias in known["aliases"]):
            return super().get_view_restrictions()  # an alias uses its source's restrictions
        ids = [pk for path, pk in known["restrictions"] if self.path.startswith(path)]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)


def in_private_section():
    """True for a page at or below a page with a view restriction. Wagtail's
    `PageQuerySet.public()` reads every restriction first (a query of its own);
    this asks the same question inside the page query."""
    outer_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    return Exists(
        PageViewRestriction.objects.annotate(outer_path=outer_path).filter(
            outer_path__startswith=F("page__path")
        )
    )
