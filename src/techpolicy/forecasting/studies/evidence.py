"""The evidence of a study: indicator series for extrapolation with expert correction (seed 000,
paragraph 8(1)) and for the cyclic method (paragraph 8(3)).

The maths lives in the pure modules (`series`, `trends`, `cycles`); these services keep the study's
records: importing a file into an `IndicatorSeries`, the trend fits and the forecast to the study's
horizon with the recorded expert corrections applied, recording a correction, and the cycle analysis.
They take no request objects: the analysts' pages and the REST API call the same functions.

Every series passes the bounds of `forecasting.limits` (years 1900-2100, at most 201, finite values)
and the forecast runs at most 100 years ahead; a series stored before those bounds gets a clear error
instead of a fit, so no stored record can make a page, the API or the report hang.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.forecasting import cycles, limits, trends
from techpolicy.forecasting import series as series_io

from .errors import StudyError, full_clean
from .models import ForecastCorrection, IndicatorSeries, Study, Technology

DEFAULT_LEVEL = 0.95
DEFAULT_ALPHA = 0.05

MODEL_LABELS = {
    "linear": gettext_lazy("linear"),
    "exponential": gettext_lazy("exponential"),
    "logistic": gettext_lazy("logistic (S-curve)"),
}
PHASE_LABELS = {
    "emergence": gettext_lazy("emergence"),
    "growth": gettext_lazy("growth"),
    "maturity": gettext_lazy("maturity"),
    "saturation": gettext_lazy("saturation"),
}


def json_safe(value: Any) -> Any:
    """`value` with numpy scalars made plain and non-finite floats made None, so it is valid JSON."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def author_name(user) -> str:
    return user.get_full_name() or user.get_username()


# The bound errors of the pure modules, worded in the user's language (their `code` and `params`).
FILE_LIMITS = {
    "year_range": gettext_lazy("row %(row)d, column “year”: %(year)s is outside %(first)d–%(last)d, the years a "
                               "series may cover"),
    "too_many_rows": gettext_lazy("row %(row)d: a file may have at most %(max)d rows"),
}
SERIES_LIMITS = {
    "too_many": gettext_lazy("the series has %(n)d points; at most %(max)d years (%(first)d–%(last)d) can be "
                             "analysed"),
    "not_numbers": gettext_lazy("the stored years or values are not all numbers"),
    "not_a_row": gettext_lazy("the stored years or values are not all numbers"),
    "lengths": gettext_lazy("the series has %(years)d years but %(values)d values"),
    "year_not_finite": gettext_lazy("the year at position %(position)d is not a number"),
    "year_range": gettext_lazy("the year %(year)s at position %(position)d is outside %(first)d–%(last)d"),
    "year_order": gettext_lazy("the year %(year)s at position %(position)d does not follow %(previous)s: the "
                               "years must increase"),
    "value_not_finite": gettext_lazy("the value of %(year)s is not a finite number"),
    "horizon_range": gettext_lazy("the study's horizon %(horizon)d is more than %(ahead)d years after the last "
                                  "observed year %(last)d or after %(max)d"),
}


def limit_message(exc: limits.LimitError) -> str:
    """A bound error of `forecasting.limits` in the user's language (its English text as a fallback)."""
    wording = SERIES_LIMITS.get(exc.code)
    params = {k: f"{v:g}" if isinstance(v, float) else v for k, v in exc.params.items()}
    return str(wording) % params if wording else exc.message


class SeriesFileError(StudyError):
    """An uploaded file that is not a usable series. `field` is the series module's: the column at fault
    (`year`, `value`, `series`), `row` for a ragged row, `sheet`, or `SERIES` for the whole file."""

    def __init__(self, exc: series_io.SeriesError):
        wording = FILE_LIMITS.get(exc.code or "")
        detail = str(wording) % {"row": exc.row, **exc.params} if wording else exc.message
        super().__init__(_("The file cannot be imported: %(detail)s") % {"detail": detail}, field=exc.field)
        self.row = exc.row

    def as_dict(self) -> dict[str, Any]:
        return super().as_dict() | {"row": self.row}


