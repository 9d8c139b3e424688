import io
import pytest
from django.core.management import call_command
from home.models import GuidePage
from tests.factories import PASSWORD
from .conftest import sign_in_to_admin
from .test_csp import RECORD_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

@pytest.fixture
def viewport():
    return "desktop"

@pytest.fixture
def language():
    return "nb"

def test_probe(page, superuser, settings, monkeypatch):
    from mentornett import security
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False
    msgs = []
    page.on("console", lambda m: msgs.append((page.url, m.text)))
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("response", lambda r: print("DOC", r.request.method, r.url, r.status, r.headers.get("content-security-policy", "")[-60:], r.headers.get("x-frame-options")) if r.request.resource_type == "document" else None)
    superuser.set_password(PASSWORD); superuser.save()
    sign_in_to_admin(page, superuser.email, PASSWORD)
    guide = GuidePage.objects.live().first()
    from courses.models import LessonPage
    lesson = LessonPage.objects.live().first()
    for url in ["/admin/", f"/admin/pages/{guide.pk}/edit/", f"/admin/pages/{lesson.pk}/edit/", ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if "/edit/" in url:
            try:
                page.locator("[data-side-panel-toggle='preview']").first.click(timeout=3000)
                page.wait_for_timeout(3000)
                print("IFRAMES", [f.url for f in page.frames], page.locator("iframe").evaluate_all("els => els.map(e => e.outerHTML.slice(0, 300))"))
                page.wait_for_timeout(2000)
            except Exception as e:
                print("preview click failed", e)
        print("==", url, page.evaluate("window.__csp"))
    for u, m in msgs:
        print("CONSOLE", u, m[:300])
