"""Issue 10, item 9: the HSTC report of the demo study as printed in Kazakh (000 p.12(4)): no blank
page, and its key-technology list shown against the computed ranking (p.11(7)) with the reason the
records hold for each difference (the note of the draft version that set it)."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from techpolicy.forecasting.report import render_pdf
from techpolicy.forecasting.report.labels import label
from techpolicy.forecasting.studies import demo, discussion
from techpolicy.forecasting.studies.models import Study
from techpolicy.forecasting.studies.report_data import report_data


@pytest.fixture
def demo_study(db):
    demo.load()
    return Study.objects.get(title=demo.TITLE)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def test_issue10_item9_no_page_of_the_kazakh_report_is_blank(demo_study):
    """Issue 10, item 9: the Kazakh report ended with a page holding only its footer."""
    data = report_data(demo_study, "kk")
    pages = _pages(render_pdf(data, "kk"))
    running = {label("watermark", "kk"), f"{label('number', 'kk')}: {data.meta.number} · "
               f"{label('status_draft', 'kk', version=data.meta.version)}"}
    for number, text in enumerate(pages, start=1):
        body = [line for line in text.splitlines()
                if line.strip() and line not in running | {label("page", "kk", page=number)}]
        assert body, f"page {number} of {len(pages)} shows nothing of the report"


def test_issue10_item9_the_list_is_shown_against_the_computed_ranking(demo_study):
    """Issue 10, item 9: the demo's list (AG-01, AG-04, AG-02) reverses the computed order; each
    technology shows its computed rank and each difference says that version 1 set it without a
    recorded reason."""
    data = report_data(demo_study, "kk")
    order = [row.code for row in data.computed_ranking]
    assert set(order) == set(demo_study.technologies.values_list("code", flat=True))
    assert data.ranking_method == "weighted_sum"
    for row in data.key_technologies:
        assert row.computed["weighted_sum"] == order.index(row.code) + 1
    moved = {e.code: e for e in data.list_edits}
    assert moved and all(e.version == 1 and e.reason == "" for e in moved.values())
    assert all(e.listed != e.computed for e in moved.values())
    text = " ".join(" ".join(_pages(render_pdf(data, "kk"))).split())
    first = data.key_technologies[0]
    assert (f"{first.code} {first.name}: есептелген орны {first.computed['weighted_sum']}, тізбеде 1-орын; "
            "жобаның 1-нұсқасында белгіленген, негіздемесі жазылмаған") in text


def test_issue10_item9_a_later_version_gives_its_note_as_the_reason(demo_study):
    """Issue 10, item 9: the list corrected after the discussion (000 p.12(2)) to the computed order
    but one: that technology's place cites the note of the version that set it."""
    analyst = demo_study.created_by
    computed = [row.code for row in report_data(demo_study, "kk").computed_ranking]
    new_list = [computed[1], computed[0], computed[2]]
    draft = discussion.latest_draft(demo_study)
    discussion.publish_draft(
        demo_study, analyst, vision=draft.vision, goals=draft.goals, key_technologies=new_list,
        discussion_closes_on=dt.date.today() + dt.timedelta(days=30),
        change_note="ЖҒТК ескертпесі: экспорттық әлеуеті жоғары технология бірінші орынға қойылды")
    edits = report_data(Study.objects.get(pk=demo_study.pk), "kk").list_edits
    assert {e.code for e in edits} == {computed[0], computed[1]}
    assert all(e.version == 2 and e.reason.startswith("ЖҒТК ескертпесі") for e in edits)
