"""The workflow engine: create cases, fire actions, derive deadlines from the log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.law.parameters import ParameterError

from . import law_context
from .commissions.rounds import VoteError, open_round
from .kit.drafts import is_incomplete
from .kit.drafts import refusal as draft_refusal
from .models import Case, CaseEvent, Transition
from .notifications import notify_applicant
from .numbering import last_in_use, next_sequence
from .permissions import can_fire
from .workflow import Action, Workflow, get


class WorkflowError(Exception):
    """An action that cannot be taken; the message says why, in the user's language."""


class ConcurrentChange(WorkflowError):
    """Someone else changed the case since the form was loaded."""


class DuplicateCase(WorkflowError):
    """The organisation already has an open case of the workflow on the same subject
    (`Workflow.one_open_per`); `existing` is that case, for the answer to point to."""

    def __init__(self, existing: Case):
        self.existing = existing
        super().__init__(_("There is already an open case on the same subject: %(number)s. "
                           "Nothing new was created.") % {"number": existing.number})


def next_number(workflow: Workflow, year: int) -> str:
    """The next case number of the workflow's prefix and year (`casework.numbering`); call it inside
    the transaction that creates the case."""
    prefix = workflow.case_prefix

    def number(sequence: int) -> str:
        return f"{prefix}-{year}-{sequence:05d}"

    sequence = next_sequence(
        prefix, year,
        in_use=lambda: last_in_use(Case.objects.filter(number__startswith=f"{prefix}-{year}-")
                                   .values_list("number", flat=True)),
        taken=lambda n: Case.objects.filter(number=number(n)).exists())
    return number(sequence)


def open_case(workflow: Workflow, organisation, parent=None, facts=None) -> Case | None:
    """The organisation's open case of the workflow on the subject these inputs give, if any."""
    return _open_on(workflow, organisation, workflow.subject(parent, facts or {}))


def _open_on(workflow: Workflow, organisation, subject: str | None, exclude_pk=None) -> Case | None:
    if subject is None:
        return None
    cases = Case.objects.filter(organisation=organisation, workflow=workflow.id, subject=subject, open=True)
    return cases.exclude(pk=exclude_pk).first()


def create_case(workflow: Workflow, organisation, user, title: str = "", facts=None, parent=None) -> Case:
    """A new case in the workflow's initial state. Raises DuplicateCase when the organisation already
    has an open case on the same subject: the unique constraint decides, so two requests at the same
    moment cannot both pass; the look-up before it only spares the common case a wasted number."""
    facts = facts or {}
    subject = workflow.subject(parent, facts)
    existing = _open_on(workflow, organisation, subject)
    if existing is not None:
        raise DuplicateCase(existing)
    now = timezone.now()
    try:
        with transaction.atomic():
            case = Case.objects.create(
                number=next_number(workflow, timezone.localdate(now).year),
                workflow=workflow.id,
                title=title,
                organisation=organisation,
                created_by=user,
                parent=parent,
                state=workflow.initial,
                state_entered_at=now,
                facts=facts,
                subject=subject,
                open=not workflow.state(workflow.initial).final,
            )
            _log(case, "create", "", workflow.initial, user, "", {}, now)
            _set_deadline(case, workflow)
            return case
    except IntegrityError:
        # The constraint fired: the case another request created while this one was on its way.
        existing = _open_on(workflow, organisation, subject)
        if existing is None:
            raise
        raise DuplicateCase(existing) from None


def save_facts(case: Case, facts: dict, expected_version: int | None, states, actor=None) -> None:
    """Replace the facts of a case being edited. Raises ConcurrentChange when it changed since
    `expected_version` (a form rendered before a colleague's save) or left `states`, and DuplicateCase
    when the edit makes it the same application as another open case (its subject follows the facts).
    The edit is written to the case's event log with `actor`, the version it made and what it changed."""
    workflow = get(case.workflow)
    subject = workflow.subject(case.parent, facts)
    try:
        with transaction.atomic():
            before = Case.objects.select_for_update().filter(pk=case.pk).values_list("facts", flat=True).first()
            updated = Case.objects.filter(pk=case.pk, version=expected_version, state__in=states).update(
                facts=facts, subject=subject, version=F("version") + 1)
            if updated:
                changed = sorted(k for k in {*(before or {}), *facts} if (before or {}).get(k) != facts.get(k))
                CaseEvent.objects.create(case_id=case.pk, kind=CaseEvent.FACTS_EDITED, actor=actor,
                                         at=timezone.now(), detail={"version": expected_version + 1,
                                                                    "changed": changed})
    except IntegrityError:
        existing = _open_on(workflow, case.organisation_id, subject, exclude_pk=case.pk)
        if existing is None:
            raise
        raise DuplicateCase(existing) from None
    if not updated:
        raise ConcurrentChange(_("The case was changed by someone else while you were editing; "
                                 "reload to see the current version. Your changes were not saved."))


