import pytest

from .conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_accessibility_check_fails_on_serious_problems(browser):
    """Guards the guard: a page with known violations must fail the check."""
    page = browser.new_page()
    page.set_content(
        '<html><body><img src="x.png"><input type="text">'
        '<p style="color:#aaa;background:#fff">low contrast</p></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    message = str(failure.value)
    for rule in ("image-alt", "label", "color-contrast", "html-has-lang"):
        assert rule in message
    page.close()
