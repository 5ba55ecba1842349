"""How an application for registration reads on its case page (casework.kit.presentation): the
organisation (p.7), its ownership as a tree with the state share along each branch (p.7(4), as the
law layer computes it), the documents (p.9), the Annex 3 business plan per project and the planned
staff (p.9(5)), labelled by the application form's own fields."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError

from techpolicy.casework.kit.presentation import Node, Presentation, Section
from techpolicy.law.acts.act001_technopark.facts import STATE_KINDS, Ownership
from techpolicy.law.acts.act001_technopark.ownership import holder_state_shares, percent_text, state_share

from . import forms, workflows

MAX_BRANCHES = 300  # branches drawn; a graph whose chains fan out further is summarised


def _kind(value: str) -> str:
    return str(dict(forms.HOLDER_KINDS).get(value, value))


def ownership_tree(value, facts: dict, labels) -> Node:
    """The applicant at the root, each holder under what it holds, with its share, its own state
    share and the part of the applicant's state share that comes along that branch."""
    name = (facts.get("applicant") or {}).get("name") or _("the applicant")
    tree = Node("tree", "", "ownership")
    try:
        ownership = Ownership.model_validate(value or {})
        shares = holder_state_shares(ownership)
        total = state_share(ownership, name).total
    except (ValidationError, ValueError, KeyError):
        tree.children.append(Node("note", _("The ownership structure cannot be read."), ""))
        return tree
    tree.value = _("%(name)s: state share %(share)s %% (directly or indirectly)") % {
        "name": name, "share": percent_text(total)}
    entities = {e.id: e for e in ownership.entities}
    budget = [MAX_BRANCHES]

    def branch(holding, carried: Decimal) -> Node | None:
        if budget[0] <= 0:
            return None
        budget[0] -= 1
        entity = entities.get(holding.holder)
        along = carried * holding.share / 100
        own = Decimal(100) if entity is not None and entity.kind in STATE_KINDS else shares.get(holding.holder, 0)
        label = f"{entity.name or entity.id} ({_kind(entity.kind)})" if entity else holding.holder
        node = Node("branch", label, "ownership", value=_(
            "holds %(share)s %%; its own state share %(own)s %%; state share along this branch %(along)s %%") % {
            "share": percent_text(holding.share), "own": percent_text(own),
            "along": percent_text(along * own / 100)})
        if entity is not None and entity.kind not in STATE_KINDS:
            for above in entity.shareholders:
                child = branch(above, along)
                if child is None:
                    break
                node.children.append(child)
        return node

    for holding in ownership.shareholders:
        child = branch(holding, Decimal(100))
        if child is None:
            tree.children.append(Node("note", _("Further holdings are not drawn; the state share above counts "
                                                "them all."), ""))
            break
        tree.children.append(child)
    return tree


ITEMS = {f"items.{n}": f"item_{n}" for n in range(1, 16)} | {"items": gettext_lazy("Business plan items (Annex 3)")}

PARTICIPATION = Presentation(
    workflows=(workflows.PARTICIPATION.id,),
    bundle=forms.APPLICATION,
    sections=(
        Section(gettext_lazy("Organisation (p. 7)"), "applicant", form="applicant"),
        Section(gettext_lazy("Ownership structure (p. 7(4))"), "ownership", kind="tree", build=ownership_tree),
        Section(gettext_lazy("Application date"), "application_date", form="tax"),
        Section(gettext_lazy("Documents (p. 9)"), "documents", form="documents",
                skip=("business_plan", "tax_debt", "planned_staff"),
                fields={"place_of_activity": gettext_lazy("Place of activity (p. 9(4))"),
                        "place_of_activity.kind": "place_kind", "place_of_activity.provided": "place_provided"}),
        Section(gettext_lazy("Tax-debt certificate (p. 9(3))"), "documents.tax_debt", form="tax",
                fields={"issued_on": "tax_issued_on", "debt_kzt": "tax_debt_kzt"}),
        Section(gettext_lazy("Business plan per project (Annex 3)"), "documents.business_plan.projects", kind="blocks",
                form="projects", fields=ITEMS, item_label=gettext_lazy("Project %(number)s")),
        Section(gettext_lazy("Planned staff (p. 9(5))"), "documents.planned_staff", form="documents"),
    ),
)
