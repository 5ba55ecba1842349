"""The `techpolicy forecast` command group (seed 000, paragraph 8), registered once in `techpolicy.cli`.

    techpolicy forecast trend SERIES.csv|SERIES.xlsx [--horizon YEAR] [--level 0.95] [--series NAME] [--sheet NAME]
    techpolicy forecast cycles SERIES.csv|SERIES.xlsx [--level 0.95] [--alpha 0.05] [--series NAME] [--sheet NAME]

SERIES is a CSV file or an Excel workbook (first sheet, or --sheet) with the columns
year,value[,series] (see `techpolicy.forecasting.series`). Both print JSON and exit 0; invalid input exits
with 2 and `{"error": ..., "field": ..., "row": ...}` on stderr, naming the column (or `row` for a
ragged row, `SERIES` for the file) and the row number. Years lie in 1900..2100 and --horizon at most
100 years after the last observation (`techpolicy.forecasting.limits`).

A new sub-command is one more entry in `FORECAST_COMMANDS`: a function that adds its parser to
the group's sub-parsers and sets `handler`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

DEFAULT_HORIZON_YEARS = 5


def _input_error(message: str, field: str | None, **extra: Any) -> Exception:
    from techpolicy.cli import InputError  # late: techpolicy.cli imports this module

    return InputError(message, field, **extra)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _probability(text: str, field: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _input_error(f"invalid number {text!r}", field) from None
    if not 0 < value < 1:
        raise _input_error(f"{text} must be strictly between 0 and 1", field)
    return value


def _read(args: argparse.Namespace):
    from .series import SeriesError, read_series

    try:
        return read_series(args.series_file, name=args.series, sheet=args.sheet)
    except SeriesError as exc:
        raise _input_error(exc.message, exc.field, row=exc.row) from None


def _horizon(text: str | None, last_year: int) -> int:
    from .limits import MAX_YEAR, LimitError, check_horizon

    wanted = min(last_year + DEFAULT_HORIZON_YEARS, MAX_YEAR) if text is None else text.strip()
    try:
        return check_horizon(wanted, last_year)  # a series ending in 2100 has no year left to forecast
    except LimitError as exc:
        raise _input_error(exc.message, "--horizon") from None


def _trend(args: argparse.Namespace) -> int:
    from .limits import LimitError
    from .trends import TrendError, fit_trends, forecast

    level = _probability(args.level, "--level")
    series = _read(args)
    horizon = _horizon(args.horizon, series.last_year)
    try:
        selection = fit_trends(series.years, series.values)
    except (TrendError, LimitError) as exc:
        raise _input_error(str(exc), "SERIES") from None
    result = forecast(selection.chosen, horizon, level)
    _print_json({"series": series.as_dict(), "selection": selection.as_dict(), "forecast": result.as_dict()})
    return 0


def _cycles(args: argparse.Namespace) -> int:
    from .cycles import cycle_test, life_cycle
    from .trends import TrendError

    level = _probability(args.level, "--level")
    alpha = _probability(args.alpha, "--alpha")
    series = _read(args)
    try:
        test = cycle_test(series.years, series.values, alpha=alpha)
    except ValueError as exc:
        raise _input_error(str(exc), "SERIES") from None
    try:
        cycle: dict[str, Any] = life_cycle(series.years, series.values, level=level).as_dict()
        cycle_error = None
    except TrendError as exc:
        cycle, cycle_error = None, str(exc)
    _print_json({"series": series.as_dict(), "cycle": test.as_dict(), "life_cycle": cycle,
                 "life_cycle_error": cycle_error})
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("series_file", metavar="SERIES", help=".csv or .xlsx with columns year,value[,series]")
    parser.add_argument("--series", help="which series, when the file has a series column with several")
    parser.add_argument("--sheet", help="the worksheet of an .xlsx file (default: the first)")
    parser.add_argument("--level", default="0.95", help="confidence level of the intervals (default 0.95)")


def _add_trend(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "trend", help="method 1: linear / exponential / logistic trend chosen by AICc, forecast with intervals"
    )
    _common(parser)
    parser.add_argument("--horizon", metavar="YEAR",
                        help=f"last forecast year (default: last observed + {DEFAULT_HORIZON_YEARS})")
    parser.set_defaults(handler=_trend)


def _add_cycles(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "cycles", help="method 3: periodogram with Fisher's g test, and life-cycle phase from an S-curve"
    )
    _common(parser)
    parser.add_argument("--alpha", default="0.05", help="significance level of the g test (default 0.05)")
    parser.set_defaults(handler=_cycles)


# The stop rule of a study (delphi.StopRule), field by field; the methodology sets no values.
STOP_FLAGS = (
    ("max_rel_iqr", "--stop-rel-iqr", "consensus when IQR / |median| <= X"),
    ("max_iqr", "--stop-iqr", "consensus when IQR <= X"),
    ("max_cv", "--stop-cv", "consensus when the coefficient of variation <= X"),
    ("max_median_shift", "--stop-median-shift", "stability when |median change from the previous round| <= X"),
    ("min_answers", "--min-answers", "no consensus with fewer answers than N per item"),
)


def _delphi(args: argparse.Namespace) -> int:
    """Paragraph 8(2) Foresight: aggregate Delphi answers (see `techpolicy.forecasting.delphi`)."""
    from .delphi import DelphiError, StopRule, aggregate, read_answers

    limits: dict[str, float | int] = {}
    for name, flag, _help in STOP_FLAGS:
        text = getattr(args, name)
        if text is not None:
            try:
                limits[name] = int(text) if name == "min_answers" else float(text)
            except ValueError:
                raise _input_error(f"invalid number {text!r}", flag) from None
            if not (limits[name] >= 0 and limits[name] != float("inf")):
                raise _input_error(f"{text} must be a finite number >= 0", flag)
    try:
        rule = StopRule(**limits) if limits else None
        _print_json(aggregate(read_answers(args.answers), rule=rule, weighted=args.weighted))
    except DelphiError as exc:
        raise _input_error(exc.message, exc.field) from None
    return 0


def _add_delphi(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "delphi", help="method 2 (Foresight): Delphi medians, quartiles, IQR, consensus and Kendall's W per round"
    )
    parser.add_argument("answers", metavar="ANSWERS",
                        help="CSV with columns expert,round,technology,question,value[,competence]")
    for name, flag, text in STOP_FLAGS:
        parser.add_argument(flag, dest=name, metavar="N" if name == "min_answers" else "X",
                            help=f"{text} (set by the study)")
    parser.add_argument("--weighted", action="store_true", help="weight answers by the competence column (1..10)")
    parser.set_defaults(handler=_delphi)


FORECAST_COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "trend": _add_trend,
    "cycles": _add_cycles,
    "delphi": _add_delphi,
}


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the `forecast` group and every sub-command in `FORECAST_COMMANDS`."""
    parser = commands.add_parser("forecast", help="technology forecasting methods (seed 000, paragraph 8)")
    subcommands = parser.add_subparsers(dest="forecast_command", metavar="METHOD", required=True)
    for add_command in FORECAST_COMMANDS.values():
        add_command(subcommands)