def import_series(study: Study, actor, *, upload_name: str, data: bytes, name: str, unit: str = "",
                  source: str = "", technology: Technology | None = None, series_in_file: str | None = None,
                  sheet: str | None = None) -> IndicatorSeries:
    """Store an indicator series read from an uploaded `.csv` or `.xlsx` file (paragraph 8(1)).

    `series_in_file` picks one series of a file with a `series` column; `sheet` a worksheet. A
    duplicate indicator name, a technology of another study or a file the series module refuses
    raise `StudyError` (`SeriesFileError` for the file, with its column and row); nothing is stored then.
    """
    name = (name or "").strip()
    if not name:
        raise StudyError(_("Name the indicator."), field="name")
    if technology is not None and technology.study_id != study.pk:
        raise StudyError(_("This technology is not a candidate of the study."), field="technology")
    duplicate = StudyError(_("The study already has an indicator named “%(name)s”.") % {"name": name}, field="name")
    if study.series.filter(name=name).exists():
        raise duplicate
    try:
        parsed = series_io.parse_series_upload(data, upload_name, name=series_in_file or None, sheet=sheet or None)
    except series_io.SeriesError as exc:
        raise SeriesFileError(exc) from None
    record = IndicatorSeries(study=study, technology=technology, name=name, unit=(unit or "").strip(),
                             source=(source or "").strip(), file_name=upload_name[-200:], years=list(parsed.years),
                             values=list(parsed.values), imported_by=actor)
    full_clean(record, validate_constraints=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:  # imported by someone else between the check and the save
        raise duplicate from None
    return record


# --- extrapolation with expert correction (paragraph 8(1)) ---------------------------------------


@dataclass(frozen=True)
class TrendResult:
    """The three trends of a series with their AICc, the chosen one, and its forecast to the study's
    horizon with the recorded corrections applied. `error` says why there is no fit or no forecast."""

    series: IndicatorSeries
    horizon: int
    level: float
    selection: trends.TrendSelection | None
    forecast: trends.Forecast | None
    corrections: tuple[ForecastCorrection, ...]
    not_applied: tuple[tuple[ForecastCorrection, str], ...] = ()
    error: str | None = None

    @property
    def last_observed(self) -> float:
        return float(self.series.values[-1])

    def horizon_value(self) -> float | None:
        """The value in force at the horizon (an expert's correction, else the model's)."""
        return self.forecast.value(self.horizon) if self.forecast else None

    def growth(self) -> float | None:
        """Relative growth from the last observed value to the value in force at the horizon; None
        without a forecast or when the last observed value is not positive (no base to grow from)."""
        final = self.horizon_value()
        if final is None or self.last_observed <= 0:
            return None
        return final / self.last_observed - 1.0

    def rows(self) -> list[dict[str, Any]]:
        """The forecast table: per year the model value, interval, the correction in force, the final value."""
        if self.forecast is None:
            return []
        out = []
        for point in self.forecast.points:
            correction = self.forecast.correction(point.year)
            out.append({"year": point.year, "value": point.value, "lower": point.lower, "upper": point.upper,
                        "corrected": correction.corrected if correction else None,
                        "final": self.forecast.value(point.year)})
        return out

    def as_dict(self) -> dict[str, Any]:
        return json_safe({
            "series": series_dict(self.series),
            "horizon": self.horizon,
            "level": self.level,
            "selection": self.selection.as_dict() if self.selection else None,
            "forecast": self.forecast.as_dict() if self.forecast else None,
            "corrections": [correction_dict(c) for c in self.corrections],
            "not_applied": [{"id": c.pk, "reason": reason} for c, reason in self.not_applied],
            "error": self.error,
        })


def stored_problem(series: IndicatorSeries) -> str | None:
    """Why a stored series cannot be analysed (one imported before the bounds of `limits`), or None."""
    try:
        limits.check_observations(series.years, series.values)
    except limits.LimitError as exc:
        return _("This series cannot be analysed: %(detail)s.") % {"detail": limit_message(exc)}
    return None


def shown_points(series: IndicatorSeries) -> list[tuple[Any, Any]]:
    """(year, value) pairs to show, at most `limits.MAX_POINTS` of them (a longer stored series is clipped)."""
    years, values = series.years, series.values
    if not isinstance(years, list) or not isinstance(values, list):
        return []
    return list(zip(years[: limits.MAX_POINTS], values[: limits.MAX_POINTS], strict=False))


def series_dict(series: IndicatorSeries) -> dict[str, Any]:
    points = shown_points(series)
    n = len(series.years) if isinstance(series.years, list) else 0
    return {
        "id": series.pk, "name": series.name, "unit": series.unit, "source": series.source,
        "file_name": series.file_name, "technology": series.technology.code if series.technology_id else None,
        "years": [y for y, _v in points], "values": [v for _y, v in points], "n": n,
        "clipped": len(points) < n,
        "imported_by": author_name(series.imported_by), "imported_at": series.imported_at.isoformat(),
    }


def correction_dict(c: ForecastCorrection) -> dict[str, Any]:
    return {"id": c.pk, "year": c.year, "model": c.model, "fitted": c.fitted, "corrected": c.corrected,
            "reason": c.reason, "author": author_name(c.author), "at": c.at.isoformat()}


def _check_level(level: float) -> float:
    if not 0 < level < 1:
        raise StudyError(_("The confidence level is a number between 0 and 1."), field="level")
    return level


def _apply(result: trends.Forecast, c: ForecastCorrection) -> tuple[trends.Forecast, str | None]:
    """`result` with correction `c`, or unchanged with the reason it no longer applies."""
    if not result.points[0].year <= c.year <= result.points[-1].year:
        return result, _("the year %(year)d is outside the forecast %(first)d–%(last)d") % {
            "year": c.year, "first": result.points[0].year, "last": result.points[-1].year}
    correction = trends.ExpertCorrection(c.year, c.fitted, c.corrected, author_name(c.author), c.reason)
    try:
        return trends.apply_correction(result, correction), None
    except ValueError:  # the fit changed since (another model or value): the correction was of another forecast
        return result, _("it was recorded against another fit (%(model)s, %(fitted)s)") % {
            "model": c.model, "fitted": f"{c.fitted:.6g}"}


def trend_result(series: IndicatorSeries, level: float = DEFAULT_LEVEL) -> TrendResult:
    """Fit linear, exponential and logistic trends, choose by AICc, and forecast to the study's horizon
    with `level` prediction intervals; the recorded corrections are applied in the order recorded."""
    _check_level(level)
    horizon = series.study.horizon_year
    corrections = tuple(series.corrections.select_related("author"))
    base = TrendResult(series, horizon, level, None, None, corrections)
    problem = stored_problem(series)
    if problem:
        return replace(base, error=problem)
    try:
        selection = trends.fit_trends(series.years, series.values)
    except trends.TrendError as exc:
        return replace(base, error=_("No trend can be fitted to this series: %(detail)s") % {"detail": exc})
    last = int(series.years[-1])
    if horizon <= last:
        return replace(base, selection=selection, error=_(
            "The study's horizon %(horizon)d is not after the last observed year %(last)d: there is nothing "
            "to forecast.") % {"horizon": horizon, "last": last})
    try:
        result = trends.forecast(selection.chosen, horizon, level)
    except limits.LimitError as exc:
        return replace(base, selection=selection, error=_("No forecast: %(detail)s.") % {"detail": limit_message(exc)})
    not_applied = []
    for c in corrections:
        result, reason = _apply(result, c)
        if reason:
            not_applied.append((c, reason))
    return replace(base, selection=selection, forecast=result, not_applied=tuple(not_applied))


def record_correction(series: IndicatorSeries, actor, *, year: int, corrected: float,
                      reason: str) -> ForecastCorrection:
    """Record an expert's correction of the forecast for `year` (a forecast year up to the horizon),
    with the reason, the chosen model and its fitted value next to the corrected one (paragraph 8(1))."""
    reason = (reason or "").strip()
    if not reason:
        raise StudyError(_("Give the reason for the correction."), field="reason")
    try:
        corrected = float(corrected)
    except (TypeError, ValueError):
        corrected = math.nan
    if not math.isfinite(corrected):
        raise StudyError(_("Give the corrected value as a number."), field="corrected")
    result = trend_result(series)
    if result.forecast is None:
        raise StudyError(result.error or "")
    points = result.forecast.points
    try:
        point = result.forecast.point(int(year))
    except (KeyError, TypeError, ValueError):
        raise StudyError(_("A correction is for a forecast year, %(first)d to %(last)d (the horizon).")
                         % {"first": points[0].year, "last": points[-1].year}, field="year") from None
    # The pure module checks what a correction needs (author, reason, finite values) before it is stored.
    trends.correct(result.forecast, point.year, corrected, author=author_name(actor), reason=reason)
    return ForecastCorrection.objects.create(series=series, year=point.year, model=result.forecast.model,
                                             fitted=point.value, corrected=corrected, reason=reason, author=actor)


# --- cyclic regularities (paragraph 8(3)) --------------------------------------------------------


@dataclass(frozen=True)
class CycleResult:
    """The periodogram test and the life-cycle placement; each has an error message instead when it
    cannot be computed (too short, constant, no S-curve fit)."""

    series: IndicatorSeries
    test: cycles.CycleTest | None
    test_error: str | None
    life_cycle: cycles.LifeCycle | None
    life_cycle_error: str | None

    @property
    def bounds_note(self) -> str | None:
        """A warning when the S-curve's parameters stopped at their bounds: the phase is then uncertain."""
        if self.life_cycle is None or not self.life_cycle.fit.at_bounds:
            return None
        return _("The S-curve stopped at the bound of %(params)s: the saturation level is not yet visible in "
                 "the data, so the phase and the inflection year are uncertain.") % {
            "params": ", ".join(self.life_cycle.fit.at_bounds)}

    def as_dict(self) -> dict[str, Any]:
        return json_safe({
            "cycle": self.test.as_dict() if self.test else None,
            "cycle_error": self.test_error,
            "life_cycle": self.life_cycle.as_dict() if self.life_cycle else None,
            "life_cycle_error": self.life_cycle_error,
            "life_cycle_note": self.bounds_note,
        })


def cycle_result(series: IndicatorSeries, *, alpha: float = DEFAULT_ALPHA, level: float = DEFAULT_LEVEL) -> CycleResult:
    """Fisher's g test on the periodogram of the detrended series and the life-cycle phase of a logistic fit."""
    _check_level(level)
    if not 0 < alpha < 1:
        raise StudyError(_("The significance level is a number between 0 and 1."), field="alpha")
    test = life = test_error = life_error = None
    problem = stored_problem(series)
    if problem:
        return CycleResult(series, None, problem, None, problem)
    try:
        test = cycles.cycle_test(series.years, series.values, alpha=alpha)
    except ValueError as exc:
        test_error = _("No periodogram test: %(detail)s") % {"detail": exc}
    try:
        life = cycles.life_cycle(series.years, series.values, level=level)
    except ValueError as exc:  # TrendError: negative values, too short, no convergence
        life_error = _("No S-curve could be fitted: %(detail)s") % {"detail": exc}
    return CycleResult(series, test, test_error, life, life_error)
