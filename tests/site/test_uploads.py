import io
import re
import struct
import zipfile
import zlib

import openpyxl
import pytest
from freezegun import freeze_time

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.db import models
from django.db.migrations.writer import MigrationWriter
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from mentornett import uploads
from mentornett.settings import base as base_settings
from mentornett.uploads import (
    MB,
    FileKind,
    PrivateFileField,
    PrivateFileSystemStorage,
    PrivateUploadTo,
    check_archive,
    detect_kind,
    private_file_response,
    private_storage,
    private_upload_to,
    validate_upload,
)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
MP4 = struct.pack(">I", 24) + b"ftypisom\x00\x00\x02\x00isomiso2" + struct.pack(">I", 8) + b"free"
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHei\n"


def _png():
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, compression in members:
            archive.writestr(name, data, compress_type=compression)
    return buffer.getvalue()


def _docx(*extra):
    return _zip(
        [
            ("[Content_Types].xml", b"<?xml version='1.0'?><Types/>", zipfile.ZIP_DEFLATED),
            ("_rels/.rels", b"<?xml version='1.0'?><Relationships/>", zipfile.ZIP_DEFLATED),
            ("word/document.xml", b"<?xml version='1.0'?><w:document/>", zipfile.ZIP_DEFLATED),
            *extra,
        ]
    )


def _odt(mimetype=b"application/vnd.oasis.opendocument.text"):
    return _zip(
        [
            ("mimetype", mimetype, zipfile.ZIP_STORED),
            ("content.xml", b"<?xml version='1.0'?><office:document-content/>", 8),
            ("META-INF/manifest.xml", b"<?xml version='1.0'?><manifest:manifest/>", 8),
        ]
    )


PNG = _png()
DOCX = _docx()
ODT = _odt()
DOCUMENTS = [FileKind.PDF, FileKind.PNG, FileKind.JPEG]
EVERY_KIND = list(FileKind)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("avtale.pdf", PDF, FileKind.PDF),
        ("skann.png", PNG, FileKind.PNG),
        ("skann.jpeg", JPEG, FileKind.JPEG),
        ("film.mp4", MP4, FileKind.MP4),
        ("rapport.docx", DOCX, FileKind.DOCX),
        ("rapport.odt", ODT, FileKind.ODT),
        ("teksting.vtt", VTT, FileKind.VTT),
        ("teksting.vtt", b"\xef\xbb\xbfWEBVTT", FileKind.VTT),
        (
            "teksting.vtt",
            b"WEBVTT\tKapittel 1\r\n\r\n00:01.000 --> 00:02.000\r\nR\xc3\xb8ros",
            FileKind.VTT,
        ),
    ],
)
def test_each_kind_is_accepted_by_its_content(name, content, kind):
    assert validate_upload(upload(name, content), allowed=EVERY_KIND) == kind


def test_the_name_and_declared_type_do_not_decide_the_kind():
    file = upload("scan.txt", PDF, content_type="text/html")
    assert validate_upload(file, allowed=[FileKind.PDF]) == FileKind.PDF


def test_detection_rewinds_and_works_on_every_file_class():
    content_file = ContentFile(DOCX, name="rapport.docx")
    assert detect_kind(content_file) == FileKind.DOCX
    assert content_file.tell() == 0
    assert content_file.read() == DOCX

    on_disk = TemporaryUploadedFile("rapport.odt", "application/zip", len(ODT), None)
    on_disk.write(ODT)
    on_disk.seek(5)
    try:
        assert detect_kind(on_disk) == FileKind.ODT
        assert on_disk.tell() == 0
    finally:
        on_disk.close()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sluttrapport.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("plakat.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("avtale.pdf", b"#!/bin/sh\nrm -rf /\n"),
        ("rapport.docx", _zip([("notes.txt", b"just a zip", zipfile.ZIP_DEFLATED)])),
        ("broken.docx", b"PK\x03\x04 but not really a zip archive"),
        ("makro.docx", _docx(("word/vbaProject.bin", b"\x00" * 16, zipfile.ZIP_STORED))),
        ("regneark.odt", _odt(b"application/vnd.oasis.opendocument.spreadsheet")),
        ("bilde.mp4", struct.pack(">I", 16) + b"ftypheic\x00\x00\x00\x00"),
    ],
)
def test_content_that_is_not_an_allowed_kind_is_refused(name, content):
    allowed = [FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.DOCX, FileKind.ODT]
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, content, "application/pdf"), allowed=allowed)
    assert caught.value.code == "file_type"
    assert caught.value.messages == [
        "This file type is not accepted here. Upload PDF, PNG, JPEG, Word document (DOCX) "
        "or OpenDocument text (ODT)."
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"WEBVTTX\n\n00:00.000 --> 00:02.000\nHei\n",  # not the word alone
        b"webvtt\n",  # the signature is upper case
        b"\n" + VTT,  # nothing may come before it but a byte order mark
        VTT + b"\x00",  # text has no NUL bytes
        VTT + b"\xff\xfe",  # not UTF-8
        VTT + b"\xc3",  # UTF-8 cut in the middle of a character
        VTT + b"\n" * 70_000 + b"<script>\x00",  # far behind the first chunk
    ],
)
def test_captions_must_be_webvtt_text_throughout(content):
    assert detect_kind(ContentFile(content, name="t.vtt")) is None


