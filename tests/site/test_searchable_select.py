"""Where people choose a municipality, the empty choice says "Velg kommune"
and the select carries what the combobox script needs to make it searchable;
without the script it is a plain select."""

import pytest

from mentornett.accounts.forms import ProfileForm
from network.models import Application, Municipality, RelationshipKind
from network.scheme.forms import ApplicationForm, HubRegistrationForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipalities(db):
    Municipality.objects.create(number="3427", name="Tynset", county="Innlandet")
    Municipality.objects.create(number="3401", name="Kongsvinger", county="Innlandet")


def forms(participant):
    return {
        "profile": ProfileForm(user=participant)["home_municipality"],
        "hub": HubRegistrationForm()["municipality"],
        "application": ApplicationForm(
            instance=Application(kind=RelationshipKind.STUDENT_PLACEMENT), role="mentor"
        )["municipality"],
    }


@pytest.mark.parametrize("form", ["profile", "hub", "application"])
def test_municipality_selects_offer_velg_kommune_and_no_dashes(participant, municipalities, form):
    html = str(forms(participant)[form])
    assert '<option value="" selected>Velg kommune</option>' in html or (
        '<option value="">Velg kommune</option>' in html
    )
    assert "---------" not in html
    assert "Tynset" in html
    assert "data-searchable" in html
    assert "js/combobox.js" in html
    # The texts the script reads, in the page's language.
    assert 'data-hint="Skriv for å søke. Velg med piltastene og Enter."' in html


def test_the_combobox_script_is_a_file_not_inline(participant, municipalities):
    """The strict CSP allows no inline script: the widget includes the file."""
    html = str(forms(participant)["profile"])
    assert "<script>" not in html
    assert '<script src="/static/js/combobox.js" defer></script>' in html
