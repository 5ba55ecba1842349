"""Who owns a monitoring plan and who may do what with it.

A plan names its owner by kind and reference (`models.Plan.owner_kind`, `owner_ref`) so that this
app depends on no service. The service that owns plans of a kind registers an `OwnerKind` here from
its `AppConfig.ready()`: the monitoring pages ask it who may read a plan, enter and submit actuals,
approve them and report, and where the owner's own page is. A plan of a kind nobody registered is
shown to nobody and changed by nobody: an unknown owner grants nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Ask = Callable[[Any, Any], bool]  # (user, plan) -> allowed; the user may be anonymous


def _nobody(user, plan) -> bool:
    return False


@dataclass(frozen=True)
class OwnerKind:
    """The owner's answers for the plans of one kind.

    - `may_read`: the plan's monitoring pages (dashboard, indicators, obligations);
    - `public`: the plan's progress is published (readable without signing in, restricted fields left out);
    - `may_enter`: enter actuals with their evidence, submit them, mark obligations done;
    - `may_approve`: approve submitted actuals (never the same person who submitted them);
    - `may_report`: write and submit the plan's report for the user's organisation;
    - `owner_url`: the page of the record owning the plan (a programme, a territory), or "".
    """

    kind: str
    label: Any  # lazy translation: "Targeted technology programme"
    may_read: Ask = _nobody
    public: Callable[[Any], bool] = lambda plan: False
    may_enter: Ask = _nobody
    may_approve: Ask = _nobody
    may_report: Ask = _nobody
    owner_url: Callable[[Any], str] = lambda plan: ""


_OWNERS: dict[str, OwnerKind] = {}
NOBODY = OwnerKind(kind="", label="")


def register_owner(owner: OwnerKind) -> OwnerKind:
    """Register the owner of a plan kind (idempotent for the same kind, as `ready()` may run twice)."""
    _OWNERS[owner.kind] = owner
    return owner


def owner_of(plan) -> OwnerKind:
    """The registered owner of `plan`'s kind, or one that grants nothing."""
    return _OWNERS.get(plan.owner_kind, NOBODY)


def may_read(user, plan) -> bool:
    owner = owner_of(plan)
    return owner.public(plan) or owner.may_read(user, plan)
