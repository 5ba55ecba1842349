"""Dated parameters: the MCI by date (with its mid-year change), the numbers of act 001, values
the source does not set (ParameterNotSet) and dates before any value (ParameterNotInForce)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from techpolicy.law.citation import Citation
from techpolicy.law.parameters import (
    ParameterNotInForce,
    ParameterNotSet,
    Parameters,
    ParameterValue,
)

D = dt.date
SOURCE = Parameters.from_source()


@pytest.mark.parametrize(
    ("on", "value", "start", "budget"),
    [
        pytest.param(D(2022, 1, 1), 3063, D(2022, 1, 1), "2022-2024", id="MCI 2022 January: 3063"),
        pytest.param(D(2022, 3, 31), 3063, D(2022, 1, 1), "2022-2024", id="MCI 2022-03-31: still 3063"),
        pytest.param(D(2022, 4, 1), 3180, D(2022, 4, 1), "2022-2024", id="MCI from 2022-04-01: 3180"),
        pytest.param(D(2023, 7, 1), 3450, D(2023, 1, 1), "2023-2025", id="MCI 2023: 3450"),
        pytest.param(D(2024, 12, 31), 3692, D(2024, 1, 1), "2024-2026", id="MCI 2024: 3692"),
        pytest.param(D(2025, 12, 31), 3932, D(2025, 1, 1), "2025-2027", id="MCI 2025: 3932"),
        pytest.param(D(2026, 1, 1), 4325, D(2026, 1, 1), "2026-2028", id="MCI 2026: 4325"),
    ],
)
def test_mci_by_date_with_its_source(on, value, start, budget):
    found = SOURCE.get("mci", on)
    assert found.value == Decimal(value)
    assert found.start == start
    assert budget in found.source and "republican budget" in found.source
    assert found.citation.act == "general"


def test_mci_values_end_where_the_next_starts():
    assert SOURCE.get("mci", D(2022, 1, 1)).end == D(2022, 4, 1)
    assert SOURCE.get("mci", D(2026, 5, 1)).end is None


def test_a_mid_year_change_through_with_values():
    raise_ = ParameterValue("mci", D(2026, 7, 1), "4500", Citation("general", "", note="amended budget"),
                            source="what-if: budget amendment", set_by="operator")
    changed = SOURCE.with_values([raise_])
    assert changed.value("mci", D(2026, 6, 30)) == Decimal(4325)
    assert changed.value("mci", D(2026, 7, 1)) == Decimal(4500)
    assert changed.get("mci", D(2026, 7, 1)).set_by == "operator"
    assert changed.get("mci", D(2026, 3, 1)).end == D(2026, 7, 1)
    assert SOURCE.value("mci", D(2026, 7, 1)) == Decimal(4325)  # the original is unchanged


def test_with_values_replaces_a_value_with_the_same_start():
    fixed = ParameterValue("technopark.certificate_wd", D(2022, 9, 3), 5, Citation("001", "18"))
    assert SOURCE.with_values([fixed]).value("technopark.certificate_wd", D(2026, 1, 1)) == 5


# --- act 001 -------------------------------------------------------------------------------------

ACT_001 = [
    ("technopark.tax_debt_mci_multiple", 6, "001 p.9(3) [also paragraph 48, sub-paragraph 7)]"),
    ("technopark.tax_certificate_max_age_days", 10, "001 p.9(3) [also paragraph 48, sub-paragraph 7)]"),
    ("technopark.state_share_threshold_percent", Decimal(50), "001 p.7(4)"),
    ("technopark.ict_experience_years_min", Decimal(5), "001 p.13"),
    ("technopark.activity_change_decision_wd", 10, "001 p.9-1"),
    ("technopark.certificate_wd", 3, "001 p.18"),
    ("technopark.register_entry_wd", 3, "001 p.20"),
    ("technopark.extension_notice_wd", 10, "001 p.36"),
    ("technopark.housing_vacate_wd", 2, "001 p.60"),
]


@pytest.mark.parametrize(("name", "value", "ref"), ACT_001, ids=[f"{ref} {name}" for name, _, ref in ACT_001])
def test_act_001_values_and_citations(name, value, ref):
    found = SOURCE.get(name, D(2026, 6, 1))
    assert found.value == value
    assert found.citation.ref == ref
    assert found.start == D(2022, 9, 3)
    assert set(SOURCE.definition(name).description) == {"kk", "ru", "en"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("technopark.amendment_2022_published_on", id="Order 292/НҚ publication date: not in the seed"),
        pytest.param("technopark.completeness_review_wd", id="p13 completeness review: no term in the seed"),
        pytest.param("technopark.commission_decision_wd", id="p13 commission decision: no term in the seed"),
    ],
)
def test_values_the_seed_does_not_set_raise_parameter_not_set(name):
    with pytest.raises(ParameterNotSet) as raised:
        SOURCE.value(name, D(2026, 6, 1))
    assert raised.value.name == name
    assert "not set by the source document" in str(raised.value)


def test_the_p13_terms_say_the_seed_sets_none():
    citation = SOURCE.definition("technopark.commission_decision_wd").values[0].citation
    assert citation.ref == "001 p.13 [the seed sets no term]" and citation.note == "the seed sets no term"


def test_publication_date_is_a_date_parameter():
    assert SOURCE.definition("technopark.amendment_2022_published_on").type == "date"
    entry = ParameterValue("technopark.amendment_2022_published_on", D(2022, 8, 24), "2022-08-26",
                           Citation("001", ""), set_by="operator")
    assert SOURCE.with_values([entry]).value("technopark.amendment_2022_published_on", D(2023, 1, 1)) == D(
        2022, 8, 26
    )


@pytest.mark.parametrize(
    ("name", "on"),
    [
        pytest.param("mci", D(2021, 12, 31), id="MCI before its first value (2022-01-01)"),
        pytest.param("technopark.certificate_wd", D(2022, 9, 2), id="p18 term before the amendment's earliest start"),
    ],
)
def test_a_date_before_the_first_value_raises_parameter_not_in_force(name, on):
    with pytest.raises(ParameterNotInForce) as raised:
        SOURCE.get(name, on)
    assert raised.value.on == on


def test_unknown_parameter_is_a_key_error():
    with pytest.raises(KeyError):
        SOURCE.get("technopark.no_such_thing", D(2026, 1, 1))
