"""Issue 10, item 9: the printed HSTC report has no blank page and nothing drawn across the title
page's box; its key-technology list says where it departs from the computed ranking and why.

Pages are read back with pypdf; positions are measured while reportlab lays the pages out (the
frame's position after each flowable), not guessed from the picture."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from techpolicy.documents import pdf as report_pdf
from techpolicy.forecasting.report import KeyTechnology, Recommendation, ReportData, StudyMeta, render_pdf
from techpolicy.forecasting.report.edits import DraftList, list_edits
from techpolicy.forecasting.report.labels import label

META = StudyMeta("TF-7", "Болжау", "Ауыл шаруашылығы", 2040, "Министрлік", "final", dt.date(2026, 9, 14), 1, True)


def running_lines(lang: str, number: str, data: ReportData) -> set[str]:
    """What every page prints whatever its content: the draft mark and the footer."""
    status = label("status_draft" if data.meta.is_draft else "status_approved", lang, version=data.meta.version)
    return {label("watermark", lang), f"{label('number', lang)}: {number} · {status}"}


def body_lines(pdf: bytes, lang: str, data: ReportData) -> list[list[str]]:
    """Per page, the lines pypdf reads that are neither the running lines nor the page number."""
    pages = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        ignore = running_lines(lang, data.meta.number, data) | {label("page", lang, page=number)}
        pages.append([line for line in (page.extract_text() or "").splitlines() if line.strip() and line not in ignore])
    return pages


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_issue10_item9_no_page_of_the_sample_report_is_empty(rendered, lang):
    """Issue 10, item 9: every page of the report carries some of the report, not only its footer."""
    data = rendered.reports[lang]
    pages = body_lines(rendered.get("pdf", lang), lang, data)
    assert len(pages) >= 5
    assert all(pages), [i for i, lines in enumerate(pages, start=1) if not lines]


def test_issue10_item9_a_last_table_ending_at_the_foot_of_a_page_leaves_no_blank_page():
    """Issue 10, item 9 (the blank last page of the Kazakh report): the gap under a table must never
    be carried to a page of its own. Lines of the vision (13.5 pt each) and rows of recommendations
    (17 pt each) are added in turn, so that the report's last table ends at every height of its page,
    the foot included."""
    blank = []
    for lines in range(1, 5):
        for rows in range(1, 14):
            data = ReportData(META, vision="\n".join(["Пайым"] * lines),
                              recommendations=[Recommendation("Министрлік", f"Ұсыным № {i}") for i in range(rows)])
            pages = body_lines(render_pdf(data, "kk"), "kk", data)
            if not all(pages):
                blank.append((lines, rows))
    assert blank == []


class Layout:
    """The flowables reportlab drew, per page, with the vertical extent of what each one shows."""

    def __init__(self, monkeypatch):
        self.drawn: list[tuple[int, object, float, float]] = []  # page, flowable, bottom, top
        original = report_pdf._PageTemplate.afterFlowable

        def after(template, flowable):
            height = getattr(flowable, "height", 0) or getattr(flowable, "_height", 0) or 0
            if height > 0.5:  # spacers of no size and frame actions show nothing
                bottom = template.frame._y + flowable.getSpaceAfter()  # the frame has moved past its space
                style = getattr(flowable, "style", None)
                pad = style.borderPadding if style is not None and style.borderWidth else 0
                self.drawn.append((template.canv.getPageNumber(), flowable, bottom - pad, bottom + height + pad))
            original(template, flowable)

        monkeypatch.setattr(report_pdf._PageTemplate, "afterFlowable", after)

    def page(self, number: int):
        return [(f, bottom, top) for page, f, bottom, top in self.drawn if page == number]


def _text_of(flowable) -> str:
    if hasattr(flowable, "getPlainText"):
        return flowable.getPlainText()
    return " ".join(p.getPlainText() for p in _cell_paragraphs(flowable))


def _cell_paragraphs(table) -> list:
    """The paragraphs in a table's cells (reportlab keeps a cell's flowables in a list)."""
    cells = [c for row in getattr(table, "_cellvalues", None) or [] for c in row]
    flat = [f for c in cells for f in (c if isinstance(c, (list, tuple)) else [c])]
    return [f for f in flat if hasattr(f, "getPlainText")]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_issue10_item9_the_cover_note_starts_below_the_hstc_box(monkeypatch, reports, lang):
    """Issue 10, item 9: on the title page the draft note sits below the box of the HSTC statement,
    and the statement fits inside its box (its longest word and its wrapped lines measured)."""
    layout = Layout(monkeypatch)
    render_pdf(reports[lang], lang)
    first = layout.page(1)
    statement = label("hstc_statement", lang)
    (index,) = [i for i, (f, _, _) in enumerate(first) if " ".join(_text_of(f).split()) == statement]
    box, box_bottom, box_top = first[index]
    note, _, note_top = first[index + 1]
    assert " ".join(_text_of(note).split()) == label("draft_note", lang)
    assert note_top <= box_bottom - 2, f"the note reaches {box_bottom - note_top:+.1f} pt into the statement's box"
    # What the box holds fits it: the longest word on one line, the wrapped text within its height.
    (paragraph,) = _cell_paragraphs(box)
    inner = report_pdf.TEXT_WIDTH - 2 * report_pdf.STATEMENT_PADDING
    longest = max(stringWidth(w, paragraph.style.fontName, paragraph.style.fontSize) for w in statement.split())
    assert longest < inner
    _, text_height = paragraph.wrap(inner, 1000)
    assert text_height + 2 * report_pdf.STATEMENT_PADDING <= box_top - box_bottom + 0.01


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_issue10_item9_nothing_on_a_page_is_drawn_across_the_flowable_above(monkeypatch, reports, lang):
    """Issue 10, item 9: no flowable of the report begins inside the one drawn before it."""
    layout = Layout(monkeypatch)
    render_pdf(reports[lang], lang)
    pages = {page for page, *_ in layout.drawn}
    overlaps = []
    for number in sorted(pages):
        drawn = layout.page(number)
        for (upper, upper_bottom, _), (lower, _, lower_top) in zip(drawn, drawn[1:], strict=False):
            if lower_top > upper_bottom + 0.01:
                overlaps.append((number, _text_of(upper)[:40], _text_of(lower)[:40], lower_top - upper_bottom))
    assert overlaps == []


# --- the list against the computed ranking ---------------------------------------------------------

EDIT_CASES = [
    # computed order, draft versions (number, list, note), expected (code, computed, listed, version, reason)
    (("A", "B", "C"), [(1, ("A", "B", "C"), "")], []),
    (("A", "B", "C"), [(1, ("C", "B", "A"), "")], [("C", 3, 1, 1, ""), ("A", 1, 3, 1, "")]),
    (("A", "B", "C"), [(1, ("A", "B"), ""), (2, ("B", "A"), "HSTC: B first")],
     [("B", 2, 1, 2, "HSTC: B first"), ("A", 1, 2, 2, "HSTC: B first")]),
    (("A", "B", "C"), [(1, ("A", "C"), "first note"), (2, ("A", "C"), "typo fixed")],
     [("C", 3, 2, 1, "first note"), ("B", 2, None, 1, "first note")]),
    (("A", "B"), [(1, ("A", "B"), ""), (2, ("A", "X"), "X added after the discussion")],
     [("X", None, 2, 2, "X added after the discussion"), ("B", 2, None, 2, "X added after the discussion")]),
]


@pytest.mark.parametrize(("computed", "versions", "expected"), EDIT_CASES)
def test_issue10_item9_each_departure_from_the_ranking_names_the_version_and_its_note(computed, versions,
                                                                                      expected):
    """Issue 10, item 9: each place where the list departs from the computed ranking is found, with
    the draft version that set it and that version's note."""
    edits = list_edits(computed, [DraftList(*v) for v in versions])
    assert [(e.code, e.computed, e.listed, e.version, e.reason) for e in edits] == expected


