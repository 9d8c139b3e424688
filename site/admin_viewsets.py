"""Pieces of the Wagtail admin that several apps' snippets share."""

from wagtail.admin.auth import permission_denied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import SnippetChooserViewSet


class PersonalRowsChooserViewSet(SnippetChooserViewSet):
    """Wagtail's snippet choosers list every row to anyone who may use the
    admin. Rows that name people (applicants, contacts, bookers) are chosen
    only by those who hold a permission on the model; the permission matrix
    (tests/site/test_permission_matrix.py) checks it."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        policy = ModelPermissionPolicy(self.model)

        def guarded(request, *args, **kwargs):
            if not policy.user_has_any_permission(request.user, ["view", "add", "change"]):
                return permission_denied(request)
            return view(request, *args, **kwargs)

        return guarded


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds, edits or deletes in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])