def deadline(workflow: Workflow, case: Case, state_id: str | None = None) -> dict | None:
    """The current state's term: due date, days, unit and citation, or "not set" when the source
    document leaves the term open. Computed from the transition log and the working calendar."""
    state = workflow.state(state_id or case.state)
    spec = state.deadline
    if spec is None:
        return None
    anchor_state = spec.anchor or state.id
    entered = case.transitions.filter(to_state=anchor_state).order_by("-at", "-pk").first()
    start = entered.on_date if entered else timezone.localdate()
    if entered and spec.anchor_field and entered.payload.get(spec.anchor_field):
        start = dt.date.fromisoformat(entered.payload[spec.anchor_field])
    base = {"citation": spec.citation.ref, "citation_text": spec.citation.text("en"),
            "citation_parts": spec.citation.as_dict("en"), "unit": spec.unit,
            "parameter": spec.parameter, "from": start.isoformat(), "anchor": anchor_state}
    try:
        due = spec.term.due(start, law_context.parameters(), law_context.calendar())
    except ParameterError:
        return {**base, "days": None, "due": None, "not_set": True}
    return {**base, "days": due.days, "due": due.due.isoformat(), "not_set": False}


def _set_deadline(case: Case, workflow: Workflow) -> None:
    rule = deadline(workflow, case)
    case.due_rule = rule
    case.due_on = dt.date.fromisoformat(rule["due"]) if rule and rule["due"] else None
    Case.objects.filter(pk=case.pk).update(due_rule=case.due_rule, due_on=case.due_on)


def _log(case, action, source, target, actor, reason, payload, at) -> Transition:
    return Transition.objects.create(
        case=case,
        action=action,
        from_state=source,
        to_state=target,
        actor=actor,
        at=at,
        on_date=timezone.localdate(at),
        reason=reason,
        payload=payload,
    )


def available_actions(case: Case, user) -> list[Action]:
    workflow = get(case.workflow)
    return [a for a in workflow.actions_from(case.state) if can_fire(user, case, a)[0]]


def fire(
    case: Case,
    action_id: str,
    actor,
    reason: str = "",
    payload: dict[str, Any] | None = None,
    expected_version: int | None = None,
) -> Case:
    """Take an action on a case. Raises WorkflowError (or ConcurrentChange) with the reason."""
    workflow = get(case.workflow)
    action = workflow.action(action_id)
    if action is None:
        raise WorkflowError(_("Unknown action."))
    # Guards and effects see the reason with the other inputs (a remark's text is its reason).
    payload = {**(payload or {}), "reason": reason}
    with transaction.atomic():
        # Re-read under a row lock (PostgreSQL); the version check below also covers SQLite.
        current = Case.objects.select_for_update().get(pk=case.pk)
        if expected_version is not None and current.version != expected_version:
            raise ConcurrentChange(
                _("The case was changed by someone else while you were working on it. "
                  "Reload the page to see its current state; nothing was changed by your request.")
            )
        if current.state not in action.sources:
            state = workflow.state(current.state)
            raise WorkflowError(
                _("“%(action)s” is not possible while the case is in the state “%(state)s”.")
                % {"action": action.label, "state": state.staff_name}
            )
        allowed, why = can_fire(actor, current, action)
        if not allowed:
            raise WorkflowError(why)
        if is_incomplete(current.facts) and action.id != "withdraw":
            # A draft saved incomplete holds the applicant's input, not facts the law could judge.
            raise WorkflowError(draft_refusal(current.facts))
        if action.needs_reason and not reason.strip():
            raise WorkflowError(_("Give a reason for this action."))
        if action.guard is not None:
            ok, why = action.guard(current, actor, payload)
            if not ok:
                raise WorkflowError(why)
        source = current.state
        now = timezone.now()
        # A final state closes the case (`open`), which frees its subject for a new case.
        updated = Case.objects.filter(pk=current.pk, version=current.version).update(
            state=action.target, state_entered_at=now, version=F("version") + 1,
            open=not workflow.state(action.target).final,
        )
        if not updated:
            raise ConcurrentChange(_("The case was changed by someone else; reload and try again."))
        current.refresh_from_db()
        if action.effect is not None:
            action.effect(current, actor, payload)
        logged = {k: v for k, v in payload.items() if k != "reason"}
        _log(current, action.id, source, action.target, actor, reason, logged, now)
        if workflow.state(action.target).agenda:
            try:  # voting opens: the members entitled to vote in this round are recorded now
                open_round(current, workflow)
            except VoteError as exc:
                raise WorkflowError(str(exc)) from None
        _set_deadline(current, workflow)
        if action.notify_applicant:
            # An effect may put the text the notice must carry in payload["notice"] (e.g. the grounds
            # of a decision recorded by an earlier action); otherwise the notice gives this reason.
            notify_applicant(current, action, payload.get("notice") or reason)
    current.refresh_from_db()
    return current
