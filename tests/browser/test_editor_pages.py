"""The Wagtail editor of every one of our page types, checked with axe: the
edit view of a page that holds one of each of our StreamField blocks, with
every tab shown and every block opened, and the view that adds a page of the
type. Page types are found, not listed, so a new one is checked from the start."""

import json
import uuid

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from django.core.serializers.json import DjangoJSONEncoder

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.users.models import UserProfile

from tests.factories import PASSWORD

from .conftest import BLOCKING_IMPACTS, VIEWPORTS, _axe, sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OUR_APPS = {"home", "courses", "events", "network"}

# Wagtail's own problems in its editor, in no field of our blocks. A node is
# excused when it matches the CSS selector given with its rule.
KNOWN_WAGTAIL_VIOLATIONS = {
    "aria-input-field-name": [
        (
            ".public-DraftEditor-content:not([data-streamfield-stream-container] *)",
            "A page's own rich text field (an index page's introduction): Wagtail's "
            "FieldPanel ties its <label> to the hidden input behind Draftail, so the "
            "editor has no name (wagtail/wagtail#14205). The rich text in our blocks "
            "is named by mentornett.labelled_blocks.",
        ),
    ],
}


def our_page_models():
    return [model for model in get_page_models() if model._meta.app_label in OUR_APPS]


def one_of_everything(block):
    """Raw stream data with every block the given block can hold, lists with
    one item, so the editor draws every field of ours."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": one_of_everything(child), "id": str(uuid.uuid4())}
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.ListBlock):
        item = one_of_everything(block.child_block)
        return [{"type": "item", "value": item, "id": str(uuid.uuid4())}]
    if isinstance(block, blocks.StructBlock):
        return {name: one_of_everything(child) for name, child in block.child_blocks.items()}
    return block.get_prep_value(block.get_default())


def fill_every_stream_field(page, user):
    """Save a draft of the page with one of every block in each of its
    StreamFields (the editor opens the latest draft); return how many blocks
    the streams hold at their top."""
    page = page.specific
    blocks_at_top = 0
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = one_of_everything(field.stream_block)
            setattr(page, field.name, json.dumps(raw, cls=DjangoJSONEncoder))
            blocks_at_top += len(raw)
    page.save_revision(user=user, clean=False)
    return blocks_at_top


# Every tab shown at once and every block opened: one axe run sees every field.
OPEN_EVERYTHING = """() => {
  for (const panel of document.querySelectorAll("[role=tabpanel][hidden]")) {
    panel.removeAttribute("hidden");
  }
  for (const toggle of document.querySelectorAll("form [data-panel-toggle][aria-expanded=false]")) {
    toggle.click();
  }
}"""


def is_wagtails_own(page, rule, target):
    return any(
        page.locator(target).first.evaluate("(node, css) => node.matches(css)", selector)
        for selector, _reason in KNOWN_WAGTAIL_VIOLATIONS.get(rule, [])
    )


def problems_in_editor(page, page_type, url, blocks_at_top=0):
    """Open the editor, show everything, and return axe's serious and critical
    violations that are not Wagtail's own, one line each."""
    response = page.goto(url)
    assert response.status < 400, f"{url} answered {response.status}"
    expect(page.locator("form#page-edit-form")).to_be_visible()
    # The editor draws the stream's blocks from JSON after the page has loaded.
    drawn = page.locator("[data-streamfield-child]")
    try:
        page.wait_for_function(
            "count => document.querySelectorAll('[data-streamfield-child]').length >= count",
            arg=blocks_at_top,
        )
    except PlaywrightTimeoutError:
        pytest.fail(f"{url}: {drawn.count()} of {blocks_at_top} blocks drawn")
    page.evaluate(OPEN_EVERYTHING)
    found = []
    for violation in _axe.run(page).response["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        targets = [
            node["target"][0]
            for node in violation["nodes"]
            if not is_wagtails_own(page, violation["id"], node["target"][0])
        ]
        if targets:
            found.append(
                f"{page_type} {url} {violation['id']} ({violation['impact']}): "
                f"{violation['help']} — " + "; ".join(targets[:8])
            )
    return found


def test_the_editor_of_every_page_type_names_every_field(
    browser, live_server, language, demo_content, superuser
):
    models = our_page_models()
    missing = [model.__name__ for model in models if not model.objects.exists()]
    assert not missing, f"the demo data has no page of these types: {missing}"
    # The admin speaks the language its user chose in Wagtail's own account settings.
    UserProfile.objects.update_or_create(user=superuser, defaults={"preferred_language": language})

    def new_context(**options):
        context = browser.new_context(
            viewport=VIEWPORTS["desktop"],
            locale="nb-NO" if language == "nb" else "en-GB",
            base_url=live_server.url,
            **options,
        )
        context.set_default_timeout(20_000)
        return context

    context = new_context()
    sign_in_to_admin(context.new_page(), superuser.email, PASSWORD)
    signed_in = context.storage_state()
    context.close()

    problems = []
    for model in models:
        page_of_type = model.objects.first()
        blocks_at_top = fill_every_stream_field(page_of_type, superuser)
        context = new_context(storage_state=signed_in)
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        edit_url = f"/admin/pages/{page_of_type.pk}/edit/"
        problems += problems_in_editor(tab, model.__name__, edit_url, blocks_at_top)
        expect(tab.locator("html")).to_have_attribute("lang", language)
        parent = page_of_type.get_parent()
        if model.can_create_at(parent):
            meta = model._meta
            problems += problems_in_editor(
                tab,
                model.__name__,
                f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/",
            )
        problems += [f"{model.__name__}: JavaScript error: {error}" for error in errors]
        # Leaving the editor sends "editing session released"; let the last
        # one land before the database is emptied.
        tab.goto("about:blank")
        if model is models[-1]:
            tab.wait_for_timeout(300)
        context.close()

    assert not problems, f"axe found problems in the editor ({language}):\n" + "\n".join(problems)
