import pytest

pytestmark = pytest.mark.django_db


def test_switch_language_sets_cookie_and_returns(client):
    response = client.post("/sprak/", {"language": "en", "next": "/om-mentornett/"})

    assert response.status_code == 302
    assert response["Location"] == "/om-mentornett/"
    assert response.cookies["mentornett_language"].value == "en"


def test_switch_language_refuses_foreign_redirects(client):
    response = client.post("/sprak/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_switch_language_ignores_unknown_languages(client):
    response = client.post("/sprak/", {"language": "xx"})
    assert "mentornett_language" not in response.cookies


def test_signed_in_preference_follows_the_person(client, participant):
    client.force_login(participant)
    client.post("/sprak/", {"language": "en"})
    participant.refresh_from_db()
    assert participant.preferred_language == "en"

    other_device = client.__class__()
    other_device.force_login(participant)
    response = other_device.get("/min-side/")
    assert "My page" in response.content.decode()


def test_default_language_is_norwegian(client):
    response = client.get("/")
    assert '<html lang="nb"' in response.content.decode()
    assert "Opprett konto" in response.content.decode()


def test_a_visitor_switches_language_with_a_link_that_needs_no_token(client):
    response = client.get("/sprak/", {"language": "en", "next": "/kurs/"})
    assert response.status_code == 302
    assert response["Location"] == "/kurs/"
    assert response.cookies["mentornett_language"].value == "en"


def test_only_a_post_saves_a_signed_in_persons_language(client, participant):
    client.force_login(participant)
    client.get("/sprak/", {"language": "en", "next": "/"})
    participant.refresh_from_db()
    assert participant.preferred_language == "nb"
    client.post("/sprak/", {"language": "en", "next": "/"})
    participant.refresh_from_db()
    assert participant.preferred_language == "en"
