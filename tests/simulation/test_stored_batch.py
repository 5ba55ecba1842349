"""Issue 11, part 1: the web what-if decides stored applications through the batch path. Each
stored application keeps the facts it was decided on, with the earlier reimbursements they record
(5.3 instrument 3: the caps per person and per enterprise and year count them); the batch path
gives every one the outcome, amount (to the tiyn) and reasons of `assess`, one by one."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from functools import partial

import pytest

from techpolicy.law.acts.act004_productivity2020.facts import ProductivityFacts
from techpolicy.law.facts import parse_facts
from techpolicy.law.parameters import Parameters
from techpolicy.simulation import batch
from techpolicy.simulation.generator import generate
from techpolicy.simulation.population import row_to_facts
from techpolicy.simulation.runner import RESULT_SCHEMA, record_assessment, reform_parameters, results_frame
from techpolicy.simulation.stored import StoredApplication

EVERY_INSTRUMENT = {"2a": 0.1, "2b": 0.1, "3a": 0.3, "3b": 0.2, "4a": 0.1, "4b": 0.05, "5a": 0.05, "5b": 0.05,
                    "7": 0.025, "8": 0.025}


def one_by_one(applications: list[StoredApplication], parameters: Parameters, on: dt.date | None):
    """The reference: every stored application assessed alone, as a case is."""
    records: dict[str, list] = {name: [] for name in (*RESULT_SCHEMA, "_row")}
    for index, item in enumerate(applications):
        meta = {"application_id": item.application_id, "applicant_id": item.applicant_id,
                "instrument": str(item.facts.get("instrument", "")),
                "application_date": batch._date(item.facts.get("application_date")), "_row": index}
        record_assessment(records, meta, partial(parse_facts, ProductivityFacts, dict(item.facts)), parameters, on)
    return results_frame(records)


AMOUNTS = [0, 150_000, 900_000, 2_500_000, 8_500_000]  # tenge reimbursed earlier per person, some at the caps


def _priors(rng: random.Random, row: dict, facts: dict) -> list[dict]:
    """Earlier reimbursements as a stored case records them: of this instrument or another, this
    year or the last, naming some of the application's persons (one of them twice)."""
    persons = [line.get("specialist") or (line.get("employees") or [None])[0] for line in facts["costs"]]
    persons = [p for p in persons if p] or ["P-other"]
    found = []
    for _ in range(rng.randint(0, 3)):
        named = rng.sample(persons, k=min(len(persons), rng.randint(1, 3)))
        if rng.random() < 0.2:
            named.append(named[0])
        year = row["application_date"].year - rng.choice([0, 0, 1])
        found.append({"instrument": rng.choice([row["instrument"], row["instrument"], "4a"]),
                      "decided_on": dt.date(year, rng.randint(1, 12), 1), "amount_kzt": Decimal(1),
                      "persons": [{"id": p, "amount_kzt": Decimal(rng.choice(AMOUNTS))} for p in named]})
    return found


def stored(n: int, seed: int) -> list[StoredApplication]:
    rng = random.Random(seed)
    population = generate(n, seed=seed, mix=EVERY_INSTRUMENT)
    applications = []
    for row in population.iter_rows(named=True):
        facts = row_to_facts(row)
        facts["prior_reimbursements"] = facts["prior_reimbursements"] + _priors(rng, row, facts)
        roll = rng.random()
        if roll < 0.03:
            facts["instrument"] = "6"
        elif roll < 0.05:
            facts["instrument"] = "1"
        elif roll < 0.07:
            facts.pop("application_date")
        elif roll < 0.08:
            facts["instrument"] = "zz"
        elif roll < 0.30 and facts["instrument"] == "3b":
            facts["costs"][0]["employees"] = ["E-stray"]  # the specialist's line names an employee too
        facts = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in facts.items()}
        applications.append(StoredApplication(row["application_id"], row["applicant_id"], facts))
    return applications


@pytest.mark.parametrize("on", [None, dt.date(2016, 1, 15)])
def test_stored_applications_through_the_batch_path_are_decided_as_each_alone(on):
    """5.3: outcome, amount and reasons of every stored application, under the parameters in force
    and under a reform of the 3a share and the per-employee cap, equal `assess` of each alone."""
    applications = stored(1_200, seed=31)
    baseline = Parameters.from_source()
    reform = reform_parameters(baseline, {"p2020.i3a.share": "60", "p2020.i3a.cap_per_employee_kzt": "1500000"})
    prepared = batch.prepare_stored([(a.application_id, a.applicant_id, a.facts) for a in applications], on)
    ours = batch.decide_pair(prepared, baseline, reform)
    for parameters, result in zip((baseline, reform), ours, strict=True):
        theirs = one_by_one(applications, parameters, on)
        differ = result.join(theirs, on="application_id", suffix="_one").filter(
            (result["amount"] != theirs["amount"]) | (result["outcome"] != theirs["outcome"])
            | (result["reasons"] != theirs["reasons"]) | (result["eligible"] != theirs["eligible"]))
        assert differ.height == 0, differ.head(5).to_dicts()
        assert result.equals(theirs)
    outcomes = set(ours[0]["outcome"])
    assert {"granted", "not_eligible", "invalid", "not_available"} <= outcomes, outcomes
    assert (ours[0]["amount"] != ours[1]["amount"]).any()


@pytest.mark.parametrize("facts", [[], [{}], [{"instrument": "3a"}], [{"instrument": "zz", "costs": "x"}]])
def test_no_stored_application_or_none_valid(facts):
    """The what-if before anything is stored, or over facts too malformed to name their fields'
    values: an answer, every row "invalid" naming the field, as `assess` alone."""
    applications = [StoredApplication(f"A{k}", "C1", f) for k, f in enumerate(facts)]
    baseline = Parameters.from_source()
    ours, _ = batch.decide_pair(batch.prepare_stored([(a.application_id, a.applicant_id, a.facts)
                                                      for a in applications], None), baseline, baseline)
    assert ours.equals(one_by_one(applications, baseline, None))
    assert set(ours["outcome"]) <= {"invalid"}
