"""Guides and courses go live only when a reviewer approves. Driven through the
Wagtail admin, with Wagtail's form-data test helpers."""

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.approval import REVIEW_TASK
from mentornett.accounts.roles import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(staff_user):
    return staff_user(StaffRole.EDITOR)


@pytest.fixture
def reviewer(staff_user):
    return staff_user(StaffRole.REVIEWER)


def edit_data(guide, *, title, text, action):
    return nested_form_data(
        {
            "title": title,
            "slug": guide.slug,
            "lead": guide.lead,
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "last_reviewed": timezone.localdate().isoformat(),
            "comments": inline_formset([]),
            action: action,
        }
    )


def edit(client, guide, **kwargs):
    url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    return client.post(url, edit_data(guide, **kwargs))


def test_an_editor_cannot_publish_a_guide_directly(client, editor, make_guide):
    guide = make_guide(title="Forsikring")
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    assert 'name="action-publish"' not in page
    assert 'name="action-submit"' in page

    response = edit(
        client, guide, title="Forsikring (ny)", text="Ny tekst", action="action-publish"
    )
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.title == "Forsikring"  # the live page is unchanged
    assert guide.has_unpublished_changes
    assert client.get(guide.url).content.decode().count("Ny tekst") == 0


def test_an_editor_submits_and_a_reviewer_compares_and_approves(
    client, editor, reviewer, make_guide
):
    guide = make_guide(title="Forsikring")
    client.force_login(editor)
    edit(
        client,
        guide,
        title="Forsikring",
        text="Yrkesskadeforsikring er påkrevd",
        action="action-submit",
    )
    state = WorkflowState.objects.get(object_id=str(guide.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == REVIEW_TASK
    # The editor cannot approve their own submission.
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[guide.pk, "approve", state.current_task_state.pk],
    )
    client.post(approve)
    guide.refresh_from_db()
    assert "Yrkesskadeforsikring er påkrevd" not in client.get(guide.url).content.decode()

    client.force_login(reviewer)
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[guide.pk, "live", "latest"])
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Yrkesskadeforsikring er påkrevd" in html  # the change
    assert "Studenten må være" in html  # against what is live

    client.post(approve)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "Yrkesskadeforsikring er påkrevd" in client.get(guide.url).content.decode()


def test_publishing_rights_per_role_and_page_type(
    editor, reviewer, superuser, make_guide, make_event, make_course
):
    guide = make_guide()
    course, lessons = make_course(lessons=1)
    event = make_event(days=10)
    assert not guide.permissions_for_user(editor).can_publish()
    assert not course.permissions_for_user(editor).can_publish()
    assert not guide.get_parent().permissions_for_user(editor).can_publish_subpage()
    assert event.permissions_for_user(editor).can_publish()  # no workflow on events
    for person in (reviewer, superuser):
        assert guide.permissions_for_user(person).can_publish()
        assert lessons[0].permissions_for_user(person).can_publish()


def test_guides_and_courses_have_the_review_workflow_and_events_none(
    make_guide, make_event, make_course
):
    guide = make_guide()
    _course, lessons = make_course(lessons=1)
    assert guide.get_workflow().name == "Fagsjekk"
    assert lessons[0].get_workflow().name == "Fagsjekk"
    assert make_event(days=10).get_workflow() is None


def test_an_editor_previews_a_draft_before_submitting(client, editor, make_guide):
    guide = make_guide()
    client.force_login(editor)
    edit(client, guide, title=guide.title, text="Utkast til nytt avsnitt", action="action-save")
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[guide.pk]))
    assert preview.status_code == 200
    assert "Utkast til nytt avsnitt" in preview.content.decode()
    assert "Utkast til nytt avsnitt" not in client.get(guide.url).content.decode()
