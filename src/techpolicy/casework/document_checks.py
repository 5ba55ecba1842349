"""An uploaded file is accepted only if it opens as what its first bytes claim (issue 10, item 6):
a PDF that a PDF library reads with at least one page and no password, a PNG or JPEG that an image
library reads. A file that merely starts with "%PDF-" is not a document a reviewer can open.

The files come from anyone with an account, so the work of reading them is bounded: the PDF
library's own limits are tightened to what a document of the upload size limit can need, no
external decoder is ever started, and images are measured before they are decoded (a small
compressed file may claim a billion pixels)."""

from __future__ import annotations

from typing import IO

from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader, apply_configuration

# A scan of an A4 page at 600 dpi is about 35 million pixels; the largest honest image is well below.
MAX_IMAGE_PIXELS = 60_000_000
# An application document is read only as far as its page tree: far below the library's defaults.
_PDF_LIMITS = {
    "maximum_declared_stream_length": 32_000_000,
    "zlib_maximum_output_length": 32_000_000,
    "lzw_maximum_output_length": 32_000_000,
    "run_length_maximum_output_length": 32_000_000,
    "brotli_maximum_output_length": 32_000_000,
    "array_based_stream_maximum_output_length": 32_000_000,
    "stream_decoding_work_maximum_length": 64_000_000,
    "page_tree_maximum_entries": 20_000,
    "page_tree_maximum_depth": 32,
    "page_tree_maximum_page_entries": 200_000,
    "jbig2dec_binary": None,  # never start a program on an uploaded file
}
_IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}


class UnreadableFile(ValueError):
    """The file does not open as its type; the message tells the uploader why, in their language."""


def check(stream: IO[bytes], content_type: str) -> None:
    """Raise UnreadableFile unless `stream` opens as `content_type`; the stream is rewound after."""
    try:
        if content_type == "application/pdf":
            _check_pdf(stream)
        elif content_type in _IMAGE_FORMATS:
            _check_image(stream, _IMAGE_FORMATS[content_type])
    finally:
        stream.seek(0)


def _check_pdf(stream: IO[bytes]) -> None:
    with apply_configuration(**_PDF_LIMITS):
        try:
            reader = PdfReader(stream, strict=False)
            encrypted = reader.is_encrypted
            pages = None if encrypted else len(reader.pages)
        # A parser of untrusted bytes fails in many ways (its own errors, limits reached, malformed
        # numbers, recursion in a cyclic tree): each of them means the reviewers could not open it.
        except Exception:
            raise UnreadableFile(_("This PDF cannot be opened: it is damaged or is not a real PDF file. "
                                   "Save it again as PDF and upload the new file.")) from None
    if encrypted:
        raise UnreadableFile(_("This PDF is protected by a password or encryption, so reviewers could not "
                               "open it. Upload a copy without protection."))
    if pages < 1:
        raise UnreadableFile(_("This PDF has no pages."))


def _check_image(stream: IO[bytes], image_format: str) -> None:
    damaged = _("This image cannot be opened: it is damaged or is not a real %(format)s file.") % {
        "format": image_format}
    too_large = _("The image has too many pixels: at most %(limit)s million are accepted. "
                  "Scan it at a lower resolution.") % {"limit": MAX_IMAGE_PIXELS // 1_000_000}
    try:
        with Image.open(stream, formats=[image_format]) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise UnreadableFile(too_large)
            image.verify()  # PNG: every chunk and its checksum, without decoding the pixels
        if image_format == "JPEG":
            # JPEG has nothing to verify without decoding; decode at an eighth of the size, which
            # reads every part of the data at a sixty-fourth of the memory.
            stream.seek(0)
            with Image.open(stream, formats=["JPEG"]) as image:
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except UnreadableFile:
        raise
    except Image.DecompressionBombError:  # the library's own, larger bound: refused before decoding
        raise UnreadableFile(too_large) from None
    except Exception:  # as for PDFs: any failure of the decoder means the file cannot be shown
        raise UnreadableFile(damaged) from None
