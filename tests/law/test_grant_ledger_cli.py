"""`techpolicy grants ledger LEDGER.json [--lang kk|ru|en]` (law 003 article 27(3): 003.a27.p3.a1,
003.a27.p3.a2, 003.a27.p3.a3): exit 0 when every entry is allowed, 1 when an entry is refused (with
its rule, requirement id and citation), 2 on invalid input naming the field (stderr, JSON)."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from techpolicy.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "grant-ledger.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ledger_file(tmp_path: Path, change) -> str:
    entries = json.loads(EXAMPLE.read_text("utf-8"))
    change(entries)
    target = tmp_path / "ledger.json"
    target.write_text(json.dumps(entries, ensure_ascii=False), "utf-8")
    return str(target)


def test_the_example_ledger_is_allowed_and_2025_carries_into_2026(capsys):
    """003.a27.p3.a2: the closing balance of 2025 is the opening of 2026; the tables add up (a3)."""
    code, out, _ = run(capsys, "grants", "ledger", str(EXAMPLE), "--lang", "en")
    result = json.loads(out)
    assert code == 0 and result["outcome"] == "allowed" and result["refusals"] == []
    years = {y["financial_year"]: y for y in result["balances"]}
    assert {2025, 2026} <= set(years)
    for year in (2025, 2026):
        y = years[year]
        assert y["allocation_adds_up"] and y["closed_on"] == f"{year}-12-31"
        assert years[year + 1]["carried_in"] == y["carried_out"]
        money = Decimal(y["carried_in"]) + Decimal(y["received"]) + Decimal(y["returned"]) - Decimal(y["paid"])
        assert Decimal(y["carried_out"]) == money
        assert all(Decimal(t["available"]) >= 0 for t in y["types"].values())
        assert sum(Decimal(t["allocated"]) for t in y["types"].values()) == Decimal(y["to_distribute"])


def test_a_return_to_budget_exits_1_with_the_citation_in_kazakh(capsys, tmp_path):
    """003.a27.p3.a2: the balance is not returned to the state budget."""
    def add_return(entries):
        entries.insert(10, {"kind": "return_to_budget", "on": "2025-12-30", "financial_year": 2025,
                            "amount": "1000000.00"})

    code, out, _ = run(capsys, "grants", "ledger", ledger_file(tmp_path, add_return), "--lang", "kk")
    result = json.loads(out)
    assert code == 1 and result["outcome"] == "refused"
    [refusal] = result["refusals"]
    assert (refusal["entry"], refusal["kind"], refusal["requirement"]) == (10, "return_to_budget", "003.a27.p3.a2")
    assert refusal["citation"]["ref"] == "003 a.27 p.3 [indent 2]"
    assert "27-бап" in refusal["citation"]["text"] and "2-абзац" in refusal["citation"]["text"]
    assert "мемлекеттік бюджетке қайтаруға жатпайды" in refusal["reason"]
    assert "1\u00a0000\u00a0000,00 теңге" in refusal["reason"]
    assert any("күнтізбелік жыл" in note for note in result["notes"])  # reading R-F3, in Kazakh


def test_an_over_commitment_exits_1_naming_the_entry_and_003_a27_p3_a3(capsys, tmp_path):
    def over_commit(entries):
        entries[5]["amount"] = "200000000.01"  # international_patenting has 200 000 000,00 in 2025
        entries[8]["amount"] = "200000000.01"

    code, out, _ = run(capsys, "grants", "ledger", ledger_file(tmp_path, over_commit), "--lang", "ru")
    refusals = json.loads(out)["refusals"]
    assert code == 1
    assert [(x["entry"], x["rule"], x["requirement"]) for x in refusals][0] == (5, "fund.over_commitment",
                                                                                "003.a27.p3.a3")
    assert "меньше суммы обязательства" in refusals[0]["reason"]


def test_without_lang_the_texts_come_in_all_three_languages(capsys, tmp_path):
    def not_in_full(entries):
        entries[1]["amount"] = "4999999999.99"

    code, out, _ = run(capsys, "grants", "ledger", ledger_file(tmp_path, not_in_full))
    first = json.loads(out)["refusals"][0]
    assert code == 1 and first["requirement"] == "003.a27.p3.a1"
    assert set(first["reason"]) == {"kk", "ru", "en"} and "толық көлемінде" in first["reason"]["kk"]


def _invalid(capsys, path: str) -> dict:
    code, out, err = run(capsys, "grants", "ledger", path)
    assert code == 2 and out == ""
    return json.loads(err)


def test_invalid_input_exits_2_naming_the_field(capsys, tmp_path):
    def bad_amount(entries):
        entries[1]["amount"] = "12.345"

    assert _invalid(capsys, ledger_file(tmp_path, bad_amount))["field"] == "[1].transfer_in.amount"

    def unknown_type(entries):
        entries[3]["grant_type"] = "tourism"

    assert _invalid(capsys, ledger_file(tmp_path, unknown_type))["field"] == "[3].commitment.grant_type"


def test_a_file_that_is_no_ledger_exits_2(capsys, tmp_path):
    not_list = tmp_path / "object.json"
    not_list.write_text('{"kind": "year_close"}', "utf-8")
    assert _invalid(capsys, str(not_list))["field"] == "LEDGER"
    broken = tmp_path / "broken.json"
    broken.write_text("[{", "utf-8")
    assert _invalid(capsys, str(broken))["field"] == "LEDGER"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    assert _invalid(capsys, str(deep))["field"] == "LEDGER"
    assert _invalid(capsys, str(tmp_path / "missing.json"))["field"] == "LEDGER"


def test_the_command_imports_no_django():
    """The ledger command and the law layer's ledger run without a configured site."""
    code = ("import sys, techpolicy.cli, techpolicy.services.innovation_grants.commands, "
            "techpolicy.law.acts.act003_state_support.fund; "
            "print(sorted(m for m in sys.modules if m.startswith('django')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
