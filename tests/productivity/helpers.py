"""Facts of each instrument that pass the programme on their application date, and the paths that
drive them through the workflows of section 5.4 (seed 004)."""

import pytest
from django.utils import translation

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.services.productivity.demo import efficiency_facts, improvement_facts, training_facts
from tests import factories

SIGNED = {"signed_on": "2015-10-05", "statistics_consent": "on"}
PAID = {"paid_on": "2015-10-09", "reference": "PO-2015-10-0917"}
RETURNED = {"returned_on": "2016-04-15", "reference": "RET-0003", "reason": "Services not rendered (p. 9(3))."}
MID = {"mid_decision_number": "MID-17", "mid_decision_date": "2015-08-20"}

DIRECT_PATH = (("submit", {}), ("confirm_complete", {}), ("approve", {}), ("send_agreement", {"number": "A-1"}),
               ("return_signed", SIGNED), ("pay", PAID))


def path_to(state: str, path=DIRECT_PATH, states=None):
    """The steps of `path` up to (and including) the one that leads to `state`."""
    states = states or {"submitted": 1, "compliance_review": 2, "approved": 3, "agreement_sent": 4,
                        "payment_due": 5, "paid": 6}
    return path[: states[state]]


def training(owner) -> dict:
    """Instrument 3a, direct: 3 000 000 KZT fee for three employees (40 % = 1 200 000) and a per diem."""
    return training_facts(owner.organisation.name, owner.organisation.bin)


def improvement(owner) -> dict:
    """Instrument 4b, direct: 20 000 000 KZT (40 % = 8 000 000)."""
    return improvement_facts(owner.organisation.name, owner.organisation.bin)


def efficiency_nce(owner) -> dict:
    """Instrument 5a through the NCE: 9 000 000 KZT (40 % = 3 600 000)."""
    return efficiency_facts(owner.organisation.name, owner.organisation.bin)


def cluster(owner, instrument: str) -> dict:
    winner = {"7": "cluster_stage1_winner", "8": "cluster_stage2_winner"}[instrument]
    kind = {"7": "cluster_strategy", "8": "cluster_strategy_implementation"}[instrument]
    return {
        "application_date": "2015-09-15", "instrument": instrument,
        "applicant": {"name": owner.organisation.name, "bin": owner.organisation.bin, "oked_codes": ["25.11"],
                      winner: True},
        "costs": [{"id": "c1", "kind": kind, "amount_kzt": "40000000.00", "incurred_on": "2015-08-01"}],
    }


def leasing(owner) -> dict:
    """Instrument 1: a 400 m KZT object in a priority sector, 20 % own cash, 8 years at 5 %."""
    return {
        "application_date": "2015-09-15", "instrument": "1",
        "applicant": {"name": owner.organisation.name, "bin": owner.organisation.bin, "oked_codes": ["25.11"]},
        "leasing": {"project_oked": "25.11", "object_cost_kzt": "400000000", "own_cash_kzt": "80000000",
                    "term_years": "8", "rate_percent": "5", "light_industry": False},
    }


def drive(case, steps, owner, operator):
    return factories.drive_productivity(case, steps, owner, operator)


def refused(case, action, actor, **kwargs) -> str:
    """Fire an action that must be refused; return the reason (in English)."""
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def logged(case) -> list[str]:
    return list(case.transitions.values_list("action", flat=True))
