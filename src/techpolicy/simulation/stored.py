"""What-if over stored applications: each keeps the facts it was decided on, so the comparison
decides those facts (with the earlier reimbursements they record) under the baseline and the
reform, through the batch path (`batch.prepare_stored`): the same rule definitions as `assess`,
over columns; a reform of shares or caps recomputes only the arithmetic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from techpolicy.law.parameters import Parameters

from . import batch
from .runner import SimulationResult


@dataclass(frozen=True)
class StoredApplication:
    application_id: str  # e.g. the case number
    applicant_id: str
    facts: Mapping  # ProductivityFacts as stored


def simulate_stored(applications: Sequence[StoredApplication], baseline: Parameters, reform: Parameters,
                    changes: Mapping[str, str], on: dt.date | None = None):
    """The baseline-vs-reform `Comparison` of stored applications."""
    prepared = batch.prepare_stored([(a.application_id, a.applicant_id, a.facts) for a in applications], on)
    base, changed = batch.decide_pair(prepared, baseline, reform)
    return SimulationResult(base, changed, dict(changes), "batch").compare()
