"""What this service publishes to the others and to the public: the approved programmes (p.43)."""

from __future__ import annotations

from django.db.models import QuerySet

from techpolicy.casework.models import Case

WORKFLOW = "targeted_programmes.programme"


def approved_programmes(sector: str | None = None) -> QuerySet:
    """The approved programmes, newest first, optionally of one sector (several per sector, p.41)."""
    cases = Case.objects.filter(workflow=WORKFLOW, state="approved").select_related("organisation")
    if sector:
        cases = cases.filter(facts__sector=sector)
    return cases.order_by("-state_entered_at", "-pk")


def programme_name(case: Case) -> str:
    return str(((case.facts or {}).get("passport") or {}).get("name") or case.number)
