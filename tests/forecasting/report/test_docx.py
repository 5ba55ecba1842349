"""The DOCX of the forecasting report (seed 000, paragraph 12): the same sections, tables and charts as the PDF."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from techpolicy.documents.blocks import Heading
from techpolicy.forecasting.report import ReportData, StudyMeta, render_docx
from techpolicy.forecasting.report.labels import label
from techpolicy.forecasting.report.sections import build_blocks, section_headings
from tests.forecasting.report import pdftext
from tests.forecasting.report.sample import chart_count


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _headings(document, levels=("Heading 1", "Heading 2", "Heading 3")) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name in levels]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_docx_headings_are_word_headings_in_the_order_of_paragraph_12(rendered, lang):
    """000 p.12(1) then the evidence, then 12(2): chapters and sections as Word "Heading 1/2" in order."""
    document = _open(rendered.get("docx", lang))
    assert _headings(document, ("Heading 1", "Heading 2")) == section_headings(lang)
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [label("report_title", lang)]


def test_kk_docx_headings_are_kazakh(rendered):
    headings = _headings(_open(rendered.get("docx", "kk")), ("Heading 1",))
    assert headings[1] == "2. Түйінді (басым) технологиялар тізбесі"
    assert headings[-1] == "8. Нәтижелерді кеңінен талқылау"


def test_pdf_and_docx_follow_the_same_section_list(rendered):
    """One section order for both formats: the PDF outline and the Word headings match."""
    blocks = [b.text for b in build_blocks(rendered.reports["ru"], "ru") if isinstance(b, Heading)]
    assert _headings(_open(rendered.get("docx", "ru"))) == blocks
    assert pdftext.outline(rendered.get("pdf", "ru"))[1:] == blocks


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_key_technology_table_rows(rendered, lang):
    """000 p.12(1): the list of key (priority) technologies as a Word table, best first."""
    data = rendered.reports[lang]
    document = _open(rendered.get("docx", lang))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == label("rank", lang)]
    assert len(tables) == 1
    rows = [[c.text for c in row.cells] for row in tables[0].rows]
    assert rows[0][:3] == [label("rank", lang), label("code", lang), label("technology", lang)]
    assert [r[:3] for r in rows[1:]] == [[str(k.rank), k.code, k.name] for k in data.key_technologies]
    assert [int(r[0]) for r in rows[1:]] == sorted(int(r[0]) for r in rows[1:])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_one_inline_image_per_chart(rendered, lang):
    document = _open(rendered.get("docx", lang))
    assert len(document.inline_shapes) == chart_count(rendered.reports[lang]) == 10
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert len(captions) == 10
    assert captions[0].startswith(label("figure", lang, n=1, caption=""))


def test_recommendations_and_swot_tables(rendered):
    """000 p.12(1), 12(3): recommendations to named state bodies; p.11(6): the SWOT quadrants."""
    data = rendered.reports["kk"]
    cells = {tuple(c.text for c in row.cells) for t in _open(rendered.get("docx", "kk")).tables for row in t.rows}
    assert ("Энергетика министрлігі", data.recommendations[0].text) in cells
    assert ("Күшті жақтар", "\n".join(data.swot["strength"])) in cells


def test_footer_numbers_pages_and_text_is_tagged_with_the_language(rendered):
    document = _open(rendered.get("docx", "kk"))
    footer = document.sections[0].footer.paragraphs[0]
    assert footer._p.find(qn("w:fldSimple")).get(qn("w:instr")) == "PAGE"
    assert "TF-2026-03" in footer.text
    tag = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert tag.get(qn("w:val")) == "kk-KZ"
    assert document.core_properties.subject == label("hstc_statement", "kk")  # 000 p.12(4)


def test_empty_report_has_no_images():
    meta = StudyMeta("TF-1", "Study", "Sector", 2030, "Ministry", "preparatory", dt.date(2026, 1, 5), 1, True)
    document = _open(render_docx(ReportData(meta), "en"))
    assert len(document.inline_shapes) == 0
    assert _headings(document, ("Heading 1", "Heading 2")) == section_headings("en")


def test_unknown_language_raises(reports):
    with pytest.raises(ValueError, match="unknown report language"):
        render_docx(reports["kk"], "kz")
