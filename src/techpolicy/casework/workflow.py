"""Workflows as data.

A service declares its workflow as a table: states with stable ids, the names staff and
applicants see, the deadline each state carries; actions with the states they leave from, the
state they lead to, the role that may fire them, a guard and an effect. The engine
(`casework.engine`) interprets the table; no meaning hides in name substrings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from techpolicy.law.citation import Citation
from techpolicy.law.terms import Term

OWNER = "owner"  # the applicant organisation that owns the case


@dataclass(frozen=True)
class DeadlineSpec:
    """The term a state carries: one of the act's declared terms (`law.terms.Term`), whose
    parameter holds the number of days (a dated parameter, so a term the source leaves unset is
    shown as such); the clock starts when the case entered `anchor` (this state when None), or on
    the date the action into it recorded in `anchor_field` (a contract's signing date, which may
    precede the day it is recorded)."""

    term: Term
    anchor: str | None = None
    anchor_field: str | None = None

    # The term's parameter, citation and unit, read from the one declaration of the term.
    @property
    def parameter(self) -> str:
        return self.term.parameter

    @property
    def citation(self) -> Citation:
        return self.term.citation

    @property
    def unit(self) -> str:
        return self.term.unit


@dataclass(frozen=True)
class State:
    id: str
    staff_name: Any  # lazy translation
    applicant_name: Any
    actor: str  # who is expected to act next: OWNER, a role, or "" for final states
    deadline: DeadlineSpec | None = None
    final: bool = False
    # On the agenda of the workflow's commission: entering it opens a round of voting (the members
    # entitled to vote are recorded then), and its members see and vote on the case while it is here.
    agenda: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    label: Any
    input_type: str = "text"  # an HTML input type: "text", "date", ..., or "textarea" for a long text
    required: bool = True  # False for an optional input (a checkbox the user may leave unticked)


Guard = Callable[..., tuple[bool, str]]  # guard(case, actor, payload) -> (ok, reason)
# subject(parent, facts) -> what a case is about. The database keeps at most one open case per
# organisation, workflow and subject (`Case.subject`); None as the workflow's `one_open_per`: the
# rules allow an organisation several open cases of it at once.
Subject = Callable[[Any, dict], str]
Effect = Callable[..., None]  # effect(case, actor, payload) inside the transaction


@dataclass(frozen=True)
class Action:
    id: str
    sources: tuple[str, ...]
    target: str
    role: str  # OWNER or a role name from accounts.roles
    label: Any
    guard: Guard | None = None
    effect: Effect | None = None
    needs_reason: bool = False
    notify_applicant: bool = True
    citation: Citation | None = None
    style: str = "primary"  # how the button looks: "primary" | "secondary" | "danger"
    fields: tuple[Field, ...] = ()  # extra inputs the action's form asks for (its payload)
    # What cannot be undone once the action is taken, said to the person about to take it: the form
    # shows it with an "I understand" box that the server requires too (`steps.posted_payload`).
    consequence: Any = None


@dataclass(frozen=True)
class Workflow:
    id: str
    name: Any
    case_prefix: str  # case numbers look like "<prefix>-2026-00042"
    initial: str
    states: tuple[State, ...]
    actions: tuple[Action, ...]
    # The kinds of document an applicant may attach, (key, label, paragraph); empty: the shared list.
    document_kinds: tuple[tuple[str, Any, str], ...] = ()
    # Pages of the service about one case, shown on the generic case page: links(case, user) ->
    # [(label, url)]. The service decides what to offer; the case page stays generic.
    links: Callable[..., list[tuple[Any, str]]] | None = None
    # The key of the commission (`casework.Commission.key`) that considers the cases this workflow puts
    # in its agenda states (`State.agenda`), deciding or recommending (`casework.decisions`): only its
    # members see and vote on them (casework.permissions). Empty: none.
    commission: str = ""
    # What a case is about, so that the database refuses a second open case of the organisation on
    # the same subject (a double click, twenty parallel posts). Each service states the rule it reads
    # in its table: `per_organisation`, `per_parent`, `per_parent_and(...)`, `per_content`, or None.
    one_open_per: Subject | None = None
    _state_index: dict[str, State] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._state_index.update({s.id: s for s in self.states})
        for action in self.actions:
            for state in (*action.sources, action.target):
                if state not in self._state_index:
                    raise ValueError(f"{self.id}: action {action.id} names unknown state {state!r}")
            # A final state closes the case for good: `Case.open` only ever goes from True to False,
            # so a closed case can never come back and collide with a newer open one.
            if any(self._state_index[s].final for s in action.sources):
                raise ValueError(f"{self.id}: action {action.id} leaves a final state")
        if self.agenda_states() and not self.commission:
            # Without it no one could see or vote on the agenda (casework.permissions): fail at import.
            raise ValueError(f"{self.id}: a workflow with an agenda state names its commission")
        if getattr(self._state_index.get(self.initial), "agenda", False):
            # A round of voting opens when an action puts the case on the agenda (casework.engine).
            raise ValueError(f"{self.id}: a case is put on the agenda by an action, not created there")

    def state(self, state_id: str) -> State:
        return self._state_index[state_id]

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def actions_from(self, state_id: str) -> list[Action]:
        return [a for a in self.actions if state_id in a.sources]

    def subject(self, parent, facts: dict) -> str | None:
        """What a new case with these facts (and this parent case) is about; None: not guarded."""
        return self.one_open_per(parent, facts or {}) if self.one_open_per else None

    def agenda_states(self) -> frozenset[str]:
        """The ids of the states flagged as on the commission's agenda."""
        return frozenset(s.id for s in self.states if s.agenda)

    def staff_roles(self) -> set[str]:
        """The roles the table names for staff actions: who handles this workflow's cases."""
        return {a.role for a in self.actions if a.role != OWNER}


# States and actions every applicant-facing workflow has in the same form.
DRAFT = State("draft", _("Draft"), _("Draft: not submitted yet"), OWNER)
WITHDRAWN = State("withdrawn", _("Withdrawn"), _("Withdrawn"), "", final=True)


def withdraw(*sources: str) -> Action:
    """The applicant withdraws the application from any of `sources`."""
    return Action("withdraw", sources, "withdrawn", OWNER, _("Withdraw the application"), notify_applicant=False,
                  style="danger",
                  consequence=_("The application is withdrawn for good and its case is closed; it cannot be "
                                "submitted again. To apply again, you start a new application."))


# The subjects a workflow may declare: what the rules of its service allow at once.

def digest(value: Any) -> str:
    """A short fixed-length fingerprint of JSON data (key order does not matter)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def per_organisation(parent, facts: dict) -> str:
    """One open case of the workflow per organisation."""
    return "organisation"


def per_parent(parent, facts: dict) -> str:
    """One open case of the workflow per parent case (a follow-up of one participation)."""
    return f"parent:{parent.pk if parent is not None else '-'}"


def per_parent_and(key: Callable[[dict], Any]) -> Subject:
    """One open case per parent case and per `key(facts)` (e.g. the project an application is about)."""

    def subject(parent, facts: dict) -> str:
        return f"{per_parent(parent, facts)}:{digest(key(facts))}"

    return subject


def per_content(parent, facts: dict) -> str:
    """One open case per identical application: the rules allow several applications at once, but the
    same one filed twice (a repeated post) is a duplicate."""
    return f"content:{digest(facts)}"


_REGISTRY: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    _REGISTRY[workflow.id] = workflow
    return workflow


def get(workflow_id: str) -> Workflow:
    return _REGISTRY[workflow_id]


def all_workflows() -> list[Workflow]:
    return list(_REGISTRY.values())
