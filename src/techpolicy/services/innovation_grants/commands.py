"""The `techpolicy grants` command group (law 003, article 27), registered once in `techpolicy.cli`.

    techpolicy grants ledger LEDGER.json [--lang kk|ru|en]

`ledger` checks the fund ledger of innovation grants on the national operator's current account
(article 27(3): 003.a27.p3.a1 the account and transfers in full, 003.a27.p3.a2 the year-end balance
carried over and spent only on grants, 003.a27.p3.a3 the year's total distributed among all the
grant types) and prints, as JSON, the balances per financial year and grant type, the refusals with
their rule, requirement id and citation, and the notes. Exit codes: 0 every entry allowed, 1 an entry
refused, 2 invalid input (`{"error": ..., "field": ...}` on stderr, e.g. the field "[3].transfer_in.amount").

No Django is imported: the rules are the law layer's (`law.acts.act003_state_support.fund`).
A new sub-command is one more entry in `GRANTS_COMMANDS`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

MAX_REFUSALS_SHOWN = 50  # the rest are counted, as the law layer's validation errors are


def _ledger(args: argparse.Namespace) -> int:
    from techpolicy.cli import InputError, read_json  # late: techpolicy.cli imports this module
    from techpolicy.law.acts.act003_state_support.fund import replay
    from techpolicy.law.acts.act003_state_support.fund_entries import parse_ledger

    data = read_json(args.ledger, "LEDGER")
    if not isinstance(data, list):
        raise InputError("a ledger is a JSON list of entries", "LEDGER")
    entries = parse_ledger(data)  # InvalidFacts names the field; techpolicy.cli answers it with 2
    result = replay(entries)
    lang = args.lang
    shown = result.refusals[:MAX_REFUSALS_SHOWN]
    output = {
        "outcome": "allowed" if result.allowed else "refused",
        "entries": len(entries),
        "refused": len(result.refusals),
        "refusals": [refusal.as_dict(lang) for refusal in shown],
        "refusals_not_shown": len(result.refusals) - len(shown),
        "balances": [year.as_dict() for _, year in sorted(result.state.years.items())],
        "notes": [note.get(lang, "") if lang else note for note in result.notes],
    }
    print(json.dumps(output, indent=2, ensure_ascii=False, default=str))
    return 0 if result.allowed else 1


def _add_ledger(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "ledger", help="check a fund ledger (article 27(3)): balances per financial year and grant type, refusals"
    )
    parser.add_argument("ledger", metavar="LEDGER", help="the ledger as a JSON list of entries")
    parser.add_argument("--lang", choices=("kk", "ru", "en"), help="language of the texts (default: all three)")
    parser.set_defaults(handler=_ledger)


GRANTS_COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "ledger": _add_ledger,
}


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the `grants` group and every sub-command in `GRANTS_COMMANDS`."""
    parser = commands.add_parser("grants", help="innovation grants (law 003, article 27)")
    subcommands = parser.add_subparsers(dest="grants_command", metavar="COMMAND", required=True)
    for add_command in GRANTS_COMMANDS.values():
        add_command(subcommands)
