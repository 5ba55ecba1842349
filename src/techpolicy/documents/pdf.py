"""Blocks (`techpolicy.documents.blocks`) as PDF (reportlab platypus), in DejaVu Sans so every Kazakh letter shows.

The content and its order come from the caller's list of blocks; this module only lays them out
on A4 pages, numbers the pages in the footer, marks a draft on every page, and adds a PDF outline
(bookmarks) of the headings so a reader can jump between sections.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import (
    PageBreak as PdfPageBreak,
)
from reportlab.platypus import (
    Table as PdfTable,
)
from reportlab.platypus import (
    TableStyle as PdfTableStyle,
)

from techpolicy.casework.pdf_fonts import register_pdf_fonts
from techpolicy.documents.blocks import Block, Bullets, Figure, Heading, PageBreak, Table, Text, Title
from techpolicy.documents.languages import check_language, page_label

MARGIN = 20 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN
GREY = colors.HexColor("#5b6b7c")
RULE = colors.HexColor("#d8dee6")
SHADE = colors.HexColor("#f6f8fa")
BLUE = colors.HexColor("#00609c")


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13.5, spaceAfter=4, bulletFontName=regular)
    return {
        "body": body,
        "issuer": ParagraphStyle("issuer", body, fontSize=10, alignment=TA_CENTER, textColor=BLUE, spaceAfter=30),
        "title": ParagraphStyle("title", body, fontName=bold, fontSize=20, leading=25, alignment=TA_CENTER,
                                spaceAfter=10),
        "subtitle": ParagraphStyle("subtitle", body, fontSize=13, leading=17, alignment=TA_CENTER, spaceAfter=24),
        "h1": ParagraphStyle("h1", body, fontName=bold, fontSize=14, leading=18, spaceBefore=12, spaceAfter=4,
                             textColor=BLUE, keepWithNext=1),
        "h2": ParagraphStyle("h2", body, fontName=bold, fontSize=12, leading=15, spaceBefore=10, spaceAfter=3,
                             keepWithNext=1),
        "h3": ParagraphStyle("h3", body, fontName=bold, fontSize=10.5, leading=13.5, spaceBefore=8, spaceAfter=3,
                             keepWithNext=1),
        "label": ParagraphStyle("label", body, fontName=bold, spaceBefore=4),
        "bullet": ParagraphStyle("bullet", body, leftIndent=12, bulletIndent=0),
        "note": ParagraphStyle("note", body, fontSize=8, leading=10.5, textColor=GREY),
        # Its frame is a table cell (`_statement`), not a paragraph border: platypus does not count a
        # border's padding in the paragraph's height, so the note below was drawn across the box.
        "statement": ParagraphStyle("statement", body, fontName=bold, fontSize=10.5, leading=14.5, spaceAfter=0),
        "cell": ParagraphStyle("cell", body, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_head": ParagraphStyle("cell_head", body, fontName=bold, fontSize=8, leading=10.5, spaceAfter=0),
        "caption": ParagraphStyle("caption", body, fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=GREY,
                                  spaceAfter=8),
    }


def _kept(style: ParagraphStyle) -> ParagraphStyle:
    """`style`, but kept on the page of the next flowable."""
    return ParagraphStyle(f"{style.name}-kept", style, keepWithNext=1)


def _markup(text: str) -> str:
    """Plain text for a platypus Paragraph: escape the XML it parses, keep line breaks."""
    return escape(text).replace("\n", "<br/>")


def _column_widths(cells: list[list[Paragraph]], weights: tuple[float, ...]) -> list[float]:
    """Column widths in the given proportions, but each at least as wide as its longest word.

    Kazakh words are long (e.g. "салыстырғандағы"); a narrow column would split them mid-word. Columns
    that need more take it from the others, in proportion; if the words cannot all fit, the proportions stand.
    """
    padding = 12  # reportlab's default cell padding, left plus right
    need = [
        max((stringWidth(word, p.style.fontName, p.style.fontSize) + padding
             for row in cells for p in (row[j],) for word in p.getPlainText().split()), default=0.0)
        for j in range(len(weights))
    ]
    widths = [TEXT_WIDTH * w / sum(weights) for w in weights]
    if sum(need) > TEXT_WIDTH:
        return widths
    while True:  # a few rounds at most: each fixes at least one more column at its minimum
        fixed = [j for j, w in enumerate(widths) if w <= need[j]]
        free = TEXT_WIDTH - sum(need[j] for j in fixed)
        rest = sum(weights[j] for j in range(len(weights)) if j not in fixed)
        widths = [need[j] if j in fixed else free * weights[j] / rest for j in range(len(weights))]
        if all(w >= need[j] - 1e-6 for j, w in enumerate(widths)):
            return widths


def _table(block: Table, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    head = [[Paragraph(_markup(h), styles["cell_head"]) for h in block.header]] if block.header else []
    first = styles["cell_head"] if block.header is None else styles["cell"]  # a key-value table names its rows
    body = [[Paragraph(_markup(cell), first if j == 0 else styles["cell"]) for j, cell in enumerate(row)]
            for row in block.rows]
    columns = len(block.header or (block.rows[0] if block.rows else ()))
    if not columns:
        return []
    table = PdfTable(head + body, colWidths=_column_widths(head + body, block.widths or (1.0,) * columns),
                     repeatRows=len(head), hAlign="LEFT", spaceAfter=4 * mm)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE) if head else ("BACKGROUND", (0, 0), (0, -1), SHADE))
    table.setStyle(PdfTableStyle(commands))
    # The gap below is the table's own space after, not a Spacer: a Spacer that does not fit under a
    # table ending near the foot of a page is carried to a page of its own, which the last table of
    # the Kazakh report left blank.
    return [table]


STATEMENT_PADDING = 8


def _statement(text: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The HSTC statement of the title page in a ruled box whose height is the wrapped text plus its
    padding, so that what follows starts below the box."""
    box = PdfTable([[Paragraph(_markup(text), styles["statement"])]], colWidths=[TEXT_WIDTH], hAlign="LEFT",
                   spaceBefore=16, spaceAfter=10)
    box.setStyle(PdfTableStyle([("BOX", (0, 0), (-1, -1), 0.8, BLUE)] + [
        (side, (0, 0), (-1, -1), STATEMENT_PADDING)
        for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]))
    return [box]