def test_a_real_kind_that_is_not_allowed_here_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("film.mp4", MP4), allowed=DOCUMENTS)
    assert caught.value.code == "file_type"
    assert "Upload PDF, PNG or JPEG." in caught.value.messages[0]


def test_a_single_allowed_kind_is_named_alone():
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("a.pdf", PNG), allowed=[FileKind.PDF])
    assert caught.value.messages == ["This file type is not accepted here. Upload PDF."]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("avtale.pdf", b""), allowed=DOCUMENTS)
    assert caught.value.code == "empty"
    assert caught.value.messages == ["The file is empty. Choose the file again."]


@pytest.fixture
def small_caps(settings):
    settings.UPLOAD_MAX_DOCUMENT_BYTES = 2 * MB
    settings.UPLOAD_MAX_IMAGE_BYTES = 1 * MB
    settings.UPLOAD_MAX_FILM_BYTES = 3 * MB


def _padded_zip(members, size):
    """A zip of `members` and one stored entry of zeros, exactly `size` bytes long."""
    bare = len(_zip([*members, ("word/media/pad.bin", b"", zipfile.ZIP_STORED)]))
    padding = (b"\x00" * (size - bare), zipfile.ZIP_STORED)
    archive = _zip([*members, ("word/media/pad.bin", *padding)])
    assert len(archive) == size
    return archive


def _of_size(kind, size):
    """A file of the kind, `size` bytes long."""
    if kind == FileKind.DOCX:
        return _padded_zip(
            [
                ("[Content_Types].xml", b"<Types/>", zipfile.ZIP_DEFLATED),
                ("word/document.xml", b"<w:document/>", zipfile.ZIP_DEFLATED),
            ],
            size,
        )
    if kind == FileKind.ODT:
        return _padded_zip([("mimetype", b"application/vnd.oasis.opendocument.text", 0)], size)
    head = {
        FileKind.PDF: PDF,
        FileKind.PNG: PNG,
        FileKind.JPEG: JPEG,
        FileKind.MP4: MP4,
        FileKind.VTT: VTT,
    }[kind]
    return head + b"\n" * (size - len(head))


CAPS = {
    FileKind.PDF: (2 * MB, "Documents can be at most 2\xa0MB"),
    FileKind.DOCX: (2 * MB, "Documents can be at most 2\xa0MB"),
    FileKind.ODT: (2 * MB, "Documents can be at most 2\xa0MB"),
    FileKind.VTT: (2 * MB, "Documents can be at most 2\xa0MB"),
    FileKind.PNG: (1 * MB, "Images can be at most 1\xa0MB"),
    FileKind.JPEG: (1 * MB, "Images can be at most 1\xa0MB"),
    FileKind.MP4: (3 * MB, "Films can be at most 3\xa0MB"),
}


