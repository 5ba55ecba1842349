"""One definition decides one case and a population: `rules.evaluate_frame` over a frame of act 001
facts gives, row by row, the statuses and the outcome `rules.evaluate` gives on each case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import polars as pl

from techpolicy.law import columnar, rules
from techpolicy.law.procedure import Procedure


def assert_population_agrees(procedure: Procedure, cases: Sequence[tuple[Any, dt.date]],
                             **kwargs: Any) -> set[str]:
    """`cases` are (facts, decision date); `kwargs` are the parameters, calendar and references of
    both evaluations. Fails naming the first row and rule that differ; returns the outcomes seen."""
    facts = [procedure.parse(f) for f, _ in cases]
    days = [on for _, on in cases]
    references = {**procedure.references(), **kwargs.pop("references", {})}
    frame = columnar.frame_of(procedure.facts, facts).with_columns(pl.Series(columnar.ON, days, dtype=pl.Date))
    population = rules.evaluate_frame(procedure.rules, procedure.facts, frame, reference=references, **kwargs)
    assert population.height == len(cases)
    assert population.columns == [r.id for r in procedure.rules] + ["outcome"]
    for number, (row, one, on) in enumerate(zip(population.iter_rows(named=True), facts, days, strict=True)):
        verdict = rules.evaluate("case", procedure.rules, one, on, reference=references, **kwargs)
        expected = {r.rule_id: r.status for r in verdict.results}
        got = {rule_id: rules.STATUSES[row[rule_id]] for rule_id in expected}
        assert got == expected, f"row {number} ({on})"
        assert row["outcome"] == verdict.outcome, f"row {number} ({on})"
    return set(population["outcome"])
