"""The pre-check of 001 p.7(4) against hostile ownership graphs: a "diamond ladder" (two entities
per layer, each held 50/50 by both entities of the next layer, the top layer the state), whose
ownership paths double with every layer, and a straight chain longer than any bound; with a
one-shareholder pre-check as the baseline. Through the API and the web form, which expresses the
same graph as rows "HOLDER holds SHARE % of OWNED" (OWNED blank: the applicant)."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass

import requests

from .client import Client

TIMEOUT = 60


def _pair(layer: int) -> tuple[str, str]:
    return f"L{layer}A", f"L{layer}B"


def ladder_rows(layers: int) -> list[tuple[str, str, str, str]]:
    """(holder, kind, share, owned) rows of the ladder; owned "" is the applicant."""
    rows = [(holder, "state" if layers == 1 else "legal_entity", "50", "") for holder in _pair(1)]
    for layer in range(2, layers + 1):
        kind = "state" if layer == layers else "legal_entity"
        rows += [(holder, kind, "50", owned) for owned in _pair(layer - 1) for holder in _pair(layer)]
    return rows


def chain_rows(length: int) -> list[tuple[str, str, str, str]]:
    rows = [("E1", "legal_entity", "100", "")]
    rows += [(f"E{n}", "natural_person" if n == length else "legal_entity", "100", f"E{n - 1}")
             for n in range(2, length + 1)]
    return rows


def baseline_rows() -> list[tuple[str, str, str, str]]:
    return [("Founder", "natural_person", "100", "")]


def ownership_facts(rows) -> dict:
    """The API's ownership facts for the same rows."""
    entities: dict[str, dict] = {}
    direct = []
    for holder, kind, share, owned in rows:
        entities.setdefault(holder, {"id": holder, "name": holder, "kind": kind, "shareholders": []})["kind"] = kind
        edge = {"holder": holder, "share": share}
        if owned:
            entities.setdefault(owned, {"id": owned, "name": owned, "kind": "legal_entity", "shareholders": []})
            entities[owned]["shareholders"].append(edge)
        else:
            direct.append(edge)
    return {"shareholders": direct, "entities": list(entities.values())}


@dataclass
class Measured:
    name: str
    status: int | str
    seconds: float
    request_bytes: int
    response_bytes: int
    note: str = ""


def _timed(name: str, send, body_size: int) -> Measured:
    started = time.perf_counter()
    try:
        answer = send()
    except requests.Timeout:
        return Measured(name, f"timeout {TIMEOUT} s", time.perf_counter() - started, body_size, 0)
    except requests.RequestException as exc:
        return Measured(name, type(exc).__name__, time.perf_counter() - started, body_size, 0)
    elapsed = time.perf_counter() - started
    note = ""
    if answer.headers.get("Content-Type", "").startswith("text/html"):
        outcome = re.search(r'data-outcome="([^"]*)"', answer.text)
        title = re.search(r"<title>(.*?)</title>", answer.text, re.S)
        errors = answer.text.count('class="errorlist')
        note = (f"outcome={outcome.group(1)}" if outcome else f"no verdict, {errors} form errors"
                + (f", page: {' '.join(title.group(1).split())}" if title else ""))
    elif answer.headers.get("Content-Type", "").startswith("application/json"):
        try:
            data = answer.json()
            note = f"outcome={data.get('outcome')}" if "outcome" in data else json.dumps(data)[:110]
        except ValueError:
            note = "invalid JSON"
    return Measured(name, answer.status_code, elapsed, body_size, len(answer.content), note)


def via_api(client: Client, name: str, facts: dict, rows) -> Measured:
    body = json.dumps({**facts, "ownership": ownership_facts(rows)}).encode()
    return _timed(f"API: {name}", lambda: client.session.post(
        client.url("/api/v1/technopark/precheck?lang=en"), data=body, timeout=TIMEOUT,
        headers={"Content-Type": "application/json"}), len(body))


def via_form(client: Client, name: str, today: dt.date, rows) -> Measured:
    form, _html = client.form("/kk/technopark/precheck/")
    fields = {"a-name": "Ladder LLP", "a-bin": "991240000002", "a-legal_form": "legal_entity", "a-resident": "on",
              "a-activity_types": "S-01", "t-application_date": today.isoformat(),
              "t-tax_issued_on": (today - dt.timedelta(days=3)).isoformat(), "t-tax_debt_kzt": "0",
              "o-TOTAL_FORMS": str(len(rows)), "o-INITIAL_FORMS": "0"}
    for n, (holder, kind, share, owned) in enumerate(rows):
        fields |= {f"o-{n}-holder": holder, f"o-{n}-kind": kind, f"o-{n}-share": share, f"o-{n}-owned": owned}
    data = [(k, v) for k, v in form.data(fields) if not (k.startswith("o-") and k not in fields)]
    size = len(requests.models.RequestEncodingMixin._encode_params(data))
    return _timed(f"web form: {name}", lambda: client.session.post(
        form.action, data=data, timeout=TIMEOUT, headers={"Referer": form.action}), size)


def run(base: str, facts: dict, today: dt.date, layers: int, chain: int, rss) -> list[Measured]:
    """Each graph through both doors, one request at a time; `rss()` is the server's memory in MB."""
    client = Client(base)
    client.csrf()
    graphs = [("one shareholder (baseline)", baseline_rows()), (f"{layers}-layer ladder", ladder_rows(layers)),
              (f"{chain}-entity chain", chain_rows(chain))]
    out = []
    for name, rows in graphs:
        for door in (via_api, via_form):
            before = rss()
            measured = door(client, name, facts, rows) if door is via_api else door(client, name, today, rows)
            grown = rss() - before
            if grown > 5:
                measured.note = f"{measured.note} server +{grown:.0f} MB".strip()
            out.append(measured)
    return out


def table(results: list[Measured]) -> str:
    base = {m.name.split(":")[0]: m.seconds for m in results if "baseline" in m.name}
    header = f"{'pre-check':<42} {'status':>12} {'seconds':>8} {'× base':>7} {'request':>10} {'response':>11}  note"
    lines = [header, "-" * len(header)]
    for m in results:
        ratio = m.seconds / base[m.name.split(":")[0]] if base.get(m.name.split(":")[0]) else float("nan")
        lines.append(f"{m.name:<42} {m.status!s:>12} {m.seconds:>8.3f} {ratio:>7.1f} "
                     f"{m.request_bytes / 1024:>8.1f}kB {m.response_bytes / 1024:>9.1f}kB  {m.note[:90]}")
    return "\n".join(lines)
