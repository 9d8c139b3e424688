from django import template
from django.utils.translation import gettext as _

from mentornett import formatting
from mentornett.links import absolute
from mentornett.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render text a person wrote as cleaned HTML (see mentornett.markdown)."""
    return render_markdown(text)


@register.filter
def money(amount):
    """Whole kroner: "39 354 kr" (Bokmål), "NOK 39,354" (English); empty for None."""
    if amount is None or amount == "":
        return ""
    return formatting.format_kroner(int(amount))


@register.filter
def km(distance):
    """Whole kilometres: "1 148 km" (Bokmål), "1,148 km" (English); empty for None."""
    if distance is None or distance == "":
        return ""
    return formatting.kilometres(float(distance))


@register.filter
def short_date(value):
    """ "17. des. 2026" (Bokmål), "17 Dec 2026" (English)."""
    return formatting.short_date(value) if value else ""


@register.filter
def short_datetime(value, arg=""):
    """ "17. des. 2026 14:30"; `short_datetime:"seconds"` adds the seconds."""
    return formatting.short_datetime(value, seconds=arg == "seconds") if value else ""


@register.filter
def day_month(value):
    """ "17. des." (Bokmål), "17 Dec" (English)."""
    return formatting.day_month(value) if value else ""


@register.filter
def about_hours(hours):
    """ "ca. 1 time", "ca. 1,5 timer" (Bokmål); "about 2 hours" (English)."""
    return formatting.about_hours(hours) if hours is not None else ""


@register.filter
def percent_of(value, total):
    """Whole percent of value in total, 0 when total is empty."""
    try:
        value, total = float(value), float(total)
    except (TypeError, ValueError):
        return 0
    if total <= 0:
        return 0
    return max(0, min(100, round(value * 100 / total)))


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, label=None):
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page_obj": page_obj,
        "label": label or _("Pages"),
        "base_query": query.urlencode(),
    }


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter(name="absolute")
def absolute_filter(path):
    """A path's public address on this site, from SITE_URL (see mentornett.links)."""
    return absolute(path or "")
