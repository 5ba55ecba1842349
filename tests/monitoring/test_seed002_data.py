"""Seed 002's reference data (requirements 13.1–13.3, group E3): the files of `techpolicy.legal.seed002`
load and validate, every entry is checked against the lines of the seed it cites, the two copies of
the indicator series agree (002.s6.kpi), the action plan expands to its obligations (002.s7.ap), Table
2's inconsistencies are reported (DE-002-4), and `load_seed002` is idempotent."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from techpolicy.legal import seed002, seed002_tables
from techpolicy.monitoring import models
from techpolicy.monitoring.obligations import expand_plan
from tests.monitoring.test_obligations import SEED_002_PLAN

# The Resolution's Kazakh text as published, kept beside the data that cites its lines.
SEED = Path(seed002.__file__).resolve().parent / "seed002" / "resolution_1134.kk.txt"
LINES = SEED.read_text("utf-8").split("\n")


def norm(text: str) -> str:
    """One space for any run of whitespace (the seed mixes tabs, no-break and double spaces)."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def line(number: int) -> str:
    assert 1 <= number <= len(LINES), f"line {number} is outside the seed (1..{len(LINES)})"
    return norm(LINES[number - 1])


def text(first: int, last: int) -> str:
    return " ".join(line(n) for n in range(first, last + 1) if line(n))


def cells(first: int, last: int) -> list[str]:
    return [line(n) for n in range(first, last + 1) if line(n)]


# Files


def test_13_1_files_load_and_validate_with_the_counts_of_the_seed():
    """13.1: six indicators, 25 plan items, Table 1 3 × 6, Table 2 21 rows, 4 region types."""
    assert len(seed002.indicators()) == 6
    assert [i.number for i in seed002.plan_items()] == [str(n) for n in range(1, 26)]
    tables = seed002_tables.tables_file()
    assert [len(i.rows) for i in tables.table1.indicators] == [6, 6, 6]
    assert len(tables.table2.rows) == 21 and sum(r.kind == "region" for r in tables.table2.rows) == 17
    assert len(tables.region_typology.types) == 4


def test_002_s6_targets_carry_act_paragraph_and_the_resolutions_date():
    """002.s6.i1–i6, res. p.5: act "002", paragraph s6.iN, in force from 24.12.2025; 2035 is final."""
    for number, indicator in enumerate(seed002.indicators(), start=1):
        assert indicator.base_year == 2025 and [t.year for t in indicator.targets] == list(range(2026, 2036))
        assert {(t.act, t.paragraph, t.effective) for t in indicator.targets} == {
            ("002", f"s6.i{number}", dt.date(2025, 12, 24))}
        assert [t.stage for t in indicator.targets] == ["interim"] * 9 + ["final"]
    assert seed002.indicators()[1].direction == "lower_is_better"  # 002.s6.i2: a place in a ranking


def test_parse_number_reads_the_seeds_spelling_and_refuses_anything_else():
    assert seed002.parse_number("134 251,9") == Decimal("134251.9")
    assert seed002.parse_number("-0,44") == Decimal("-0.44")
    for bad in ("1.5", "", "1,2,3", "12a"):
        with pytest.raises(ValueError):
            seed002.parse_number(bad)


# Citations, checked against the seed


SERIES = re.compile(r"(20[23]\d)(?: ?(?:жыл|ж|г)\b)? ?\.? ?[–-]? ?(\d[\d ]*(?:,\d+)?) ?-?(?:млрд|орын|адам|бірлік)")


def seed_series(number: int) -> dict[int, Decimal]:
    return {int(y): seed002.parse_number(v) for y, v in SERIES.findall(line(number))}


def test_002_s6_each_indicator_cites_its_lines_and_both_copies_match_the_seed():
    """002.s6.kpi: §6 l.1100–1110 and the plan's copies: names' key words, "Нысаналы N-индикатор" and
    every figure, parsed from the cited line, equal to the file."""
    data = seed002.indicator_file()
    assert "2025 жылғы 24 желтоқсандағы № 1134" in line(data.effective_lines[0])
    assert "қол қойылған күнінен бастап қолданысқа енгізіледі" in line(data.effective_lines[1])
    for entry in data.indicators:
        (concept_line,) = entry.concept.lines
        heading, plan_line = entry.plan.lines
        assert line(concept_line).startswith(f"{entry.number}. ")
        assert line(heading) == f"Нысаналы {entry.number}-индикатор"
        for words in entry.key_words:
            assert words in line(concept_line) and words in line(plan_line), (entry.code, words)
        assert seed_series(concept_line) == entry.concept.values(), entry.code
        assert seed_series(plan_line) == entry.plan.values(), entry.code


def test_002_s6_kpi_the_two_copies_of_every_series_agree():
    """002.s6.kpi: the plan's copy equals §6 year by year (computed; the seed itself agrees)."""
    assert seed002.series_disagreements() == []


