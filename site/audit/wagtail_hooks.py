from django.contrib import messages
from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .permissions import can_view_audit_log

# URL names (for the permission matrix): audit_log, audit_log_export.


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [
        path("revisjonslogg/", views.audit_log, name="audit_log"),
        path("revisjonslogg/eksport.csv", views.audit_log_export, name="audit_log_export"),
    ]


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_audit_log(request.user)


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(_("Audit log"), reverse("audit_log"), icon_name="history", order=360)


@hooks.register("before_delete_user")
def refuse_deleting_a_user_with_history(request, user):
    """A person with history (audit rows, applications, payouts) is kept and
    anonymised, never deleted: the foreign keys that PROTECT them would
    otherwise turn the delete into a server error."""
    collector = Collector(using=router.db_for_write(type(user)))
    try:
        collector.collect([user])
    except (ProtectedError, RestrictedError):
        messages.error(
            request,
            _(
                "%(user)s has history on the site (for example in the audit log) and cannot "
                "be deleted. Deactivate the account instead, or let the person delete their "
                "account, which anonymises it."
            )
            % {"user": user.email},
        )
        return redirect("wagtailusers_users:edit", user.pk)
    return None
