"""How a "Productivity 2020" application reads on its case page (casework.kit.presentation): the
instrument, the applicant, the leased object (instrument 1), the executors, the cost lines and the
reimbursement calculated line by line by the law layer's calculator (section 5.3), labelled by the
application form's own fields."""

from __future__ import annotations

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from techpolicy.casework.kit.presentation import Node, Presentation, Section, money
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import ParameterError

from . import forms, law, workflows

STEPS = {"cost": gettext_lazy("cost"), "exclusion": gettext_lazy("exclusion"),
         "share": gettext_lazy("share reimbursed"), "cap": gettext_lazy("cap")}


def _citation(citation: dict | None, lang: str) -> str:
    if not citation:
        return "—"
    return Citation.parse(citation).text(lang)


def calculation_lines(value, facts: dict, labels) -> Node:
    """The reimbursement as the calculator gives it: the amount, then every cost, exclusion, share
    and cap with its amounts before and after and the paragraph it applies."""
    lang = (get_language() or "kk")[:2]
    table = Node("table", "", "costs")
    try:
        result = law.calculation(facts).as_dict(lang)
    except (InvalidFacts, ParameterError) as exc:
        table.kind, table.value = "field", str(exc)
        table.label = _("The reimbursement cannot be calculated")
        return table
    kinds = {c.get("id"): dict(forms.COST_KINDS).get(c.get("kind"), c.get("kind")) for c in facts.get("costs") or []}
    if result["calculated"]:
        table.value = _("Reimbursement: %(amount)s (eligible costs %(eligible)s)") % {
            "amount": money(result["amount"]), "eligible": money(result["eligible_costs"])}
    else:
        table.value = " ".join([_("Not calculated."), *result["reasons"]])
    table.columns = [_("Cost"), _("Step"), _("Before"), _("After"), _("Why"), _("Legal basis")]
    table.rows = [[
        " · ".join(str(p) for p in (line["cost_id"], kinds.get(line["cost_id"]), line["person"]) if p) or "—",
        str(STEPS.get(line["kind"], line["kind"])), money(line["before"]), money(line["after"]),
        line["reason"] or "—", _citation(line["citation"], lang),
    ] for line in result["lines"]]
    return table


PROGRAMME = Presentation(
    workflows=tuple(w.id for w in workflows.ALL),
    bundle=forms.APPLICATION,
    sections=(
        Section(gettext_lazy("Instrument and application date"), "", form="basics",
                keys=("application_date", "instrument", "construction_installation_cost_kzt")),
        Section(gettext_lazy("How the application was filed"), "", form="channel", keys=("channel",), optional=True),
        Section(gettext_lazy("Applicant"), "applicant", form="applicant"),
        Section(gettext_lazy("Leased object (instrument 1)"), "leasing", form="leasing", optional=True),
        # An executor reads as its full name: the short name is only what the costs refer to it by.
        Section(gettext_lazy("Executors"), "executors", kind="table", form="executors",
                fields={"id": gettext_lazy("Executor")}, refers={"id": ("executors", "name")}, skip=("name",)),
        Section(gettext_lazy("Cost lines"), "costs", kind="table", form="costs", fields={"id": gettext_lazy("No.")},
                refers={"executor": ("executors", "name")}),
        Section(gettext_lazy("Reimbursement calculated line by line (5.3)"), "costs", kind="lines",
                build=calculation_lines),
    ),
)
