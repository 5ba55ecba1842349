"""The targeted technology programme document as PDF and DOCX (seed 000 chapter 5, p.34-40):
the six sections of p.34 in order, each heading naming its paragraph, in kk, ru and en; a draft
missing sections still exports."""

import io
import json
from pathlib import Path

import docx
import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from techpolicy.services.targeted_programmes.document import NOT_GIVEN, section_headings
from techpolicy.services.targeted_programmes.document_files import programme_docx, programme_pdf

EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "examples" / "programme.json").read_text("utf-8"))
NAME_KK = EXAMPLE["passport"]["name"]  # the example programme is written in Kazakh
LANGUAGES = ["kk", "ru", "en"]
# The example's financial resources R1 + R2 = 1 500 000 000 + 2 500 000 000 tenge (p.33(6), p.40).
TOTAL = {"kk": "4\xa0000\xa0000\xa0000,00\xa0₸", "ru": "4\xa0000\xa0000\xa0000,00\xa0₸", "en": "4,000,000,000.00\xa0₸"}


def _flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as one space (table cells and headings wrap)."""
    return " ".join(text.split())


def _pdf_text(pdf: bytes) -> str:
    return _flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def _headings(lang: str) -> list[str]:
    with translation.override(lang):
        return section_headings()


def _docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def _in(lang: str, text) -> str:
    with translation.override(lang):
        return str(_(str(text)))


@pytest.fixture(scope="module")
def pdfs():
    return {lang: programme_pdf(EXAMPLE, lang, status="—", version=2) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def docxs():
    return {lang: _docx(programme_docx(EXAMPLE, lang, version=2)) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_p34_pdf_has_the_six_sections_in_order_and_the_programme_name(pdfs, lang):
    """000 p.34: passport, introduction, analysis, goals and tasks, action plan, resources, in that
    order, each heading naming its paragraph (p.35-40); the passport's name (p.35) in Kazakh letters."""
    text = _pdf_text(pdfs[lang])
    assert NAME_KK in text
    headings = _headings(lang)
    assert len(headings) == 6
    positions = [text.find(_flat(h)) for h in headings]
    assert -1 not in positions, [h for h, at in zip(headings, positions, strict=True) if at == -1]
    assert positions == sorted(positions)
    for number, (heading, paragraph) in enumerate(zip(headings, range(35, 41), strict=True), start=1):
        assert heading.startswith(f"{number}. ") and str(paragraph) in heading


def test_p34_p35_kk_pdf_keeps_every_kazakh_letter_and_an_outline_of_the_sections(pdfs):
    """000 p.34-35: the Kazakh PDF shows the Kazakh letters of the document (a font without them
    would drop ә, қ, ң, ө, ұ, ү, і) and its bookmarks list the six section headings."""
    reader = PdfReader(io.BytesIO(pdfs["kk"]))
    text = _pdf_text(pdfs["kk"])
    for letter in "әғқңөұүі":
        assert letter in text
    outline = [_flat(item.title) for item in reader.outline if not isinstance(item, list)]
    assert [h for h in outline if h in map(_flat, _headings("kk"))] == [_flat(h) for h in _headings("kk")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_p34_docx_headings_are_word_headings_in_order(docxs, lang):
    """000 p.34: the DOCX's Heading 1 paragraphs are the six sections, in order; the title is the name."""
    document = docxs[lang]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == _headings(lang)
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [NAME_KK]
    assert document.core_properties.language == {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}[lang]
    assert document.core_properties.revision == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_p40_p33_6_financial_total_in_tenge_in_the_language(docxs, pdfs, lang):
    """000 p.40, p.33(6): the resources table ends with the financial total, exact tenge, written as
    the language writes amounts (labour and material resources are not added to it)."""
    paragraphs = [p.text for p in docxs[lang].paragraphs]
    assert any(TOTAL[lang] in p for p in paragraphs)
    assert _flat(TOTAL[lang]) in _pdf_text(pdfs[lang])


def _table_with(document, first_cell: str):
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == first_cell]
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_p35_passport_is_a_key_value_table_with_the_financing_volume(docxs, lang):
    """000 p.35(1)-(7): the passport's parameters as named rows; the period and the volume of financing."""
    rows = dict(_table_with(docxs[lang], _in(lang, "Name of the programme document")))
    assert rows[_in(lang, "Name of the programme document")] == NAME_KK
    assert rows[_in(lang, "Period of implementation")] == "2027–2031"
    assert rows[_in(lang, "Volume of financing")] == TOTAL[lang]


