"""Evidence services of a study: importing indicator series, trends with expert correction (000 p.8(1))
and the cyclic method (000 p.8(3)), on series generated from known curves."""

import json
import math

import numpy as np
import pytest
from scipy.special import expit

from techpolicy.forecasting.studies import evidence
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import ForecastCorrection, IndicatorSeries

# The services' messages are read in English here.
pytestmark = pytest.mark.usefixtures("english")

# A known S-curve: saturation 1000, rate 0.5 a year, inflection in 2015; 2% multiplicative noise.
K, RATE, INFLECTION = 1000.0, 0.5, 2015.0
YEARS = list(range(1995, 2019))


def logistic_values(years=YEARS, seed=1):
    t = np.asarray(years, dtype=float)
    noise = np.random.default_rng(seed).normal(0, 0.02, len(t))
    return (K * expit(RATE * (t - INFLECTION)) * (1 + noise)).tolist()


def csv_bytes(years, values) -> bytes:
    return ("year,value\n" + "\n".join(f"{y},{v:.4f}" for y, v in zip(years, values, strict=True))).encode()


def import_logistic(study, analyst, name="Patents", **fields):
    return evidence.import_series(study, analyst, upload_name="patents.csv", data=csv_bytes(YEARS, logistic_values()),
                                  name=name, unit="count", source="WIPO", **fields)


def test_p8_1_import_stores_the_series_and_its_file(study, analyst):
    series = import_logistic(study, analyst, technology=study.technologies.get(code="T1"))
    assert series.years == YEARS and series.file_name == "patents.csv" and series.technology.code == "T1"
    assert series.imported_by == analyst and series.unit == "count"


def test_p8_1_logistic_series_chooses_the_logistic_and_forecasts_to_the_horizon(study, analyst):
    result = evidence.trend_result(import_logistic(study, analyst))
    assert result.error is None
    assert {fit.model for fit in result.selection.candidates} == {"linear", "exponential", "logistic"}
    assert all(math.isfinite(fit.aicc) for fit in result.selection.candidates)
    assert result.selection.chosen.model == "logistic"
    assert result.selection.chosen.params["K"] == pytest.approx(K, rel=0.1)
    years = [p.year for p in result.forecast.points]
    assert years == list(range(2019, study.horizon_year + 1))
    assert all(p.lower < p.value < p.upper for p in result.forecast.points)
    data = json.loads(json.dumps(result.as_dict()))  # valid JSON: no NaN or infinity
    assert data["selection"]["chosen"] == "logistic" and data["forecast"]["points"][-1]["year"] == 2040


def test_p8_3_inflection_year_of_a_known_s_curve(study, analyst):
    cycle = evidence.cycle_result(import_logistic(study, analyst))
    life = cycle.life_cycle
    assert life.inflection_year == pytest.approx(INFLECTION, abs=0.5)
    assert 0 < life.inflection_se < 1
    lo, hi = life.inflection_interval
    assert lo < life.inflection_year < hi
    assert life.phase == "maturity"  # 2018 is past the inflection, below 90 % of the saturation level
    assert cycle.life_cycle_error is None and cycle.bounds_note is None
    json.dumps(cycle.as_dict())


def test_p8_3_periodogram_finds_a_known_cycle(study, analyst):
    years = list(range(1980, 2020))
    values = [100 + 0.5 * i + 10 * math.sin(2 * math.pi * i / 8) for i in range(len(years))]
    series = evidence.import_series(study, analyst, upload_name="c.csv", data=csv_bytes(years, values),
                                    name="Cyclic")
    cycle = evidence.cycle_result(series)
    assert cycle.test.period == pytest.approx(8, abs=0.5)
    assert cycle.test.significant and cycle.test.p_value < 0.01


