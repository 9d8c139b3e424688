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


OUR_PAGE = "http://testserver/kurs/"


def test_a_visitor_switches_language_with_a_link_that_needs_no_token(client):
    response = client.get("/sprak/", {"language": "en", "next": "/kurs/"}, HTTP_REFERER=OUR_PAGE)
    assert response.status_code == 302
    assert response["Location"] == "/kurs/"
    assert response.cookies["mentornett_language"].value == "en"


def test_only_a_post_saves_a_signed_in_persons_language(client, participant):
    client.force_login(participant)
    client.get("/sprak/", {"language": "en", "next": "/"}, HTTP_REFERER=OUR_PAGE)
    participant.refresh_from_db()
    assert participant.preferred_language == "nb"
    client.post("/sprak/", {"language": "en", "next": "/"})
    participant.refresh_from_db()
    assert participant.preferred_language == "en"


@pytest.mark.parametrize(
    "referer",
    ["https://evil.example/", "http://testserver.evil.example/", "", "/kurs/"],
    ids=["another-site", "a-look-alike-host", "none", "not-a-page"],
)
def test_a_language_link_from_elsewhere_changes_nothing_without_a_click(client, referer):
    headers = {"HTTP_REFERER": referer} if referer else {}
    response = client.get("/sprak/", {"language": "en", "next": "/kurs/"}, **headers)

    assert response.status_code == 200
    assert "mentornett_language" not in response.cookies
    page = response.content.decode()
    assert "Bytte språk?" in page
    assert "bytter språket på nettstedet til engelsk" in page
    assert 'method="post"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'href="/kurs/"' in page  # back, unchanged


def test_the_confirmation_page_switches_with_its_button(client):
    client.get("/sprak/", {"language": "en", "next": "/kurs/"})

    response = client.post("/sprak/", {"language": "en", "next": "/kurs/"})

    assert response["Location"] == "/kurs/"
    assert response.cookies["mentornett_language"].value == "en"


def test_a_language_link_from_elsewhere_never_touches_a_signed_in_persons_choice(
    client, participant
):
    client.force_login(participant)

    response = client.get(
        "/sprak/", {"language": "en", "next": "/"}, HTTP_REFERER="https://evil.example/"
    )

    assert response.status_code == 200
    assert "mentornett_language" not in response.cookies
    participant.refresh_from_db()
    assert participant.preferred_language == "nb"


def test_a_language_link_from_our_own_page_changes_only_the_cookie(client, participant):
    client.force_login(participant)

    response = client.get("/sprak/", {"language": "en", "next": "/"}, HTTP_REFERER=OUR_PAGE)

    assert response.cookies["mentornett_language"].value == "en"
    participant.refresh_from_db()
    assert participant.preferred_language == "nb"
