import pytest

from django.urls import reverse

from mentornett.accounts.models import Profession, Profile
from network.models import Municipality

pytestmark = pytest.mark.django_db

URL = "/min-side/profil/"


@pytest.fixture
def tynset(db):
    return Municipality.objects.create(number="3427", name="Tynset", county="Innlandet")


def profile_data(**overrides):
    data = {
        "full_name": "Kari Nordmann",
        "phone": "+47 912 34 567",
        "preferred_language": "nb",
        "profession": Profession.VETERINARIAN,
        "has_norwegian_authorisation": "on",
        "authorisation_year": "2015",
        "practice_years": "9",
        "study_place": "",
        "home_municipality": "",
        "wants_to_be_mentor": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_participant_saves_profile(signed_in, participant, tynset):
    response = signed_in.post(URL, profile_data(home_municipality=str(tynset.pk)))

    assert response.status_code == 302
    profile = Profile.objects.get(user=participant)
    participant.refresh_from_db()
    assert participant.phone == "+47 912 34 567"
    assert profile.profession == Profession.VETERINARIAN
    assert profile.authorisation_year == 2015
    assert profile.home_municipality == tynset
    assert profile.wants_to_be_mentor
    assert "Profilen din er lagret" in signed_in.get(response["Location"]).content.decode()


def test_year_without_authorisation_is_refused_and_input_kept(signed_in, participant):
    response = signed_in.post(
        URL, profile_data(has_norwegian_authorisation=None, authorisation_year="2015")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Norsk autorisasjon" in html or "norsk autorisasjon" in html
    assert 'value="+47 912 34 567"' in html
    assert Profile.objects.get(user=participant).authorisation_year is None


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("phone", "ring meg", "kun med sifre"),
        ("authorisation_year", "1890", "mellom 1950"),
        ("practice_years", "99", "høyst 60"),
        ("full_name", "  ", "Dette feltet er påkrevet"),
        ("profession", "astronaut", "Velg et gyldig valg"),
    ],
)
def test_bad_input_gets_a_clear_norwegian_message(signed_in, field, value, fragment):
    response = signed_in.post(URL, profile_data(**{field: value}))

    assert response.status_code == 200
    assert fragment in response.content.decode()


def test_changing_language_switches_the_site(signed_in, participant):
    response = signed_in.post(URL, profile_data(preferred_language="en"), follow=True)

    participant.refresh_from_db()
    assert participant.preferred_language == "en"
    assert "Your profile is saved." in response.content.decode()


def test_profile_page_query_count_is_fixed(signed_in, django_assert_max_num_queries, tynset):
    for number in range(20):
        Municipality.objects.create(number=f"{9000 + number}", name=f"K{number}", county="X")
    # +2 for the site settings: the footer's contact details and links.
    with django_assert_max_num_queries(14):
        response = signed_in.get(URL)
    assert response.status_code == 200
