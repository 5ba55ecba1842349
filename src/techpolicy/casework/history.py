"""The history of a case as the case page shows it: the transition log and the case's events
(documents attached, the application edited) merged in time order, each row in the reader's
language (issue 10, item 6)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Case, CaseEvent
from .workflow import Workflow


def actor_name(actor, case: Case, staff: bool) -> str:
    """Who did it, as the reader may see it: staff of the case see everyone; the applicant sees the
    people of its own organisation, not the names of the officials."""
    if actor is None:
        return ""
    if staff or (actor.organisation_id is not None and actor.organisation_id == case.organisation_id):
        return actor.get_full_name() or actor.username
    return ""


def case_history(case: Case, workflow: Workflow, document_labels: dict, staff: bool) -> list[dict]:
    """Rows with `at`, `action`, `from`, `to`, `by`, `reason` and, for an upload, `document` and
    `kind`; oldest first, a transition before an event of the same instant."""
    names = {s.id: s.staff_name for s in workflow.states}
    rows = []
    for t in case.transitions.select_related("actor"):
        action = workflow.action(t.action)
        label = action.label if action else (_("Case created") if t.action == "create" else t.action)
        rows.append({"at": t.at, "order": 0, "action": label, "from": names.get(t.from_state, t.from_state),
                     "to": names.get(t.to_state, t.to_state), "by": actor_name(t.actor, case, staff),
                     "reason": t.reason})
    for event in CaseEvent.objects.filter(case=case).select_related("actor", "document"):
        rows.append({"at": event.at, "order": 1, "from": "", "to": "", "by": actor_name(event.actor, case, staff),
                     **_described(event, document_labels)})
    rows.sort(key=lambda row: (row["at"], row["order"]))
    return rows


def _described(event: CaseEvent, document_labels: dict) -> dict:
    if event.kind == CaseEvent.DOCUMENT_UPLOADED and event.document is not None:
        document = event.document
        return {"action": _("Document attached"), "document": document,
                "kind": document_labels.get(document.kind, document.kind),
                "reason": _("version %(version)s") % {"version": document.version}}
    if event.kind == CaseEvent.FACTS_EDITED:
        changed = len(event.detail.get("changed", []))
        return {"action": _("Application edited"),
                "reason": ngettext("%(count)s part of the application changed",
                                   "%(count)s parts of the application changed", changed) % {"count": changed}
                if changed else _("saved without changes")}
    return {"action": event.kind, "reason": ""}
