"""The five technopark workflows as a lawyer reads them (seed 001): who moves a case from which
state to which, and the term each state carries with its paragraph. A refactoring of the tables
must keep this reading; a new action must be added here (and get its own workflow test)."""

import pytest

from techpolicy.services.technopark.workflows import (
    ACTIVITY_CHANGE,
    ALL,
    EXTENSION,
    PARTICIPATION,
    SERVICES,
    TERMINATION,
)

OWN, SEC = "owner", "secretariat"

TRANSITIONS = {
    PARTICIPATION: {  # p.7, p.9, p.13, p.18, p.20
        ("submit", ("draft",), "submitted", OWN),
        ("take_for_review", ("submitted", "resubmitted"), "completeness_review", SEC),
        ("send_remarks", ("completeness_review",), "remarks", SEC),
        ("resubmit", ("remarks",), "resubmitted", OWN),
        ("send_to_commission", ("completeness_review",), "commission", SEC),
        ("approve", ("commission",), "approved", SEC),
        ("refuse", ("commission",), "refused", SEC),
        ("sign_contract", ("approved",), "contract", SEC),
        ("issue_certificate", ("contract",), "certificate_issued", SEC),
        ("enter_register", ("certificate_issued",), "registered", SEC),
        ("withdraw", ("draft", "remarks"), "withdrawn", OWN),
    },
    ACTIVITY_CHANGE: {  # p.9-1
        ("submit", ("draft",), "submitted", OWN),
        ("send_to_commission", ("submitted",), "commission", SEC),
        ("approve", ("commission",), "approved", SEC),
        ("refuse", ("commission",), "refused", SEC),
    },
    EXTENSION: {  # p.36
        ("submit", ("draft",), "submitted", OWN),
        ("refuse_late", ("draft",), "refused_late", OWN),
        ("grant", ("submitted",), "extended", SEC),
        ("refuse", ("submitted",), "refused", SEC),
    },
    TERMINATION: {  # p.41
        ("send_to_commission", ("draft",), "commission", SEC),
        ("approve", ("commission",), "terminated", SEC),
        ("refuse", ("commission",), "rejected", SEC),
    },
    SERVICES: {  # p.48, p.60
        ("submit", ("draft",), "submitted", OWN),
        ("accept", ("submitted",), "accepted", SEC),
        ("refuse", ("submitted",), "refused", SEC),
        ("complete", ("accepted",), "completed", SEC),
        ("expel", ("accepted",), "expelled", SEC),
        ("housing_returned", ("expelled",), "housing_returned", SEC),
    },
}

TERMS = {
    # workflow, state: (parameter, citation, anchor)
    (PARTICIPATION, "submitted"): ("technopark.completeness_review_wd", "001 p.13", "submitted"),
    (PARTICIPATION, "contract"): ("technopark.certificate_wd", "001 p.18", "contract"),
    (PARTICIPATION, "certificate_issued"): ("technopark.register_entry_wd", "001 p.20", "contract"),
    (ACTIVITY_CHANGE, "submitted"): ("technopark.activity_change_decision_wd", "001 p.9-1", "submitted"),
    (ACTIVITY_CHANGE, "commission"): ("technopark.activity_change_decision_wd", "001 p.9-1", "submitted"),
    (SERVICES, "expelled"): ("technopark.housing_vacate_wd", "001 p.60", None),
}


def test_the_five_workflows_are_registered():
    assert {w.id for w in ALL} == {"technopark.participation", "technopark.activity_change",
                                   "technopark.extension", "technopark.termination", "technopark.services"}


@pytest.mark.parametrize("workflow", ALL, ids=lambda w: w.id)
def test_transitions_read_as_the_rules_say(workflow):
    assert {(a.id, a.sources, a.target, a.role) for a in workflow.actions} == TRANSITIONS[workflow]


def _test_id(value) -> str:
    """A test id that is the same in every process (a workflow's repr holds function addresses)."""
    if isinstance(value, tuple):
        return "/".join(_test_id(v) for v in value)
    return getattr(value, "id", str(value))


@pytest.mark.parametrize(("key", "term"), TERMS.items(), ids=lambda v: _test_id(v))
def test_state_terms_and_their_paragraphs(key, term):
    workflow, state = key
    spec = workflow.state(state).deadline
    assert (spec.parameter, spec.citation.ref, spec.anchor) == term
    assert spec.unit == "working"


@pytest.mark.parametrize("workflow", ALL, ids=lambda w: w.id)
def test_every_state_is_reachable_and_only_final_states_are_dead_ends(workflow):
    reached, frontier = {workflow.initial}, [workflow.initial]
    while frontier:
        for action in workflow.actions_from(frontier.pop()):
            if action.target not in reached:
                reached.add(action.target)
                frontier.append(action.target)
    assert reached == {s.id for s in workflow.states}
    for state in workflow.states:
        assert state.final == (not workflow.actions_from(state.id)), state.id


@pytest.mark.parametrize(("workflow", "action"), [
    (PARTICIPATION, "send_remarks"), (PARTICIPATION, "refuse"), (ACTIVITY_CHANGE, "refuse"),
    (EXTENSION, "refuse"), (TERMINATION, "approve"), (SERVICES, "refuse"), (SERVICES, "expel"),
])
def test_adverse_decisions_need_a_reason(workflow, action):
    assert workflow.action(action).needs_reason
