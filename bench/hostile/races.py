"""20 identical requests at once: threads released together by a barrier, each answer classified,
and the records the endpoint must not duplicate counted in the database before and after."""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from .client import PASSWORD, Client

PARALLEL = 20


@dataclass
class Shot:
    """One request to repeat: who sends it, where, and what to count.

    `count` returns the number of the records the endpoint must not duplicate. With `grow`, exactly
    one more may appear (a version, a transition log line); otherwise at most `allowed` may exist in
    all (one open case per organisation and workflow, one vote per member, one current document per
    kind). Without `count` (read-only POSTs such as a pre-check) nothing is counted; with
    `one_winner`, more than one success message is counted as duplicates (an answer that cannot be
    stored twice, where a second "saved" means a lost update)."""

    client: Client
    path: str
    count: Callable[[], int] | None = None
    grow: bool = False
    allowed: int = 1
    one_winner: bool = False
    api: bool = False
    kwargs: dict = field(default_factory=dict)


@dataclass
class Outcome:
    name: str
    answers: Counter = field(default_factory=Counter)  # success / refusal / 5xx / unclear / error
    statuses: Counter = field(default_factory=Counter)
    duplicates: int | None = None
    seconds: float = 0.0
    skipped: str = ""
    samples: dict = field(default_factory=dict)  # status -> the first answer's message or text


def classify(status: int, text: str, messages: list, api: bool) -> str:
    """success: a 2xx API answer, or a 2xx/3xx whose page says so (or says nothing and shows no
    form errors: the sign-up redirects without a message); refusal: 4xx, or a page whose message
    (base.html renders them as <li class="error|warning|info" role="status">) or form errors say
    no; unclear: only messages of another kind."""
    if status >= 500:
        return "5xx"
    if status >= 400:
        return "refusal"
    tags = " ".join(tag for tag, _text in messages)
    if any(word in tags for word in ("error", "warning", "info")):
        return "refusal"
    if "success" in tags or api:
        return "success"
    if 'class="errorlist' in text or "has-error" in text:
        return "refusal"
    return "unclear" if messages else "success"


class Sessions:
    """Signed-in clients by user name, each signed in once."""

    def __init__(self, base: str):
        self.base = base
        self._clients: dict[str, Client] = {}

    def anonymous(self) -> Client:
        client = Client(self.base)
        client.csrf()
        return client

    def user(self, username: str, password: str = PASSWORD) -> Client:
        if username not in self._clients:
            self._clients[username] = Client(self.base).login(username, password)
        return self._clients[username]


def fire(shot: Shot, parallel: int = PARALLEL) -> tuple[list[tuple[str, int, str]], float]:
    """`parallel` copies of the request at once; every thread bounded by the client's timeout."""
    barrier = threading.Barrier(parallel)
    results: list[tuple[str, int, str]] = []
    lock = threading.Lock()

    def one(client: Client) -> None:
        try:
            barrier.wait(timeout=30)
            status, text, messages = client.post(shot.path, **shot.kwargs)
            kind = classify(status, text, messages, shot.api)
            title = re.search(r"<title>(.*?)</title>", text, re.S)
            detail = "; ".join(f"{t}: {m[:80]}" for t, m in messages) or (
                " ".join(title.group(1).split()) if title else " ".join(text[:160].split()))
        except (requests.RequestException, threading.BrokenBarrierError) as exc:
            kind, status, detail = "error", 0, type(exc).__name__
        with lock:
            results.append((kind, status, detail))

    threads = [threading.Thread(target=one, args=(shot.client.clone(),), daemon=True) for _ in range(parallel)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return results, time.perf_counter() - started


def run(name: str, build: Callable[[Sessions], Shot], sessions: Sessions) -> Outcome:
    outcome = Outcome(name)
    try:
        shot = build(sessions)
    except (LookupError, RuntimeError, requests.RequestException) as exc:
        outcome.skipped = f"not run: {exc}"
        return outcome
    before = shot.count() if shot.count else None
    results, outcome.seconds = fire(shot)
    for kind, status, detail in results:
        outcome.answers[kind] += 1
        outcome.statuses[status] += 1
        outcome.samples.setdefault(status, detail)
    found = []
    if shot.count is not None:
        found.append(shot.count() - (before + 1 if shot.grow else shot.allowed))
    if shot.one_winner:
        found.append(outcome.answers["success"] - 1)
    outcome.duplicates = max(0, *found) if found else None
    return outcome


def table(outcomes: list[Outcome]) -> str:
    header = (f"{'endpoint':<58} {'success':>7} {'refused':>7} {'5xx':>4} {'other':>5} {'dupl.':>5} "
              f"{'s':>5}  statuses")
    lines = [header, "-" * len(header)]
    for o in outcomes:
        if o.skipped:
            lines.append(f"{o.name[:58]:<58} {o.skipped}")
            continue
        other = o.answers["unclear"] + o.answers["error"]
        duplicates = "n/a" if o.duplicates is None else str(o.duplicates)
        statuses = " ".join(f"{s}×{n}" for s, n in sorted(o.statuses.items()))
        lines.append(f"{o.name[:58]:<58} {o.answers['success']:>7} {o.answers['refusal']:>7} "
                     f"{o.answers['5xx']:>4} {other:>5} {duplicates:>5} {o.seconds:>5.1f}  {statuses}")
        for status, detail in sorted(o.samples.items()):
            if status >= 500 or status in (0, 400, 404, 429) or (status == 200 and o.answers["unclear"]):
                lines.append(f"{'':<6}{status or 'no answer'}: {detail[:140]}")
    return "\n".join(lines)
