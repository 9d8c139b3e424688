from django import template

from network.services.final_report import measurement_text

register = template.Library()


@register.filter
def measurement(value, indicator):
    """A value as people read it, with its denominator: "2 of 22 new hires (9 %)"."""
    if value is None:
        return ""
    return measurement_text(value, indicator)


@register.filter
def section_text(content, key):
    return (content or {}).get(key, "")
