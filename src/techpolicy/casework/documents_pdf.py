"""The document kit for PDF documents (certificates, decisions, minutes, reports), built with reportlab.

Every document is set in DejaVu Sans (`pdf_fonts`, the copy matplotlib ships), so each Kazakh
letter (ә ғ қ ң ө ұ ү һ і and their capitals) has a glyph and nothing is downloaded at run time.
`DocumentBuilder` holds the layout every document shares (header, key-value table, paragraphs,
QR code, small print, page footer); a service builds its own documents on it (e.g. its
certificates, whose title and verification page its `registry.CertificateKind` declares).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode
from xml.sax.saxutils import escape

import qrcode
from django.urls import reverse
from django.utils import translation
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .notifications import public_url
from .pdf_fonts import FONT, FONT_BOLD, register_pdf_fonts

LANGUAGES = ("kk", "ru", "en")

Messages = Mapping[str, str]


def pick(messages: Messages, lang: str) -> str:
    return str(messages.get(lang) or messages.get("en") or "")


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "—"


def qr_png(data: str, box_size: int = 8) -> bytes:
    """A QR code as PNG bytes, made in memory."""
    code = qrcode.QRCode(border=2, box_size=box_size, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue()


def _styles() -> dict[str, ParagraphStyle]:
    register_pdf_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5)
    return {
        "issuer": ParagraphStyle(
            "issuer", base, fontSize=9.5, alignment=TA_CENTER, textColor=colors.HexColor("#00609c")
        ),
        "title": ParagraphStyle(
            "title",
            base,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, leading=14, alignment=TA_CENTER),
        "heading": ParagraphStyle(
            "heading",
            base,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "body": base,
        "label": ParagraphStyle("label", base, fontName=FONT_BOLD, fontSize=9.5, leading=12.5),
        "value": ParagraphStyle("value", base, fontSize=10, leading=13),
        "alert": ParagraphStyle("alert", base, fontName=FONT_BOLD, textColor=colors.HexColor("#b3261e")),
        "url": ParagraphStyle("url", base, fontSize=8, leading=10.5),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#5b6b7c")),
    }


def _markup(text: str) -> str:
    """Plain text for a platypus Paragraph: escape the XML it parses, keep line breaks."""
    return escape(text).replace("\n", "<br/>")


class DocumentBuilder:
    """A one-column A4 document: add blocks in order, then `build()` returns the PDF bytes."""

    def __init__(self, title: str, *, lang: str = "kk", subject: str = "", footer: str = ""):
        self.title = title
        self.lang = lang if lang in LANGUAGES else "kk"
        self.subject = subject
        self.footer = footer
        self.styles = _styles()
        self.flowables: list = []

    # --- blocks ---------------------------------------------------------------------------
    def header(self, title: str, *, issuer: str = "", subtitle: str = "") -> DocumentBuilder:
        if issuer:
            self.paragraph(issuer, "issuer")
            self.spacer(3)
        self.paragraph(title, "title")
        if subtitle:
            self.paragraph(subtitle, "subtitle")
        self.spacer(5)
        return self

    def heading(self, text: str) -> DocumentBuilder:
        return self.paragraph(text, "heading")

    def paragraph(self, text: str, style: str = "body") -> DocumentBuilder:
        self.flowables.append(Paragraph(_markup(text), self.styles[style]))
        return self

    def small_print(self, text: str) -> DocumentBuilder:
        return self.paragraph(text, "small")

    def spacer(self, height_mm: float) -> DocumentBuilder:
        self.flowables.append(Spacer(1, height_mm * mm))
        return self

    def key_values(self, rows: Iterable[tuple[str, str]], label_width_mm: float = 64) -> DocumentBuilder:
        """A two-column table of labels and values (values may hold several lines)."""
        data = [
            [
                Paragraph(_markup(label), self.styles["label"]),
                Paragraph(_markup(value), self.styles["value"]),
            ]
            for label, value in rows
        ]
        if not data:
            return self
        table = Table(data, colWidths=[label_width_mm * mm, None], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#d8dee6")),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f6f8fa")),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        self.flowables.append(table)
        return self

    def qr_block(self, url: str, heading: str, hint: str, size_mm: float = 30) -> DocumentBuilder:
        """A QR code with a caption beside it that prints the same URL."""
        image = Image(io.BytesIO(qr_png(url)), width=size_mm * mm, height=size_mm * mm)
        caption = [
            Paragraph(_markup(heading), self.styles["label"]),
            Paragraph(_markup(hint), self.styles["small"]),
            Paragraph(_markup(url), self.styles["url"]),
        ]
        table = Table([[image, caption]], colWidths=[(size_mm + 4) * mm, None], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#d8dee6")),
                ]
            )
        )
        self.flowables.append(table)
        return self

    # --- output ---------------------------------------------------------------------------
    def _draw_footer(self, canvas, document) -> None:
        if not self.footer:
            return
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#5b6b7c"))
        canvas.drawString(document.leftMargin, 10 * mm, self.footer)
        canvas.drawRightString(A4[0] - document.rightMargin, 10 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    def build(self) -> bytes:
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=self.title,
            author="TechPolicy KZ",
            subject=self.subject,
            creator="TechPolicy KZ",
            lang=self.lang,
        )
        document.build(self.flowables, onFirstPage=self._draw_footer, onLaterPages=self._draw_footer)
        return buffer.getvalue()


# --- what every certificate prints ----------------------------------------------------------


def verification_url(kind, number: str, lang: str = "kk") -> str:
    """Absolute URL of the public verification page of a certificate (`registry.CertificateKind`)
    for its number, in a language."""
    with translation.override(lang):
        path = reverse(kind.verify_url)
    return public_url(f"{path}?{urlencode({'number': number})}")


def activity_name(entry: Mapping | None, lang: str) -> str:
    """The name of a reference-list item ({"name": {"kk": ..., "ru": ..., "en": ...}, ...}) in a language."""
    return pick(entry["name"], lang) if entry else ""
