"""Choosing in a searchable select (mentornett.widgets.SearchableSelect, made
searchable by site/static/js/combobox.js) as a keyboard user does."""

from playwright.sync_api import expect


def choose_in_picker(page, selector, name):
    """Type the start of `name` in the picker's text box, go down to the
    match with the arrow key and take it with Enter."""
    box = page.locator(selector)
    box.focus()
    box.press_sequentially(name[:4])
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    active = page.locator(f"#{box.get_attribute('aria-activedescendant')}")
    expect(active).to_have_text(name)
    box.press("Enter")
    expect(box).to_have_value(name)
    expect(box).to_have_attribute("aria-expanded", "false")
