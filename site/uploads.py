"""User uploads: accepted by content, capped in size by kind, kept in private storage
and served only as attachments by views that have already checked permission.

    document = PrivateFileField(allowed=[FileKind.PDF, FileKind.DOCX])
    file = models.FileField(storage=private_storage, upload_to=private_upload_to("agreements"))
    return private_file_response(report.film, download_name=report.film_name)
"""

import codecs
import os
import re
import struct
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable
from urllib.parse import quote

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, InMemoryStorage, storages
from django.db import models
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext


class FileKind(models.TextChoices):
    """The kinds of file an upload may be; the value is the extension it is stored with."""

    PDF = "pdf", "PDF"
    PNG = "png", "PNG"
    JPEG = "jpg", "JPEG"
    MP4 = "mp4", gettext_lazy("MP4 video")
    DOCX = "docx", gettext_lazy("Word document (DOCX)")
    ODT = "odt", gettext_lazy("OpenDocument text (ODT)")
    VTT = "vtt", gettext_lazy("WebVTT captions")

    @property
    def extension(self) -> str:
        return self.value

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]

    @classmethod
    def from_name(cls, name: str) -> "FileKind | None":
        """The kind a stored file name's extension stands for, if any."""
        extension = os.path.splitext(name)[1].lstrip(".").lower()
        return _EXTENSION_ALIASES.get(extension) or next(
            (kind for kind in cls if kind.value == extension), None
        )


_CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.PNG: "image/png",
    FileKind.JPEG: "image/jpeg",
    FileKind.MP4: "video/mp4",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.ODT: "application/vnd.oasis.opendocument.text",
    FileKind.VTT: "text/vtt",
}
_EXTENSION_ALIASES = {"jpeg": FileKind.JPEG}

# Major brands of the ISO base media files that are MP4 video (not HEIC, AVIF or 3GP).
_MP4_BRANDS = {
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"mp71",
    b"avc1", b"M4V ", b"M4VH", b"M4VP", b"dash", b"mmp4", b"MSNV", b"f4v ",
}  # fmt: skip
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# A DOCX has a few dozen entries; more than this is not a document but a trap for
# the memory zipfile spends on its central directory.
_MAX_ZIP_ENTRIES = 5000

MB = 1024 * 1024
# What a DOCX or ODT may unpack to, judged by the sizes its central directory
# declares (nothing is unpacked to judge it). Photos in a document unpack to about
# their own size and text 5-50 times: only thousands of pages of text come near this.
MAX_ARCHIVE_UNPACKED_BYTES = 100 * MB
# No entry may unpack to more than this many times its packed size. Zeros pack about
# 1000 times, which is what an archive bomb is made of; the most a real document does
# is an empty table of thousands of rows (measured: about 170 times).
MAX_ARCHIVE_RATIO = 200
# ...except entries that unpack to less than this, whatever their ratio: they can harm
# nobody, and MAX_ARCHIVE_UNPACKED_BYTES bounds how many there can be.
ARCHIVE_RATIO_GRACE_BYTES = 1 * MB
_ARCHIVE_KINDS = frozenset({FileKind.DOCX, FileKind.ODT})
_HEAD_BYTES = 64
# WebVTT: an optional byte order mark, the word, then a space, tab, line end or nothing.
_VTT_SIGNATURE = re.compile(rb"\A(?:\xef\xbb\xbf)?WEBVTT(?:[ \t\r\n]|\Z)")
_CHUNK_BYTES = 64 * 1024


def detect_kind(file, *, read_text: bool = True) -> FileKind | None:
    """The kind the file's content shows, whatever its name or declared content type.

    Captions are read through to the end to tell them from a disguise; with
    `read_text=False` (a file refused for its size anyway) their first line will do.
    """
    if getattr(file, "closed", False):
        file.open("rb")
    try:
        file.seek(0)
        head = file.read(_HEAD_BYTES)
        if not isinstance(head, bytes):
            return None
        if head.startswith(b"PK\x03\x04"):
            return _zip_kind(file)
        if _VTT_SIGNATURE.match(head):
            return _text_kind(file) if read_text else FileKind.VTT
        return _head_kind(head)
    finally:
        file.seek(0)


def _head_kind(head: bytes) -> FileKind | None:
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return FileKind.MP4
    return None


