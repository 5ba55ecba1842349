"""Monitoring reports: one per reporter and year, expected by a day, submitted once, as PDF and DOCX.

- 002.res.p2.3: each implementer's information on the Concept's progress is due by 1 April of the year
  after the reporting year; 002.res.p3: MSHE's report by 1 May, published except restricted-access
  information.
- 000.p38.a2, 000.ttp.monitor: the report's indicator table is the core's status of each indicator
  (target in force, approved actual, gap), never a second computation.
- 002.s7.ap: the year's obligations done on time, done late and overdue, as the core's timeliness says.

Every expected status and timeliness is compared with the core's own answer on the same rows."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import docx
import pytest
from django.db import IntegrityError, transaction
from django.utils import translation
from pypdf import PdfReader

from techpolicy.documents.blocks import Heading, Table, Text
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import models, report_document, reporting, store
from techpolicy.monitoring import obligations as plan_core
from techpolicy.monitoring.owners import OwnerKind, register_owner
from tests import factories

pytestmark = pytest.mark.django_db

KIND = "reporttest"
ALMATY = ZoneInfo("Asia/Almaty")
INDICATOR_KK = "Ғылымды шоғырландыру аумақтары қатысушыларынан түскен салық түсімдері"
RESTRICTED = "Қызмет бабында пайдалану үшін: келісімшарт сомасы"  # never in a published version
NARRATIVE = "2027 жылы технопарк іске қосылды.\n\nҚатысушылар саны өсті."

# The owner of the test plans: staff read every plan (MSHE sees all: 002.res.p4), so do the users of
# an organisation expected to report on it; a user of any organisation may report for it, and a plan
# whose reference starts with "PUB-" is public.
register_owner(OwnerKind(
    kind=KIND, label="Test plans",
    may_read=lambda user, plan: user.is_authenticated and (
        user.is_staff or plan.reports.filter(reporter_id=user.organisation_id).exists()),
    public=lambda plan: plan.owner_ref.startswith("PUB-"),
    may_report=lambda user, plan: user.is_authenticated and user.organisation_id is not None,
))


@dataclass
class World:
    plan: models.Plan
    indicator: models.Indicator
    implementer: object  # accounts.Organisation
    other: object
    reporter: object  # a user of `implementer`
    outsider: object  # a user of `other`
    reader: object  # staff
    report: models.Report


def make_world(ref: str = "SCT-002") -> World:
    plan = models.Plan.objects.create(
        owner_kind=KIND, owner_ref=ref, name_kk="Ғылымды шоғырландыру аумақтарын дамыту тұжырымдамасы",
        name_ru="Концепция развития территорий концентрации науки", name_en="Concept of science concentration "
        "territories", first_year=2026, last_year=2035)
    # 002.s6.i1: tax revenue from SCT participants, bn KZT, base 2025 2.3; 2026 2.35, 2027 2.4, 2035 final 8.
    indicator = store.save_indicator(plan, core.Indicator(
        code="I1", name={"kk": INDICATOR_KK, "ru": "Налоговые поступления от участников ТКН",
                         "en": "Tax revenue from SCT participants"},
        unit="bn KZT", direction="higher_is_better", kind="per_period", base_year=2025, base_value=Decimal("2.3"),
        targets=[{"year": y, "value": Decimal(v), "stage": s, "act": "002", "paragraph": "s6.i1",
                  "effective": dt.date(2025, 12, 24)}
                 for y, v, s in ((2026, "2.35", "interim"), (2027, "2.4", "interim"), (2035, "8", "final"))]))
    implementer, other = factories.make_organisation("Akimat of Abai region"), factories.make_organisation()
    reporter = factories.make_user(organisation=implementer)
    actual = store.save_actual(indicator, core.Actual(indicator="I1", year=2027, value=Decimal("2.5"),
                                                      provenance={"kind": "entered", "evidence": "letter 1"}),
                               reporter)
    store.approve(store.submit(actual, reporter), reporter)
    reporting.expect(plan, [implementer], reporting.report_dues(reporting.IMPLEMENTER_INFORMATION_002))
    report = models.Report.objects.get(plan=plan, reporter=implementer, year=2027)
    return World(plan, indicator, implementer, other, reporter, factories.make_user(organisation=other),
                 factories.make_user(is_staff=True), report)


def submitted_at(report: models.Report, day: dt.date) -> None:
    """Record the submission as made at noon in Almaty on `day` (the test sets the clock)."""
    models.Report.objects.filter(pk=report.pk).update(submitted_at=dt.datetime.combine(day, dt.time(12), ALMATY))
    report.refresh_from_db()


# Due dates and expected reports


def test_002_res_p2_3_and_p3_reports_due_1_april_and_1_may_of_the_next_year():
    """002.res.p2.3: the implementers' information on year Y by 1 April Y+1; 002.res.p3: MSHE's report
    by 1 May Y+1; for every year of the Concept 2026–2035."""
    implementer = reporting.report_dues(reporting.IMPLEMENTER_INFORMATION_002)
    mshe = reporting.report_dues(reporting.MSHE_REPORT_002)
    assert sorted(implementer) == sorted(mshe) == list(range(2026, 2036))
    assert implementer[2026] == dt.date(2027, 4, 1) and implementer[2035] == dt.date(2036, 4, 1)
    assert mshe[2027] == dt.date(2028, 5, 1)


def test_002_res_p2_3_expecting_reports_twice_stores_them_once():
    world = make_world()
    dues = reporting.report_dues(reporting.IMPLEMENTER_INFORMATION_002)
    again = reporting.expect(world.plan, [world.implementer, world.other], dues)
    assert again == reporting.Expected(created=10, moved=0)  # the other organisation's ten; none twice
    assert reporting.expect(world.plan, [world.implementer, world.other], dues).created == 0
    assert world.plan.reports.count() == 20
    assert world.report.due == dt.date(2028, 4, 1)


def test_an_amended_due_day_moves_a_draft_but_not_a_submitted_report():
    world = make_world()
    reporting.submit(reporting.save_draft(world.report, NARRATIVE), world.reporter)
    later = {2027: dt.date(2028, 4, 15), 2028: dt.date(2029, 4, 15)}
    assert reporting.expect(world.plan, [world.implementer], later).moved == 1  # 2028's draft only
    world.report.refresh_from_db()
    assert world.report.due == dt.date(2028, 4, 1)
    assert models.Report.objects.get(plan=world.plan, reporter=world.implementer, year=2028).due == later[2028]


def test_a_year_outside_the_plan_is_refused():
    world = make_world()
    with pytest.raises(reporting.ReportError, match="2036"):
        reporting.expect(world.plan, [world.implementer], {2036: dt.date(2037, 4, 1)})


# Timeliness


def test_002_res_p2_3_timeliness_pending_then_overdue_on_a_day():
    """Not yet due on 1 April Y+1 itself; overdue from the next day, counted in calendar days."""
    report = make_world().report
    on_due = reporting.timeliness_of(report, dt.date(2028, 4, 1))
    assert (on_due.timeliness, on_due.expected, on_due.submitted, on_due.days_late) == \
        ("pending", dt.date(2028, 4, 1), None, None)
    overdue = reporting.timeliness_of(report, dt.date(2028, 4, 11))
    assert (overdue.timeliness, overdue.days_late) == ("overdue", 10)


def test_002_res_p2_3_submitted_on_the_due_day_is_on_time_and_a_day_later_is_late():
    world = make_world()
    report = reporting.submit(reporting.save_draft(world.report, NARRATIVE), world.reporter)
    submitted_at(report, dt.date(2028, 4, 1))
    on_time = reporting.timeliness_of(report, dt.date(2029, 1, 1))
    assert (on_time.timeliness, on_time.submitted, on_time.days_late) == ("on_time", dt.date(2028, 4, 1), 0)
    submitted_at(report, dt.date(2028, 4, 3))
    late = reporting.timeliness_of(report, dt.date(2029, 1, 1))
    assert (late.timeliness, late.days_late) == ("late", 2)
    # Known on a day only once made: on the due day itself the late submission was not yet there.
    assert reporting.timeliness_of(report, dt.date(2028, 4, 1)).timeliness == "pending"


def test_a_submission_just_before_midnight_in_almaty_counts_on_that_local_day():
    """The day an office counts is Almaty's: 23:30 on 1 April there is 18:30 UTC, still on time."""
    world = make_world()
    report = reporting.submit(reporting.save_draft(world.report, NARRATIVE), world.reporter)
    models.Report.objects.filter(pk=report.pk).update(
        submitted_at=dt.datetime(2028, 4, 1, 23, 30, tzinfo=ALMATY))
    report.refresh_from_db()
    assert reporting.timeliness_of(report, dt.date(2028, 5, 1)).timeliness == "on_time"


