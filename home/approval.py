"""Pages that go live only after review. Wagtail lets anyone with publish
permission publish past a workflow; for guides and courses the publish
permission is narrowed to reviewers here, so editors must submit for approval."""

from django.contrib.auth.models import Group

from wagtail.models import (
    GroupApprovalTask,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from mentornett.accounts.roles import StaffRole

from .permissions import can_publish_reviewed_content


class ReviewedPagePermissionTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() and can_publish_reviewed_content(self.user)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and can_publish_reviewed_content(self.user)


class ApprovalRequired:
    """Mixin for Page classes whose publishing goes through a reviewer."""

    def permissions_for_user(self, user):
        return ReviewedPagePermissionTester(user, self)


REVIEW_WORKFLOW = "Fagsjekk"
REVIEW_TASK = "Godkjent av fagansvarlig"


def review_workflow():
    """The one-step workflow: a reviewer approves. Made on first use."""
    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if created:
        task, _task_created = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
        task.groups.add(Group.objects.get(name=StaffRole.REVIEWER.value))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    """post_save of the guide and course index pages: everything below them
    is reviewed before it goes live."""
    if created and not raw:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": review_workflow()})
