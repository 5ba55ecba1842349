"""SWOT of internal competences against leader and competitor countries (seed 000, paragraphs 11–13)."""

import re

import pytest

from techpolicy.forecasting.swot import (
    EXAMPLE_SWOT_THRESHOLDS,
    OPPORTUNITY,
    RULE_TEXTS,
    STRENGTH,
    THREAT,
    WEAKNESS,
    SwotThresholds,
    TechnologyAssessment,
    build_swot,
    rule_text,
)

TABLE = [
    TechnologyAssessment(
        "solar", 4.5, level_vs_leader=-1, level_vs_competitor=0.5, respondents=10, barriers={"finance": 2}
    ),
    TechnologyAssessment(
        "ai", 5, level_vs_leader=-2, level_vs_competitor=-1, respondents=10, barriers={"skills": 6, "finance": 3}
    ),
    TechnologyAssessment(
        "hydrogen", 4, level_vs_leader=-1.5, level_vs_competitor=-0.5, respondents=10, barriers={"regulation": 4}
    ),
    TechnologyAssessment("textiles", 2, level_vs_leader=0, level_vs_competitor=1, respondents=10),
    TechnologyAssessment(
        "mining", 4, level_vs_leader=0, level_vs_competitor=1, respondents=10, barriers={"regulation": 5}
    ),
]


def test_swot_classification_on_small_table():
    swot = build_swot(TABLE, EXAMPLE_SWOT_THRESHOLDS, leader="Germany", competitor="Uzbekistan")
    assert swot.names(STRENGTH) == ["solar", "mining"]
    assert swot.names(WEAKNESS) == ["ai"]
    assert swot.names(OPPORTUNITY) == ["solar"]
    assert swot.names(THREAT) == ["ai", "mining"]
    reasons = {d["technology"]: d["reason"] for d in swot.not_classified}
    assert reasons == {"hydrogen": "between the thresholds on both axes", "textiles": "importance 2 below 4"}


def test_swot_evidence():
    swot = build_swot(TABLE, EXAMPLE_SWOT_THRESHOLDS, leader="Germany", competitor="Uzbekistan")
    ai_threat = swot.threats[0]
    assert ai_threat.evidence["barrier_share"] == pytest.approx(0.6)
    assert ai_threat.evidence["main_barrier"] == "skills"
    assert ai_threat.evidence["level_vs_leader"] == -2
    assert "barrier share >= 0.5" in ai_threat.rule and "level vs Germany <= -2" in ai_threat.rule
    strength = swot.strengths[0]
    assert strength.evidence["competitor"] == "Uzbekistan"
    assert strength.evidence["level_vs_competitor"] == 0.5
    assert strength.evidence["strength_min_vs_competitor"] == 0
    d = swot.as_dict()
    assert d["thresholds"]["is_example"] is True
    assert d["weaknesses"][0]["quadrant"] == "weakness"


def test_issue10_item3_rules_are_codes_with_values_said_in_each_language():
    """Issue 10, item 3: a SWOT rule is kept as a code with the values it compared, and a Kazakh or
    Russian page says it in its own language (decimal comma) with no English left."""
    swot = build_swot(TABLE, EXAMPLE_SWOT_THRESHOLDS, leader="көшбасшы елдер", competitor="бәсекелес елдер")
    ai_threat = swot.threats[0]
    assert ai_threat.code == "threat_barrier_level"
    assert ai_threat.params == {"leader": "көшбасшы елдер", "barrier_share": 0.5, "level": -2.0}
    assert ai_threat.text("kk") == "маңызды, кедергі үлесі ≥ 0,5 және деңгейі ≤ -2 (салыстыру: көшбасшы елдер)"
    assert "0,5" in ai_threat.text("ru") and "доля барьера" in ai_threat.text("ru")
    assert ai_threat.as_dict()["code"] == "threat_barrier_level"
    textiles = next(d for d in swot.not_classified if d["technology"] == "textiles")
    assert (textiles["code"], textiles["params"]) == ("not_important", {"importance": 2, "importance_min": 4.0})
    assert rule_text(textiles["code"], textiles["params"], "kk") == "маңыздылығы 2, бұл 4 шегінен төмен"
    assert rule_text("not_important", {"importance": 3.5, "importance_min": 4}, "ru") == "важность 3,5 ниже порога 4"
    for code, texts in RULE_TEXTS.items():
        assert set(texts) == {"kk", "ru", "en"}, code
        for lang in ("kk", "ru"):
            assert not re.search(r"[A-Za-z]", re.sub(r"\{\w+\}", "", texts[lang])), (code, lang)


def test_thresholds_are_study_parameters():
    strict = SwotThresholds(
        importance_min=4.5,
        strength_min_vs_competitor=1.0,
        weakness_max_vs_competitor=0.0,
        opportunity_min_vs_leader=-1.0,
        opportunity_max_barrier_share=0.3,
        threat_max_vs_leader=-1.5,
        threat_min_barrier_share=0.5,
        source="study 2026",
    )
    swot = build_swot(TABLE, strict)
    assert swot.names(STRENGTH) == []
    assert swot.names(WEAKNESS) == ["ai"]
    assert swot.names(OPPORTUNITY) == ["solar"]  # 0.5 vs competitor is between the strict bands
    assert {d["technology"] for d in swot.not_classified} == {"hydrogen", "textiles", "mining"}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"weakness_max_vs_competitor": 0.0}, "weakness_max_vs_competitor"),
        ({"threat_max_vs_leader": -1.0}, "threat_max_vs_leader"),
        ({"threat_min_barrier_share": 1.5}, "share"),
        ({"opportunity_max_barrier_share": 0.6}, "opportunity_max_barrier_share"),
        ({"importance_min": float("nan")}, "finite"),
    ],
)
def test_threshold_validation(change, message):
    params = EXAMPLE_SWOT_THRESHOLDS.as_dict() | change
    with pytest.raises(ValueError, match=message):
        SwotThresholds(**params)


def test_assessment_validation():
    with pytest.raises(ValueError, match="named by 11 of 10"):
        TechnologyAssessment("x", 4, 0, 0, respondents=10, barriers={"finance": 11})
    with pytest.raises(ValueError, match="respondents"):
        TechnologyAssessment("x", 4, 0, 0, respondents=0)
    with pytest.raises(ValueError, match="unique"):
        build_swot([TABLE[0], TABLE[0]], EXAMPLE_SWOT_THRESHOLDS)
