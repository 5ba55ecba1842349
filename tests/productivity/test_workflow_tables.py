"""The programme's five workflows as a lawyer reads them (seed 004, section 5.4): who moves a case
from which state to which, and the term each state carries with its paragraph and mechanism. A
change of the tables must keep this reading; a new action must be added here and get its test."""

import pytest

from techpolicy.casework.workflow import all_workflows
from techpolicy.services.productivity.workflows import (
    ALL,
    CLUSTER_IMPLEMENTATION,
    CLUSTER_STRATEGY,
    DIRECT,
    LEASING,
    NCE,
)

OWN, OP, KDB = "owner", "programme_operator", "leasing_operator"

TAIL = {  # mechanism of instruments 2-5, p.5-10: shared by the direct and NCE channels
    ("refuse", None, "refusal_decided", OP),
    ("send_agreement", ("approved",), "agreement_sent", OP),
    ("send_refusal", ("refusal_decided",), "refused", OP),
    ("return_signed", ("agreement_sent",), "payment_due", OWN),
    ("pay", ("payment_due",), "paid", OP),
    ("terminate", ("paid",), "terminated", OP),
    ("close", ("paid",), "closed", OP),
}


def tail(decision_state: str) -> set:
    rows = {("approve", (decision_state,), "approved", OP)}
    return rows | {(a, s or (decision_state,), t, r) for a, s, t, r in TAIL}


TRANSITIONS = {
    DIRECT: {  # p.1, p.3-10
        ("submit", ("draft",), "submitted", OWN),
        ("confirm_complete", ("submitted", "resubmitted"), "compliance_review", OP),
        ("notify_gaps", ("submitted", "resubmitted"), "gaps", OP),
        ("resubmit", ("gaps", "refused"), "resubmitted", OWN),
        ("withdraw", ("draft", "gaps", "refused"), "withdrawn", OWN),
        *tail("compliance_review"),
    },
    NCE: {  # p.1, p.2, p.6-10
        ("submit", ("draft",), "at_nce", OWN),
        ("register", ("at_nce",), "nce_review", OP),
        ("resubmit", ("refused",), "at_nce", OWN),
        ("withdraw", ("draft", "refused"), "withdrawn", OWN),
        *tail("nce_review"),
    },
    CLUSTER_STRATEGY: {  # mechanism of instrument 7, p.1-9
        ("submit", ("draft",), "submitted", OWN),
        ("confirm_complete", ("submitted", "resubmitted"), "expertise", OP),
        ("find_gaps", ("submitted", "resubmitted"), "incomplete", OP),
        ("notify_gaps", ("incomplete",), "gaps", OP),
        ("resubmit", ("gaps",), "resubmitted", OWN),
        ("complete_expertise", ("expertise",), "decision", OP),
        ("approve", ("decision",), "approved", OP),
        ("refuse", ("decision",), "refusal_decided", OP),
        ("send_notice", ("approved",), "notified", OP),
        ("send_refusal", ("refusal_decided",), "refused", OP),
        ("pay", ("notified",), "paid", OP),
        ("withdraw", ("draft", "gaps"), "withdrawn", OWN),
    },
    CLUSTER_IMPLEMENTATION: {  # mechanism of instrument 8, p.1-8: expertise and decision are one step
        ("submit", ("draft",), "submitted", OWN),
        ("confirm_complete", ("submitted", "resubmitted"), "expertise", OP),
        ("find_gaps", ("submitted", "resubmitted"), "incomplete", OP),
        ("notify_gaps", ("incomplete",), "gaps", OP),
        ("resubmit", ("gaps",), "resubmitted", OWN),
        ("approve", ("expertise",), "approved", OP),
        ("refuse", ("expertise",), "refusal_decided", OP),
        ("send_notice", ("approved",), "notified", OP),
        ("send_refusal", ("refusal_decided",), "refused", OP),
        ("pay", ("notified",), "paid", OP),
        ("withdraw", ("draft", "gaps"), "withdrawn", OWN),
    },
    LEASING: {  # mechanism of instrument 1, p.1-7
        ("submit_passport", ("draft",), "passport_received", OWN),
        ("confirm", ("passport_received",), "confirmed", OP),
        ("refuse_confirmation", ("passport_received",), "not_confirmed", OP),
        ("submit_cpip", ("confirmed",), "leasing_expertise", OWN),
        ("approve_leasing", ("leasing_expertise",), "leasing_approved", KDB),
        ("refuse_leasing", ("leasing_expertise",), "leasing_refused", KDB),
        ("notify_decision", ("leasing_approved",), "lease_pending", KDB),
        ("notify_refusal", ("leasing_refused",), "leasing_refusal_notified", KDB),
        ("sign_lease", ("lease_pending",), "leased", KDB),
        ("sign_monitoring", ("leased",), "monitoring", KDB),
        ("close", ("monitoring",), "closed", OP),
        ("withdraw", ("draft", "confirmed"), "withdrawn", OWN),
    },
}

M1, M25, M7, M8 = ("mechanism of instrument 1", "mechanism of instruments 2-5", "mechanism of instrument 7",
                   "mechanism of instrument 8")
