"""The workflow of organising a technology platform as a table a lawyer can read beside chapter 4 of
the Methodology (000 p.23-30): each action, who takes it, where it leads and the paragraph it rests
on; the terms of p.27 and p.28, which the source does not set; the HSTC bound to the agenda."""

from __future__ import annotations

import pytest

from techpolicy.casework.workflow import OWNER
from techpolicy.services.technology_platforms.workflows import ORGANISATION

from .world import drive, proposal

ROWS = [
    # action, from, to, role, paragraph
    ("submit", ("draft",), "submitted", OWNER, "000 p.27"),
    ("return_with_remarks", ("submitted",), "remarks", "authorized_body", "000 p.27"),
    ("resubmit", ("remarks",), "submitted", OWNER, "000 p.27"),
    ("refuse", ("submitted",), "refused", "authorized_body", "000 p.25"),
    ("refer_to_hstc", ("submitted",), "hstc", "authorized_body", "000 p.28"),
    ("recommend", ("hstc",), "supported", "hstc_secretary", "000 p.28"),
    ("do_not_recommend", ("hstc",), "not_supported", "hstc_secretary", "000 p.28"),
    ("organise", ("supported",), "organised", "authorized_body", "000 p.27"),
]


@pytest.mark.parametrize(("action", "sources", "target", "role", "ref"), ROWS, ids=[r[0] for r in ROWS])
def test_each_action_by_paragraph(action, sources, target, role, ref):
    declared = ORGANISATION.action(action)
    assert (declared.sources, declared.target, declared.role, declared.citation.ref) == (sources, target, role, ref)


def test_final_states_and_the_agenda_of_the_hstc():
    finals = {s.id for s in ORGANISATION.states if s.final}
    assert finals == {"refused", "not_supported", "organised", "withdrawn"}
    # 000.p28 (reading R-B2): the HSTC considers the initiative on its agenda before the platform is organised.
    assert ORGANISATION.agenda_states() == {"hstc"} and ORGANISATION.commission == "hstc"
    assert ORGANISATION.staff_roles() == {"authorized_body", "hstc_secretary"}
    assert ORGANISATION.case_prefix == "TP"


def test_000_p27_p28_the_terms_are_parameters_the_source_does_not_set():
    terms = {s.id: s.deadline.term for s in ORGANISATION.states if s.deadline}
    assert {k: (t.parameter, t.citation.ref) for k, t in terms.items()} == {
        "submitted": ("tp.platform.ab_consideration_term", "000 p.27"),
        "hstc": ("tp.platform.hstc_term", "000 p.28"),
    }


@pytest.mark.django_db
def test_000_p27_the_case_carries_the_unset_term_with_its_paragraph(world):
    case = drive(proposal(world), world, "submit")
    assert case.due_on is None
    assert (case.due_rule["not_set"], case.due_rule["citation"]) == (True, "000 p.27")
    case = drive(case, world, "refer_to_hstc")
    assert (case.due_rule["not_set"], case.due_rule["citation"]) == (True, "000 p.28")


@pytest.mark.django_db
def test_the_transition_log_is_the_audit_trail(world):
    case = drive(proposal(world), world, "submit", "refer_to_hstc")
    log = list(case.transitions.values_list("action", "from_state", "to_state", "actor"))
    assert log == [("create", "", "draft", world.proposer.pk), ("submit", "draft", "submitted", world.proposer.pk),
                   ("refer_to_hstc", "submitted", "hstc", world.ab.pk)]