def test_002_s6_kpi_a_disagreement_is_reported_with_year_and_lines():
    data = seed002.indicator_file()
    first = data.indicators[0]
    changed = first.plan.model_copy(update={"targets": {**first.plan.targets, 2031: "4,2"}})
    edited = data.model_copy(update={"indicators": [first.model_copy(update={"plan": changed}),
                                                     *data.indicators[1:]]})
    (gap,) = seed002.series_disagreements(edited)
    assert (gap.indicator, gap.year, gap.concept, gap.plan) == ("SCT.I1", 2031, Decimal("4.1"), Decimal("4.2"))
    assert (gap.concept_lines, gap.plan_lines) == ([1100], [1174, 1176])


AKIMAT_WORDS = {"Абай облысының әкімдігі": "Абай", "Алматы облысының әкімдігі": "Алматы",
                "Алматы қаласының әкімдігі": "Алматы қаласының"}
AGREED = "(келісу бойынша)"


def test_002_s7_ap_each_item_cites_its_lines_and_its_words_are_there():
    """002.s7.ap: the item's number opens its lines; name, form, deadline, executors and funding are the
    seed's words inside them; as many "(келісу бойынша)" as executors by agreement; the direction is
    the last "N-бағыт" heading above it; the items follow each other without overlapping."""
    previous_last = 1127
    for entry in seed002.plan_file().items:
        first, last = entry.lines
        assert first > previous_last and line(first) == entry.number, entry.number
        previous_last = last
        body = text(first, last)
        for words in (entry.name.kk, entry.form.kk, entry.deadline_text, entry.funding.volume_text):
            assert norm(words) in body, (entry.number, words)
        if entry.funding.source_text:
            assert norm(entry.funding.source_text) in body, entry.number
        for executor in entry.executors:
            word = executor.as_written or AKIMAT_WORDS.get(executor.name, executor.name)
            assert word in body, (entry.number, executor.name)
            if executor.by_agreement:
                assert re.search(re.escape(word) + r" ?" + re.escape(AGREED), body), (entry.number, word)
        assert body.count(AGREED) == sum(e.by_agreement for e in entry.executors), entry.number
        headings = [n for n in range(1127, first) if re.fullmatch(r"\d-бағыт", line(n))]
        assert line(headings[-1]) == f"{entry.plan_direction}-бағыт", entry.number


def test_13_1_table2_rows_are_the_seeds_cells_in_order():
    """Table 2 (l.493–782): each row's name, then its five values, exactly as the cited lines hold them."""
    table = seed002_tables.tables_file().table2
    assert line(table.lines[0]).startswith("2-кесте.")
    for row in table.rows:
        first, last = row.lines
        found = cells(first, last)
        assert norm(" ".join(found[:-5])) == row.region.kk, row.region.kk
        assert found[-5:] == [row.grp, row.rnd_expenditure, row.rnd_personnel, row.per_worker,
                              row.researchers_per_million], row.region.kk


def test_13_1_table1_rows_are_the_seeds_cells_in_order():
    """Table 1 (l.119–342): each indicator's title line, each country's values (blank cells: null)."""
    table = seed002_tables.tables_file().table1
    assert line(table.lines[0]).startswith("1-кесте.") and table.source in line(table.source_line)
    for indicator in table.indicators:
        assert line(indicator.line) == indicator.name["kk"]
        for row in indicator.rows:
            first, last = row.lines
            found = cells(first, last)
            assert found[0] == row.country.kk
            assert found[1:] == [v for v in row.values.values() if v is not None], row.country.kk


def test_13_1_lists_cite_their_lines():
    """Region typology (l.800), expected results (l.1112–1116)."""
    tables = seed002_tables.tables_file()
    typology = line(tables.region_typology.line)
    for kind in tables.region_typology.types:
        for member in kind.members:
            assert member.as_written in typology, member.as_written
    for result in tables.expected_results.items:
        assert result.as_written in line(result.line) and result.name["kk"] in line(result.line)


def test_13_1_passport_activity_types_and_funding_sources_cite_their_lines():
    """Passport (l.56–102), STP activity types (l.952–964), infrastructure → funding sources (l.1044–1077)."""
    tables = seed002_tables.tables_file()
    for row in tables.passport.rows:
        first, last = row.lines
        assert line(first) == f"{row.number}."
        values = row.value_kk if isinstance(row.value_kk, list) else [row.value_kk]
        assert all(norm(v) in text(first, last) for v in values), row.field
    listed = tables.stp_activity_types
    assert line(listed.lines[0]).endswith("мыналар болып табылады:")
    for item in listed.items:
        assert line(item.line).startswith(f"{item.number})") and item.name["kk"] in line(item.line)
    for row in tables.infrastructure_funding.rows:
        first, last = row.lines
        body = text(first, last)
        assert line(first) == row.infrastructure["kk"]
        assert all(source.as_written in body for source in row.sources), row.code