def test_p8_1_correction_keeps_both_values_and_changes_that_year_only(study, analyst):
    series = import_logistic(study, analyst)
    before = evidence.trend_result(series)
    fitted = before.forecast.point(2030).value
    record = evidence.record_correction(series, analyst, year=2030, corrected=1500, reason="New plant announced")
    assert (record.fitted, record.corrected, record.model) == (pytest.approx(fitted), 1500, "logistic")
    assert record.author == analyst and record.reason == "New plant announced" and record.at is not None
    after = evidence.trend_result(series)
    assert after.forecast.value(2030) == 1500
    assert after.forecast.point(2030).value == pytest.approx(fitted)  # the model's value is kept
    changed = [r["year"] for r, b in zip(after.rows(), before.rows(), strict=True) if r["final"] != b["final"]]
    assert changed == [2030]
    assert after.as_dict()["corrections"][0]["author"] == analyst.get_username()


@pytest.mark.parametrize(("change", "field"), [
    ({"reason": "  "}, "reason"),
    ({"year": 2018}, "year"),  # an observed year
    ({"year": 2041}, "year"),  # past the horizon
    ({"corrected": "many"}, "corrected"),
    ({"corrected": float("inf")}, "corrected"),
])
def test_p8_1_invalid_correction_is_refused_and_nothing_stored(study, analyst, change, field):
    series = import_logistic(study, analyst)
    with pytest.raises(StudyError) as refused:
        evidence.record_correction(series, analyst, **({"year": 2030, "corrected": 1.0, "reason": "r"} | change))
    assert refused.value.field == field
    assert not ForecastCorrection.objects.exists()


def test_p8_1_correction_beyond_a_shortened_horizon_is_shown_as_not_applied(study, analyst):
    series = import_logistic(study, analyst)
    evidence.record_correction(series, analyst, year=2035, corrected=1.0, reason="r")
    study.horizon_year = 2030
    study.save()
    series.refresh_from_db()
    result = evidence.trend_result(series)
    assert [c.year for c, _why in result.not_applied] == [2035]
    assert "outside the forecast" in result.not_applied[0][1]


def test_duplicate_indicator_name_is_refused(study, analyst):
    import_logistic(study, analyst)
    with pytest.raises(StudyError) as refused:
        import_logistic(study, analyst)
    assert refused.value.field == "name" and "already has an indicator" in refused.value.message
    assert IndicatorSeries.objects.count() == 1


def test_invalid_file_names_the_column_and_row_and_stores_nothing(study, analyst):
    data = b"year,value\n2000,1\n2001,1.5\n2002,abc\n2003,2\n2004,3\n2005,4\n"
    with pytest.raises(evidence.SeriesFileError) as refused:
        evidence.import_series(study, analyst, upload_name="bad.csv", data=data, name="Bad")
    assert refused.value.field == "value" and refused.value.row == 4
    assert "row 4, column 'value'" in refused.value.message
    assert refused.value.as_dict()["row"] == 4
    assert not IndicatorSeries.objects.exists()


def test_technology_of_another_study_is_refused(study, analyst):
    from .conftest import make_study

    other = make_study(analyst).technologies.first()
    with pytest.raises(StudyError) as refused:
        import_logistic(study, analyst, technology=other)
    assert refused.value.field == "technology"


def test_series_too_short_for_the_methods_gives_messages_not_exceptions(study, analyst):
    # Stored directly: an import refuses fewer than 6 years, but the methods must not break on one. Two
    # years: below every method's minimum (the trend engine fits a line from three, `trends.min_points`).
    series = IndicatorSeries.objects.create(study=study, name="Short", file_name="s.csv", years=[2021, 2022],
                                            values=[2.0, 3.0], imported_by=analyst)
    result = evidence.trend_result(series)
    assert result.forecast is None and "No trend can be fitted" in result.error
    cycle = evidence.cycle_result(series)
    assert cycle.test is None and "at least 5" in cycle.test_error
    assert cycle.life_cycle is None and "No S-curve" in cycle.life_cycle_error
    with pytest.raises(StudyError):
        evidence.record_correction(series, analyst, year=2030, corrected=1.0, reason="r")


def test_no_forecast_when_the_horizon_is_not_after_the_data(study, analyst):
    study.horizon_year = 2018
    study.save()
    result = evidence.trend_result(import_logistic(study, analyst))
    assert result.selection is not None and result.forecast is None
    assert "not after the last observed year 2018" in result.error
    assert result.growth() is None
