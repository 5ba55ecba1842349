"""What-if over stored applications: each keeps the facts it was decided on, so the comparison
assesses those facts (with the prior reimbursements they record) under the baseline and the reform,
with the same `assess` as everything else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from techpolicy.law.acts.act004_productivity2020.facts import ProductivityFacts
from techpolicy.law.facts import parse_facts
from techpolicy.law.parameters import Parameters

from .runner import RESULT_SCHEMA, SimulationResult, record_assessment, results_frame


@dataclass(frozen=True)
class StoredApplication:
    application_id: str  # e.g. the case number
    applicant_id: str
    facts: Mapping  # ProductivityFacts as stored


def _assess_all(applications: Sequence[StoredApplication], parameters: Parameters, on: dt.date | None):
    records: dict[str, list] = {name: [] for name in (*RESULT_SCHEMA, "_row")}
    for index, item in enumerate(applications):
        meta = {
            "application_id": item.application_id,
            "applicant_id": item.applicant_id,
            "instrument": str(item.facts.get("instrument", "")),
            "application_date": _date(item.facts.get("application_date")),
            "_row": index,
        }
        record_assessment(records, meta, partial(parse_facts, ProductivityFacts, dict(item.facts)), parameters, on)
    return results_frame(records)


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def simulate_stored(applications: Sequence[StoredApplication], baseline: Parameters, reform: Parameters,
                    changes: Mapping[str, str], on: dt.date | None = None):
    """The baseline-vs-reform `Comparison` of stored applications."""
    result = SimulationResult(_assess_all(applications, baseline, on), _assess_all(applications, reform, on),
                              dict(changes), "scalar")
    return result.compare()