# The database keeps one report per reporter and period, and a submission recorded


def test_002_res_p2_3_one_report_per_reporter_and_year_is_kept_by_the_database():
    world = make_world()
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Report.objects.create(plan=world.plan, reporter=world.implementer, year=2027, due=dt.date(2028, 5, 1))
    assert models.Report.objects.filter(plan=world.plan, reporter=world.implementer, year=2027).count() == 1


def test_a_submitted_state_without_its_date_and_author_is_refused_by_the_database():
    world = make_world()
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Report.objects.filter(pk=world.report.pk).update(state="submitted")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Report.objects.filter(pk=world.report.pk).update(narrative="x" * (models.MAX_NARRATIVE + 1))


# Writing and submitting


@translation.override("en")  # the refusals are matched by their English words
def test_a_report_is_submitted_once_and_is_then_no_longer_changed():
    world = make_world()
    with pytest.raises(reporting.ReportError, match="narrative"):
        reporting.submit(world.report, world.reporter)  # nothing written yet
    reporting.save_draft(world.report, NARRATIVE, RESTRICTED)
    report = reporting.submit(world.report, world.reporter)
    assert (report.state, report.submitted_by) == ("submitted", world.reporter)
    first = report.submitted_at
    with pytest.raises(reporting.ReportError, match="already been submitted"):
        reporting.submit(report, world.reporter)
    with pytest.raises(reporting.ReportError, match="can no longer be changed"):
        reporting.save_draft(report, "rewritten")
    report.refresh_from_db()
    assert (report.narrative, report.submitted_at) == (NARRATIVE, first)