@pytest.mark.usefixtures("small_caps")
@pytest.mark.parametrize("kind", list(CAPS))
def test_each_kind_has_its_own_cap_whatever_else_the_form_takes(kind):
    cap, says = CAPS[kind]
    assert validate_upload(upload("fil", _of_size(kind, cap)), allowed=EVERY_KIND) == kind
    file = upload("fil", _of_size(kind, cap + 1))
    with pytest.raises(ValidationError) as caught:
        validate_upload(file, allowed=EVERY_KIND)
    assert caught.value.code == "too_large"
    (message,) = caught.value.messages
    assert message.startswith(f"{says}, and this one is {filesizeformat(cap + 1)}. ")
    # Alone on a form, over the largest cap there is, it is named the same.
    with pytest.raises(ValidationError) as caught:
        validate_upload(file, allowed=[kind])
    assert caught.value.messages == [message]


@pytest.mark.usefixtures("small_caps")
def test_the_cap_messages_say_what_to_do():
    def refusal(kind):
        with pytest.raises(ValidationError) as caught:
            validate_upload(upload("fil", _of_size(kind, 4 * MB)), allowed=EVERY_KIND)
        return caught.value.messages[0]

    assert refusal(FileKind.MP4) == (
        "Films can be at most 3\xa0MB, and this one is 4.0\xa0MB. Export it in a lower "
        "resolution, or share it elsewhere and write the link in the text."
    )
    assert refusal(FileKind.JPEG) == (
        "Images can be at most 1\xa0MB, and this one is 4.0\xa0MB. "
        "Save it in a lower resolution and upload it again."
    )
    assert refusal(FileKind.ODT) == (
        "Documents can be at most 2\xa0MB, and this one is 4.0\xa0MB. Make it smaller, for example "
        "with smaller pictures in it, or share it elsewhere and write the link in the text."
    )


@pytest.mark.usefixtures("small_caps")
def test_a_file_over_every_cap_of_the_form_is_refused_before_it_is_read_through():
    # Over the largest cap, captions are not read to the end to be named.
    broken_captions = VTT + b"\n" * (3 * MB) + b"\x00"
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("t.vtt", broken_captions), allowed=[FileKind.VTT])
    assert caught.value.messages[0].startswith("Documents can be at most 2\xa0MB")
    # What is not one of the form's kinds gets the form's largest cap.
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("a.pdf", b"<html>" + b" " * (2 * MB)), allowed=DOCUMENTS)
    assert caught.value.code == "too_large"
    assert caught.value.messages == [
        f"The file is {filesizeformat(2 * MB + 6)}; the limit is 2\xa0MB. "
        "Make it smaller, or share it elsewhere and write the link in the text."
    ]
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("film.mp4", _of_size(FileKind.MP4, 3 * MB)), allowed=DOCUMENTS)
    assert "the limit is 2\xa0MB" in caught.value.messages[0]


def test_the_caps_are_the_settings(settings):
    assert settings.UPLOAD_MAX_DOCUMENT_BYTES == 20 * MB
    assert settings.UPLOAD_MAX_IMAGE_BYTES == 10 * MB
    assert settings.UPLOAD_MAX_FILM_BYTES == 300 * MB
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == settings.UPLOAD_MAX_IMAGE_BYTES
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == settings.UPLOAD_MAX_FILM_BYTES
    assert uploads.max_bytes(FileKind.PDF) == 20 * MB
    assert uploads.max_bytes(FileKind.VTT) == 20 * MB
    assert uploads.max_bytes(FileKind.JPEG) == 10 * MB
    assert uploads.max_bytes(FileKind.MP4) == 300 * MB


# --- archives (DOCX, ODT) ---------------------------------------------------------------


