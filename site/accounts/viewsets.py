from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import StaffUserCreationForm, StaffUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
