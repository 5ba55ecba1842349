"""Ranking of candidate technologies (000 p.11(7), p.12, p.13), the scenarios of p.11(8) and the SWOT of
p.11(6), from Delphi answers written with the models and series imported by the evidence service."""

import json

import pytest
from django.utils import timezone

from techpolicy.forecasting.studies import analysis, analysis_settings, evidence
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import Answer, Response, Round, Study

from .conftest import TODAY
from .test_evidence import import_logistic

# The services' messages are read in English here.
pytestmark = pytest.mark.usefixtures("english")

EQUAL = {"importance": 0.25, "level_vs_leader": 0.25, "year": 0.25, "trend_growth": 0.25}
OWN_SCENARIOS = {
    "transition_years": 5,
    "scenarios": {
        "stagnation": {"growth_multiplier": 0.5, "saturation_multiplier": 0.9, "inflection_shift_years": 2,
                       "niche_uplift": 0},
        "inertia": {"growth_multiplier": 1, "saturation_multiplier": 1, "inflection_shift_years": 0,
                    "niche_uplift": 0},
        "new_niches": {"growth_multiplier": 1, "saturation_multiplier": 1.1, "inflection_shift_years": 0,
                       "niche_uplift": 0.05},
        "breakthrough": {"growth_multiplier": 1.5, "saturation_multiplier": 1.2, "inflection_shift_years": -2,
                         "niche_uplift": 0.1},
    },
}


def answer_round(study, members, table, *, number=1, closed=True):
    """Every expert gives the same answers per technology code: (importance, year, level vs leader,
    level vs competitor, barriers), so the medians are those values."""
    rnd = Round.objects.create(study=study, number=number, closes_on=TODAY,
                               closed_at=timezone.now() if closed else None)
    technologies = {t.code: t for t in study.technologies.all()}
    for membership, _user in members:
        response = Response.objects.create(round=rnd, membership=membership, language="en")
        for code, (importance, year, leader, competitor, barriers) in table.items():
            Answer.objects.create(response=response, technology=technologies[code], importance=importance, year=year,
                                  level_vs_leader=leader, level_vs_competitor=competitor, barriers=barriers,
                                  competence=3)
    return rnd


def set_(study, analyst, key, values, **kwargs):
    """Save a setting as the settings page does, and refresh `study` with it."""
    study.refresh_from_db()
    saved = analysis_settings.save_setting(study, analyst, key, values, version=study.version, **kwargs)
    study.refresh_from_db()
    return saved


CLEAR_CASE = {"T1": (5, 2028, 1, 1, []), "T2": (2, 2038, -2, -2, ["funding"]), "T3": (4, 2032, 0, 0, [])}


def test_unset_weights_and_missing_round_are_named_not_guessed(main_stage_study, panel_members):
    answer_round(main_stage_study, panel_members, CLEAR_CASE, closed=False)  # an open round is not input
    outcome = analysis.ranking(main_stage_study)
    assert outcome.report is None and outcome.rows == ()
    assert any("No closed Delphi round" in m for m in outcome.missing)
    assert any("not set by the source document; set by the study" in m for m in outcome.missing)
    swot = analysis.swot(main_stage_study)
    assert swot.result is None and any("SWOT thresholds: not set by the source document" in m for m in swot.missing)


def test_p11_7_hand_built_ranking_puts_the_dominant_technology_first_in_both_methods(main_stage_study, panel_members,
                                                                                   analyst):
    answer_round(main_stage_study, panel_members, CLEAR_CASE)
    set_(main_stage_study, analyst, "weights", EQUAL)
    outcome = analysis.ranking(main_stage_study)
    assert outcome.missing == () and outcome.round_number == 1
    for method in ("weighted_sum", "topsis"):
        result = outcome.report.result(method)
        assert result.order() == ["T1", "T3", "T2"]
    assert outcome.report.agreement[0].same_order
    assert [line["row"].code for line in outcome.table()] == ["T1", "T3", "T2"]
    assert any("trend criterion is 0 for all" in n for n in outcome.notes)
    json.dumps(outcome.as_dict())