def _with_zeros(members, name, size, compression=zipfile.ZIP_DEFLATED):
    """An archive of `members` and an entry of `size` zeros, written in pieces."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member_name, data, member_compression in members:
            archive.writestr(member_name, data, compress_type=member_compression)
        info = zipfile.ZipInfo(name)
        info.compress_type = compression
        with archive.open(info, "w", force_zip64=size > 2**31) as entry:
            piece = b"\x00" * MB
            for start in range(0, size, MB):
                entry.write(piece[: size - start])
    return buffer.getvalue()


ODT_PARTS = [
    ("mimetype", b"application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
    ("content.xml", b"<?xml version='1.0'?><office:document-content/>", zipfile.ZIP_DEFLATED),
]


def archive_bomb(size=60 * MB):
    """An ODT with one entry of zeros: about 60 KB that unpacks to 60 MB."""
    return _with_zeros(ODT_PARTS, "Pictures/blank.bmp", size)


def test_an_archive_bomb_is_refused_by_the_ratio_its_central_directory_declares():
    bomb = archive_bomb()
    assert len(bomb) < 100_000
    assert detect_kind(ContentFile(bomb)) == FileKind.ODT  # it is an ODT
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("rapport.odt", bomb), allowed=EVERY_KIND)
    assert caught.value.code == "archive_ratio"
    ratio = caught.value.params["ratio"]
    assert ratio > 900
    assert caught.value.messages == [
        f"Part of this document grows {ratio} times larger when unpacked; at most 200 times "
        "is allowed, to protect the server. Open it in your word processor and save it "
        "again, or export it as PDF."
    ]


def test_a_docx_that_declares_more_unpacked_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ARCHIVE_UNPACKED_BYTES", 1 * MB)
    # Stored, so its ratio is 1: only the total is over.
    heavy = _with_zeros(
        [("[Content_Types].xml", b"<Types/>", 8), ("word/document.xml", b"<w:document/>", 8)],
        "word/media/image1.png",
        MB,
        compression=zipfile.ZIP_STORED,
    )
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("rapport.docx", heavy), allowed=[FileKind.DOCX])
    assert caught.value.code == "archive_too_large"
    assert caught.value.messages == [
        "This document takes up 1.0\xa0MB when unpacked; the limit is 1\xa0MB. "
        "Save it again with fewer or smaller pictures, or export it as PDF."
    ]


def test_a_small_entry_may_pack_as_tightly_as_it_likes():
    tight = _with_zeros(ODT_PARTS, "styles.xml", uploads.ARCHIVE_RATIO_GRACE_BYTES)
    assert validate_upload(upload("notat.odt", tight), allowed=[FileKind.ODT]) == FileKind.ODT


def _empty_table_docx(rows=5000):
    """What python-docx writes for an empty table of ten columns: the most tightly
    packed part a real document has (python-docx 1.2 made one of 3.4 MB that packs
    169 times; this one packs about as much)."""
    cell = b'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="864"/></w:tcPr><w:p/></w:tc>'
    table = b"<w:tbl>" + (b"<w:tr>" + cell * 10 + b"</w:tr>") * rows + b"</w:tbl>"
    document = b'<?xml version="1.0"?><w:document><w:body>' + table + b"</w:body></w:document>"
    return _zip(
        [
            ("[Content_Types].xml", b"<?xml version='1.0'?><Types/>", zipfile.ZIP_DEFLATED),
            ("word/document.xml", document, zipfile.ZIP_DEFLATED),
        ]
    )


def test_real_office_documents_pass_the_archive_limits():
    docx = _empty_table_docx()
    member = zipfile.ZipFile(io.BytesIO(docx)).getinfo("word/document.xml")
    assert member.file_size > uploads.ARCHIVE_RATIO_GRACE_BYTES
    assert member.file_size / member.compress_size > 150
    assert validate_upload(upload("skjema.docx", docx), allowed=EVERY_KIND) == FileKind.DOCX

    # A spreadsheet as openpyxl writes it (not a kind anyone may upload, but an archive
    # of the same make as DOCX).
    workbook = openpyxl.Workbook()
    for row in range(5000):
        workbook.active.append([row, "Tynset", "Røros", row * 3.5, None, "x"])
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    check_archive(ContentFile(xlsx.getvalue()))

    for fixture in (DOCX, ODT):
        check_archive(ContentFile(fixture))


def test_a_zip_with_too_many_entries_is_not_inspected():
    archive = _docx(*[(f"word/media/{n}.xml", b"", zipfile.ZIP_STORED) for n in range(5001)])
    assert detect_kind(ContentFile(archive)) is None


class AgreementForm(forms.Form):
    scan = PrivateFileField(allowed=DOCUMENTS)


def test_the_form_field_keeps_the_detected_kind_and_names_the_file_after_it():
    form = AgreementForm(files={"scan": upload("Signert avtale.JPEG.pdf", JPEG)})
    assert form.is_valid(), form.errors
    scan = form.cleaned_data["scan"]
    assert scan.detected_kind == FileKind.JPEG
    assert scan.name == "Signert avtale.JPEG.jpg"


def test_the_form_field_reports_the_error_code():
    form = AgreementForm(files={"scan": upload("avtale.pdf", b"<html></html>")})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["scan"]] == ["file_type"]

    form = AgreementForm(files={"scan": upload("avtale.pdf", b"")})
    assert not form.is_valid()
    assert form.errors["scan"] == ["The file is empty. Choose the file again."]


def test_the_file_picker_is_told_the_allowed_kinds():
    html = str(AgreementForm()["scan"])
    assert 'accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"' in html


@freeze_time("2025-03-14 12:00")
def test_stored_names_are_random_and_carry_only_the_detected_extension():
    field = models.FileField(storage=private_storage, upload_to=private_upload_to("agreements"))
    first = field.generate_filename(None, "Kari Nordmann avtale.pdf")
    second = field.generate_filename(None, "Kari Nordmann avtale.pdf")
    assert re.fullmatch(r"agreements/2025/[0-9a-f]{32}\.pdf", first)
    assert first != second
    assert "Kari" not in first
    assert "avtale" not in first
    assert re.fullmatch(
        r"agreements/2025/[0-9a-f]{32}\.bin", field.generate_filename(None, "x.html")
    )


def test_upload_to_serialises_into_migrations():
    upload_to = private_upload_to("reports/")
    assert upload_to == PrivateUploadTo("reports")
    assert upload_to.deconstruct() == ("mentornett.uploads.PrivateUploadTo", ("reports",), {})
    source, imports = MigrationWriter.serialize(upload_to)
    assert source == "mentornett.uploads.PrivateUploadTo('reports')"
    assert imports == {"import mentornett.uploads"}


def test_private_storage_has_no_public_url():
    with pytest.raises(ValueError, match="no URL"):
        private_storage().url("agreements/2025/abc.pdf")
    assert (
        base_settings.STORAGES["private"]["BACKEND"]
        == "mentornett.uploads.PrivateFileSystemStorage"
    )
    storage = PrivateFileSystemStorage(**base_settings.STORAGES["private"]["OPTIONS"])
    with pytest.raises(ValueError, match="no URL"):
        storage.url("agreements/2025/abc.pdf")
    assert not base_settings.PRIVATE_MEDIA_ROOT.is_relative_to(base_settings.MEDIA_ROOT)


def stored(name, content):
    storage = private_storage()
    return FieldFile(None, models.FileField(storage=private_storage), storage.save(name, content))


def read(response):
    # Not response.close(): its request_finished signal would reach for the database.
    try:
        return b"".join(response.streaming_content)
    finally:
        response.file_to_stream.close()


def test_private_file_response_streams_an_attachment_with_safe_headers():
    field_file = stored("reports/2025/0123abcd.pdf", ContentFile(PDF))
    response = private_file_response(field_file, download_name="Sluttrapport Røros.pdf")
    assert read(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Sluttrapport Roros.pdf"; '
        "filename*=utf-8''Sluttrapport%20R%C3%B8ros.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"


def test_an_ascii_download_name_needs_no_utf8_twin():
    field_file = stored("agreements/2025/feed.jpg", ContentFile(JPEG))
    response = private_file_response(field_file, download_name="avtale.jpeg")
    assert read(response) == JPEG
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'attachment; filename="avtale.jpeg"'


def test_the_download_name_cannot_change_what_the_file_opens_as():
    field_file = stored("reports/2025/beef.pdf", ContentFile(PDF))
    response = private_file_response(field_file, download_name='../"rapport".html\r\n')
    read(response)
    assert response["Content-Disposition"] == 'attachment; filename="rapport.html.pdf"'


def test_the_download_name_has_no_characters_a_file_system_refuses():
    field_file = stored("reports/2025/f00d.pdf", ContentFile(PDF))
    response = private_file_response(field_file, download_name='<Rapport>: "mai"?*|.pdf')
    read(response)
    assert response["Content-Disposition"] == 'attachment; filename="Rapport mai.pdf"'


def test_an_unknown_stored_kind_is_served_as_bytes():
    field_file = stored("reports/2025/cafe.bin", ContentFile(b"<svg onload=alert(1)>"))
    response = private_file_response(field_file, download_name="plakat.svg")
    read(response)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
