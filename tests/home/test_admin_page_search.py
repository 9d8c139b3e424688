"""Wagtail's page search in the admin counts its results in our words (its
own Bokmål has no such strings, and it once read "1-20 of 23 None")."""

import re

import pytest

from mentornett.accounts.roles import StaffRole

pytestmark = pytest.mark.django_db


def test_the_page_search_counts_its_results_in_bokmaal(client, staff_user, make_guide):
    make_guide(slug="gammel", title="Gammel veileder")
    client.force_login(staff_user(StaffRole.EDITOR))
    html = client.get("/admin/pages/search/?q=veileder").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Tittel 1–2 av 2 sider" in text
    assert "None" not in text
