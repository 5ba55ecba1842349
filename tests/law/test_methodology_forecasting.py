"""Act 000 (Order No. 133/НҚ), paragraphs 7, 10(1) and 13(1), as legal cases a lawyer can read."""

import datetime as dt

import polars as pl
import pytest

from techpolicy.law import columnar, rules
from techpolicy.law.acts.act000_methodology.forecasting import (
    KEY_TECHNOLOGIES,
    MAIN_STAGE,
    MAIN_STAGE_RULES,
    PRIORITY_DIRECTION,
    PRIORITY_RULES,
    StudyFacts,
    SupportDirectionFacts,
)
from techpolicy.law.facts import InvalidFacts

ON = dt.date(2026, 11, 21)
KZ = {"country": "KZ", "fields": ["Energy"], "experience_years": 12, "engaged": True}
DE = {"country": "DE", "fields": ["Energy"], "experience_years": 20, "engaged": True}


def facts(experts, sectors=("Energy",), methods=("foresight",)):
    return {"covered_sectors": list(sectors), "experts": experts, "methods": list(methods)}


def failed(verdict):
    return [r.rule_id for r in verdict.failed]


# (case, experts, sectors, methods, rules that refuse)
CASES = [
    ("domestic and foreign, experienced, engaged", [KZ, DE], ["Energy"], ["foresight"], []),
    ("p.7(1) no expert at all", [], ["Energy"], ["foresight"], ["000.p7.1", "000.p10.1"]),
    ("p.7(1) a covered sector without an expert", [KZ, DE], ["Energy", "Water"], ["foresight"], ["000.p7.1"]),
    ("p.7(1) invited, not engaged", [KZ, DE | {"engaged": False}], ["Energy"], ["foresight"], ["000.p10.1"]),
    ("p.7(2) no method", [KZ, DE], ["Energy"], [], ["000.p7.2"]),
    ("p.10(1) domestic only", [KZ, KZ], ["Energy"], ["cyclic"], ["000.p10.1"]),
    ("p.10(1) foreign only", [DE], ["Energy"], ["cyclic"], ["000.p10.1"]),
    ("p.10(1) experience not declared", [KZ, DE | {"experience_years": None}], ["Energy"], ["cyclic"],
     ["000.p10.1"]),
    ("p.10(1) zero years is no experience", [KZ | {"experience_years": 0}, DE], ["Energy"], ["cyclic"],
     ["000.p10.1"]),
    ("p.10(1) experience outside the covered directions", [KZ, DE | {"fields": ["Medicine"]}],
     ["Energy"], ["extrapolation"], ["000.p10.1"]),
]


@pytest.mark.parametrize(("case", "experts", "sectors", "methods", "refusing"), CASES, ids=[c[0] for c in CASES])
def test_main_stage_criteria(case, experts, sectors, methods, refusing):
    verdict = MAIN_STAGE.evaluate(facts(experts, sectors, methods), ON)
    assert failed(verdict) == refusing
    assert verdict.eligible is (not refusing)


def test_p10_1_refusal_names_what_is_lacking_in_each_language():
    verdict = MAIN_STAGE.evaluate(facts([KZ]), ON)
    reason = verdict.failed[0].reason
    assert "шетелдік" in reason["kk"] and "зарубежных" in reason["ru"] and "foreign" in reason["en"]
    assert verdict.failed[0].citation.text("kk") == "Технологиялық болжау әдістемесі, 10-тармақ, 1) тармақша"


def test_p4_of_order_before_it_took_effect_nothing_applies():
    verdict = MAIN_STAGE.evaluate(facts([KZ, DE]), dt.date(2022, 5, 1))
    assert verdict.outcome == "not_in_force"


def test_p4_of_order_publication_date_not_set_is_noted():
    verdict = MAIN_STAGE.evaluate(facts([KZ, DE]), ON)
    assert any("forecasting.methodology_published_on" in n["en"] for n in verdict.notes)


@pytest.mark.parametrize("bad", [
    {"covered_sectors": [], "experts": [], "methods": []},
    {"covered_sectors": ["Energy"], "experts": [KZ | {"country": "Kazakhstan"}], "methods": []},
    {"covered_sectors": ["Energy"], "experts": [KZ | {"experience_years": -1}], "methods": []},
    {"covered_sectors": ["Energy"], "experts": [], "methods": ["astrology"]},
])
def test_malformed_study_facts_name_the_field(bad):
    with pytest.raises(InvalidFacts) as error:
        MAIN_STAGE.evaluate(bad, ON)
    assert error.value.errors[0]["field"]


LIST = {"AI": {"name": {"en": "Artificial intelligence"}, "source": "FS-2026-0001, HSTC decision No. 1"}}


def priority(direction: str, listed: dict):
    return PRIORITY_DIRECTION.evaluate({"direction": direction}, ON, references={KEY_TECHNOLOGIES: listed})


def test_p13_1_listed_direction_is_a_priority():
    verdict = priority("AI", LIST)
    assert verdict.eligible
    assert verdict.results[0].details["source"] == "FS-2026-0001, HSTC decision No. 1"


def test_p13_1_unlisted_direction_is_refused_with_the_paragraph():
    verdict = priority("QC", LIST)
    assert not verdict.eligible
    result = verdict.failed[0]
    assert result.citation.ref == "000 p.13(1)"
    assert "«QC»" in result.reason["kk"] and "QC" in result.reason["en"]


def test_p13_1_no_list_in_force_refuses_every_direction():
    verdict = priority("AI", {})
    assert not verdict.eligible and "0" in verdict.failed[0].reason["en"]


def test_p7_p10_1_a_population_frame_gives_each_row_the_statuses_of_its_case():
    population = [MAIN_STAGE.parse(facts(experts, sectors, methods)) for _c, experts, sectors, methods, _r in CASES]
    population += [MAIN_STAGE.parse(facts([KZ | {"fields": ["Water", "Energy"]}, DE], ["Energy", "Water"])),
                   MAIN_STAGE.parse(facts([KZ, DE | {"fields": ["Water"]}], ["Water"]))]
    days = [ON] * len(population) + [dt.date(2022, 5, 1)]
    population.append(population[0])  # before Order No. 133 took effect
    frame = columnar.frame_of(StudyFacts, population).with_columns(pl.Series(columnar.ON, days, dtype=pl.Date))
    decided = rules.evaluate_frame(MAIN_STAGE_RULES, StudyFacts, frame)
    for row, case, day in zip(decided.iter_rows(named=True), population, days, strict=True):
        verdict = MAIN_STAGE.evaluate(case, day)
        assert {rule.id: rules.STATUSES[row[rule.id]] for rule in MAIN_STAGE_RULES} == {
            r.rule_id: r.status for r in verdict.results}
        assert row["outcome"] == verdict.outcome
    assert decided["outcome"].to_list()[-1] == "not_in_force"


def test_p13_1_a_population_frame_gives_each_row_the_statuses_of_its_case():
    directions = ["AI", "QC", "ai", "AI "]
    population = [PRIORITY_DIRECTION.parse({"direction": d}) for d in directions]
    frame = columnar.frame_of(SupportDirectionFacts, population).with_columns(pl.lit(ON).alias(columnar.ON))
    for listed in (LIST, {}):
        decided = rules.evaluate_frame(PRIORITY_RULES, SupportDirectionFacts, frame,
                                       reference={KEY_TECHNOLOGIES: listed})
        expected = [priority(d, listed).results[0].status for d in directions]
        assert [rules.STATUSES[code] for code in decided["000.p13.1"]] == expected
    assert expected == ["failed"] * 4 and decided.height == 4
