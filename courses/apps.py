from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_delete

        from wagtail.signals import page_published, page_unpublished

        from .handlers import on_path_changed
        from .models import LessonPage, ModulePage

        for model in (LessonPage, ModulePage):
            page_published.connect(on_path_changed, sender=model)
            page_unpublished.connect(on_path_changed, sender=model)
            pre_delete.connect(on_path_changed, sender=model)
