"""The workflow engine: create cases, fire actions, derive deadlines from the log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.law.parameters import ParameterError

from . import law_context
from .models import Case, Transition
from .notifications import notify_applicant
from .permissions import can_fire
from .workflow import Action, Workflow, get


class WorkflowError(Exception):
    """An action that cannot be taken; the message says why, in the user's language."""


class ConcurrentChange(WorkflowError):
    """Someone else changed the case since the form was loaded."""


def next_number(workflow: Workflow, year: int) -> str:
    prefix = f"{workflow.case_prefix}-{year}-"
    last = (
        Case.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
    )
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{sequence:05d}"


def create_case(workflow: Workflow, organisation, user, title: str = "", facts=None, parent=None) -> Case:
    now = timezone.now()
    for _attempt in range(5):  # a concurrent creation may take the same number: retry
        try:
            with transaction.atomic():
                case = Case.objects.create(
                    number=next_number(workflow, timezone.localdate().year),
                    workflow=workflow.id,
                    title=title,
                    organisation=organisation,
                    created_by=user,
                    parent=parent,
                    state=workflow.initial,
                    state_entered_at=now,
                    facts=facts or {},
                )
                _log(case, "create", "", workflow.initial, user, "", {}, now)
                _set_deadline(case, workflow)
                return case
        except Exception as exc:  # IntegrityError on the unique number
            if "unique" not in str(exc).lower():
                raise
    raise WorkflowError(_("Could not allocate a case number; please try again."))


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
        days = int(law_context.parameters().value(spec.parameter, start))
    except ParameterError:
        return {**base, "days": None, "due": None, "not_set": True}
    due = law_context.calendar().add(start, days) if spec.unit == "working" else start + dt.timedelta(days=days)
    return {**base, "days": days, "due": due.isoformat(), "not_set": False}


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
        if action.needs_reason and not reason.strip():
            raise WorkflowError(_("Give a reason for this action."))
        if action.guard is not None:
            ok, why = action.guard(current, actor, payload)
            if not ok:
                raise WorkflowError(why)
        source = current.state
        now = timezone.now()
        updated = Case.objects.filter(pk=current.pk, version=current.version).update(
            state=action.target, state_entered_at=now, version=F("version") + 1
        )
        if not updated:
            raise ConcurrentChange(_("The case was changed by someone else; reload and try again."))
        current.refresh_from_db()
        if action.effect is not None:
            action.effect(current, actor, payload)
        logged = {k: v for k, v in payload.items() if k != "reason"}
        _log(current, action.id, source, action.target, actor, reason, logged, now)
        _set_deadline(current, workflow)
        if action.notify_applicant:
            # An effect may put the text the notice must carry in payload["notice"] (e.g. the grounds
            # of a decision recorded by an earlier action); otherwise the notice gives this reason.
            notify_applicant(current, action, payload.get("notice") or reason)
    current.refresh_from_db()
    return current
