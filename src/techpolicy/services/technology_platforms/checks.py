"""The procedure "platform-coordinator" (000 p.25-27) as this service asks it.

A case keeps what the proposer entered. What the proposer cannot decide is read when the facts are
judged, on the date of the check: who the proposer is and which directions it supervises (p.27,
from the competence-centre service's published records), whether the coordinator is a designated
competence centre (p.26, from its register, never from the form) and whether the document of
recorded commitments is attached (p.25(5), a document of the case)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from techpolicy.accounts.models import Organisation
from techpolicy.casework import law_context
from techpolicy.casework.kit.checks import LawCheck, declare_check
from techpolicy.casework.models import Case
from techpolicy.law.rules import Verdict
from techpolicy.services.competence_centres import published as centres

PROCEDURE = "platform-coordinator"
COORDINATOR = declare_check(LawCheck(PROCEDURE))
COMMITMENTS = "commitments"  # the document kind of p.25(5)
# Keys of a case's facts that are the service's records, not facts of the procedure.
SERVICE_KEYS = ("planned_participants",)


def proposer_facts(organisation, on: dt.date) -> dict[str, Any]:
    """Who proposes (p.27): the organisation's name, whether it is a state body or a local executive
    body, and the directions it supervises on `on`."""
    kind = centres.state_body_kind(organisation) or "other"
    directions = sorted({direction for _sector, direction in centres.supervised_directions(organisation, on)})
    return {"proposer": organisation.name, "proposer_kind": kind, "supervised_directions": directions}


def coordinator_organisation(facts: dict) -> Organisation | None:
    """The coordinator as an organisation known to the system, found by its BIN."""
    bin_ = (((facts.get("proposal") or {}).get("coordinator") or {}).get("organisation") or {}).get("bin")
    return Organisation.objects.filter(bin=bin_).first() if bin_ else None


def centre_entry(facts: dict, on: dt.date):
    """The register entry designating the coordinator as a competence centre of the platform's
    sector on `on` (p.26), or None."""
    sector = (facts.get("proposal") or {}).get("sector")
    organisation = coordinator_organisation(facts)
    return centres.designated_centre(organisation, sector=sector, on=on) if organisation else None


def commitments_reference(case: Case) -> str | None:
    """The attached document of recorded commitments (p.25(5)), as the facts cite it."""
    document = case.documents.filter(kind=COMMITMENTS, superseded=False).order_by("-uploaded_at").first()
    if document is None:
        return None
    uploaded = document.uploaded_at.date().isoformat()
    return f"{case.number}: {document.original_name} ({uploaded}, sha256 {document.sha256[:12]})"


def law_facts(case: Case, on: dt.date | None = None) -> dict[str, Any]:
    """The facts of the procedure for `case` on `on` (today by default)."""
    on = on or law_context.today()
    facts = {k: v for k, v in copy.deepcopy(case.facts or {}).items() if k not in SERVICE_KEYS}
    proposal = facts.get("proposal")
    if isinstance(proposal, dict):
        proposal.update(proposer_facts(case.organisation, on))
        proposal["submitted_on"] = (case.submitted_on or on).isoformat()
        coordinator = proposal.get("coordinator")
        if isinstance(coordinator, dict):
            entry = centre_entry(facts, on)
            coordinator["is_competence_centre"] = entry is not None
            coordinator["competence_centre_entry"] = _entry_reference(entry) if entry is not None else None
            coordinator["commitments_document"] = commitments_reference(case)
    facts["checked_on"] = on.isoformat()
    return facts


def _entry_reference(entry) -> str:
    """The entry as the verdict cites it: its number on the register and the designating decision."""
    number = (entry.data or {}).get("decision_number") or ""
    return f"№ {entry.pk}, {number}".strip(", ")


def evaluate(case: Case, on: dt.date | None = None) -> Verdict:
    """The verdict on the case's facts on `on` (today by default)."""
    on = on or law_context.today()
    return COORDINATOR.evaluate(law_facts(case, on), on)
