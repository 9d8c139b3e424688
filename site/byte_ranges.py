"""Parts of a served file, for films. Safari on iPhone and iPad plays a video only
from a server that answers `Range` requests, and every browser needs them to skip
ahead in a film. Wagtail's document view always answers the whole file; the
decorator here turns that answer into the part the browser asked for (RFC 9110,
section 14): one range, `If-Range` honoured, anything else gets the whole file."""

import re
from functools import wraps

from django.http import FileResponse

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def serve_byte_ranges(view):
    """Wrap a view that answers with a whole file (after its own permission checks)
    so that a single byte range is answered with 206 Partial Content."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not _whole_file(response):
            return response
        response["Accept-Ranges"] = "bytes"
        header = request.headers.get("Range")
        if request.method != "GET" or not header or not _if_range_holds(request, response):
            return response
        size = int(response["Content-Length"])
        wanted = requested_range(header, size)
        if wanted is None:
            return response
        if wanted is UNSATISFIABLE:
            _answer_nothing(response, size)
        else:
            _answer_part(response, *wanted, size=size)
        return response

    return wrapper


UNSATISFIABLE = object()


def requested_range(header: str, size: int):
    """(first, last) byte of the one range asked for, both inclusive;
    UNSATISFIABLE when it lies wholly past the end; None when the header is not a
    single byte range, which is answered with the whole file."""
    match = _RANGE.match(header.replace(" ", ""))
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # "bytes=-500": the last 500 bytes
        length = int(last)
        if length == 0 or size == 0:
            return UNSATISFIABLE
        return max(size - length, 0), size - 1
    first = int(first)
    if last and int(last) < first:
        return None
    if first >= size:
        return UNSATISFIABLE
    return first, min(int(last) if last else size - 1, size - 1)


def _whole_file(response) -> bool:
    return (
        isinstance(response, FileResponse)
        and response.status_code == 200
        and response.has_header("Content-Length")
        and _seekable(response.file_to_stream)
    )


def _seekable(file) -> bool:
    seekable = getattr(file, "seekable", None)
    return bool(seekable and seekable())


def _if_range_holds(request, response) -> bool:
    """A range with `If-Range` is only for the file the browser already has part
    of; a changed file (or a validator we cannot compare) is sent whole."""
    validator = request.headers.get("If-Range")
    if validator is None:
        return True
    if validator.startswith('"'):
        return validator == response.get("ETag")
    return validator == response.get("Last-Modified")


def _answer_part(response, first: int, last: int, *, size: int):
    length = last - first + 1
    file = response.file_to_stream
    response.streaming_content = _read(file, first, length, response.block_size)
    response.status_code = 206
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(length)


def _answer_nothing(response, size: int):
    response.streaming_content = iter(())
    response.status_code = 416
    response["Content-Range"] = f"bytes */{size}"
    response["Content-Length"] = "0"


def _read(file, start: int, length: int, block_size: int):
    file.seek(start)
    while length > 0:
        block = file.read(min(block_size, length))
        if not block:
            return
        length -= len(block)
        yield block
