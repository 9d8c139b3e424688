"""Films are served in parts: Safari on iPhones plays a video only from a server that
answers byte ranges, and every browser asks for parts to skip ahead in a film. The
part comes with the same headers and the same permission check as the whole."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from home.models import HomePage, StandardPage
from mentornett.byte_ranges import UNSATISFIABLE, requested_range
from tests.courses.fixtures import publish
from tests.site.test_hostile_files import _read
from tests.site.test_uploads import MP4

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("documents_on_disk")]

FILM = MP4 + bytes(range(256)) * 40  # 10,264 bytes, every byte value at every offset mod 256


@pytest.fixture
def film():
    document = Document.objects.create(title="Film", file=ContentFile(FILM, name="Film.mp4"))
    body = [("document", {"document": document, "title": "Se filmen"})]
    publish(HomePage.objects.get(), StandardPage(title="Om", slug="om", body=body))
    return document


def _get(client, document, **headers):
    return client.get(document.url, headers=headers)


def test_without_a_range_the_whole_film_comes_and_says_parts_may_be_asked_for(client, film):
    response = _get(client, film)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert int(response["Content-Length"]) == len(FILM)
    assert _read(response) == FILM


@pytest.mark.parametrize(
    "header, first, last",
    [
        ("bytes=0-99", 0, 99),
        ("bytes=0-1", 0, 1),
        ("bytes=4000-", 4000, len(FILM) - 1),
        ("bytes=-500", len(FILM) - 500, len(FILM) - 1),
        ("bytes=10000-999999", 10000, len(FILM) - 1),
        ("bytes=-999999", 0, len(FILM) - 1),
    ],
)
def test_a_range_gets_exactly_that_part(client, film, header, first, last):
    response = _get(client, film, Range=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(FILM)}"
    assert int(response["Content-Length"]) == last - first + 1
    assert _read(response) == FILM[first : last + 1]


def test_a_part_keeps_the_headers_that_keep_the_file_harmless(client, film):
    whole = _get(client, film)
    _read(whole)
    part = _get(client, film, Range="bytes=0-99")
    _read(part)
    for header in ("Content-Type", "Content-Disposition", "X-Content-Type-Options", "ETag"):
        assert part[header] == whole[header]
    assert part["Content-Type"] == "video/mp4"
    assert part["Content-Disposition"].startswith("attachment")
    assert part["X-Content-Type-Options"] == "nosniff"
    assert part["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize("header", [f"bytes={len(FILM)}-", "bytes=999999-1000000", "bytes=-0"])
def test_a_range_past_the_end_is_refused_with_the_size(client, film, header):
    response = _get(client, film, Range=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(FILM)}"
    assert _read(response) == b""


@pytest.mark.parametrize(
    "header", ["bytes=0-9,20-29", "bytes=9-0", "bytes=-", "items=0-9", "bytes=a-b", "rubbish"]
)
def test_what_is_not_one_byte_range_gets_the_whole_film(client, film, header):
    response = _get(client, film, Range=header)
    assert response.status_code == 200
    assert _read(response) == FILM


def test_if_range_gives_the_part_only_of_the_same_file(client, film):
    whole = _get(client, film)
    _read(whole)
    same = _get(client, film, Range="bytes=0-9", **{"If-Range": whole["ETag"]})
    assert same.status_code == 206
    assert _read(same) == FILM[:10]
    same_date = _get(client, film, Range="bytes=0-9", **{"If-Range": whole["Last-Modified"]})
    assert same_date.status_code == 206
    _read(same_date)
    changed = _get(client, film, Range="bytes=0-9", **{"If-Range": '"another-version"'})
    assert changed.status_code == 200
    assert _read(changed) == FILM


def test_a_part_of_a_film_nobody_may_see_is_not_found(client):
    hidden = Document.objects.create(title="Utkast", file=ContentFile(FILM, name="Utkast.mp4"))
    assert _get(client, hidden, Range="bytes=0-99").status_code == 404


def test_a_head_request_is_answered_whole(client, film):
    response = client.head(film.url, headers={"Range": "bytes=0-99"})
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    _read(response)


@pytest.mark.parametrize(
    "header, size, expected",
    [
        ("bytes=0-0", 1, (0, 0)),
        ("bytes=0-", 0, UNSATISFIABLE),
        ("bytes=-1", 0, UNSATISFIABLE),
        ("bytes = 5 - 9", 100, (5, 9)),
        ("bytes=5-9", 7, (5, 6)),
    ],
)
def test_edges_of_the_range_header(header, size, expected):
    assert requested_range(header, size) == expected