def test_p38_goal_indicators_with_interim_and_final_values_and_tasks_with_their_goal(docxs):
    """000 p.38 second and third indents: each goal's target indicators with their interim values and
    the final one, and each task with the goal it serves."""
    document = docxs["kk"]
    indicators = [row for t in document.tables for row in ([c.text for c in r.cells] for r in t.rows)
                  if row[0] in ("I1", "I2")]
    i1 = next(row for row in indicators if row[0] == "I1")
    assert i1[3:6] == ["14,5 (2025)", "2028: 12\n2030: 9", "2031: 7"]
    task_rows = [row for t in document.tables for row in ([c.text for c in r.cells] for r in t.rows)
                 if row[0] in ("T1", "T2")]
    assert [(row[0], row[2]) for row in task_rows] == [("T1", "G1"), ("T2", "G2")]


def test_p39_measures_table_names_goal_task_executor_and_deadline(docxs):
    """000 p.39: each measure with its goal, task, executor and deadline."""
    measures = [row for t in docxs["kk"].tables for row in ([c.text for c in r.cells] for r in t.rows)
                if row[0] == "M1"]
    assert measures == [["M1", EXAMPLE["action_plan"]["measures"][0]["title"], "G1", "T1", "«Демо Кен» АҚ",
                         "31.12.2028", "R1, R3"]]


DRAFT = {"sector": "Тау-кен металлургия кешені", "developer": {"name": "Демо орталығы"},
         "passport": {"name": "Жобалық бағдарлама"}, "resources": {"items": []}}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_p34_a_draft_missing_sections_exports_with_each_marked_not_given(lang):
    """000 p.34: a draft with only its passport and an empty resources list still prints: all six
    headings, the four missing sections and the empty one saying "not given"."""
    pdf, document = programme_pdf(DRAFT, lang, draft=True), _docx(programme_docx(DRAFT, lang))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == _headings(lang)
    not_given = _in(lang, NOT_GIVEN)
    assert sum(p.text == not_given for p in document.paragraphs) == 5
    text = _pdf_text(pdf)
    assert all(_flat(h) in text for h in _headings(lang))
    assert _in(lang, "DRAFT") in text  # the draft mark on the page


def test_p34_a_section_the_model_refuses_is_marked_with_its_field_and_the_rest_prints():
    """000 p.34: a stored draft whose goals section is not valid still exports; the section names the field."""
    facts = {**EXAMPLE, "goals_and_tasks": {"goals": [{"code": "G1"}]}}
    document = _docx(programme_docx(facts, "en"))
    notes = [p.text for p in document.paragraphs if "goals[0].title" in p.text]
    assert len(notes) == 1
    assert any(TOTAL["en"] in p.text for p in document.paragraphs)


@pytest.mark.parametrize("facts", [{}, [], None, {"passport": "nonsense", "sector": 5, "participants": "x"}])
def test_p34_anything_stored_prints_rather_than_failing(facts):
    """000 p.34: whatever a draft holds, the export is a document, never an error."""
    assert programme_pdf(facts, "kk").startswith(b"%PDF")
    assert _headings("kk") == [p.text for p in _docx(programme_docx(facts, "kk")).paragraphs
                               if p.style.name == "Heading 1"]


def test_unknown_language_raises():
    with pytest.raises(ValueError, match="unknown document language"):
        programme_pdf(EXAMPLE, "kz")
    with pytest.raises(ValueError, match="unknown document language"):
        programme_docx(EXAMPLE, "de")
