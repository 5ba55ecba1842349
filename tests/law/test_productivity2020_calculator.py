"""Act 004, section 5.3: the reimbursement, computed by hand from the seed's numbers.

Shares and caps (5.3): 2a 50 % <= 2 m; 2b 50 % <= 15 m and <= 2 % of construction-and-installation
works, costs of the last 12 months; 3a 40 % <= 2 m per employee, <= 15 employees per enterprise a
year, 6 months; 3b 40 % <= 9 m per specialist a year, <= 3 specialists a year, whole calendar
months, 12 months; 4a 50 % <= 8 m (SME) / 16 m (large), 6 months; 4b 40 % <= 30 m; 5a 40 % <= 5 m;
5b 40 % <= 15 m; 7 50 % <= 15 m per cluster; 8 not set by the seed.

Look-back windows: "өтінім берілген күнге дейін кемінде 6 (алты) айдан бұрын жүргізілген" (RU
"не ранее 6 месяцев до даты подачи заявки") — costs incurred no earlier than 6 calendar months
before the application date. "No earlier than" includes the boundary day: for an application of
2015-11-16 a cost of 2015-05-16 counts, one of 2015-05-15 does not (month ends clamp: 2015-08-31
looks back to 2015-02-28). Costs after the application date are not costs "incurred before" it.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from techpolicy.law.acts.act004_productivity2020.calculator import calculate
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS
from techpolicy.law.acts.act004_productivity2020.programme import assess
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters, ParameterValue

DAY = "2015-11-16"  # default application date (Monday)
DAY_DATE = dt.date(2015, 11, 16)


def facts(instrument: str, costs: list[dict], day: str = DAY, size: str = "sme", prior: tuple = (),
          construction: int | None = None) -> dict:
    applicant = {"name": "Test LLP", "oked_codes": ["25.62"], "activity_since": "2010-01-01",
                 "enterprise_size": size, "industrialization_map": "regional", "positive_expertise": True,
                 "cpip_approved_by_kdb_leasing": True, "cluster_stage1_winner": True, "cluster_stage2_winner": True}
    data: dict[str, Any] = {"application_date": day, "instrument": instrument, "applicant": applicant,
                            "costs": costs, "prior_reimbursements": list(prior)}
    if construction is not None:
        data["construction_installation_cost_kzt"] = construction
    return data


def cost(kind: str, amount: Any, on: str = "2015-10-01", **extra: Any) -> dict:
    cost.counter += 1
    return {"id": f"c{cost.counter}", "kind": kind, "amount_kzt": str(amount), "incurred_on": on, **extra}


cost.counter = 0


def fee(amount: Any, *employees: str, on: str = "2015-10-01", **extra: Any) -> dict:
    extra.setdefault("training_kind", "course")
    return cost("training_fee", amount, on, employees=list(employees or ["e-01"]), **extra)


def expert(amount: Any, specialist: str = "s-01", months: str = "1", on: str = "2016-01-20") -> dict:
    return cost("expert_fee", amount, on, specialist=specialist, months=months)


def travel(mode: str, travel_class: str, direction: str, amount: int = 30000, person: str = "e-01") -> dict:
    return cost("travel", amount, "2015-09-30", employees=[person], travel_mode=mode, travel_class=travel_class,
                direction=direction)


def hotel(amount: int, stay_from: str, stay_to: str, kind: str = "course", on: str = "2015-10-06") -> dict:
    return cost("accommodation", amount, on, employees=["e-01"], training_kind=kind, stay_from=stay_from,
                stay_to=stay_to)


def prior(instrument: str, decided_on: str, persons: dict[str, int]) -> dict:
    return {"instrument": instrument, "decided_on": decided_on, "amount_kzt": sum(persons.values()),
            "persons": [{"id": p, "amount_kzt": a} for p, a in persons.items()]}


FIFTEEN = prior("3a", "2015-07-01", {f"e-{n:02d}": 400000 for n in range(1, 16)})
FOURTEEN = prior("3a", "2015-07-01", {f"e-{n:02d}": 400000 for n in range(1, 15)})

CASES = [
    # --- instrument 2: CPIP (2a) and feasibility studies of map projects (2b)
    pytest.param(facts("2a", [cost("cpip_development", 3600000)]), "1800000.00", id="5.3 i2(1) 50 % of 3.6 m"),
    pytest.param(facts("2a", [cost("cpip_development", 4000000)]), "2000000.00", id="5.3 i2(1) exactly at the 2 m cap"),
    pytest.param(facts("2a", [cost("cpip_development", 4000002)]), "2000000.00",
                 id="5.3 i2(1) one tenge over the cap (2 000 001) -> 2 m"),
    pytest.param(facts("2b", [cost("feasibility_study", 30000000)], construction=500000000), "10000000.00",
                 id="5.3 i2(2) capped by 2 % of 500 m construction works = 10 m"),
    pytest.param(facts("2b", [cost("feasibility_study", 40000000)], construction=2000000000), "15000000.00",
                 id="5.3 i2(2) capped by 15 m (2 % would be 40 m)"),
    pytest.param(facts("2b", [cost("feasibility_study", 20000000)], construction=500000000), "10000000.00",
                 id="5.3 i2(2) exactly 2 % of construction works"),
    pytest.param(facts("2b", [cost("feasibility_expertise", 10000000, "2014-11-16")], construction=10**9),
                 "5000000.00", id="5.3 i2(2) incurred exactly 12 months before -> counted"),
    pytest.param(facts("2b", [cost("feasibility_expertise", 10000000, "2014-11-15")], construction=10**9),
                 "0.00", id="5.3 i2(2) incurred 12 months and a day before -> excluded"),
    # --- instrument 3a: training
    pytest.param(facts("3a", [fee(5000000)]), "2000000.00", id="5.3 i3(1) exactly at 2 m per employee"),
    pytest.param(facts("3a", [fee("5000002.50")]), "2000000.00",
                 id="5.3 i3(1) one tenge over (2 000 001) -> 2 m per employee"),
    pytest.param(facts("3a", [fee(6000000, "e-01", "e-02", "e-03", "e-04")]), "2400000.00",
                 id="5.3 i3 group contract of 4: 1.5 m each x 40 %"),
    pytest.param(facts("3a", [fee(24000000, "e-01", "e-02", "e-03", "e-04")]), "8000000.00",
                 id="5.3 i3 group contract of 4: 6 m each, 2.4 m capped at 2 m each"),
    pytest.param(facts("3a", [fee(1000000, "e-01", "e-02", "e-03")]), "400000.00",
                 id="5.3 i3 group of 3: thirds are exact until the final rounding"),
    pytest.param(facts("3a", [fee(1000000), cost("per_diem", 100000, employees=["e-01"])]), "400000.00",
                 id="5.3 i3 per diem excluded"),
    pytest.param(facts("3a", [fee(1000000), hotel(350000, "2015-09-01", "2015-10-06")]), "520000.00",
                 id="5.3 i3 course: 35 nights, 30 within 1 month -> 300 000 of 350 000"),
    pytest.param(facts("3a", [fee(1000000), hotel(300000, "2015-09-01", "2015-10-01")]), "520000.00",
                 id="5.3 i3 course: exactly 1 month of accommodation -> all"),
    pytest.param(facts("3a", [hotel(1060000, "2015-06-01", "2015-09-15", "internship", "2015-09-15")]),
                 "368000.00", id="5.3 i3 internship: 106 nights, 92 within 3 months -> 920 000 x 40 %"),
    pytest.param(facts("3a", [fee(1000000, financed_by_other_budget_programme=True), fee(500000, "e-02")]),
                 "200000.00", id="5.1 cost financed by another budget programme excluded"),
    pytest.param(facts("3a", [fee(1000000, on="2015-05-16")]), "400000.00",
                 id="5.3 i3(1) incurred exactly 6 months before -> counted"),
    pytest.param(facts("3a", [fee(1000000, on="2015-05-15")]), "0.00",
                 id="5.3 i3(1) incurred 6 months and a day before -> excluded"),
    pytest.param(facts("3a", [fee(1000000, on="2015-02-28")], day="2015-08-31"), "400000.00",
                 id="5.3 i3(1) applied 31 Aug: 6 months back is 28 Feb -> counted"),
    pytest.param(facts("3a", [fee(1000000, on="2015-02-27")], day="2015-08-31"), "0.00",
                 id="5.3 i3(1) applied 31 Aug: 27 Feb is outside"),
    pytest.param(facts("3a", [fee(1000000, on="2015-11-17")]), "0.00", id="a cost after the application date"),
    pytest.param(facts("3a", [fee(1000000), travel("rail", "coupe", "outbound"), travel("rail", "coupe", "return")]),
                 "424000.00", id="p13(11) coupé there and back"),
    pytest.param(facts("3a", [fee(1000000), travel("rail", "sleeper_two_berth", "outbound")]), "400000.00",
                 id="p13(11) two-berth sleeper excluded"),
    pytest.param(facts("3a", [fee(1000000), travel("rail", "fast_train_business", "outbound")]), "400000.00",
                 id="p13(11) Business class of a fast train excluded"),
    pytest.param(facts("3a", [fee(1000000), travel("air", "business", "outbound", 500000),
                              travel("air", "economy", "return", 200000)]), "480000.00",
                 id="p13(11) air: business excluded, economy counted"),
    pytest.param(facts("3a", [fee(1000000), travel("rail", "coupe", "outbound"), travel("rail", "coupe", "outbound")]),
                 "412000.00", id="5.3 i3 one trip there and back: a second outbound trip excluded"),
    pytest.param(facts("3a", [fee(1000000, "e-16")], prior=(FIFTEEN,)), "0.00",
                 id="5.3 i3(1) the 16th employee of 2015 excluded"),
    pytest.param(facts("3a", [fee(1000000, "e-15"), fee(1000000, "e-16")], prior=(FOURTEEN,)), "400000.00",
                 id="5.3 i3(1) the 15th employee counted, the 16th excluded"),
    pytest.param(facts("3a", [fee(1000000, "e-01")], prior=(prior("3a", "2015-07-01", {"e-01": 1800000}),)),
                 "200000.00", id="5.3 i3(1) 1.8 m reimbursed earlier for the employee -> 200 000 left"),
    pytest.param(facts("3a", [fee(1000000, "e-01", on="2016-01-10")], day="2016-02-15",
                       prior=(prior("3a", "2015-10-01", {"e-01": 1900000}),)),
                 "100000.00", id="5.3 i3(1) the 2 m per employee has no period: 2015 counts in 2016"),
    pytest.param(facts("3a", [fee(1000000, "e-16", on="2016-01-10")], day="2016-02-15", prior=(FIFTEEN,)),
                 "400000.00", id="5.3 i3(1) a new calendar year: 15 employees of 2015 do not count"),
    pytest.param(facts("3a", [fee("1000000.0125")]), "400000.01", id="rounding: 400 000.005 -> half up to a tiyn"),
    # --- instrument 3b: foreign experts (application 2016-03-15)
    pytest.param(facts("3b", [expert(10000000, months="2.5")], day="2016-03-15"), "3200000.00",
                 id="5.3 i3(2) 2.5 months -> 2 whole months: 8 m x 40 %"),
    pytest.param(facts("3b", [expert(22500000, months="3")], day="2016-03-15"), "9000000.00",
                 id="5.3 i3(2) exactly at 9 m per specialist a year"),
    pytest.param(facts("3b", [expert("22500002.50", months="3")], day="2016-03-15"), "9000000.00",
                 id="5.3 i3(2) one tenge over (9 000 001) -> 9 m"),
    pytest.param(facts("3b", [expert(1000000, s) for s in ("s-01", "s-02", "s-03", "s-04")], day="2016-03-15"),
                 "1200000.00", id="5.3 i3(2) the 4th foreign specialist of the year excluded"),
    pytest.param(facts("3b", [expert(1000000, "s-03"), expert(1000000, "s-04")], day="2016-03-15",
                       prior=(prior("3b", "2016-01-20", {"s-01": 400000, "s-02": 400000}),)),
                 "400000.00", id="5.3 i3(2) two specialists earlier in 2016: the 3rd counts, the 4th not"),
    pytest.param(facts("3b", [expert(5000000)], day="2016-03-15",
                       prior=(prior("3b", "2016-01-20", {"s-01": 8000000}),)),
                 "1000000.00", id="5.3 i3(2) 8 m reimbursed earlier in 2016 -> 1 m left of 9 m"),
    pytest.param(facts("3b", [expert(5000000)], day="2016-03-15",
                       prior=(prior("3b", "2015-12-20", {"s-01": 8000000}),)),
                 "2000000.00", id="5.3 i3(2) 8 m reimbursed in 2015 does not count in 2016"),
    pytest.param(facts("3b", [expert(1000000, on="2015-03-15")], day="2016-03-15"), "400000.00",
                 id="5.3 i3(2) incurred exactly 12 months before -> counted"),
    pytest.param(facts("3b", [expert(1000000, on="2015-03-14")], day="2016-03-15"), "0.00",
                 id="5.3 i3(2) incurred 12 months and a day before -> excluded"),
    pytest.param(facts("3b", [expert(1000000), cost("travel", 300000, "2016-01-20", specialist="s-01",
                                                    travel_mode="air", travel_class="economy", direction="outbound")],
                       day="2016-03-15"), "400000.00", id="5.3 i3 experts: fees only, travel excluded"),
    pytest.param(facts("3b", [expert(1000000, months="0.5")], day="2016-03-15"), "0.00",
                 id="5.3 i3(2) half a month -> no whole month"),
    # --- instruments 4, 5 and 7
    pytest.param(facts("4a", [cost("technical_diagnostics", 40000000)], size="sme"), "8000000.00",
                 id="5.3 i4(1) SME: 20 m capped at 8 m"),
    pytest.param(facts("4a", [cost("technical_diagnostics", 40000000)], size="large"), "16000000.00",
                 id="5.3 i4(1) large enterprise: 20 m capped at 16 m"),
    pytest.param(facts("4a", [cost("technical_diagnostics", 16000000)], size="sme"), "8000000.00",
                 id="5.3 i4(1) SME exactly at 8 m"),
    pytest.param(facts("4b", [cost("technology_improvement", 75000000)]), "30000000.00",
                 id="5.3 i4(2) exactly at 30 m"),
    pytest.param(facts("4b", [cost("technology_improvement", "75000002.50")]), "30000000.00",
                 id="5.3 i4(2) one tenge over 30 m"),
    pytest.param(facts("4b", [cost("technical_diagnostics", 1000000)]), "0.00",
                 id="5.3 i4(2) diagnostics is no cost of instrument 4b"),
    pytest.param(facts("5a", [cost("efficiency_plan_development", 12500000)]), "5000000.00",
                 id="5.3 i5(1) exactly at 5 m"),
    pytest.param(facts("5a", [cost("efficiency_plan_development", 10000000)]), "4000000.00", id="5.3 i5(1) 40 %"),
    pytest.param(facts("5b", [cost("efficiency_plan_implementation", 37500000)]), "15000000.00",
                 id="5.3 i5(2) exactly at 15 m"),
    pytest.param(facts("7", [cost("cluster_strategy", 30000000)]), "15000000.00", id="5.3 i7 exactly at 15 m"),
    pytest.param(facts("7", [cost("cluster_strategy", 30000002)]), "15000000.00", id="5.3 i7 one tenge over 15 m"),
]


@pytest.mark.parametrize(("data", "amount"), CASES)
def test_reimbursement(data, amount):
    result = calculate(data)
    assert result.status == "calculated"
    assert result.amount == Decimal(amount)
    assert str(result.amount) == amount  # whole tiyn


def reasons(result, kind: str) -> list[str]:
    return [line.reason["en"] for line in result.lines if line.kind == kind]


def test_the_lines_explain_every_step():
    result = calculate(facts("3a", [fee(4000000, "e-01", "e-02", "e-03", "e-04"),
                                    hotel(350000, "2015-09-01", "2015-10-06"),
                                    cost("per_diem", 60000, employees=["e-01"])]))
    assert result.amount == Decimal("1720000.00")  # e-01: (1 m + 300 000) x 40 % = 520 000; + 3 x 400 000
    assert [line.kind for line in result.lines if line.cost_id] == ["cost", "cost", "exclusion", "cost", "exclusion"]
    assert "split equally: e-01, e-02, e-03, e-04 — 1,000,000.00 KZT each" in reasons(result, "cost")[0]
    hotel_line, per_diem = [line for line in result.lines if line.kind == "exclusion"]
    assert (hotel_line.amount_before, hotel_line.amount_after) == (Decimal(350000), Decimal(300000))
    assert "of 35 nights paid, 30 fall within the limit ending 2015-10-01" in hotel_line.reason["en"]
    assert hotel_line.citation.section == "5.3" and hotel_line.citation.sub == "3"
    assert per_diem.rule == "kind.per_diem" and "Per diem" in per_diem.reason["en"]
    shares = [line for line in result.lines if line.kind == "share"]
    assert [(s.person, s.amount_after) for s in shares] == [
        ("e-01", Decimal(520000)), ("e-02", Decimal(400000)), ("e-03", Decimal(400000)), ("e-04", Decimal(400000))]
    assert len([line for line in result.lines if line.kind == "cap"]) == 4  # one per employee, none binding
    assert result.eligible_costs == Decimal(4300000)
    read = {p.name: p.value for p in result.parameters_read}
    assert read["p2020.i3a.share"] == 40 and read["p2020.i3a.cap_per_employee_kzt"] == 2000000
    assert result.notes and "civil servants" in result.notes[0]["en"]


def test_the_16th_employee_line_says_why():
    result = calculate(facts("3a", [fee(1000000, "e-16")], prior=(FIFTEEN,)))
    line = next(line for line in result.lines if line.rule == "cap.persons_per_enterprise_year")
    assert line.person == "e-16" and line.amount_after == 0
    assert line.reason["en"].startswith("e-16 would be employee no. 16 of the enterprise reimbursed in 2015")
    assert line.citation.section == "5.3" and line.citation.sub == "1"


def test_a_cost_outside_the_window_names_the_earliest_day():
    result = calculate(facts("3a", [fee(1000000, on="2015-05-15")]))
    line = next(line for line in result.lines if line.kind == "exclusion")
    assert line.rule == "lookback"
    assert "earliest admissible day is 2015-05-16" in line.reason["en"]
    assert set(line.reason) == {"kk", "ru", "en"}


def test_the_binding_cap_is_shown_before_and_after():
    result = calculate(facts("2b", [cost("feasibility_study", 30000000)], construction=500000000))
    caps = [line for line in result.lines if line.kind == "cap"]
    assert [(c.rule, c.amount_before, c.amount_after) for c in caps] == [
        ("cap.instrument", Decimal(15000000), Decimal(15000000)),
        ("cap.percent_of_construction_cost", Decimal(15000000), Decimal(10000000)),
    ]
    assert "2 % of the construction and installation works (500,000,000.00 KZT)" in caps[1].reason["en"]


def test_instrument_8_is_refused_for_lack_of_share_and_cap():
    result = calculate(facts("8", [cost("cluster_strategy_implementation", 60000000)]))
    assert result.status == "not_set" and result.amount == 0 and result.lines == ()
    assert "share and cap of instrument 8 are not set by the source document" in result.reasons[0]["en"]
    assert {p.name for p in result.unset_parameters} == {"p2020.i8.share", "p2020.i8.cap_kzt"}
    assert all(p.value is None for p in result.unset_parameters)
    assert set(result.reasons[0]) == {"kk", "ru", "en"}


def test_instrument_8_is_calculated_once_an_operator_sets_share_and_cap():
    entries = [ParameterValue("p2020.i8.share", DAY_DATE, 50, Citation("004", "", note="operator decision"),
                              set_by="operator"),
               ParameterValue("p2020.i8.cap_kzt", DAY_DATE, 20000000, Citation("004", ""), set_by="operator")]
    parameters = Parameters.from_source().with_values(entries)
    result = calculate(facts("8", [cost("cluster_strategy_implementation", 60000000)]), parameters=parameters)
    assert result.status == "calculated" and result.amount == Decimal("20000000.00")
    assert {p.set_by for p in result.parameters_read if p.name.startswith("p2020.i8")} == {"operator"}


def test_instrument_6_is_not_available():
    result = calculate(facts("6", [cost("other", 1000000)]))
    assert result.status == "not_available" and result.amount == 0
    assert "rules not in the seed" in result.reasons[0]["en"]
    assert "operator's own rules can be loaded later" in result.reasons[0]["en"]
    assessment = assess(facts("6", [cost("other", 1000000)]))
    assert assessment.outcome == "not_available" and not assessment.granted


def test_instrument_1_is_leasing_not_a_reimbursement():
    data = facts("1", [])
    data["applicant"]["kidi_confirmation"] = True
    data["leasing"] = {"project_oked": "29.10", "object_cost_kzt": 900000000, "own_cash_kzt": 135000000,
                       "term_years": 10, "rate_percent": 5, "light_industry": False}
    result = calculate(data)
    assert result.status == "not_reimbursement" and "not a reimbursement" in result.reasons[0]["en"]
    assert assess(data).outcome == "not_reimbursement"


def test_no_value_before_the_programme_is_a_clear_status():
    result = calculate(facts("4b", [cost("technology_improvement", 1000000)]), on=DAY_DATE.replace(year=2014))
    assert result.status == "not_in_force" and "17 June 2015" in result.reasons[0]["en"]


def test_assessment_calculates_only_when_eligible():
    data = facts("4b", [cost("technology_improvement", 10000000)])
    data["executors"] = [{"id": "x", "service": "tech_improvement", "experience_years": 3, "past_projects": 1}]
    granted = assess(data)
    assert granted.outcome == "granted" and granted.amount == Decimal("4000000.00")
    data["applicant"]["activity_since"] = "2015-01-01"
    refused = assess(data)
    assert refused.outcome == "not_eligible" and refused.reimbursement is None and refused.amount == 0
    nothing = facts("4b", [cost("technology_improvement", 10000000, "2014-01-01")])
    nothing["executors"] = data["executors"]
    assert assess(nothing).outcome == "nothing_to_reimburse"


def test_as_dict_is_plain_json_with_money_as_strings():
    result = calculate(facts("3a", [fee("1000000.0125")]))
    data = json.loads(json.dumps(result.as_dict("ru")))
    assert data["amount"] == "400000.01" and data["currency"] == "KZT"
    assert data["lines"][0]["before"] == "1000000.01"  # shown to the tiyn
    assert "половина — в большую сторону" in data["rounding"]  # rounded half up, said in the reader's language
    assert data["instrument_name"].startswith("Подготовка")
    assert isinstance(result.as_dict()["lines"][0]["reason"], dict)


def test_instruments_are_declarative_data():
    assert set(INSTRUMENTS) == {"1", "2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b", "6", "7", "8"}
    scopes = {cap.scope for d in INSTRUMENTS.values() for cap in d.caps}
    assert scopes == {"instrument", "per_employee", "per_specialist_year", "persons_per_enterprise_year",
                      "enterprise_size", "percent_of_construction_cost"}
    names = Parameters.from_source().names()
    for definition in INSTRUMENTS.values():
        assert all(name in names for name in definition.parameters)
    assert INSTRUMENTS["4a"].parameters == ("p2020.i4a.share", "p2020.i4a.cap_sme_kzt", "p2020.i4a.cap_large_kzt",
                                            "p2020.i4a.lookback_months")

