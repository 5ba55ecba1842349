"""The PDF of the forecasting report (seed 000, paragraph 12): sections of 12(1), discussion 12(2), HSTC 12(4)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from reportlab.pdfbase import pdfmetrics

from techpolicy.casework.pdf_fonts import register_pdf_fonts
from techpolicy.forecasting.report import ReportData, StudyMeta, render_pdf
from techpolicy.forecasting.report.labels import label
from techpolicy.forecasting.report.sections import section_headings
from tests.forecasting.report import pdftext

KAZAKH_LETTERS = "әғқңөұүһіӘҚ"
KK_HEADINGS = [  # written out, not taken from labels.py, so a wrong label would show here
    "1. Технологиялық және инновациялық дамудың пайымы мен мақсаттары",
    "2. Түйінді (басым) технологиялар тізбесі",
    "3. Инновациялық гранттар берудің басым бағыттары бойынша ұсыныстар",
    "4. Нысаналы технологиялық бағдарламаларды қалыптастырудың басым бағыттары бойынша ұсыныстар",
    "5. Мемлекеттік жоспарлау жүйесінің құжаттарын және заңнаманы жетілдіру бойынша ұсыныстар",
    "6. Мемлекеттік органдарға арналған ұсынымдар",
]
RU_HEADINGS = [
    "1. Видение и цели технологического и инновационного развития",
    "2. Перечень ключевых (приоритетных) технологий",
    "3. Предложения по приоритетным направлениям предоставления инновационных грантов",
    "4. Предложения по приоритетным направлениям формирования целевых технологических программ",
    "6. Рекомендации для государственных органов",
]


def _in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_pdf_is_a_pdf_in_dejavu_with_page_numbers(rendered, lang):
    """000 p.12: a PDF set in the embedded DejaVu Sans subset, every page numbered in the footer."""
    pdf = rendered.get("pdf", lang)
    assert pdf.startswith(b"%PDF-")
    assert b"/FontFile2" in pdf and b"+DejaVuSans" in pdf
    pages = pdftext.page_texts(pdf)
    assert len(pages) == pdftext.page_count(pdf) >= 5
    for number, page in enumerate(pages, start=1):
        assert label("page", lang, page=number) in page.splitlines()


def test_kk_pdf_shows_the_kazakh_headings_in_the_order_of_paragraph_12_1(rendered):
    """000 p.12(1): results in the order the paragraph lists them, with every Kazakh letter shown."""
    text = pdftext.text(rendered.get("pdf", "kk"))
    assert _in_order(text, KK_HEADINGS + ["7. Негіздеме", "8. Нәтижелерді кеңінен талқылау"])
    assert _in_order(text, section_headings("kk"))
    for letter in KAZAKH_LETTERS:
        assert letter in text, letter


def test_kazakh_letters_have_glyphs_in_the_pdf_font():
    """Every Kazakh letter has a real glyph in DejaVu Sans (no empty boxes)."""
    regular, bold = register_pdf_fonts()
    for name in (regular, bold):
        face = pdfmetrics.getFont(name).face
        assert all(ord(c) in face.charToGlyph for c in KAZAKH_LETTERS + KAZAKH_LETTERS.upper())


def test_ru_pdf_shows_the_russian_headings(rendered):
    text = pdftext.text(rendered.get("pdf", "ru"))
    assert _in_order(text, RU_HEADINGS + ["8. Широкое обсуждение результатов"])
    assert "ВНТК" in text and "ЖҒТК" not in text


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("kk", "Жоғары ғылыми-техникалық комиссияның (ЖҒТК) қарауына шығарылады"),
        ("ru", "выносятся на рассмотрение Высшей научно-технической комиссии"),
        ("en", "paragraph 12(4) of the Methodology approved by Order No. 133/НҚ"),
    ],
)
def test_title_page_states_submission_to_the_hstc(rendered, lang, phrase):
    """000 p.12(4): the title page says the results go to the HSTC."""
    first_page = " ".join(pdftext.page_texts(rendered.get("pdf", lang))[0].split())
    assert phrase in first_page
    assert label("hstc_statement", lang) in first_page
    data = rendered.reports[lang]
    for value in (data.meta.number, data.meta.organising_body, label("horizon_value", lang, year=2035), "14.09.2026"):
        assert value in first_page


def test_outline_lists_every_section_heading(rendered):
    """Bookmarks let a reader jump to each result of 12(1) and each piece of evidence."""
    titles = pdftext.outline(rendered.get("pdf", "kk"))
    assert titles[0] == "Технологиялық болжау нәтижелері"
    assert [t for t in titles if t[:1].isdigit()] == section_headings("kk")
    assert "Электр өндірісіндегі ЖЭК үлесі (%)" in titles


def test_table_columns_do_not_split_long_kazakh_words(rendered):
    """A column is at least as wide as its longest word: no "салыс-тырғандағы" in the radar table."""
    text = pdftext.text(rendered.get("pdf", "kk"))
    for header in ("Маңыздылығы", "Көшбасшы елдермен салыстырғандағы деңгейі",
                   "Практикалық қолданылуының күтілетін жылы", "Балл (есептелген орны): салмақталған қосынды"):
        assert header in text


def test_key_technologies_and_trend_table_are_printed(rendered):
    data = rendered.reports["kk"]
    text = pdftext.text(rendered.get("pdf", "kk"))
    for row in data.key_technologies:
        assert f"{row.rank} {row.code} {row.name}" in text
    assert "2030 ж.: 300 → 330" in text  # the expert correction of paragraph 8(1), decimal comma format
    assert "Сарапшы Ә. Қасымова" in text


def test_draft_is_marked_and_approved_text_is_not(reports):
    """000 p.12(2): a draft goes to discussion first; the approved text carries no draft mark."""
    draft = pdftext.page_texts(render_pdf(reports["ru"], "ru"))
    assert all("ПРОЕКТ" in page.splitlines() for page in draft)
    assert "Проект, версия 3" in draft[0]
    approved_data = dataclasses.replace(reports["ru"], meta=dataclasses.replace(reports["ru"].meta, is_draft=False))
    approved = pdftext.page_texts(render_pdf(approved_data, "ru"))
    assert not any("ПРОЕКТ" in page.splitlines() for page in approved)
    assert "Утверждённый текст, версия 3" in approved[0]
    assert "выносится на широкое обсуждение" not in " ".join(approved[0].split())


def test_a_report_with_only_its_metadata_renders():
    """An early draft has no results yet: every section says so instead of failing."""
    meta = StudyMeta("TF-1", "Болжау", "Сала", 2030, "Министрлік", "main", dt.date(2026, 1, 5), 1, True)
    text = pdftext.text(render_pdf(ReportData(meta), "kk"))
    assert _in_order(text, section_headings("kk"))
    assert text.count(label("no_data", "kk")) >= 12


def test_unknown_language_raises(reports):
    with pytest.raises(ValueError, match="unknown report language"):
        render_pdf(reports["kk"], "de")
