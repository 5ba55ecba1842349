"""Act 004, Annex: priority sectors by OKED code, and the 5.1 criteria that use them (activity in
a priority sector, for at least one year)."""

from __future__ import annotations

import datetime as dt
import re

import polars as pl
import pytest

from techpolicy.law.acts.act004_productivity2020.facts import OKED_PATTERN
from techpolicy.law.acts.act004_productivity2020.programme import PRODUCTIVITY2020
from techpolicy.law.acts.act004_productivity2020.sectors import is_under, load_sectors, oked_ancestors, priority_sectors

MATCHES = [
    pytest.param("62.01", "62", id="62.01 (programming) lies under 62"),
    pytest.param("62.01.1", "62", id="subclass 62.01.1 lies under 62"),
    pytest.param("09.10", "09.10", id="09.10 is itself listed (the most specific match wins)"),
    pytest.param("09.10.1", "09.10", id="09.10.1 under 09.10"),
    pytest.param("09.11", "09.1", id="class 09.11 under group 09.1"),
    pytest.param("09.90", "09.9", id="09.90 under 09.9"),
    pytest.param("09.2", "09", id="group 09.2 under division 09"),
    pytest.param("11.07", "11.07", id="11.07 itself (mineral waters)"),
    pytest.param("11.07.1", "11.07", id="11.07.1 under 11.07"),
    pytest.param("10.1", "10", id="10.1 under 10 (food)"),
    pytest.param("19.20", "19.20", id="19.20 (refined petroleum) itself"),
    pytest.param("33.12", "33.1", id="33.12 under 33.1"),
    pytest.param("35.11", "35.11", id="35.11 (electricity) itself"),
]


@pytest.mark.parametrize(("code", "listed"), MATCHES)
def test_a_code_in_a_priority_sector_matches_its_most_specific_listed_code(code, listed):
    match = priority_sectors().match(code)
    assert match is not None and match.code == listed


NOT_LISTED = [
    pytest.param("63", id="63 (information services) is not listed"),
    pytest.param("63.11", id="63.11 is not listed"),
    pytest.param("11.01", id="11.01 (spirits) is not under 11.07"),
    pytest.param("11", id="division 11 is not under its listed class 11.07"),
    pytest.param("19.10", id="19.10 (coke) is not under 19.20"),
    pytest.param("35.12", id="35.12 is not under 35.11"),
    pytest.param("01.11", id="agriculture 01 is not listed"),
]


@pytest.mark.parametrize("code", NOT_LISTED)
def test_a_code_outside_the_annex_does_not_match(code):
    assert priority_sectors().match(code) is None


HIERARCHY = [
    pytest.param("09.10", "09.1", True, id="09.10 under 09.1"),
    pytest.param("09.10", "09", True, id="09.10 under 09"),
    pytest.param("09.1", "09.10", False, id="09.1 is not under 09.10 (the other way round)"),
    pytest.param("10.1", "11.07", False, id="10.1 not under 11.07"),
    pytest.param("11.07", "11.07", True, id="11.07 under itself"),
    pytest.param("62.01", "62.0", True, id="62.01 under group 62.0"),
    pytest.param("62.01", "62.01", True, id="equal codes"),
    pytest.param("62.11", "62.1", True, id="62.11 under 62.1"),
    pytest.param("62.01", "62.1", False, id="62.01 not under 62.1"),
    pytest.param("19.20", "19.2", True, id="19.20 under group 19.2"),
]


@pytest.mark.parametrize(("code", "listed", "under"), HIERARCHY)
def test_oked_hierarchy(code, listed, under):
    assert is_under(code, listed) is under


def test_ancestors_walk_division_group_class_subclass():
    assert oked_ancestors("62.01.1") == ("62", "62.0", "62.01", "62.01.1")
    assert oked_ancestors("09.10") == ("09", "09.1", "09.10")
    assert oked_ancestors("09") == ("09",)


@pytest.mark.parametrize("code", ["091", "6", "62.", "62.011", "6a", "62-01", "62.01.12", ""])
def test_malformed_codes_are_refused(code):
    with pytest.raises(ValueError, match="not an OKED code"):
        oked_ancestors(code)
    if code:  # "62.01" is not under "6": "6" is not a code at all
        with pytest.raises(ValueError):
            is_under("62.01", code)


def test_the_annex_has_its_36_codes_in_nine_groups_with_three_languages():
    sectors = priority_sectors()
    assert len(sectors.codes) == 36
    assert {c.sector_id for c in sectors.codes.values()} == {
        "agro", "mining", "light_and_wood", "chemistry_and_pharma", "building_materials",
        "metallurgy_and_machinery", "other_industry", "transport_and_warehousing", "information_and_communication",
    }
    for entry in sectors.codes.values():
        assert set(entry.name) == {"kk", "ru", "en"} and all(entry.name.values())
    assert sectors.codes["62"].name["kk"].startswith("Компьютерлік бағдарламалау")
    assert "Annex" in sectors.citation.text("en")


