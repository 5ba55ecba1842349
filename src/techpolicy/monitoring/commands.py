"""The `techpolicy monitor` command group (000.p38.a2, 000.ttp.monitor), registered once in `techpolicy.cli`.

    techpolicy monitor obligations PLAN.json --year YEAR [--on DATE]
    techpolicy monitor status INDICATORS.json --year YEAR [--on DATE]

PLAN is `{"items": [...], "submissions": [...]}` (`obligations.Item`, `obligations.Submission`);
`obligations` prints the year's obligations with their timeliness on DATE and the keys overdue.
INDICATORS is `{"indicators": [...], "actuals": [...]}` (`indicators.Indicator`, `indicators.Actual`);
`status` prints each indicator's status for YEAR with the targets in force on DATE. Both files may say
`"demo": true` and carry a `"note"`. DATE defaults to today.

Exit codes: 0 answered (for `status`: no indicator with a target and an approved actual falls short),
1 some indicator not reached, 2 invalid input, printed on stderr as `{"error": ..., "field": ...}` like
every command of `techpolicy.cli` (the field as a path, e.g. "actuals[3].indicator"). Files are read
with `techpolicy.cli.read_json` (size and nesting bounded, numbers with a fraction as Decimal).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import Field

from .common import MAX_YEAR, MIN_YEAR, Model, Text
from .indicators import MAX_ACTUALS, MAX_INDICATORS, Actual, Indicator, status
from .obligations import MAX_ITEMS, Item, Obligation, Submission, expand_plan, overdue, submitted_on, timeliness

EXIT_OK, EXIT_NEGATIVE, EXIT_INVALID = 0, 1, 2
MAX_SUBMISSIONS = 200_000


class Plan(Model):
    demo: bool = False
    note: Text | None = None
    items: Annotated[list[Item], Field(max_length=MAX_ITEMS)]
    submissions: Annotated[list[Submission], Field(max_length=MAX_SUBMISSIONS)] = []


class IndicatorSet(Model):
    demo: bool = False
    note: Text | None = None
    indicators: Annotated[list[Indicator], Field(max_length=MAX_INDICATORS)]
    actuals: Annotated[list[Actual], Field(max_length=MAX_ACTUALS)] = []


def _input_error(message: str, field: str | None) -> Exception:
    from techpolicy.cli import InputError  # late: techpolicy.cli imports this module

    return InputError(message, field)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _year(year: int | str) -> int:
    try:
        value = int(year)
    except (TypeError, ValueError):
        raise _input_error(f"invalid year {year!r}", "--year") from None
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise _input_error(f"year {value} is outside {MIN_YEAR}..{MAX_YEAR}", "--year")
    return value


def _on(on: dt.date | str | None) -> dt.date:
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(on)
    except ValueError:
        raise _input_error(f"invalid date {on!r}: expected YYYY-MM-DD", "--on") from None


def _load(path: str, model: type[Model], field: str) -> Any:
    from techpolicy.cli import read_json
    from techpolicy.law.facts import parse_facts

    data = read_json(path, field)
    if not isinstance(data, dict):
        raise _input_error(f"{field} is a JSON object", field)
    return parse_facts(model, data)  # InvalidFacts names the field


def _guarded(run: Callable[[], int]) -> int:
    """`run`, with invalid input answered as the other commands answer it: JSON on stderr, exit 2."""
    from techpolicy.cli import InputError
    from techpolicy.law.facts import InvalidFacts

    try:
        return run()
    except InputError as exc:
        return _error(str(exc), exc.field)
    except InvalidFacts as exc:
        first = exc.errors[0] if exc.errors else {"field": None, "message": str(exc)}
        return _error(first["message"], first["field"], errors=exc.errors)


def _error(message: str, field: str | None, **extra: Any) -> int:
    print(json.dumps({"error": message, "field": field, **extra}, ensure_ascii=False), file=sys.stderr)
    return EXIT_INVALID


def _checked_obligations(plan: Plan) -> list[Obligation]:
    """Every obligation of the plan, after naming the field of a repeated number or an unknown key."""
    numbers: set[str] = set()
    for index, item in enumerate(plan.items):
        if item.number in numbers:
            raise _input_error(f"item number {item.number!r} is used twice", f"items[{index}].number")
        numbers.add(item.number)
    obligations = expand_plan(plan.items)
    keys = {o.key for o in obligations}
    for index, submission in enumerate(plan.submissions):
        if submission.key not in keys:
            raise _input_error(f"no obligation has the key {submission.key!r}", f"submissions[{index}].key")
    return obligations


def obligations_command(plan_path: str, year: int | str, on: dt.date | str | None = None) -> int:
    """Print the obligations of `year` (002.s7.ap) with their timeliness on `on`; exit 0, or 2."""

    def run() -> int:
        chosen, day = _year(year), _on(on)
        plan = _load(plan_path, Plan, "PLAN")
        obligations = [o for o in _checked_obligations(plan) if o.year == chosen]
        submitted = submitted_on(plan.submissions)
        rows = []
        for obligation in obligations:
            row = obligation.model_dump(mode="json")
            row["timeliness"] = timeliness(obligation, submitted.get(obligation.key), day).model_dump(mode="json")
            rows.append(row)
        _print_json({"demo": plan.demo, "year": chosen, "on": day.isoformat(), "count": len(rows),
                     "overdue": [o.key for o in overdue(obligations, day, submitted)], "obligations": rows})
        return EXIT_OK

    return _guarded(run)


def _check_indicators(data: IndicatorSet) -> dict[str, Indicator]:
    by_code: dict[str, Indicator] = {}
    for index, indicator in enumerate(data.indicators):
        if indicator.code in by_code:
            raise _input_error(f"indicator code {indicator.code!r} is used twice", f"indicators[{index}].code")
        by_code[indicator.code] = indicator
    seen: set[tuple[str, int]] = set()
    for index, actual in enumerate(data.actuals):
        indicator = by_code.get(actual.indicator)
        if indicator is None:
            raise _input_error(f"no indicator has the code {actual.indicator!r}", f"actuals[{index}].indicator")
        if actual.year <= indicator.base_year:
            raise _input_error(f"year {actual.year} is not after the base year {indicator.base_year}",
                               f"actuals[{index}].year")
        if (actual.indicator, actual.year) in seen:
            # One row per indicator and year: a correction replaces the actual, it does not add one.
            raise _input_error(f"a second actual of {actual.indicator} for {actual.year}", f"actuals[{index}].year")
        seen.add((actual.indicator, actual.year))
    return by_code


def status_command(indicators_path: str, year: int | str, on: dt.date | str | None = None) -> int:
    """Print every indicator's status for `year` (000.ttp.monitor); exit 1 if one is not reached."""

    def run() -> int:
        chosen, day = _year(year), _on(on)
        data = _load(indicators_path, IndicatorSet, "INDICATORS")
        by_code = _check_indicators(data)
        # Grouped once: each indicator reads only its own actuals (1,000 indicators x 100,000 actuals).
        actuals: dict[str, list[Actual]] = {code: [] for code in by_code}
        for actual in data.actuals:
            actuals[actual.indicator].append(actual)
        results = [status(indicator, actuals[code], chosen, day) for code, indicator in by_code.items()]
        counts = {outcome: sum(r.outcome == outcome for r in results)
                  for outcome in ("reached", "not_reached", "no_target", "no_actual")}
        _print_json({"demo": data.demo, "year": chosen, "on": day.isoformat(), "counts": counts,
                     "indicators": [r.as_dict() for r in results]})
        return EXIT_NEGATIVE if counts["not_reached"] else EXIT_OK

    return _guarded(run)


def register(commands: argparse._SubParsersAction) -> None:
    """Add `monitor obligations` and `monitor status` to the command line's sub-parsers."""
    parser = commands.add_parser("monitor", help="monitoring: action-plan obligations, indicator status")
    subcommands = parser.add_subparsers(dest="monitor_command", metavar="COMMAND", required=True)
    plan = subcommands.add_parser("obligations", help="a year's obligations of an action plan, with timeliness")
    plan.add_argument("plan", metavar="PLAN", help="the plan as a JSON file")
    plan.add_argument("--year", required=True, help="the period year")
    plan.add_argument("--on", help="the date of the timeliness (default: today)")
    plan.set_defaults(handler=lambda args: obligations_command(args.plan, args.year, args.on))
    indicators = subcommands.add_parser("status", help="each indicator's status for a year: reached, gap")
    indicators.add_argument("indicators", metavar="INDICATORS", help="indicators and actuals as a JSON file")
    indicators.add_argument("--year", required=True, help="the year compared")
    indicators.add_argument("--on", help="the date whose targets are in force (default: today)")
    indicators.set_defaults(handler=lambda args: status_command(args.indicators, args.year, args.on))
