"""One declaration per deadline term. A term of an act ("within N working days of the event") is a
`law.terms.Term` declared once by its act's package; the parameter holding N, the paragraph it
comes from and its unit are read from that declaration by the law layer, the workflows' states
(`DeadlineSpec(term)`) and the pages. These tests walk every Term and every workflow state."""

from __future__ import annotations

import datetime as dt

import pytest

from techpolicy.casework.workflow import DeadlineSpec, all_workflows
from techpolicy.law import terms as terms_module
from techpolicy.law.acts.act001_technopark import terms as act001
from techpolicy.law.acts.act004_productivity2020.terms import DEADLINES
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters
from techpolicy.law.terms import Deadline, Term, terms
from techpolicy.services.productivity import workflows as productivity_workflows  # noqa: F401  (registers)
from techpolicy.services.technopark import workflows as technopark_workflows  # noqa: F401  (registers)

D = dt.date
SOURCE = Parameters.from_source()
TERMS = terms()
UNITS = {"working days": "working", "calendar days": "calendar"}


def state_deadlines() -> list[tuple[str, str, DeadlineSpec]]:
    return [(w.id, s.id, s.deadline) for w in all_workflows() for s in w.states if s.deadline is not None]


def test_every_act_declares_its_terms():
    assert {key.split(".")[0] for key in TERMS} >= {"001", "004"}
    assert all(TERMS[term.key] is term for term in (*act001.TERMS, *DEADLINES.values()))
    assert all(term.key == f"004.{step}" for step, term in DEADLINES.items())


def test_a_second_term_with_a_key_already_declared_is_refused(monkeypatch):
    monkeypatch.setattr(terms_module._TERMS, "_items", dict(TERMS))
    again = Term(act001.CERTIFICATE.key, "technopark.register_entry_wd", Citation("001", "20"), {}, {})
    with pytest.raises(ValueError, match="two terms"):
        terms_module.declare(again)
    assert terms_module.declare(act001.CERTIFICATE) is act001.CERTIFICATE  # the same declaration again is fine


def test_no_two_terms_restate_one_paragraph_and_parameter():
    pairs = [(term.parameter, term.citation) for term in TERMS.values()]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("term", TERMS.values(), ids=list(TERMS))
def test_each_term_is_a_dated_parameter_of_its_paragraph(term):
    """The parameter exists, counts days in the term's unit, and its source is the term's paragraph
    (one parameter may hold the days of two paragraphs that say the same: 004 5.4 i7 p.7 and p.8)."""
    definition = SOURCE.definition(term.parameter)
    assert UNITS[definition.unit] == term.unit
    value = definition.values[-1]
    assert (value.citation.act, value.citation.section) == (term.citation.act, term.citation.section)
    assert value.citation.paragraph == term.citation.paragraph or f"p.{term.citation.paragraph}" in value.source


def test_every_working_day_parameter_is_the_term_of_a_declared_term():
    named = {term.parameter for term in TERMS.values()}
    assert [name for name in SOURCE.names() if name.endswith("_wd") and name not in named] == []


@pytest.mark.parametrize("term", TERMS.values(), ids=list(TERMS))
def test_each_term_names_its_event_and_what_is_due_in_three_languages(term):
    assert set(term.anchor) == set(term.action) == {"kk", "ru", "en"}
    assert all(text.strip() for text in (*term.anchor.values(), *term.action.values()))


@pytest.mark.parametrize(("workflow", "state", "spec"), state_deadlines(),
                         ids=[f"{w}:{s}" for w, s, _ in state_deadlines()])
def test_every_workflow_state_carries_a_declared_term(workflow, state, spec):
    assert TERMS[spec.term.key] is spec.term
    assert (spec.parameter, spec.citation, spec.unit) == (spec.term.parameter, spec.term.citation, spec.term.unit)


def test_the_workflows_carry_terms_of_both_acts():
    used = {spec.term.key.split(".")[0] for _, _, spec in state_deadlines()}
    assert used >= {"001", "004"}


# --- the one computation of a due date -------------------------------------------------------------

CALENDAR_TERM = Term("test.calendar", "technopark.certificate_wd", Citation("001", "18"), {}, {}, unit="calendar")


@pytest.mark.parametrize(
    ("term", "event", "due"),
    [
        pytest.param(act001.CERTIFICATE, D(2026, 12, 14), D(2026, 12, 18),
                     id="001 p.18 3 working days, over Independence Day 2026-12-16"),
        pytest.param(act001.EXTENSION_NOTICE, D(2026, 6, 30), D(2026, 6, 16),
                     id="001 p.36 backwards: no later than 10 working days before the end"),
        pytest.param(CALENDAR_TERM, D(2026, 12, 14), D(2026, 12, 17), id="a term in calendar days counts every day"),
        pytest.param(DEADLINES["i7.refusal_notice"], D(2016, 3, 29), D(2016, 3, 31),
                     id="004 5.4 i7 p.8 notice of non-compliance within 2 wd"),
    ],
)
def test_due(term, event, due):
    deadline = term.due(event)
    assert isinstance(deadline, Deadline) and deadline.due == due
    assert deadline.as_dict()["term"] == term.key
    assert deadline.as_dict()["citation"]["ref"] == term.citation.ref


def test_a_term_in_other_units_is_refused():
    with pytest.raises(ValueError, match="unit"):
        Term("test.bad", "technopark.certificate_wd", Citation("001", "18"), {}, {}, unit="weeks")