SWAP_CASE = {"T1": (5, 2035, 0, 0, []), "T2": (3, 2027, 0, 0, []), "T3": (1, 2040, 0, 0, [])}
CLOSE_WEIGHTS = {"importance": 0.5, "level_vs_leader": 0.05, "year": 0.4, "trend_growth": 0.05}


def test_p11_7_sensitivity_shows_the_pair_that_swaps_when_a_weight_moves(main_stage_study, panel_members, analyst):
    answer_round(main_stage_study, panel_members, SWAP_CASE)
    set_(main_stage_study, analyst, "weights", CLOSE_WEIGHTS)
    outcome = analysis.ranking(main_stage_study)
    assert outcome.report.result("weighted_sum").order()[:2] == ["T1", "T2"]
    weighted_sum = next(s for s in outcome.sensitivity if s.method == "weighted_sum")
    year = next(c for c in weighted_sum.criteria if c.criterion == "year")
    swapped = {(c.technology, c.base_rank, c.new_rank) for c in year.changes if c.direction == "increase"}
    assert swapped == {("T1", 1, 2), ("T2", 2, 1)}
    assert all(c.weight > 0.4 for c in year.changes if c.direction == "increase")
    # Moving the weight as the sensitivity says does swap them.
    set_(main_stage_study, analyst, "weights", CLOSE_WEIGHTS | {"importance": 0.45, "year": 0.45})
    assert analysis.ranking(main_stage_study).report.result("weighted_sum").order()[:2] == ["T2", "T1"]


def test_p11_7_trend_growth_from_the_series_and_imputed_for_technologies_without(main_stage_study, panel_members,
                                                                                analyst):
    answer_round(main_stage_study, panel_members, CLEAR_CASE)
    series = import_logistic(main_stage_study, analyst, technology=main_stage_study.technologies.get(code="T1"))
    growth = evidence.trend_result(series).growth()
    rows = {r.code: r for r in analysis.ranking(main_stage_study).rows}
    assert rows["T1"].trend_growth == pytest.approx(growth) and not rows["T1"].imputed
    assert rows["T1"].series == ("Patents",)
    assert rows["T2"].imputed and rows["T2"].trend_growth == pytest.approx(growth)


def test_technology_without_answers_is_not_ranked_and_listed(main_stage_study, panel_members, analyst):
    answer_round(main_stage_study, panel_members, {"T1": CLEAR_CASE["T1"], "T3": CLEAR_CASE["T3"]})
    set_(main_stage_study, analyst, "weights", EQUAL)
    outcome = analysis.ranking(main_stage_study)
    assert [r.code for r in outcome.rows] == ["T1", "T3"]
    assert "Not ranked: T2: no answers in round 1." in outcome.notes


def test_invalid_weights_are_refused_by_the_ranking_module_and_nothing_stored(main_stage_study, analyst):
    with pytest.raises(StudyError) as refused:
        set_(main_stage_study, analyst, "weights", EQUAL | {"year": 0.15})
    assert "sum to 1" in refused.value.message
    assert Study.objects.get(pk=main_stage_study.pk).ranking_weights == {}


def test_stale_version_of_a_setting_is_refused(main_stage_study, analyst):
    with pytest.raises(StudyError) as refused:
        analysis_settings.save_setting(main_stage_study, analyst, "weights", EQUAL,
                                       version=main_stage_study.version - 1)
    assert refused.value.status == 409


def test_example_is_stored_as_a_visible_choice_marked_as_example(main_stage_study, analyst):
    stored = set_(main_stage_study, analyst, "swot", analysis_settings.SETTINGS["swot"].example(), is_example=True)
    assert stored.swot_thresholds["is_example"] is True and stored.swot_thresholds["set_by"]
    assert analysis_settings.built_setting(stored, "swot").is_example


def test_corrupted_stored_setting_is_reported(main_stage_study, panel_members):
    answer_round(main_stage_study, panel_members, CLEAR_CASE)
    Study.objects.filter(pk=main_stage_study.pk).update(ranking_weights={"values": {"importance": 1}})
    outcome = analysis.ranking(Study.objects.get(pk=main_stage_study.pk))
    assert outcome.report is None and any("not valid" in m for m in outcome.missing)