def test_hostile_a_huge_narrative_is_refused_with_its_size_and_control_characters_are_dropped():
    world = make_world()
    with pytest.raises(reporting.ReportError, match=str(models.MAX_NARRATIVE)):
        reporting.save_draft(world.report, "а" * (models.MAX_NARRATIVE + 1))
    with pytest.raises(reporting.ReportError, match=str(models.MAX_RESTRICTED)):
        reporting.save_draft(world.report, "ok", "б" * (models.MAX_RESTRICTED + 1))
    world.report.refresh_from_db()
    assert world.report.narrative == ""
    saved = reporting.save_draft(world.report, "a\x00b\x07c\r\nd\te")
    assert saved.narrative == "abc\nd\te"
    assert report_document.report_docx(saved, lang="kk", public=False, on=dt.date(2028, 1, 1))  # XML holds it


# The document


def obligations_world(world: World) -> None:
    """Three obligations of 2027 (002.s7.ap): one done on time, one done late, one overdue; and one of
    2028 that the 2027 report does not list."""
    items = [plan_core.Item(number=number, name={"kk": "Іс-шара", "ru": "Мероприятие", "en": "Measure"},
                            form="information to MSHE", executors=[{"name": "MSHE"}],
                            funding={"volume": "not_required"}, deadline=deadline)
             for number, deadline in (("3", {"kind": "quarter", "year": 2027, "quarter": 1}),
                                      ("5", {"kind": "month", "year": 2027, "month": 6}),
                                      ("7", {"kind": "yearly", "from_year": 2027, "to_year": 2028, "month": 12}))]
    store.expand_into(world.plan, items)
    world.plan.obligations.filter(key="3:2027-Q1").update(done_on=dt.date(2027, 3, 20))
    world.plan.obligations.filter(key="5:2027-06").update(done_on=dt.date(2027, 7, 10))


def _table_after(blocks, heading: str) -> Table:
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text.startswith(heading))
    return blocks[index + 1]


def test_000_p38_a2_the_indicator_table_is_the_cores_status():
    """000.ttp.monitor: target in force, approved actual, gap and outcome as `store.status_of` gives them."""
    world = make_world()
    on = dt.date(2028, 4, 1)
    expected = store.status_of(world.indicator, 2027, on)
    blocks = report_document.report_blocks(world.report, lang="en", public=False, on=on)
    table = _table_after(blocks, "Target indicators")
    row = table.rows[0]
    assert row[0] == "I1. Tax revenue from SCT participants"
    assert tuple(map(Decimal, row[2:5])) == (expected.target.value, expected.value, expected.gap)
    assert (row[2], row[3], row[4], row[5]) == ("2.4", "2.5", "0.1", "Reached")


