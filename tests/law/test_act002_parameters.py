"""Act 002's dated parameters (params/002.yaml): the values the seed gives, with their citations and
the Kazakh words they rest on (requirements section 11.1), and the numbers and rules it leaves
unset, as values that raise ParameterNotSet (section 11.2, group E)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from techpolicy.law import display
from techpolicy.law.parameters import ParameterNotInForce, ParameterNotSet, Parameters

SOURCE = Parameters.from_source()
ON = dt.date(2026, 6, 1)
UNSET = [
    "sct.report.due_shift_rule", "sct.status.procedure", "sct.status.agreement_term", "sct.status.government_term",
    "sct.science_city.population_source_rule", "sct.stp.internal_rules", "sct.stp.register_fields",
    "sct.sc.register_fields", "sct.hstc.contribution_method", "sct.hstc.review_period", "sct.nas.weights",
    "sct.nu_stp.target_year", "sct.kpi.i4.accumulation", "sct.kpi.per_territory_split", "sct.plan.due_day_rule",
    "sct.plan.lead_executor_rule", "sct.plan.amounts", "sct.megagrant.amount", "sct.named_scholarship.amount",
    "sct.supplement.legal_basis",
]


@pytest.mark.parametrize("name", UNSET)
def test_group_e_values_the_seed_does_not_set_raise_parameter_not_set(name):
    with pytest.raises(ParameterNotSet):
        SOURCE.get(name, ON)
    (value,) = SOURCE.definition(name).values
    assert value.citation.act == "002" and display.source_quotes(value.source)
    assert display.value_text(value, "kk") is None  # shown as "not set by the source document"


@pytest.mark.parametrize(("name", "value", "ref"), [
    ("sct.in_force_from", dt.date(2025, 12, 24), "002 p.5"),
    ("sct.period.first_year", 2026, "002 s.1(5)"),
    ("sct.period.last_year", 2035, "002 s.1(5)"),
    ("sct.science_city.min_scientist_share_percent", Decimal(3), "002 s.5"),
    ("sct.stp.budget_state_share_percent", Decimal(100), "002 s.5"),
    ("sct.supplement.mci_date_rule", "01-01", "002 s.2"),
    ("sct.supplement.multiple.phd.none", 17, "002 s.2"),
    ("sct.supplement.multiple.doctor.professor", 50, "002 s.2"),
])
def test_group_e_values_given_by_the_seed_with_their_citation(name, value, ref):
    found = SOURCE.get(name, ON)
    assert (found.value, found.citation.ref) == (value, ref)
    assert display.source_quotes(found.source)  # the Kazakh words of the seed


def test_the_values_start_on_the_day_the_resolution_was_signed():
    with pytest.raises(ParameterNotInForce):
        SOURCE.get("sct.science_city.min_scientist_share_percent", dt.date(2025, 12, 23))
    names = [n for n in SOURCE.names() if n.startswith("sct.")]
    assert all(SOURCE.definition(n).values[0].start == dt.date(2025, 12, 24) for n in names)
