"""Form widgets the apps share."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchableSelect(forms.Select):
    """A select whose empty choice says what to do ("Choose municipality", not
    "---------"), and which site/static/js/combobox.js turns into a text box
    that filters the choices as one types (the ARIA combobox pattern), for
    lists too long to scroll, such as the 357 municipalities. Without
    JavaScript it stays a plain select."""

    template_name = "components/widgets/searchable_select.html"

    def __init__(self, attrs=None, *, empty_label):
        super().__init__(attrs)
        self.empty_label = empty_label

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        if value in ("", None):
            label = self.empty_label
        return super().create_option(name, value, label, selected, index, subindex, attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-searchable"] = ""
        return context


def municipality_select():
    return SearchableSelect(empty_label=_("Choose municipality"))


class DateRangeInput(forms.DateInput):
    """The browser's date picker, limited to a range of mentornett.dates.
    The min and max are counted when the form is shown, not when the server
    started."""

    input_type = "date"

    def __init__(self, dates, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
        self.dates = dates

    def get_context(self, name, value, attrs):
        first, last = self.dates.bounds()
        attrs = {"min": first.isoformat(), "max": last.isoformat(), **(attrs or {})}
        return super().get_context(name, value, attrs)
