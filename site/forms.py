from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Every form field renders as one accessible component: label, help text,
    error messages tied to the input with aria-describedby."""

    field_template_name = "components/form_field.html"