def test_issue10_item9_the_report_shows_the_computed_rank_beside_the_list_and_explains_each_edit():
    """Issue 10, item 9: the list, the computed ranking of every assessed technology and the reasons."""
    computed = {"AG-02": {"weighted_sum": 1}, "AG-01": {"weighted_sum": 2}, "AG-03": {"weighted_sum": 3}}
    scores = {"AG-02": 0.8, "AG-01": 0.5, "AG-03": 0.2}
    names = {"AG-01": "Дәлме-дәл егіншілік", "AG-02": "Дрондар", "AG-03": "Мал геномикасы"}

    def row(code, rank):
        return KeyTechnology(code, names[code], rank, {"weighted_sum": scores[code]}, computed[code])

    versions = [DraftList(1, ("AG-02", "AG-01"), ""), DraftList(2, ("AG-01", "AG-02"), "ЖҒТК ескертпесі бойынша")]
    data = ReportData(META, key_technologies=[row("AG-01", 1), row("AG-02", 2)],
                      computed_ranking=[row("AG-02", 1), row("AG-01", 2), row("AG-03", 3)],
                      ranking_method="weighted_sum",
                      list_edits=list_edits(("AG-02", "AG-01", "AG-03"), versions, names))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(data, "kk"))).pages).split())
    assert "0,500 (2)" in text  # the list's first technology, with the rank its method computed
    assert "Есептелген рейтинг және тізбе" in text and "Мал геномикасы" in text
    assert ("AG-01 Дәлме-дәл егіншілік: есептелген орны 2, тізбеде 1-орын; жобаның 2-нұсқасында белгіленген, "
            "негіздемесі: ЖҒТК ескертпесі бойынша") in text
