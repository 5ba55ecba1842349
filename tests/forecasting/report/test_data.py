"""ReportData and its builders from the pure modules (seed 000, paragraphs 8, 11 and 12)."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys

import numpy as np
import pytest

from techpolicy.forecasting import delphi, trends
from techpolicy.forecasting.report import data as report
from techpolicy.forecasting.report.data import (
    Discussion,
    KeyTechnology,
    Recommendation,
    ReportData,
    ScenarioSeries,
    StudyMeta,
    TrendSection,
)
from tests.forecasting.report.sample import YEARS, delphi_answers, logistic_series

META = StudyMeta("TF-1", "Title", "Energy", 2035, "Ministry of Energy", "final", dt.date(2026, 9, 14), 2, True)


def test_trend_section_carries_the_forecast_and_the_expert_correction():
    """000 p.8(1): extrapolation corrected by expert assessment; the model value stays beside the correction."""
    values = logistic_series()
    fit = trends.fit_trends(YEARS, values).chosen
    assert fit.model == "logistic"
    result = trends.correct(trends.forecast(fit, 2030), 2028, 16.0, author="Expert", reason="New plants")
    section = report.trend_section("Share", "%", YEARS.tolist(), values.tolist(), result, fit, technology_code="PV")
    assert section.forecast_years == (2025.0, 2026.0, 2027.0, 2028.0, 2029.0, 2030.0)
    assert section.point == tuple(p.value for p in result.points)
    assert all(lo < p < hi for lo, p, hi in zip(section.lower, section.point, section.upper, strict=True))
    assert section.fitted_values == pytest.approx(fit.predict(YEARS).tolist())
    assert section.corrections == ((2028, result.point(2028).value, 16.0, "Expert", "New plants"),)
    assert section.level == 0.95 and section.technology_code == "PV"


def test_delphi_distributions_count_the_answers_of_each_round():
    """000 p.8(2): the opinions of the experts, per round, with the medians and quartiles of `delphi`."""
    values, items = delphi_answers()
    summary = delphi.summarize(values)
    dists = report.delphi_distributions(values, items)
    assert len(dists) == len(items)
    first = dists[0]
    assert (first.technology, first.question) == items[0]
    assert [r.label for r in first.rounds] == [1, 2, 3]
    assert [r.n for r in first.rounds] == [14, 15, 15]  # one expert skipped round 1
    assert all(set(r.counts) <= {1.0, 2.0, 3.0, 4.0, 5.0} for r in first.rounds)
    assert first.rounds[2].median == summary.median[2, 0] and first.rounds[2].q3 == summary.q3[2, 0]
    labelled = report.delphi_distributions(values[:1], items, rounds=[7])
    assert labelled[0].rounds[0].label == 7


def test_consensus_section_has_rel_iqr_per_round_and_kendall_w():
    values, items = delphi_answers()
    consensus = report.consensus_section(values, items)
    assert consensus.rounds == (1, 2, 3)
    assert [s.technology for s in consensus.technologies] == ["H2", "PV", "GRID", "STOR"]
    assert all(len(s.rel_iqr) == len(s.iqr) == 3 for s in consensus.technologies)
    cols = [i for i, (_, q) in enumerate(items) if q == "importance"]
    assert consensus.kendall_w == pytest.approx(delphi.kendall_w(values[:, :, cols]).w.tolist())
    single = report.consensus_section(values[:, :, :4], items[:4])
    assert single.kendall_w is None  # W needs at least two technologies


def test_radar_points_take_the_medians_of_the_last_round():
    """000 p.11(6): levels compared with leader and competitor countries; p.11(7) the key technologies."""
    values, items = delphi_answers()
    points = report.radar_points(values, items)
    summary = delphi.summarize(values)
    assert [p.technology for p in points] == ["H2", "PV", "GRID", "STOR"]
    assert points[0].importance == summary.median[-1, 0] and points[0].readiness_year == summary.median[-1, 1]
    partial = report.radar_points(values[:, :, :1], items[:1])
    assert math.isnan(partial[0].readiness_year) and math.isnan(partial[0].level_vs_leader)


def test_lists_are_stored_as_tuples_and_rows_as_named_tuples():
    data = ReportData(META, goals=["a"], recommendations=[("Ministry", "Do")], swot={"threat": ["X"]},
                      discussion=Discussion(3, 2, [(1, "fixed")]),
                      key_technologies=[KeyTechnology("C", "Name", 1, {"topsis": np.float64(0.5)})])
    assert data.goals == ("a",)
    assert data.recommendations == (Recommendation("Ministry", "Do"),)
    assert data.recommendations[0].body == "Ministry"
    assert data.swot == {"strength": (), "weakness": (), "opportunity": (), "threat": ("X",)}
    assert data.discussion.corrections[0].note == "fixed"
    assert type(data.key_technologies[0].scores["topsis"]) is float


@pytest.mark.parametrize(
    "build",
    [
        lambda: StudyMeta("N", "T", "D", 2035, "B", "done", dt.date(2026, 1, 1), 1, True),
        lambda: ReportData(META, swot={"risks": ["X"]}),
        lambda: ScenarioSeries("T", [2030], {"collapse": [1.0]}),
        lambda: ScenarioSeries("T", [2030, 2031], {"inertia": [1.0]}),
        lambda: TrendSection("S", "", None, [2020, 2021], [1.0], "linear", [], [], [], [], [], [], 0.95),
    ],
    ids=["unknown-stage", "unknown-quadrant", "unknown-scenario", "short-trajectory", "ragged-trend"],
)
def test_invalid_pieces_raise(build):
    with pytest.raises(ValueError):
        build()


def test_the_report_package_does_not_import_django():
    """The report layer is pure: a fresh interpreter imports and renders it without loading Django."""
    code = ("import sys, techpolicy.forecasting.report.pdf, techpolicy.forecasting.report.docx; "
            "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