def _text_kind(file) -> FileKind | None:
    """WebVTT only when the whole file is UTF-8 without NUL bytes: a browser reads
    captions as text, and a binary tail behind a text header is a disguise."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := file.read(_CHUNK_BYTES):
            if b"\x00" in chunk:
                return None
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return FileKind.VTT


def _zip_kind(file) -> FileKind | None:
    if not 0 < _zip_entry_count(file) <= _MAX_ZIP_ENTRIES:
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
                # Refuse macro-enabled documents (.docm) dressed as .docx.
                return None if "word/vbaProject.bin" in names else FileKind.DOCX
            if members and members[0].filename == "mimetype":
                with archive.open(members[0]) as member:
                    if member.read(len(_ODT_MIMETYPE) + 1) == _ODT_MIMETYPE:
                        return FileKind.ODT
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError):
        return None
    return None


def _zip_entry_count(file) -> int:
    """The entry count in the end-of-central-directory record, read without zipfile."""
    file.seek(0, os.SEEK_END)
    size = file.tell()
    tail_size = min(size, 22 + 0xFFFF)  # the record plus the longest archive comment
    file.seek(size - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return 0
    return struct.unpack_from("<H", tail, at + 10)[0]


def format_kinds(kinds: Iterable[FileKind]) -> str:
    """The kinds' names as a list a person reads: "PDF, PNG or JPEG"."""
    names = [str(kind.label) for kind in dict.fromkeys(kinds)]
    if len(names) < 2:
        return "".join(names)
    # Translators: joins the last file type to the others, as in "PDF, PNG or JPEG".
    return _("%(kinds)s or %(last)s") % {"kinds": ", ".join(names[:-1]), "last": names[-1]}


def max_bytes(kind: FileKind) -> int:
    """The cap on one kind of file, the same on every form: films, images and
    documents (captions among them) each have their own."""
    if kind == FileKind.MP4:
        return settings.UPLOAD_MAX_FILM_BYTES
    if kind in (FileKind.PNG, FileKind.JPEG):
        return settings.UPLOAD_MAX_IMAGE_BYTES
    return settings.UPLOAD_MAX_DOCUMENT_BYTES


def format_megabytes(size: int) -> str:
    """A cap as people read it: "20 MB" (filesizeformat says "20.0 MB")."""
    return f"{size // MB}\N{NO-BREAK SPACE}MB" if size % MB == 0 else filesizeformat(size)


def validate_upload(file, *, allowed: Iterable[FileKind]) -> FileKind:
    """The file's kind, or ValidationError (code empty, too_large, file_type,
    archive_too_large or archive_ratio)."""
    allowed = tuple(allowed)
    size = file.size
    if not size:
        raise ValidationError(_("The file is empty. Choose the file again."), code="empty")
    largest = max(max_bytes(kind) for kind in allowed)
    if size > largest:
        # Refused whatever it is; its kind only chooses the words.
        kind = detect_kind(file, read_text=False)
        if kind in allowed:
            raise _too_large(size, kind, max_bytes(kind))
        raise _too_large(size, None, largest)
    kind = detect_kind(file)
    if kind not in allowed:
        raise ValidationError(
            _("This file type is not accepted here. Upload %(kinds)s."),
            code="file_type",
            params={"kinds": format_kinds(allowed)},
        )
    if size > max_bytes(kind):
        raise _too_large(size, kind, max_bytes(kind))
    if kind in _ARCHIVE_KINDS:
        check_archive(file)
    return kind


def _too_large(size: int, kind: FileKind | None, limit: int) -> ValidationError:
    params = {"size": filesizeformat(size), "limit": format_megabytes(limit)}
    if kind == FileKind.MP4:
        message = _(
            "Films can be at most %(limit)s, and this one is %(size)s. Export it in a lower "
            "resolution, or share it elsewhere and write the link in the text."
        )
    elif kind in (FileKind.PNG, FileKind.JPEG):
        message = _(
            "Images can be at most %(limit)s, and this one is %(size)s. "
            "Save it in a lower resolution and upload it again."
        )
    elif kind is not None:
        message = _(
            "Documents can be at most %(limit)s, and this one is %(size)s. Make it smaller, "
            "for example with smaller pictures in it, or share it elsewhere and write the "
            "link in the text."
        )
    else:
        message = _(
            "The file is %(size)s; the limit is %(limit)s. "
            "Make it smaller, or share it elsewhere and write the link in the text."
        )
    return ValidationError(message, code="too_large", params=params)