def _text(block: Text, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if block.style == "statement":
        return _statement(block.text, styles)
    style = styles[block.style]
    return [Paragraph(_markup(block.text), _kept(style) if block.keep_with_next else style)]


def _figure(block: Figure, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    width, height = block.size
    shown = min(TEXT_WIDTH, 165 * mm)
    image = Image(io.BytesIO(block.png), width=shown, height=shown * height / width)
    # keepWithNext rather than a KeepTogether: platypus chains keepWithNext flowables, so a heading and
    # an introduction kept with the image travel with it and the caption (a KeepTogether breaks the chain).
    image.keepWithNext = 1
    return [image, Paragraph(_markup(block.caption), styles["caption"])]


_RENDER: dict[type, Callable[[Block, dict[str, ParagraphStyle]], list[Flowable]]] = {
    Title: lambda b, s: [Spacer(1, 30 * mm), Paragraph(_markup(b.issuer), s["issuer"]),
                         Paragraph(_markup(b.text), s["title"]), Paragraph(_markup(b.subtitle), s["subtitle"])],
    Heading: lambda b, s: [Paragraph(_markup(b.text), s[f"h{min(b.level, 3)}"])],
    Text: _text,
    Bullets: lambda b, s: [Paragraph(_markup(item), s["bullet"], bulletText="•") for item in b.items],
    Table: _table,
    Figure: _figure,
    PageBreak: lambda b, s: [PdfPageBreak()],
}

_OUTLINE_LEVEL = {"title": 0, "h1": 0, "h2": 1, "h3": 2}


class _PageTemplate(SimpleDocTemplate):
    """A4 pages with a footer (the caller's line, page number), a draft mark, and an outline of the headings."""

    def __init__(self, buffer: io.BytesIO, *, footer: str, page_label: str, watermark: str, **kwargs):
        super().__init__(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=18 * mm,
                         bottomMargin=18 * mm, **kwargs)
        self.footer, self.page_label, self.watermark = footer, page_label, watermark
        self._marks = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's hook name)
        style = getattr(getattr(flowable, "style", None), "name", None)
        if isinstance(flowable, Paragraph) and style in _OUTLINE_LEVEL:
            self._marks += 1
            key = f"h{self._marks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=_OUTLINE_LEVEL[style], closed=False)

    def decorate(self, canvas, document) -> None:
        regular, _ = register_pdf_fonts()
        canvas.saveState()
        if self.watermark:
            canvas.setFont(regular, 90)
            canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.08))
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -30, self.watermark)
            canvas.rotate(-45)
            canvas.translate(-A4[0] / 2, -A4[1] / 2)
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 10 * mm, self.footer)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, self.page_label.format(page=canvas.getPageNumber()))
        canvas.restoreState()


def blocks_pdf(blocks: Iterable[Block], *, lang: str, title: str, author: str = "", footer: str = "",
               watermark: str = "", subject: str = "") -> bytes:
    """`blocks` as PDF bytes in `lang` ("kk", "ru" or "en"; ValueError for another language).

    `title`, `author` and `subject` go into the document's properties, `footer` on the left of every
    page's foot (the page number on the right), and a non-empty `watermark` (e.g. "ЖОБА") across
    every page of a draft.
    """
    check_language(lang)
    styles = _styles()
    story = [f for block in blocks for f in _RENDER[type(block)](block, styles)]
    buffer = io.BytesIO()
    document = _PageTemplate(
        buffer,
        footer=footer,
        page_label=page_label(lang),
        watermark=watermark,
        title=title,
        author=author,
        subject=subject,
        creator="TechPolicy KZ",
        lang=lang,
    )
    document.build(story, onFirstPage=document.decorate, onLaterPages=document.decorate)
    return buffer.getvalue()