TERMS = {
    # (workflow, state): (parameter, paragraph of section 5.4, mechanism, anchor state, anchor field)
    (DIRECT, "submitted"): ("p2020.direct.completeness_wd", "3", M25, None, None),
    (DIRECT, "resubmitted"): ("p2020.direct.completeness_wd", "3", M25, None, None),
    (DIRECT, "compliance_review"): ("p2020.direct.decision_wd", "5", M25, None, None),
    (DIRECT, "approved"): ("p2020.direct.notice_wd", "6", M25, None, None),
    (DIRECT, "refusal_decided"): ("p2020.direct.notice_wd", "6", M25, None, None),
    (DIRECT, "payment_due"): ("p2020.direct.payment_wd", "10", M25, "payment_due", "signed_on"),
    (NCE, "nce_review"): ("p2020.nce.decision_wd", "2", M25, "nce_review", "registered_on"),
    (NCE, "approved"): ("p2020.direct.notice_wd", "6", M25, None, None),
    (NCE, "refusal_decided"): ("p2020.direct.notice_wd", "6", M25, None, None),
    (NCE, "payment_due"): ("p2020.direct.payment_wd", "10", M25, "payment_due", "signed_on"),
    (CLUSTER_STRATEGY, "submitted"): ("p2020.i7.completeness_wd", "2", M7, None, None),
    (CLUSTER_STRATEGY, "resubmitted"): ("p2020.i7.completeness_wd", "2", M7, None, None),
    (CLUSTER_STRATEGY, "incomplete"): ("p2020.i7.gap_notice_wd", "3", M7, None, None),
    (CLUSTER_STRATEGY, "expertise"): ("p2020.i7.expertise_wd", "5", M7, None, None),
    (CLUSTER_STRATEGY, "decision"): ("p2020.i7.decision_wd", "6", M7, None, None),
    (CLUSTER_STRATEGY, "approved"): ("p2020.i7.notice_wd", "7", M7, None, None),
    (CLUSTER_STRATEGY, "refusal_decided"): ("p2020.i7.notice_wd", "8", M7, None, None),
    (CLUSTER_STRATEGY, "notified"): ("p2020.i7.payment_wd", "9", M7, "approved", None),
    (CLUSTER_IMPLEMENTATION, "submitted"): ("p2020.i8.completeness_wd", "2", M8, None, None),
    (CLUSTER_IMPLEMENTATION, "resubmitted"): ("p2020.i8.completeness_wd", "2", M8, None, None),
    (CLUSTER_IMPLEMENTATION, "incomplete"): ("p2020.i8.gap_notice_wd", "3", M8, None, None),
    (CLUSTER_IMPLEMENTATION, "expertise"): ("p2020.i8.expertise_decision_wd", "5", M8, None, None),
    (CLUSTER_IMPLEMENTATION, "approved"): ("p2020.i8.notice_wd", "6", M8, None, None),
    (CLUSTER_IMPLEMENTATION, "refusal_decided"): ("p2020.i8.notice_wd", "7", M8, None, None),
    (CLUSTER_IMPLEMENTATION, "notified"): ("p2020.i8.payment_wd", "8", M8, "approved", None),
    (LEASING, "passport_received"): ("p2020.leasing.confirmation_wd", "2", M1, None, None),
    (LEASING, "leasing_approved"): ("p2020.leasing.notice_wd", "5", M1, "leasing_approved", "decided_on"),
    (LEASING, "leasing_refused"): ("p2020.leasing.notice_wd", "5", M1, "leasing_refused", "decided_on"),
}


def test_the_five_workflows_are_registered_in_the_shared_engine():
    ids = {w.id for w in ALL}
    assert ids == {"productivity.direct", "productivity.nce", "productivity.cluster_strategy",
                   "productivity.cluster_implementation", "productivity.leasing"}
    assert ids <= {w.id for w in all_workflows()}


@pytest.mark.parametrize("workflow", ALL, ids=lambda w: w.id)
def test_transitions_read_as_section_5_4_says(workflow):
    assert {(a.id, a.sources, a.target, a.role) for a in workflow.actions} == TRANSITIONS[workflow]


def _test_id(value) -> str:
    """A test id that is the same in every process (a workflow's repr holds function addresses)."""
    if isinstance(value, tuple):
        return "/".join(_test_id(v) for v in value)
    return getattr(value, "id", str(value))


@pytest.mark.parametrize(("key", "term"), TERMS.items(), ids=lambda v: _test_id(v))
def test_state_terms_cite_the_paragraph_and_mechanism_of_section_5_4(key, term):
    workflow, state = key
    parameter, paragraph, mechanism, anchor, anchor_field = term
    spec = workflow.state(state).deadline
    assert spec.parameter == parameter
    assert (spec.citation.act, spec.citation.section, spec.citation.paragraph) == ("004", "5.4", paragraph)
    assert spec.citation.note == mechanism
    assert (spec.anchor, spec.anchor_field, spec.unit) == (anchor, anchor_field, "working")


@pytest.mark.parametrize("workflow", ALL, ids=lambda w: w.id)
def test_states_without_a_term_in_the_seed_carry_none(workflow):
    with_terms = {state for (flow, state) in TERMS if flow is workflow}
    assert {s.id for s in workflow.states if s.deadline} == with_terms


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
    (DIRECT, "notify_gaps"), (DIRECT, "refuse"), (DIRECT, "terminate"), (NCE, "refuse"),
    (CLUSTER_STRATEGY, "find_gaps"), (CLUSTER_STRATEGY, "refuse"), (CLUSTER_IMPLEMENTATION, "refuse"),
    (LEASING, "refuse_confirmation"), (LEASING, "refuse_leasing"),
])
def test_adverse_decisions_need_a_reason(workflow, action):
    assert workflow.action(action).needs_reason


@pytest.mark.parametrize("workflow", ALL, ids=lambda w: w.id)
def test_every_action_but_housekeeping_cites_section_5_4(workflow):
    uncited = {a.id for a in workflow.actions if a.citation is None}
    assert uncited <= {"withdraw", "close"}
    for action in workflow.actions:
        if action.citation is not None:
            assert (action.citation.act, action.citation.section) == ("004", "5.4"), action.id
