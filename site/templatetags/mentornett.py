from django import template
from django.utils.translation import gettext as _

from mentornett.links import absolute
from mentornett.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render text a person wrote as cleaned HTML (see mentornett.markdown)."""
    return render_markdown(text)


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
