import pytest

from django.test import RequestFactory
from django.utils import translation

from mentornett import views

pytestmark = pytest.mark.django_db


def test_404_in_norwegian(client):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Vi finner ikke siden" in html
    assert '<html lang="nb"' in html


def test_404_in_english(client):
    client.cookies["mentornett_language"] = "en"
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    assert "We cannot find that page" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "text"), [("nb", "Noe gikk galt"), ("en", "Something went wrong")]
)
def test_500_renders_without_the_database(language, text, django_assert_num_queries):
    request = RequestFactory().get("/")
    with translation.override(language), django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    assert text in response.content.decode()


@pytest.mark.parametrize(
    ("language", "text"), [("nb", "Du har ikke tilgang"), ("en", "You do not have access")]
)
def test_403_in_both_languages(rf, language, text):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override(language):
        response = views.permission_denied(request)
    assert response.status_code == 403
    assert text in response.content.decode()


def test_a_foreign_host_gets_the_bad_request_page(client, settings, db):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Mentornett" in response.content.decode()
