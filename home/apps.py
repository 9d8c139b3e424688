from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and content pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from courses.models import CourseIndexPage

        from .approval import assign_review_workflow
        from .models import GuideIndexPage

        for model in (GuideIndexPage, CourseIndexPage):
            post_save.connect(assign_review_workflow, sender=model, dispatch_uid=f"review-{model}")
