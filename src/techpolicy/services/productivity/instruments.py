"""How the service routes the programme's instruments (seed 004, section 5.3): the workflow an
application follows and the family the targets count by. What each instrument is, reimburses and
caps is the law layer's (`act004_productivity2020.instruments.INSTRUMENTS`), never repeated here."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS

DIRECT_AND_NCE = ("productivity.direct", "productivity.nce")
WORKFLOWS: dict[str, tuple[str, ...]] = {
    "1": ("productivity.leasing",),
    **{code: DIRECT_AND_NCE for code in ("2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b")},
    "6": (),  # the Government's rules, not in the seed: no workflow
    "7": ("productivity.cluster_strategy",),
    "8": ("productivity.cluster_implementation",),
}

FAMILIES = {
    "1": _("Instrument 1. Long-term leasing financing"),
    "2": _("Instrument 2. Developing and/or expertise of an investment-project plan"),
    "3": _("Instrument 3. Raising enterprise competence"),
    "4": _("Instrument 4. Improving technological processes"),
    "5": _("Instrument 5. Raising the efficiency of production organisation"),
    "6": _("Instrument 6. Promotion of domestic processed goods, works and services"),
    "7": _("Instrument 7. Strategy and road map of a territorial cluster"),
    "8": _("Instrument 8. Implementing a territorial cluster's strategy and road map"),
}


def family(code: str) -> str:
    """"3b" -> "3": the instrument of the programme's text."""
    return code[0]


def name(code: str, lang: str | None = None) -> str:
    definition = INSTRUMENTS.get(code)
    if definition is None:
        return code
    lang = lang or translation.get_language() or "kk"
    return definition.name.get(lang) or definition.name["en"]


def for_workflow(workflow_id: str) -> tuple[str, ...]:
    """The instrument codes an application in this workflow may name."""
    return tuple(code for code, flows in WORKFLOWS.items() if workflow_id in flows)


def reimbursed() -> tuple[str, ...]:
    """The instruments whose amount the calculator computes (reimbursements, not leasing)."""
    return tuple(code for code, d in INSTRUMENTS.items() if d.availability == "reimbursement")


def choices(codes=None) -> list[tuple[str, str]]:
    return [(code, f"{code}. {name(code)}") for code in INSTRUMENTS if codes is None or code in codes]


def workflow_for(facts: dict) -> str:
    """The workflow an application follows: by its instrument and, for instruments 2–5, its channel."""
    flows = WORKFLOWS[facts["instrument"]]
    if flows == DIRECT_AND_NCE:
        return "productivity.nce" if facts.get("channel") == "nce" else "productivity.direct"
    return flows[0]
