"""Act 004: monitoring — the labour-productivity obligation (4.2; 5.4 mechanism of instrument 1,
p.7: "кемінде 1,5 есеге", at least 1.5 times), the targets as data and their contradictions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from techpolicy.law.acts.act004_productivity2020.monitoring import (
    BUDGET_THOUSAND_KZT,
    TARGETS,
    productivity_obligation,
    productivity_obligation_met,
    target_contradictions,
)
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters, ParameterValue

OBLIGATION = [
    pytest.param("100", "150", True, id="exactly 1.5 times -> met"),
    pytest.param("100", "149.99", False, id="just under 1.5 times -> not met"),
    pytest.param("12.4", "19.0", True, id="12.4 -> 19.0 (1.53 times) -> met"),
    pytest.param("100", "0", False, id="productivity fell to nothing -> not met"),
]


@pytest.mark.parametrize(("before", "after", "met"), OBLIGATION)
def test_productivity_obligation(before, after, met):
    assert productivity_obligation_met(Decimal(before), Decimal(after)) is met


def test_the_obligation_cites_its_parameter_and_can_be_changed_by_an_operator():
    result = productivity_obligation(Decimal(100), Decimal(150), on=dt.date(2016, 1, 1))
    assert result.required == Decimal("1.5") and result.ratio == Decimal("1.5")
    assert result.citation.section == "4" and result.parameter.name == "p2020.productivity_multiple"
    stricter = Parameters.from_source().with_values(
        [ParameterValue("p2020.productivity_multiple", dt.date(2016, 1, 1), "2", Citation("004", ""))])
    assert not productivity_obligation_met(Decimal(100), Decimal(150), stricter, dt.date(2016, 6, 1))


def test_productivity_before_must_be_positive():
    with pytest.raises(ValueError):
        productivity_obligation_met(Decimal(0), Decimal(10))


def test_targets_are_data_with_citations():
    ids = [t.id for t in TARGETS]
    assert len(ids) == len(set(ids))
    assert all(t.citation.act == "004" and set(t.indicator) == {"kk", "ru", "en"} for t in TARGETS)
    by_id = {t.id: t for t in TARGETS}
    assert by_id["4.3.2.2.2018"].value == 9 and by_id["4.2.2018.3"].value == 10
    assert by_id["4.2.2015.2"].value == 70 and by_id["4.2.2020.1"].value == Decimal("1.5")


def test_the_seed_contradicts_itself_on_staff_qualification():
    found = target_contradictions()
    assert [(c.first.id, c.second.id) for c in found] == [("4.2.2018.3", "4.3.2.2.2018"),
                                                           ("4.2.2020.3", "4.3.2.2.2020")]
    first = found[0]
    assert first.check == "average_vs_cumulative"
    assert [c.text("en") for c in first.citations] == [
        '"Productivity 2020" programme, section 4, paragraph 2, sub-paragraph 3), target indicators by 2018',
        '"Productivity 2020" programme, section 4, paragraph 3, sub-paragraph 2), task 2, result indicators',
    ]
    assert "at least 30 over 3 year(s)" in first.explanation["en"] and "only 9" in first.explanation["en"]
    assert "only 6 from 2018 to 2020" in found[1].explanation["en"]
    assert set(first.explanation) == {"kk", "ru", "en"}
    assert first.as_dict("en")["second"]["value"] == "9"


def test_consistent_figures_are_not_reported():
    # CPIP: 26 + 25 + 13 + 8 = 72 by 2015, then +30 by 2018 and +20 by 2020 at >= 10 a year;
    # leasing recipients: 3 a year in 2011-2014 against "3 a year on average".
    families = {c.first.family for c in target_contradictions()}
    assert families == {"competence"}


def test_a_changed_yearly_figure_is_caught():
    changed = tuple(replace(t, value=Decimal(9)) if t.id == "8.cpip.2014" else t for t in TARGETS)
    checks = {(c.check, c.second.id) for c in target_contradictions(changed)}
    assert ("annual_vs_cumulative", "4.3.2.1.2015") in checks
    lower = tuple(replace(t, value=Decimal(2)) if t.id == "8.leasing.2013" else t for t in TARGETS)
    assert ("annual_vs_average", "4.3.1.1") in {(c.check, c.second.id) for c in target_contradictions(lower)}


def test_budget_of_the_passport_and_section_7():
    assert BUDGET_THOUSAND_KZT[2011] == 15764910 and BUDGET_THOUSAND_KZT[2020] == 697311
    assert sum(BUDGET_THOUSAND_KZT.values()) == 30342863
