"""Charts of the forecasting report (seed 000: trends p.8(1), Delphi p.8(2), radar p.11(6)-(7), scenarios p.11(8)).

Every chart must return a PNG for normal input and for empty or degenerate input (one round, one
technology, NaN) without raising.
"""

from __future__ import annotations

import io
import math

import matplotlib.image
import pytest

from techpolicy.forecasting.report import charts
from techpolicy.forecasting.report.data import (
    Consensus,
    ConsensusSeries,
    DelphiDistribution,
    DelphiRound,
    RadarPoint,
    ScenarioSeries,
    TrendCorrection,
    TrendSection,
)

NAN = math.nan


def _assert_png(png: bytes) -> None:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    assert pixels.shape[0] > 300 and pixels.shape[1] > 600  # about 7 inches wide at 150 dpi


def _trend(**changes) -> TrendSection:
    values = dict(name="Series", unit="%", technology_code=None, observed_years=[], observed_values=[], model="linear",
                  fitted_years=[], fitted_values=[], forecast_years=[], point=[], lower=[], upper=[], level=0.95)
    return TrendSection(**{**values, **changes})


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_charts_of_the_sample_report(reports, lang):
    data = reports[lang]
    for section in data.trends:
        _assert_png(charts.trend_chart(section, lang))
    for dist in data.delphi:
        _assert_png(charts.delphi_distribution_chart(dist, lang))
    _assert_png(charts.consensus_chart(data.consensus, lang))
    _assert_png(charts.radar_chart(data.radar, lang, base_year=2026))
    for series in data.scenarios:
        _assert_png(charts.scenario_chart(series, lang))


@pytest.mark.parametrize(
    "section",
    [
        _trend(),
        _trend(observed_years=[2020], observed_values=[1.0]),
        _trend(observed_years=[2020, 2021], observed_values=[NAN, NAN], fitted_years=[2020, 2021],
               fitted_values=[NAN, 2.0]),
        _trend(forecast_years=[2030], point=[5.0], lower=[NAN], upper=[NAN]),
        _trend(observed_years=[2020, 2021], observed_values=[1.0, 2.0], forecast_years=[2022, 2023],
               point=[3.0, NAN], lower=[2.5, NAN], upper=[3.5, NAN],
               corrections=[TrendCorrection(2022, 3.0, 3.3, "A", "B"), (2023, NAN, NAN, "A", "B")]),
    ],
    ids=["empty", "one-point", "nan", "forecast-only", "corrections-with-gaps"],
)
def test_trend_chart_degenerate(section):
    _assert_png(charts.trend_chart(section, "kk"))


@pytest.mark.parametrize(
    "dist",
    [
        DelphiDistribution("T", "importance", []),
        DelphiDistribution("T", "importance", [DelphiRound(1, {}, NAN, NAN, NAN)]),
        DelphiDistribution("T", "importance", [DelphiRound(1, {4: 3}, 4, 4, 4)]),
        DelphiDistribution("T", "year", [DelphiRound(1, {2030: 2, 2041: 1}, 2030, 2030, 2035.5),
                                         DelphiRound(2, {2031: 3}, 2031, 2031, 2031)]),
        DelphiDistribution("T", "barrier:finance", [DelphiRound(r, {0: 5, 1: 7}, 1, 0, 1) for r in range(1, 7)]),
    ],
    ids=["no-rounds", "no-answers", "one-round-one-value", "years", "six-rounds-barrier"],
)
def test_delphi_distribution_chart_degenerate(dist):
    _assert_png(charts.delphi_distribution_chart(dist, "ru"))


@pytest.mark.parametrize(
    "consensus",
    [
        Consensus(),
        Consensus([1], [ConsensusSeries("T", [0.2], [1.0])]),
        Consensus([1, 2], [ConsensusSeries("T", [NAN, NAN], [NAN, NAN])], [NAN, NAN]),
        Consensus([1, 2], [], [0.3, 0.6]),
        Consensus([1, 2, 3], [ConsensusSeries("T", [0.2], [1.0])], [0.5]),  # lengths do not match the rounds
    ],
    ids=["empty", "one-round-one-technology", "all-nan", "w-only", "mismatched"],
)
def test_consensus_chart_degenerate(consensus):
    _assert_png(charts.consensus_chart(consensus, "en"))


@pytest.mark.parametrize(
    "points",
    [
        [],
        [RadarPoint("T", 5, 2, 3, 2031)],
        [RadarPoint("T", 5, 2, 3, NAN), RadarPoint("U", NAN, NAN, NAN, NAN)],
        [RadarPoint("T", NAN, NAN, 3, 2020), RadarPoint("U", 3, 2, 2, 2090), RadarPoint("V", 4, 2, 2, 2030)],
        [RadarPoint(f"Technology {i}", 1 + i % 5, 3, 3, 2027 + i) for i in range(30)],
    ],
    ids=["empty", "one", "no-years", "nan-and-outliers", "thirty-same-level"],
)
def test_radar_chart_degenerate(points):
    _assert_png(charts.radar_chart(points, "kk", base_year=2026))
    _assert_png(charts.radar_chart(points, "kk"))


@pytest.mark.parametrize(
    "series",
    [
        ScenarioSeries("T", [], {}),
        ScenarioSeries("T", [2030], {"inertia": [1.0]}),
        ScenarioSeries("T", [2030, 2031], {"stagnation": [NAN, NAN], "breakthrough": [1.0, NAN]}),
    ],
    ids=["empty", "one-year", "nan"],
)
def test_scenario_chart_degenerate(series):
    _assert_png(charts.scenario_chart(series, "kk"))


def test_scenario_chart_names_the_four_scenarios_of_paragraph_11_8():
    """000 p.11(8): the legend carries the scenario names in the report language."""
    assert [charts.label("scenario_" + k, "kk") for k in charts.SCENARIO_KEYS] == [
        "Технологиялық тоқырау", "Технологиялық инерция", "Жаңа технологиялық тауашалар", "Технологиялық серпіліс"]


@pytest.mark.parametrize(
    "draw",
    [
        lambda lang: charts.trend_chart(_trend(), lang),
        lambda lang: charts.delphi_distribution_chart(DelphiDistribution("T", "importance", []), lang),
        lambda lang: charts.consensus_chart(Consensus(), lang),
        lambda lang: charts.radar_chart([], lang),
        lambda lang: charts.scenario_chart(ScenarioSeries("T", [], {}), lang),
    ],
)
def test_unknown_language_raises(draw):
    with pytest.raises(ValueError, match="unknown report language"):
        draw("fr")
