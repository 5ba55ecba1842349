"""PDF documents (certificates now, decisions and reports later) built with reportlab.

Every document is set in DejaVu Sans (`pdf_fonts`, the copy matplotlib ships), so each Kazakh
letter (ә ғ қ ң ө ұ ү һ і and their capitals) has a glyph and nothing is downloaded at run time.
`DocumentBuilder` holds the layout every document shares (header, key-value table, paragraphs,
QR code, small print, page footer); `render_certificate` is the technopark certificate built on it.
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

from techpolicy.law.citation import Citation

from .notifications import public_url
from .pdf_fonts import FONT, FONT_BOLD, register_pdf_fonts

LANGUAGES = ("kk", "ru", "en")
ACTIVITY_TYPES_LIST = "technopark.activity_types"

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


# --- the technopark certificate (paragraphs 18 and 36 of act 001) ---------------------------

TEXT: dict[str, Messages] = {
    "issuer": {
        "kk": "«Астана Хаб» халықаралық технологиялық паркі",
        "ru": "Международный технологический парк «Astana Hub»",
        "en": "“Astana Hub” international technology park",
    },
    "title_registration": {
        "kk": "Технопарк қатысушысын тіркеу туралы куәлік",
        "ru": "Свидетельство о регистрации участника технопарка",
        "en": "Certificate of registration as a technopark participant",
    },
    "title_extension": {
        "kk": "Технопарк қатысушысының қатысу мерзімін ұзарту туралы куәлік",
        "ru": "Свидетельство о продлении срока участия в технопарке",
        "en": "Certificate of extension of participation in the technopark",
    },
    "number": {"kk": "Куәліктің нөмірі", "ru": "Номер свидетельства", "en": "Certificate number"},
    "holder": {
        "kk": "Қатысушы (заңды тұлға)",
        "ru": "Участник (юридическое лицо)",
        "en": "Participant (legal entity)",
    },
    "bin": {"kk": "БСН", "ru": "БИН", "en": "BIN"},
    "activity_types": {
        "kk": "АКТ саласындағы басым қызмет түрлері",
        "ru": "Приоритетные виды деятельности в сфере ИКТ",
        "en": "Priority ICT activity types",
    },
    "valid_from": {
        "kk": "Қатысу мерзімі басталатын күн",
        "ru": "Участие с",
        "en": "Participation from",
    },
    "valid_until": {
        "kk": "Қатысу мерзімі аяқталатын күн",
        "ru": "Участие по",
        "en": "Participation until",
    },
    "issued_on": {"kk": "Берілген күні", "ru": "Дата выдачи", "en": "Issued on"},
    "basis": {"kk": "Құқықтық негіз", "ru": "Правовое основание", "en": "Legal basis"},
    "revoked": {
        "kk": "Куәлік {date} бастап кері қайтарылған.",
        "ru": "Свидетельство отозвано с {date}.",
        "en": "This certificate was revoked on {date}.",
    },
    "verify": {
        "kk": "Куәліктің түпнұсқалығын тексеру",
        "ru": "Проверка подлинности свидетельства",
        "en": "Verify this certificate",
    },
    "verify_hint": {
        "kk": "QR-кодты сканерлеңіз немесе мына мекенжайды ашыңыз:",
        "ru": "Отсканируйте QR-код или откройте адрес:",
        "en": "Scan the QR code or open this address:",
    },
    "form_note": {
        "kk": "Куәліктің ресми нысаны (Қағидалардың {annex}-қосымшасы) бастапқы мәтінде "
        "келтірілмеген; бұл құжатты жүйе тізілім деректері бойынша жасаған.",
        "ru": "Официальная форма свидетельства (приложение {annex} к Правилам) в исходном тексте "
        "не приведена; документ сформирован системой по данным реестра.",
        "en": "The official form of the certificate (Annex {annex} to the Rules) is not in the "
        "source text; this document was generated by the system from the register data.",
    },
}

# kind -> (title key, paragraph of act 001 that grounds it, annex with the official form)
KINDS = {
    "registration": ("title_registration", "18", "1"),
    "extension": ("title_extension", "36", "2"),
}


def verification_url(number: str, lang: str = "kk") -> str:
    """Absolute URL of the public verification page for a certificate number."""
    with translation.override(lang):
        path = reverse("technopark:verify")
    return public_url(f"{path}?{urlencode({'number': number})}")


def activity_name(entry: Mapping | None, lang: str) -> str:
    """The name of a reference-list item ({"name": {"kk": ..., "ru": ..., "en": ...}, ...}) in a language."""
    return pick(entry["name"], lang) if entry else ""


def activity_lines(codes: Iterable[str], names: Mapping[str, Mapping], lang: str) -> str:
    lines = []
    for code in codes:
        name = activity_name(names.get(code), lang)
        lines.append(f"{code} — {name}" if name else str(code))
    return "\n".join(lines) or "—"


def render_certificate(certificate, lang: str = "kk", activity_names: Mapping[str, Mapping] | None = None) -> bytes:
    """One A4 page: the registration (paragraph 18, Annex 1) or extension (paragraph 36, Annex 2)
    certificate of a technopark participant, with a QR code to the public verification page.

    `activity_names` maps activity-type codes to their names (see `activity_name`); by default
    they are read from the reference list administrators keep.
    """
    lang = lang if lang in LANGUAGES else "kk"
    title_key, paragraph, annex = KINDS.get(certificate.kind, KINDS["registration"])
    if activity_names is None:
        from . import law_context  # imported here: it reads the database

        activity_names = law_context.reference_list(ACTIVITY_TYPES_LIST)
    organisation = certificate.organisation
    title = pick(TEXT[title_key], lang)
    url = verification_url(certificate.number, lang)

    builder = DocumentBuilder(
        title, lang=lang, subject=certificate.number, footer=f"TechPolicy KZ · {certificate.number}"
    )
    builder.header(title, issuer=pick(TEXT["issuer"], lang), subtitle=f"№ {certificate.number}")
    if certificate.revoked_on:
        builder.paragraph(pick(TEXT["revoked"], lang).format(date=format_date(certificate.revoked_on)), "alert")
        builder.spacer(3)
    builder.key_values(
        [
            (pick(TEXT["number"], lang), certificate.number),
            (pick(TEXT["holder"], lang), organisation.name),
            (pick(TEXT["bin"], lang), organisation.bin or "—"),
            (
                pick(TEXT["activity_types"], lang),
                activity_lines(certificate.activity_types or [], activity_names, lang),
            ),
            (pick(TEXT["valid_from"], lang), format_date(certificate.valid_from)),
            (pick(TEXT["valid_until"], lang), format_date(certificate.valid_until)),
            (pick(TEXT["issued_on"], lang), format_date(certificate.issued_on)),
            (pick(TEXT["basis"], lang), Citation("001", paragraph).text(lang)),
        ]
    )
    builder.spacer(8)
    builder.qr_block(url, pick(TEXT["verify"], lang), pick(TEXT["verify_hint"], lang))
    builder.spacer(8)
    builder.small_print(pick(TEXT["form_note"], lang).format(annex=annex))
    return builder.build()
