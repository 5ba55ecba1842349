"""Finding 1 of issue 8: oversized facts are refused while they are read (the lists and texts of
the technopark facts have ceilings), and an answer lists at most 50 validation errors and counts
the rest (shared by every act through `parse_facts` / `InvalidFacts`)."""

from __future__ import annotations

import pytest

from techpolicy.law.acts.act001_technopark.facts import (
    MAX_ENTITIES,
    MAX_SHAREHOLDERS,
    MAX_TEXT,
    Ownership,
    TechnoparkFacts,
)
from techpolicy.law.facts import MAX_ERRORS, InvalidFacts, parse_facts
from tests.ownership_graphs import application


def errors_of(model, data) -> list[dict]:
    with pytest.raises(InvalidFacts) as raised:
        parse_facts(model, data)
    return raised.value.errors


def test_finding1_validation_errors_are_capped_at_50_with_a_count_of_the_rest():
    # 1,234 entities of an unknown kind: 1,234 errors, of which the first 50 are listed.
    entities = [{"id": f"e{n}", "kind": "dragon"} for n in range(1234)]
    errors = errors_of(Ownership, {"shareholders": [{"holder": "e0", "share": "1"}], "entities": entities})
    assert len(errors) == MAX_ERRORS + 1
    assert errors[0]["field"] == "entities[0].kind"
    assert errors[-1] == {"field": "(more)", "message": "... and 1184 more errors"}


def test_finding1_fifty_errors_are_listed_without_a_remainder():
    entities = [{"id": f"e{n}", "kind": "dragon"} for n in range(MAX_ERRORS)]
    errors = errors_of(Ownership, {"shareholders": [{"holder": "e0", "share": "1"}], "entities": entities})
    assert len(errors) == MAX_ERRORS and errors[-1]["field"] == "entities[49].kind"


def test_finding1_an_error_names_an_overlong_unknown_field_in_at_most_300_characters():
    errors = errors_of(Ownership, {"shareholders": [{"holder": "e0", "share": "1"}], "x" * 100_000: 1})
    assert len(errors[0]["field"]) == 300 and errors[0]["field"].endswith("…")


@pytest.mark.parametrize(
    ("ownership", "field"),
    [
        pytest.param({"shareholders": [{"holder": "a", "share": "0.1"}] * (MAX_SHAREHOLDERS + 1)},
                     "ownership.shareholders", id="p7(4) more direct shareholders than the ceiling"),
        pytest.param({"shareholders": [{"holder": "a", "share": "1"}],
                      "entities": [{"id": "a", "kind": "legal_entity",
                                    "shareholders": [{"holder": "a", "share": "0.1"}] * (MAX_SHAREHOLDERS + 1)}]},
                     "ownership.entities[0].shareholders", id="p7(4) an entity with too many shareholders"),
        pytest.param({"shareholders": [{"holder": "a", "share": "1"}],
                      "entities": [{"id": f"e{n}", "kind": "state"} for n in range(MAX_ENTITIES + 1)]},
                     "ownership.entities", id="p7(4) more entities than the model reads at all"),
        pytest.param({"shareholders": [{"holder": "a", "share": "1E-100000"}]},
                     "ownership.shareholders[0].share", id="p7(4) a share with 100000 decimals"),
        pytest.param({"shareholders": [{"holder": "a" * 201, "share": "1"}]},
                     "ownership.shareholders[0].holder", id="p7(4) an entity id of 201 characters"),
    ],
)
def test_finding1_p7_4_oversized_ownership_is_refused_by_the_facts_model(ownership, field):
    errors = errors_of(TechnoparkFacts, application(ownership))
    assert errors[0]["field"] == field


def test_finding1_texts_and_lists_of_the_application_have_ceilings():
    data = application({"shareholders": [{"holder": "a", "share": "1"}], "entities": [{"id": "a", "kind": "state"}]})
    data["documents"]["business_plan"]["projects"][0]["items"]["1"] = "x" * (MAX_TEXT + 1)
    data["applicant"]["activity_types"] = ["S-01"] * 101
    fields = {e["field"] for e in errors_of(TechnoparkFacts, data)}
    assert fields == {"documents.business_plan.projects[0].items.1", "applicant.activity_types"}
