"""Blocks (`techpolicy.documents.blocks`) as a Word document (python-docx), for editing before approval.

The content and its order come from the caller's list of blocks, the same blocks a PDF is laid out
from: headings become Word heading styles (so Word's navigation pane and table of contents work),
tables Word tables, and charts the same PNG images, inline. The footer numbers the pages with a
PAGE field and the text is tagged with the document's language for spelling.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from techpolicy.documents.blocks import Block, Bullets, Figure, Heading, PageBreak, Table, Text, Title
from techpolicy.documents.languages import LANGUAGE_TAGS, check_language

TEXT_WIDTH = Cm(16.5)
GREY = RGBColor(0x5B, 0x6B, 0x7C)


def _title(doc: Document, block: Title) -> None:
    issuer = doc.add_paragraph(block.issuer)
    issuer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading(block.text, 0).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(block.subtitle, style="Subtitle").alignment = WD_ALIGN_PARAGRAPH.CENTER


def _text(doc: Document, block: Text) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = block.keep_with_next or None
    run = paragraph.add_run(block.text)
    if block.style in ("label", "statement"):
        run.bold = True
    elif block.style == "note":
        run.font.size = Pt(8)
        run.font.color.rgb = GREY


def _table(doc: Document, block: Table) -> None:
    rows = ([block.header] if block.header else []) + list(block.rows)
    if not rows:
        return
    columns = len(rows[0])
    table = doc.add_table(rows=len(rows), cols=columns, style="Table Grid")
    widths = block.widths or (1.0,) * columns
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            cell.width = int(TEXT_WIDTH * widths[j] / sum(widths))
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(9)
            # The header row, or the first column of a key-value table, names what the cells hold.
            run.bold = (i == 0) if block.header else (j == 0)
    doc.add_paragraph()


def _figure(doc: Document, block: Figure) -> None:
    doc.add_picture(io.BytesIO(block.png), width=TEXT_WIDTH)
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(block.caption, style="Caption").alignment = WD_ALIGN_PARAGRAPH.CENTER


_RENDER: dict[type, Callable[[Document, Block], None]] = {
    Title: _title,
    Heading: lambda doc, b: doc.add_heading(b.text, min(b.level, 9)),
    Text: _text,
    Bullets: lambda doc, b: [doc.add_paragraph(item, style="List Bullet") for item in b.items],
    Table: _table,
    Figure: _figure,
    PageBreak: lambda doc, b: doc.add_page_break(),
}


def _page_field(paragraph) -> None:
    """Append a PAGE field (Word fills in the page number) to `paragraph`."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_up(doc: Document, *, lang: str, title: str, author: str, footer: str, revision: int,
            subject: str) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"  # has every Kazakh letter and is what state bodies expect
    normal.font.size = Pt(11)
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), LANGUAGE_TAGS[lang])
    normal.element.get_or_add_rPr().append(tag)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.25)
    line = section.footer.paragraphs[0]
    line.text = f"{footer} · " if footer else ""
    _page_field(line)
    for run in line.runs:
        run.font.size = Pt(8)
    properties = doc.core_properties
    properties.title = title
    properties.author = author
    properties.subject = subject
    properties.language = LANGUAGE_TAGS[lang]
    properties.revision = max(1, int(revision))


def blocks_docx(blocks: Iterable[Block], *, lang: str, title: str, author: str = "", footer: str = "",
                revision: int = 1, subject: str = "") -> bytes:
    """`blocks` as DOCX bytes in `lang` ("kk", "ru" or "en"; ValueError for another language).

    `title`, `author`, `subject` and `revision` (at least 1) go into the core properties, `footer`
    before the page number in every page's foot.
    """
    check_language(lang)
    doc = new_document()
    _set_up(doc, lang=lang, title=title, author=author, footer=footer, revision=revision, subject=subject)
    for block in blocks:
        _RENDER[type(block)](doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
