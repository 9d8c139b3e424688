from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext as _

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


def check_period_order(form: forms.Form, data: dict, start="starts_on", end="ends_on") -> None:
    """A period that ends before it starts: the message goes on the end field,
    and what was typed stays in both."""
    starts_on, ends_on = data.get(start), data.get(end)
    if starts_on and ends_on and ends_on < starts_on:
        form.add_error(end, _("The end must be on or after the start."))
