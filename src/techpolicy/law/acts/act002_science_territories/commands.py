"""The `techpolicy supplement` command (act 002, section 2, part 2), registered once in `techpolicy.cli`.

    techpolicy supplement [--degree D ...] [--title T ...] --year YEAR [--lang kk|ru|en]

Prints the monthly supplement as JSON: the row applied, the multiple and the MCI in force on
1 January of YEAR, each with its date and citation, and the amount in tenge. Exit 0 when a row
matches, 1 when none does (a title without a degree), 2 for invalid input (a year outside
1990-2100, or one whose 1 January precedes the table or the MCI).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .supplements import DEGREES, MAX_YEAR, MIN_YEAR, TITLES, supplement


def _input_error(message: str, field: str | None) -> Exception:
    from techpolicy.cli import InputError  # late: techpolicy.cli imports this module

    return InputError(message, field)


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise _input_error(f"invalid year {text[:20]!r}", "--year") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _input_error(f"year {year} outside {MIN_YEAR}-{MAX_YEAR}", "--year")
    return year


def _supplement(args: argparse.Namespace) -> int:
    try:
        result = supplement(args.degree or (), args.title or (), _year(args.year))
    except ValueError as exc:  # an operator's date rule that is not "MM-DD"
        raise _input_error(str(exc), None) from None
    print(json.dumps(result.as_dict(args.lang), indent=2, ensure_ascii=False, default=str))
    return 0 if result.granted else 1


def add_command(commands: Any) -> None:
    parser = commands.add_parser(
        "supplement", help="monthly supplement of a scientific worker for degrees and titles (act 002), as JSON")
    parser.add_argument("--degree", action="append", choices=sorted(DEGREES), help="a degree (repeatable)")
    parser.add_argument("--title", action="append", choices=sorted(TITLES), help="a title (repeatable)")
    parser.add_argument("--year", required=True, help="the financial year: its 1 January MCI applies")
    parser.add_argument("--lang", choices=("kk", "ru", "en"), help="language of the texts (default: all three)")
    parser.set_defaults(handler=_supplement)