def check_archive(file) -> None:
    """Refuse a zip archive (DOCX, ODT) that would unpack to too much, in all or in
    one entry, by the sizes its central directory declares: nothing is unpacked."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError):
        return  # detect_kind refuses what zipfile cannot read
    finally:
        file.seek(0)
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_ARCHIVE_UNPACKED_BYTES:
        raise ValidationError(
            _(
                "This document takes up %(size)s when unpacked; the limit is %(limit)s. "
                "Save it again with fewer or smaller pictures, or export it as PDF."
            ),
            code="archive_too_large",
            params={
                "size": filesizeformat(unpacked),
                "limit": format_megabytes(MAX_ARCHIVE_UNPACKED_BYTES),
            },
        )
    for member in members:
        if member.file_size <= ARCHIVE_RATIO_GRACE_BYTES:
            continue
        ratio = member.file_size // max(member.compress_size, 1)
        if ratio > MAX_ARCHIVE_RATIO:
            raise ValidationError(
                ngettext(
                    "Part of this document grows %(ratio)s time larger when unpacked; at "
                    "most %(limit)s times is allowed, to protect the server. Open it in "
                    "your word processor and save it again, or export it as PDF.",
                    "Part of this document grows %(ratio)s times larger when unpacked; at "
                    "most %(limit)s times is allowed, to protect the server. Open it in "
                    "your word processor and save it again, or export it as PDF.",
                    ratio,
                ),
                code="archive_ratio",
                params={"ratio": ratio, "limit": MAX_ARCHIVE_RATIO},
            )


class PrivateFileField(forms.FileField):
    """A file field that accepts only the allowed kinds, by content, each up to its
    kind's cap (max_bytes()).

    The cleaned file carries `detected_kind`, and its name keeps the person's name
    with the detected kind's extension (a good download name; never a storage name).
    """

    def __init__(self, *, allowed: Iterable[FileKind], **kwargs):
        self.allowed = tuple(allowed)
        # validate_upload gives the empty file its own message.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # Only a hint for the file picker: the content is what is checked.
        extensions = [kind.extension for kind in self.allowed]
        extensions += [alias for alias, kind in _EXTENSION_ALIASES.items() if kind in self.allowed]
        accept = [f".{extension}" for extension in extensions]
        accept += [kind.content_type for kind in self.allowed]
        attrs.setdefault("accept", ",".join(accept))
        return attrs

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if file and file is not initial:
            kind = validate_upload(file, allowed=self.allowed)
            file.detected_kind = kind
            file.name = f"{os.path.splitext(file.name)[0] or 'file'}.{kind.extension}"
        return file


class NoPublicURLMixin:
    def url(self, name):
        raise ValueError(
            "Private files have no URL; serve them with private_file_response() "
            "from a view that checks permission."
        )


class PrivateFileSystemStorage(NoPublicURLMixin, FileSystemStorage):
    """FileSystemStorage would fall back to MEDIA_URL without a base_url; this has none."""


class PrivateInMemoryStorage(NoPublicURLMixin, InMemoryStorage):
    """The private storage of the test suite."""


def private_storage():
    return storages["private"]


@deconstructible(path="mentornett.uploads.PrivateUploadTo")
class PrivateUploadTo:
    """Names a stored file `<prefix>/<year>/<random hex>.<extension>`.

    The extension comes from the name PrivateFileField gave the file (the detected
    kind's); anything it does not know is stored as .bin and served as bytes.
    """

    def __init__(self, prefix: str):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename: str) -> str:
        kind = FileKind.from_name(filename)
        extension = kind.extension if kind else "bin"
        year = timezone.localdate().year
        return f"{self.prefix}/{year}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return isinstance(other, PrivateUploadTo) and other.prefix == self.prefix

    def __hash__(self):
        return hash(self.prefix)


def private_upload_to(prefix: str) -> PrivateUploadTo:
    return PrivateUploadTo(prefix.strip("/"))


def private_file_response(field_file, *, download_name: str) -> FileResponse:
    """Stream a private file as an attachment. The caller has checked permission."""
    kind = FileKind.from_name(field_file.name)
    content_type = kind.content_type if kind else "application/octet-stream"
    download_name = _download_name(download_name, kind)
    field_file.open("rb")
    response = FileResponse(
        field_file, as_attachment=True, filename=download_name, content_type=content_type
    )
    response.headers["Content-Disposition"] = _attachment_header(download_name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _download_name(name: str, kind: FileKind | None) -> str:
    name = os.path.basename(name.replace("\\", "/"))
    # No control characters, and none that a file system on Windows refuses.
    name = "".join(
        char for char in name if unicodedata.category(char)[0] != "C" and char not in _UNSAFE
    ).strip(" .")
    name = name or "file"
    # A saved file must not open as something else than it is (a PDF named .html).
    if kind is not None and FileKind.from_name(name) != kind:
        name = f"{name}.{kind.extension}"
    return name


_UNSAFE = frozenset('<>:"/\\|?*')
_ASCII_FALLBACK = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss"})


def _attachment_header(name: str) -> str:
    """`filename` in plain ASCII for old clients, `filename*` in UTF-8 for the rest."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(_ASCII_FALLBACK))
    ascii_name = ascii_name.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "")
    header = f'attachment; filename="{ascii_name or "file"}"'
    if ascii_name != name:
        header += f"; filename*=utf-8''{quote(name, safe='')}"
    return header
