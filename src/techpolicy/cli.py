"""The `techpolicy` command: the law layer from the shell.

    techpolicy check PROCEDURE FACTS.json [--on DATE] [--lang kk|ru|en] [--references LISTS.json]
    techpolicy check support-measure MEASURE FACTS.json [--on DATE] [--lang kk|ru|en] [--references LISTS.json]
    techpolicy schema PROCEDURE | schema support-measure MEASURE
    techpolicy reimburse INSTRUMENT FACTS.json [--on DATE] [--lang kk|ru|en]
    techpolicy supplement [--degree D ...] [--title T ...] --year YEAR [--lang kk|ru|en]
    techpolicy workdays add DATE N | count FROM TO | before DATE N
    techpolicy grants ledger LEDGER.json [--lang kk|ru|en]
    techpolicy monitor obligations PLAN.json --year YEAR [--on DATE]
    techpolicy monitor status INDICATORS.json --year YEAR [--on DATE]

Exit codes: 0 a positive outcome (or a plain answer), 1 a negative outcome (including "not in
force"), 2 invalid input, reported on stderr as JSON `{"error": ..., "field": ...}`.

PROCEDURE is any procedure of the law layer's catalogue offered to the command line
(`law.procedure.catalogue()`, e.g. technopark, productivity2020): an act declares it once and it
appears here. A procedure named FAMILY.MEMBER (support-measure.leasing) is asked for as FAMILY
MEMBER. --references gives the reference lists a procedure reads (a JSON object, list name ->
{code: names}), e.g. the priority directions of innovation grants, which no source document holds.
No business rules live here; a new command is one entry in `COMMANDS`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from techpolicy.forecasting.commands import add_commands as _add_forecast
from techpolicy.law.acts.act002_science_territories.commands import add_command as _add_supplement
from techpolicy.law.acts.act004_productivity2020.facts import ProductivityFacts
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS
from techpolicy.law.acts.act004_productivity2020.programme import assess
from techpolicy.law.calendar import WorkingCalendar
from techpolicy.law.facts import InvalidFacts, parse_facts
from techpolicy.law.parameters import ParameterError
from techpolicy.law.procedure import DateNeeded, Procedure, catalogue
from techpolicy.monitoring.commands import register as _add_monitor
from techpolicy.services.innovation_grants.commands import add_commands as _add_grants
from techpolicy.simulation.commands import add_commands as _add_simulation

EXIT_OK, EXIT_NEGATIVE, EXIT_INVALID = 0, 1, 2


def procedures() -> dict[str, Procedure]:
    """The procedures the command line offers: every one of the catalogue declared with `cli=True`."""
    return {name: procedure for name, procedure in catalogue().items() if procedure.cli}


def _families() -> dict[str, dict[str, Procedure]]:
    """FAMILY -> MEMBER -> procedure, of the procedures named FAMILY.MEMBER."""
    found: dict[str, dict[str, Procedure]] = {}
    for name, procedure in procedures().items():
        if "." in name:
            family, member = name.split(".", 1)
            found.setdefault(family, {})[member] = procedure
    return found


def _choices() -> list[str]:
    return sorted([name for name in procedures() if "." not in name] + list(_families()))


def _procedure_of(args: argparse.Namespace, operands: int) -> tuple[Procedure, list[str]]:
    """The procedure asked for and the remaining operands (`operands` of them are expected)."""
    rest = list(args.operands)
    family = _families().get(args.procedure)
    if family is not None:
        if not rest or rest[0] not in family:
            raise InputError(f"{args.procedure}: MEMBER is one of {', '.join(sorted(family))}", "MEMBER")
        procedure = family[rest.pop(0)]
    else:
        procedure = procedures()[args.procedure]
    if len(rest) != operands:
        raise InputError(f"{procedure.name}: expected {operands} more argument(s), got {len(rest)}", "FACTS")
    return procedure, rest


class InputError(Exception):
    """Invalid input: printed as `{"error": message, "field": field}` with exit code 2."""

    def __init__(self, message: str, field: str | None, **extra: Any):
        super().__init__(message)
        self.field = field
        self.extra = extra


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"invalid date {text!r}: expected YYYY-MM-DD", field) from None


def _integer(text: str, field: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError(f"invalid integer {text!r}", field) from None


# The largest input file read: a ledger of the most entries allowed (100,000) fits well within it.
MAX_INPUT_BYTES = 64 * 1024 * 1024


def read_json(path: str, field: str) -> Any:
    """The JSON value of the file at `path`, or `InputError` naming `field` (unreadable, too large,
    malformed, nested too deep)."""
    try:
        if os.path.getsize(path) > MAX_INPUT_BYTES:
            raise InputError(f"{path} is larger than {MAX_INPUT_BYTES} bytes", field)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", field) from None
    try:
        # Decimal for every JSON number with a fraction: shares and money are never floats.
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        message = f"malformed JSON in {path}: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise InputError(message, field) from None
    except (RecursionError, ValueError) as exc:  # nesting too deep, an integer too long
        raise InputError(f"malformed JSON in {path}: {exc}", field) from None


# --- commands ------------------------------------------------------------------------------------


def _references(path: str | None) -> dict[str, Any] | None:
    if path is None:
        return None
    data = read_json(path, "--references")
    if not isinstance(data, dict) or not all(isinstance(v, dict | list) for v in data.values()):
        raise InputError("--references is a JSON object: list name -> {code: names} or [codes]", "--references")
    return {key: value if isinstance(value, dict) else dict.fromkeys(map(str, value), {})
            for key, value in data.items()}


def _check(args: argparse.Namespace) -> int:
    procedure, (facts,) = _procedure_of(args, 1)
    data = read_json(facts, "FACTS")
    on = _date(args.on, "--on") if args.on else None
    references = _references(args.references)
    try:
        verdict = procedure.evaluate(data, on=on, references=references)
    except DateNeeded:
        raise InputError(f"the facts of {procedure.name} carry no date: give --on DATE", "--on") from None
    _print_json(verdict.as_dict(args.lang))
    return EXIT_OK if verdict.eligible else EXIT_NEGATIVE


def _reimburse(args: argparse.Namespace) -> int:
    data = read_json(args.facts, "FACTS")
    on = _date(args.on, "--on") if args.on else None
    facts = parse_facts(ProductivityFacts, data)
    if facts.instrument != args.instrument:
        raise InputError(
            f"INSTRUMENT {args.instrument!r} disagrees with instrument {facts.instrument!r} in the facts",
            "INSTRUMENT",
        )
    assessment = assess(facts, on=on)
    _print_json(assessment.as_dict(args.lang))
    return EXIT_OK if assessment.granted else EXIT_NEGATIVE


def _schema(args: argparse.Namespace) -> int:
    procedure, _ = _procedure_of(args, 0)
    _print_json(procedure.schema())
    return EXIT_OK


def _workdays(args: argparse.Namespace) -> int:
    calendar = WorkingCalendar()
    if args.operation == "count":
        start, end = _date(args.start, "FROM"), _date(args.end, "TO")
        print(calendar.count(start, end))
        return EXIT_OK
    day, days = _date(args.date, "DATE"), _integer(args.days, "N")
    result = (
        calendar.add(day, days) if args.operation == "add" else calendar.latest_before(day, days)
    )
    print(result.isoformat())
    return EXIT_OK


def _procedure_help() -> str:
    text = "; ".join(f"{name}: {p.title['en']}" for name, p in sorted(procedures().items()) if "." not in name)
    text += "".join(f"; {family} MEMBER ({', '.join(sorted(members))})" for family, members in _families().items())
    return text.replace("%", "%%")  # argparse formats help with %


def _add_check(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="decide a case: prints the verdict as JSON")
    parser.add_argument("procedure", metavar="PROCEDURE", choices=_choices(), help=_procedure_help())
    parser.add_argument("operands", metavar="[MEMBER] FACTS", nargs="+", help="facts as a JSON file")
    parser.add_argument("--on", help="date whose law applies (default: the application date)")
    parser.add_argument("--references", metavar="LISTS", help="reference lists as a JSON file")
    parser.add_argument(
        "--lang", choices=("kk", "ru", "en"), help="language of the texts (default: all three)"
    )
    parser.set_defaults(handler=_check)


def _add_reimburse(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "reimburse", help='"Productivity 2020": eligibility and the reimbursement, line by line, as JSON'
    )
    parser.add_argument("instrument", metavar="INSTRUMENT", choices=sorted(INSTRUMENTS), help="e.g. 3a, 4b, 7")
    parser.add_argument("facts", metavar="FACTS", help="facts as a JSON file")
    parser.add_argument("--on", help="date whose parameters apply (default: the application date)")
    parser.add_argument(
        "--lang", choices=("kk", "ru", "en"), help="language of the texts (default: all three)"
    )
    parser.set_defaults(handler=_reimburse)


def _add_schema(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("schema", help="print the JSON Schema of a procedure's facts")
    parser.add_argument("procedure", metavar="PROCEDURE", choices=_choices(), help=_procedure_help())
    parser.add_argument("operands", metavar="MEMBER", nargs="*", help="the member of a family")
    parser.set_defaults(handler=_schema)


def _add_workdays(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("workdays", help="Kazakhstan working-day arithmetic")
    operations = parser.add_subparsers(dest="operation", required=True)
    add = operations.add_parser("add", help="the N-th working day after DATE")
    add.add_argument("date", metavar="DATE")
    add.add_argument("days", metavar="N")
    count = operations.add_parser("count", help="working days in (FROM, TO]")
    count.add_argument("start", metavar="FROM")
    count.add_argument("end", metavar="TO")
    before = operations.add_parser(
        "before", help='the last date still "no later than N working days before DATE"'
    )
    before.add_argument("date", metavar="DATE")
    before.add_argument("days", metavar="N")
    parser.set_defaults(handler=_workdays)


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_check,
    _add_schema,
    _add_reimburse,
    _add_supplement,
    _add_workdays,
    _add_simulation,
    _add_forecast,
    _add_grants,
    _add_monitor,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="techpolicy", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for add_command in COMMANDS:
        add_command(commands)
    return parser


def _error(message: str, field: str | None, **extra: Any) -> int:
    print(
        json.dumps({"error": message, "field": field, **extra}, ensure_ascii=False), file=sys.stderr
    )
    return EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_INVALID
    try:
        return args.handler(args)
    except BrokenPipeError:  # output piped into e.g. `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except InputError as exc:
        return _error(str(exc), exc.field, **exc.extra)
    except InvalidFacts as exc:
        first = exc.errors[0] if exc.errors else {"field": None, "message": str(exc)}
        return _error(first["message"], first["field"], errors=exc.errors)
    except ParameterError as exc:
        return _error(str(exc), None, parameter=exc.name, on=exc.on.isoformat())


if __name__ == "__main__":
    sys.exit(main())