def test_p11_8_scenarios_are_ordered_at_the_horizon_for_a_growing_series(main_stage_study, analyst):
    technology = main_stage_study.technologies.get(code="T1")
    series = import_logistic(main_stage_study, analyst, technology=technology)
    assert any("Scenario assumptions: not set" in m for m in analysis.scenarios(main_stage_study).missing)
    set_(main_stage_study, analyst, "scenarios", OWN_SCENARIOS)
    outcome = analysis.scenarios(main_stage_study)
    assert outcome.missing == () and not outcome.scenario_set.is_example
    projection = outcome.projection
    assert projection.is_ordered("Patents")  # stagnation <= inertia <= breakthrough at every year
    at_horizon = {key: projection.values("Patents", key)[-1] for key in ("stagnation", "inertia", "breakthrough")}
    assert at_horizon["stagnation"] < at_horizon["inertia"] < at_horizon["breakthrough"]
    central = evidence.trend_result(series).horizon_value()
    assert at_horizon["inertia"] == pytest.approx(central)  # neutral assumptions reproduce the forecast
    table = outcome.tables()[0]
    assert table["technology"] == technology and table["rows"][-1][0] == 2040 and len(table["rows"][-1]) == 6
    json.dumps(outcome.as_dict())


def test_p11_8_scenarios_need_a_series_linked_to_a_technology(main_stage_study, analyst):
    import_logistic(main_stage_study, analyst)  # not linked
    set_(main_stage_study, analyst, "scenarios", OWN_SCENARIOS)
    outcome = analysis.scenarios(main_stage_study)
    assert outcome.projection is None and any("link a series to a technology" in m for m in outcome.missing)


def test_p11_8_scenario_assumptions_are_checked_by_the_scenarios_module(main_stage_study, analyst):
    bad = json.loads(json.dumps(OWN_SCENARIOS))
    bad["scenarios"]["stagnation"]["growth_multiplier"] = -1
    with pytest.raises(StudyError) as refused:
        set_(main_stage_study, analyst, "scenarios", bad)
    assert "stagnation: growth_multiplier must be non-negative" in refused.value.message


SWOT_CASE = {
    "T1": (5, 2028, -1, 1, []),  # ahead of competitors, close to leaders, no barrier
    "T2": (5, 2035, -2, -2, ["funding"]),  # far behind both, everyone names funding
    "T3": (2, 2030, 0, 0, []),  # not important enough to classify
}


def test_p11_6_swot_quadrants_of_technologies_with_known_medians(main_stage_study, panel_members, analyst):
    answer_round(main_stage_study, panel_members, SWOT_CASE)
    set_(main_stage_study, analyst, "swot", analysis_settings.SETTINGS["swot"].example(), is_example=True)
    outcome = analysis.swot(main_stage_study)
    result = outcome.result
    assert result.names("strength") == ["T1"] and result.names("opportunity") == ["T1"]
    assert result.names("weakness") == ["T2"] and result.names("threat") == ["T2"]
    assert [n["technology"] for n in result.not_classified] == ["T3"]
    threat = result.threats[0]
    assert threat.evidence["barrier_share"] == 1.0 and threat.evidence["main_barrier"] == "funding"
    assert result.thresholds.is_example
    assert [key for key, _entries in outcome.quadrants()] == ["strength", "weakness", "opportunity", "threat"]


def test_analyse_reads_everything_once_and_is_json(main_stage_study, panel_members, analyst):
    answer_round(main_stage_study, panel_members, CLEAR_CASE)
    import_logistic(main_stage_study, analyst, technology=main_stage_study.technologies.get(code="T2"))
    for key in analysis_settings.SETTINGS:
        set_(main_stage_study, analyst, key, analysis_settings.SETTINGS[key].example(), is_example=True)
    result = analysis.analyse(main_stage_study)
    data = json.loads(json.dumps(result.as_dict()))
    assert data["ranking"]["weights_are_example"] is True
    assert data["scenarios"]["technologies"] == {"Patents": "T2"}
    assert data["swot"]["round"] == 1