def test_a_list_with_a_duplicate_or_malformed_code_is_refused():
    base = {"citation": {"act": "004", "paragraph": ""}, "sectors": [
        {"id": "a", "name": {"en": "A"}, "codes": [{"code": "10", "name": {"en": "x"}}, {"code": "10", "name": {}}]}]}
    with pytest.raises(ValueError, match="listed twice"):
        load_sectors(base)
    base["sectors"][0]["codes"] = [{"code": "091", "name": {}}]
    with pytest.raises(ValueError, match="not an OKED code"):
        load_sectors(base)


# --- 5.1(3): activity in a priority sector, for at least one year ------------------------------------


def application(codes: list[str], since: str, instrument: str = "4b", day: str = "2015-11-16") -> dict:
    return {
        "application_date": day,
        "instrument": instrument,
        "applicant": {"name": "Test LLP", "oked_codes": codes, "activity_since": since, "enterprise_size": "sme"},
        "executors": [{"id": "x", "service": "tech_improvement", "experience_years": 5, "past_projects": 2}],
    }


def failed(verdict) -> set[str]:
    return {r.rule_id for r in verdict.failed}


SECTOR_CASES = [
    pytest.param(["62.01"], set(), id="5.1(3) 62.01 under 62 -> ok"),
    pytest.param(["63.11", "09.10"], set(), id="5.1(3) one listed code of several suffices"),
    pytest.param(["63.11"], {"004.s5.1.3.priority_sector"}, id="5.1(3) 63.11 not listed -> refused"),
    pytest.param(["11.01"], {"004.s5.1.3.priority_sector"}, id="5.1(3) 11.01 not under 11.07 -> refused"),
]


@pytest.mark.parametrize(("codes", "refused"), SECTOR_CASES)
def test_activity_in_a_priority_sector(codes, refused):
    verdict = PRODUCTIVITY2020.evaluate(application(codes, "2010-01-01"))
    assert failed(verdict) == refused
    if refused:
        assert "Annex" in verdict.failed[0].reason["en"] and ", ".join(codes) in verdict.failed[0].reason["en"]


YEAR_CASES = [
    pytest.param("4b", "2014-11-16", "2015-11-16", set(), id="5.1(3) exactly one year before the application -> ok"),
    pytest.param("4b", "2014-11-17", "2015-11-16", {"004.s5.1.3.activity_year"},
                 id="5.1(3) one day short of a year -> refused"),
    pytest.param("3a", "2015-02-28", "2016-02-29", set(), id="5.1(3) 29 Feb: a year back is 28 Feb -> ok"),
    pytest.param("3a", "2015-03-01", "2016-02-29", {"004.s5.1.3.activity_year"},
                 id="5.1(3) 29 Feb application, started 1 Mar -> refused"),
]


@pytest.mark.parametrize(("instrument", "since", "day", "refused"), YEAR_CASES)
def test_at_least_one_year_of_activity(instrument, since, day, refused):
    data = application(["25.62"], since, instrument, day)
    if instrument == "3a":
        data["executors"] = [{"id": "x", "service": "training_education", "experience_years": 5}]
    verdict = PRODUCTIVITY2020.evaluate(data)
    assert failed(verdict) == refused
    if refused:
        assert "less than 1 year(s)" in verdict.failed[0].reason["en"]


def test_instrument_2a_needs_the_sector_but_not_a_year_of_activity():
    data = application(["29.10"], "2015-10-01", "2a")
    data["applicant"]["cpip_approved_by_kdb_leasing"] = True
    data["executors"] = [{"id": "x", "service": "cpip", "experience_years": 3, "past_projects": 3}]
    verdict = PRODUCTIVITY2020.evaluate(data)
    assert verdict.outcome == "eligible"
    assert not any(r.rule_id.endswith("activity_year") and r.status == "passed" for r in verdict.results)


def test_another_annex_can_be_passed_in():
    custom = load_sectors({"citation": {"act": "004", "paragraph": ""}, "sectors": [
        {"id": "ict", "name": {"en": "ICT"}, "codes": [{"code": "63", "name": {"en": "Information"}}]}]})
    verdict = PRODUCTIVITY2020.evaluate(application(["63.11"], "2010-01-01"), references={"sectors": custom})
    assert failed(verdict) == set()
    assert dt.date(2015, 11, 16) == verdict.on


def _codes_around_the_annex() -> list[str]:
    """Every listed code, each with its levels and a digit more or different at each level, and codes
    of every length under no listed one: the codes where a test of a level could go wrong."""
    found = {"99", "99.9", "99.99", "99.99.9", "00.00.0"}
    for code in priority_sectors().codes:
        found.add(code)
        for digit in "0123456789":
            found |= {code[:2] + "." + digit, code[:4] + digit, code[:5] + "." + digit, code + digit,
                      code + "." + digit}
    pattern = re.compile(OKED_PATTERN)
    return sorted(code for code in found if pattern.match(code))


def test_the_column_form_of_the_annex_agrees_with_its_python_form_on_every_level():
    """`contains` (what the rules evaluate, per level against the listed codes of that length) says
    of a code exactly what `is_priority` says, and of a missing code nothing (null)."""
    sectors = priority_sectors()
    codes = _codes_around_the_annex()
    got = pl.DataFrame({"code": [*codes, None]}, schema={"code": pl.String}).select(
        sectors.contains(pl.col("code")))["code"].to_list()
    assert got == [sectors.is_priority(code) for code in codes] + [None]
    assert any(got) and not all(got[:-1])