# The action plan's obligations


def test_002_s7_ap_the_25_items_expand_to_170_obligations_as_the_core_tests_expect():
    """002.s7.ap: the file's items give the same keys as the core's test of the 13.2 deadlines (170;
    2026: 9, 2027: 17, 2028–2035: 18 a year). The example `monitoring-plan.json` is a five-item demo,
    not this plan, so the comparison is with that test's table."""
    items = seed002.plan_items()
    obligations = expand_plan(items)
    assert [o.key for o in obligations] == [o.key for o in expand_plan(SEED_002_PLAN)]
    per_year = {year: len(expand_plan(items, year)) for year in range(2026, 2036)}
    assert len(obligations) == sum(per_year.values()) == 170
    assert per_year == {2026: 9, 2027: 17, **dict.fromkeys(range(2028, 2036), 18)}


# Table 2's inconsistencies (DE-002-4)


def test_de_002_4_table2_per_worker_gaps_are_exactly_the_inconsistent_rows():
    """Every row is recomputed here independently (in floats, ±0.05 of a rounded figure); the report
    lists exactly the rows outside it, and it finds 11."""
    rows = seed002_tables.tables_file().table2.rows
    value = seed002.parse_number
    outside = {r.region.kk for r in rows
               if abs(float(value(r.rnd_expenditure)) * 1000 / float(value(r.rnd_personnel))
                      - float(value(r.per_worker))) > 0.05}
    gaps = seed002_tables.per_worker_gaps()
    assert {g.region for g in gaps} == outside
    assert len(gaps) == 11
    astana = next(g for g in gaps if g.region == "Астана қаласы")
    assert (astana.given, astana.recomputed, astana.lines) == (Decimal("8.3"), Decimal("8.2"), [746, 756])


def test_de_002_4_table2_sums_of_the_regions_differ_from_the_countrys_row():
    """The regions' GRP and R&D expenditure do not add up to the country's row; the personnel do."""
    gaps = {g.column: (g.stated, g.summed) for g in seed002_tables.sum_gaps()}
    assert gaps == {"grp": (Decimal("134251.9"), Decimal("134251.3")),
                    "rnd_expenditure": (Decimal("219.7"), Decimal("219.20"))}


# The loader


def run() -> str:
    out = io.StringIO()
    call_command("load_seed002", stdout=out)
    return out.getvalue()


def snapshot() -> tuple:
    return (list(models.Plan.objects.values()), list(models.Indicator.objects.values()),
            list(models.Target.objects.values()), list(models.Obligation.objects.values()))


@pytest.mark.django_db
def test_load_seed002_creates_the_plan_and_a_second_run_changes_nothing():
    """002.s6, 002.s7.ap: one plan, 6 indicators, 60 targets, 170 obligations; running again is a no-op."""
    first = run()
    assert "plan science_territories:002-concept-2026-2035: created" in first
    assert "6 created" in first and "170 created" in first
    plan = models.Plan.objects.get(owner_kind="science_territories", owner_ref="002-concept-2026-2035")
    assert (plan.first_year, plan.last_year, plan.indicators.count(), plan.obligations.count()) == (2026, 2035, 6, 170)
    assert models.Target.objects.filter(indicator__plan=plan, act="002").count() == 60
    before = snapshot()
    second = run()
    assert snapshot() == before
    assert "nothing changed" in second and "6 unchanged" in second and "0 created, 0 updated" in second


@pytest.mark.django_db
def test_load_seed002_restores_a_changed_obligation_and_keeps_its_completion():
    run()
    obligation = models.Obligation.objects.get(key="7:2027")
    models.Obligation.objects.filter(pk=obligation.pk).update(form="other", done_on=dt.date(2027, 12, 20))
    out = run()
    obligation.refresh_from_db()
    assert "1 updated" in out and obligation.form == "Қазақстан Республикасының Үкіметіне ұсыныстар"
    assert obligation.done_on == dt.date(2027, 12, 20)


@pytest.mark.django_db
def test_load_seed002_refuses_to_edit_a_stored_target_and_keeps_nothing_of_the_run():
    """A stored target is never edited (amendments add a target): a differing value is refused."""
    run()
    target = models.Target.objects.get(indicator__code="SCT.I2", year=2030)
    models.Target.objects.filter(pk=target.pk).update(value=Decimal("19"))
    models.Obligation.objects.filter(key="1:2026-03").delete()
    with pytest.raises(CommandError, match="SCT.I2 2030"):
        run()
    assert not models.Obligation.objects.filter(key="1:2026-03").exists()  # the run was rolled back