def test_002_s7_ap_obligations_of_the_year_done_on_time_late_and_overdue():
    world = make_world()
    obligations_world(world)
    on = dt.date(2028, 4, 1)
    blocks = report_document.report_blocks(world.report, lang="en", public=False, on=on)
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert headings == ["Done on time: 1", "Done late: 1", "Overdue, not done: 1", "Not yet due: 0"]
    late = _table_after(blocks, "Done late")
    assert late.rows[0][:5] == ("5", "2027-06", "2027-06-30", "2027-07-10", "10")
    overdue = _table_after(blocks, "Overdue")
    row = world.plan.obligations.get(key="7:2027")
    assert overdue.rows[0][4] == str(store.timeliness_of(row, on).days_late)  # the core's count of days


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_002_res_p3_pdf_in_kazakh_with_its_headings_indicator_and_narrative():
    world = make_world()
    obligations_world(world)
    report = reporting.save_draft(world.report, NARRATIVE, RESTRICTED)
    text = " ".join(_pdf_text(report_document.report_pdf(report, lang="kk", public=False,
                                                         on=dt.date(2028, 4, 1))).split())
    for heading in ("Нысаналы индикаторлар", "Іс-шаралар жоспарының орындалуы", "Іске асыру барысы туралы ақпарат",
                    "2027 жылғы есеп", "Қолжетімділігі шектеулі ақпарат"):
        assert heading in text
    assert "салық түсімдері" in text and "Akimat of Abai region" in text
    assert "технопарк іске қосылды" in text and "келісімшарт сомасы" in text


def test_002_res_p3_the_published_version_leaves_out_the_restricted_information():
    """002.res.p3: published "except restricted-access information"; who submitted is left out too."""
    world = make_world()
    report = reporting.submit(reporting.save_draft(world.report, NARRATIVE, RESTRICTED), world.reporter)
    on = dt.date(2028, 4, 1)
    public_pdf = " ".join(_pdf_text(report_document.report_pdf(report, lang="kk", public=True, on=on)).split())
    assert "келісімшарт сомасы" not in public_pdf and "Қолжетімділігі шектеулі ақпарат" not in public_pdf
    assert "технопарк іске қосылды" in public_pdf
    assert "алынып тасталды" in public_pdf  # says that something is left out
    blocks = report_document.report_blocks(report, lang="ru", public=True, on=on)
    everything = " ".join(str(b) for b in blocks)
    assert RESTRICTED not in everything and world.reporter.get_username() not in everything
    full = " ".join(str(b) for b in report_document.report_blocks(report, lang="ru", public=False, on=on))
    assert RESTRICTED in full and world.reporter.get_username() in full


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_002_res_p3_docx_in_russian_with_the_table_and_the_public_version():
    world = make_world()
    obligations_world(world)
    report = reporting.save_draft(world.report, NARRATIVE, RESTRICTED)
    on = dt.date(2028, 4, 1)
    full = _docx_text(report_document.report_docx(report, lang="ru", public=False, on=on))
    for text in ("Целевые индикаторы", "Исполнение плана мероприятий", "Налоговые поступления от участников ТКН",
                 "Отчёт за 2027 год", "Исполнено с опозданием: 1", "2028-04-01", RESTRICTED):
        assert text in full
    public = _docx_text(report_document.report_docx(report, lang="ru", public=True, on=on))
    assert RESTRICTED not in public and "Информация ограниченного доступа" not in public
    assert "исключена" in public


def test_a_document_in_an_unknown_language_is_refused():
    world = make_world()
    with pytest.raises(ValueError, match="language"):
        report_document.report_blocks(world.report, lang="de", public=True, on=dt.date(2028, 1, 1))


def test_a_plan_without_indicators_or_narrative_still_makes_a_document():
    world = make_world()
    plan = models.Plan.objects.create(owner_kind=KIND, owner_ref="EMPTY", name_kk="Бос", name_ru="Пусто",
                                      name_en="Empty", first_year=2027, last_year=2027)
    reporting.expect(plan, [world.implementer], {2027: dt.date(2028, 4, 1)})
    report = plan.reports.get()
    blocks = report_document.report_blocks(report, lang="en", public=False, on=dt.date(2028, 1, 1))
    texts = [b.text for b in blocks if isinstance(b, Text)]
    assert "The plan has no target indicators." in texts and "The information has not been written yet." in texts
    assert _pdf_text(report_document.report_pdf(report, lang="en", public=False, on=dt.date(2028, 1, 1)))
