"""The property-based API fuzzer (schemathesis, pinned in the dev extra) against the live server's
OpenAPI document, every check on, a bounded number of examples per operation; its NDJSON event
log is read back for the figures: calls made, 5xx answers, failed checks by name."""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .server import BIN


@dataclass
class FuzzResult:
    label: str
    calls: int = 0
    server_errors: int = 0
    failed_checks: Counter = field(default_factory=Counter)  # check name -> failing test cases
    unique_failures: str = "?"
    errors: int = 0
    seconds: float = 0.0
    exit_status: int | str = ""
    operations: Counter = field(default_factory=Counter)  # operation -> 5xx answers
    kinds: list[str] = field(default_factory=list)  # each failure kind of the run report, with its operations


def _read(log: Path, result: FuzzResult) -> None:
    for line in log.open(encoding="utf-8"):
        event = json.loads(line)
        if "NonFatalError" in event:
            result.errors += 1
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished.get("recorder") or {}
        for interaction in (recorder.get("interactions") or {}).values():
            result.calls += 1
            response = interaction.get("response") or {}
            if response.get("status_code", 0) >= 500:
                result.server_errors += 1
                result.operations[recorder.get("label", "?")] += 1
        for checks in (recorder.get("checks") or {}).values():
            for check in {c["name"] for c in checks if c.get("status") == "failure"}:
                result.failed_checks[check] += 1


def run(schema_url: str, label: str, examples: int, headers: dict[str, str], timeout: float) -> FuzzResult:
    result = FuzzResult(label)
    with tempfile.TemporaryDirectory(prefix="hostile-fuzz-") as folder:
        command = [str(BIN / "schemathesis"), "run", schema_url, "--checks", "all", "--max-examples", str(examples),
                   "--seed", "2026", "--workers", "1", "--no-shrink", "--request-timeout", "60",
                   "--report", "ndjson,json", "--report-dir", folder]
        for name, value in headers.items():
            command += ["--header", f"{name}: {value}"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
            result.exit_status = done.returncode
        except subprocess.TimeoutExpired:
            result.exit_status = f"stopped after {timeout:.0f} s"
        for log in Path(folder).glob("*.ndjson"):
            _read(log, result)
        for path in Path(folder).glob("*.json"):  # the run report: totals and each kind of failure
            report = json.loads(path.read_text(encoding="utf-8"))
            result.unique_failures = str(report.get("test_cases", {}).get("unique_failures", "?"))
            result.seconds = report.get("running_time", 0.0)
            result.kinds += [f"{f['code']} {f['title']} ({f['count']}): {', '.join(f['operations'])}"
                             for f in report.get("failures", [])]
    return result


def table(results: list[FuzzResult]) -> str:
    lines = []
    for r in results:
        checks = ", ".join(f"{name} {n}" for name, n in r.failed_checks.most_common()) or "none"
        lines.append(f"{r.label}: {r.calls} calls in {r.seconds:.0f} s, {r.server_errors} answers 5xx, "
                     f"{r.unique_failures} unique failures, {r.errors} fuzzer errors (exit {r.exit_status})")
        lines.append(f"    failed checks (test cases): {checks}")
        lines += [f"    {kind}" for kind in r.kinds]
        if r.operations:
            lines.append("    5xx by operation: " + ", ".join(f"{op} {n}" for op, n in r.operations.most_common()))
    return "\n".join(lines)
