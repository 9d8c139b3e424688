from django import forms
from django.forms.renderers import TemplatesSetting

from .dates import DateRange
from .widgets import DateRangeInput


class SiteFormRenderer(TemplatesSetting):
    """Every form field renders as one accessible component: label, help text,
    error messages tied to the input with aria-describedby."""

    field_template_name = "components/form_field.html"


def limit_dates(field: forms.DateField, dates: DateRange) -> None:
    """Refuse a date outside `dates` with a sentence that names the range,
    and give the date picker the same range. The typed value stays in the
    form, as with any refused field."""
    widget = DateRangeInput(dates, attrs=field.widget.attrs)
    widget.is_required = field.widget.is_required
    field.widget = widget
    field.validators.append(dates)


class DateRangeField(forms.DateField):
    def __init__(self, *, dates: DateRange, **kwargs):
        super().__init__(**kwargs)
        limit_dates(self, dates)
