"""Act 004 ("Productivity 2020" programme): the period in force, and the END of `InForce` it needs.

The restated programme takes effect on 2015-06-17 (Resolution No. 440, in force on signing). It is
repealed by Resolution No. 370 of 23.06.2016, in force ten calendar days after its first official
publication, which the seed does not date: the repeal is treated as effective from the earliest
possible day, 2016-07-03 (23 June + 10 days), with a note, until an administrator enters the
publication date."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from techpolicy.law import display
from techpolicy.law.acts.act004_productivity2020.programme import ELIGIBILITY_RULES, PRODUCTIVITY2020, assess
from techpolicy.law.calendar import WorkingCalendar
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.law.rules import ENDED_NOTE, Context, InForce, Rule, evaluate

D = dt.date


# --- InForce: the end, symmetric to the start --------------------------------------------------------


def ctx(on: dt.date, parameters: Parameters | None = None) -> Context:
    return Context(on, parameters or Parameters.from_source(), WorkingCalendar())


def published(day: dt.date | None) -> Parameters:
    return Parameters.from_source().with_values(
        [ParameterValue("p2020.repeal_published_on", D(2016, 6, 23), day, Citation("004", ""), set_by="operator")]
    )


REPEAL = InForce(end_parameter="p2020.repeal_published_on", end_offset_days=10, end_earliest=D(2016, 7, 3))

END_CASES = [
    pytest.param(None, D(2016, 7, 2), ("in_force", None), id="unset: the day before the earliest end -> in force"),
    pytest.param(None, D(2016, 7, 3), ("ended", "p2020.repeal_published_on"),
                 id="unset: the earliest possible end (23 June + 10 days) -> ended, with a note"),
    pytest.param(None, D(2015, 7, 1), ("in_force", None),
                 id="unset, asked before the parameter exists (2015) -> in force, no note"),
    pytest.param(D(2016, 7, 1), D(2016, 7, 10), ("in_force", None),
                 id="published 2016-07-01: 9 days after -> still in force"),
    pytest.param(D(2016, 7, 1), D(2016, 7, 11), ("ended", None),
                 id="published 2016-07-01: 10 days after -> ended, no note"),
    pytest.param(D(2016, 7, 1), D(2016, 7, 5), ("in_force", None),
                 id="a set publication date wins over the earliest bound"),
]


@pytest.mark.parametrize(("publication", "on", "expected"), END_CASES)
def test_in_force_end_hangs_on_the_publication_parameter(publication, on, expected):
    parameters = published(publication) if publication else None
    assert REPEAL.status(on, ctx(on, parameters)) == expected


def test_in_force_keeps_its_fixed_end_and_start_behaviour():
    fixed = InForce(start=D(2020, 1, 1), end=D(2021, 1, 1))
    assert fixed.status(D(2019, 12, 31), ctx(D(2019, 12, 31))) == ("not_yet", None)
    assert fixed.status(D(2020, 6, 1), ctx(D(2020, 6, 1))) == ("in_force", None)
    assert fixed.status(D(2021, 1, 1), ctx(D(2021, 1, 1))) == ("ended", None)
    start = InForce(start_parameter="technopark.amendment_2022_published_on", start_offset_days=10,
                    earliest=D(2022, 9, 3))
    assert start.status(D(2022, 9, 2), ctx(D(2022, 9, 2))) == ("not_yet", None)
    assert start.status(D(2022, 9, 3), ctx(D(2022, 9, 3))) == ("in_force", "technopark.amendment_2022_published_on")


def test_evaluate_notes_an_end_assumed_from_the_earliest_bound():
    rule = Rule("x", Citation("004", ""), {"en": "r"}, {"en": "f"}, lambda f, c: pl.lit(True), REPEAL)
    verdict = evaluate("x", [rule], None, D(2016, 8, 1))
    assert verdict.outcome == "not_in_force"
    # Issue 10, item 3: the note names the parameter by its label (the English one adds its name).
    named = display.named("p2020.repeal_published_on")
    assert verdict.notes[0]["en"] == ENDED_NOTE["en"].format(parameter=named["en"], earliest="2016-07-03")
    assert named["kk"] in verdict.notes[0]["kk"] and "p2020." not in verdict.notes[0]["kk"]
    assert "2016-07-03" in verdict.notes[0]["kk"] and "2016-07-03" in verdict.notes[0]["ru"]
    assert evaluate("x", [rule], None, D(2016, 7, 2)).notes == ()


# --- the programme's period, as rules that refuse with the reason ----------------------------------------


def application(day: dt.date) -> dict:
    return {
        "application_date": day.isoformat(),
        "instrument": "4b",
        "applicant": {"name": "Test LLP", "oked_codes": ["25.62"], "activity_since": "2010-01-01"},
        "executors": [{"id": "x", "service": "tech_improvement", "experience_years": 5, "past_projects": 2}],
        "costs": [{"id": "c", "kind": "technology_improvement", "amount_kzt": 1000000,
                   "incurred_on": (day - dt.timedelta(days=10)).isoformat()}],
    }


def failed(verdict) -> set[str]:
    return {r.rule_id for r in verdict.failed}


PERIOD = [
    pytest.param(D(2015, 6, 16), "004.validity.start", id="2015-06-16: the day before Resolution 440 -> refused"),
    pytest.param(D(2015, 6, 17), None, id="2015-06-17: Resolution 440 in force on signing -> eligible"),
    pytest.param(D(2016, 7, 2), None, id="2016-07-02: the last day certainly in force -> eligible"),
    pytest.param(D(2016, 7, 3), "004.validity.end",
                 id="2016-07-03: earliest day the repeal (Resolution 370, +10 days) can take effect -> refused"),
    pytest.param(D(2018, 1, 10), "004.validity.end", id="2018: long after the repeal -> refused"),
]


@pytest.mark.parametrize(("day", "refused_by"), PERIOD)
def test_an_application_outside_the_period_is_refused_with_the_reason(day, refused_by):
    verdict = PRODUCTIVITY2020.evaluate(application(day))
    if refused_by is None:
        assert verdict.outcome == "eligible", verdict.failed
        return
    assert verdict.outcome == "not_eligible"
    assert failed(verdict) == {refused_by}
    reason = verdict.failed[0].reason
    assert set(reason) == {"kk", "ru", "en"}
    assert day.isoformat() in reason["en"]
    # every criterion of the programme is out of force then, and says so
    others = [r for r in verdict.results if not r.rule_id.startswith("004.validity")]
    assert {r.status for r in others} == {"not_in_force"}


def test_after_the_repeal_the_reason_names_the_earliest_day_and_a_note_explains_it():
    verdict = PRODUCTIVITY2020.evaluate(application(D(2016, 9, 1)))
    reason = verdict.failed[0].reason["en"]
    assert "2016-07-03" in reason and "Resolution No. 370" in reason
    assert verdict.failed[0].details["assumed"] is True
    assert any("p2020.repeal_published_on" in note["en"] for note in verdict.notes)


def test_an_entered_publication_date_moves_the_end():
    parameters = published(D(2016, 7, 5))  # -> repealed from 2016-07-15
    assert PRODUCTIVITY2020.evaluate(application(D(2016, 7, 14)), parameters=parameters).outcome == "eligible"
    verdict = PRODUCTIVITY2020.evaluate(application(D(2016, 7, 15)), parameters=parameters)
    assert failed(verdict) == {"004.validity.end"}
    assert verdict.failed[0].details == {"application_date": D(2016, 7, 15), "on": D(2016, 7, 15),
                                         "repealed_from": D(2016, 7, 15), "assumed": False}
    assert verdict.notes == ()
    assert any(p.name == "p2020.repeal_published_on" for p in verdict.parameters_read)


def test_deciding_as_of_a_date_after_the_repeal_is_refused_too():
    # Otherwise every criterion would be "not in force" and the verdict would pass unchecked.
    verdict = PRODUCTIVITY2020.evaluate(application(D(2016, 6, 1)), on=D(2016, 8, 1))
    assert failed(verdict) == {"004.validity.end"}
    assert "2016-08-01" in verdict.failed[0].reason["en"]


def test_a_refused_application_is_not_calculated():
    assessment = assess(application(D(2016, 7, 3)))
    assert assessment.outcome == "not_eligible"
    assert assessment.reimbursement is None and assessment.amount == 0


def test_every_criterion_carries_the_programme_period():
    for rule in ELIGIBILITY_RULES:
        if rule.id.startswith("004.validity"):
            assert rule.in_force.end_parameter is None  # always evaluated: they are what refuses
        else:
            assert rule.in_force.start == D(2015, 6, 17)
            assert rule.in_force.end_parameter == "p2020.repeal_published_on"
            assert rule.in_force.end_earliest == D(2016, 7, 3)
