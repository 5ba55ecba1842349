"""The form of an application for a support measure of law 003 (articles 21-33), made from the facts
its procedure reads (`measures.SPECS[measure].facts`), so the form and the rules cannot drift
apart: a fact the law layer adds to a measure appears on its form, and a test keeps every fact and
every choice labelled in the reader's language (no internal code reaches a page).

The law layer still judges what is entered; this form bounds it (lengths, numbers) and turns it
into the facts' shapes: a Finding from its evidence, a list of codes from a text of codes."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, Literal

from annotated_types import Ge, Le, MaxLen
from django import forms
from django.utils.translation import gettext_lazy as _
from pydantic.fields import FieldInfo

from techpolicy.law.acts.act003_state_support.award_criteria import Finding
from techpolicy.law.acts.act003_state_support.decision_facts import DecisionFacts
from techpolicy.law.acts.act003_state_support.measures import MAX_GOODS, SPECS
from techpolicy.site.money import MoneyField

COMMON = frozenset(DecisionFacts.model_fields)  # the applicant, dates and decision facts: not the measure's own
MAX_TEXT = 4_000
MAX_CODES_TEXT = MAX_GOODS * 42

LABELS: dict[str, Any] = {
    "provider": _("Who provides the support"),
    "purpose": _("The project"),
    "leasing": _("The financing is leasing"),
    "term_months": _("Term of the financing, months"),
    "lender": _("The loan comes from"),
    "own_contribution": _("Own contribution to the project (property or money), tenge"),
    "instrument": _("Interest to be subsidised on"),
    "issuer": _("The bonds are issued by"),
    "working_capital": _("The loan or bonds replenish working capital"),
    "productivity_and_priority_sectors": _("Fit with the productivity goals and the priority sectors (article "
                                           "25(1)): evidence"),
    "economic_and_financial_attractiveness": _("Economic and financial attractiveness (article 25(2)): evidence"),
    "technological_potential": _("Orientation to technological potential, output and deeper processing (article "
                                 "25(3)): evidence"),
    "buyer": _("Who places the order"),
    "memorandum": _("Technological memorandum the order rests on"),
    "specialty": _("Code of the specialty"),
    "specialty_kind": _("Kind of the specialty"),
    "trained_in_kazakhstan": _("The specialty is taught in Kazakhstan"),
    "costs": _("Costs to be reimbursed"),
    "goods": _("Codes of the processed domestic goods promoted abroad, separated by spaces or commas"),
}

CHOICES: dict[str, Any] = {
    "development_bank": _("the Development Bank of Kazakhstan"),
    "national_development_institution": _("a national development institution designated by the Government"),
    "new_project": _("a new industrial-innovative project"),
    "new_competitive_production": _("new competitive production"),
    "modernisation": _("modernisation of existing production"),
    "expansion": _("expansion of existing production"),
    "second_tier_bank": _("a second-tier bank"),
    "financial_institution": _("another financial institution"),
    "loan": _("a loan"),
    "bond": _("bonds"),
    "the_subject": _("the subject itself"),
    "national_managing_holding": _("a national managing holding"),
    "national_holding": _("a national holding"),
    "national_company": _("a national company"),
    "affiliated_entity": _("an entity affiliated with one of them"),
    "technical": _("technical"),
    "technological": _("technological"),
    "comprehensive_plan_consulting": _("consulting companies engaged for the project's comprehensive plan"),
    "expertise_consulting": _("consulting companies engaged for the project's expertise"),
    "domestic_promotion": _("promoting goods, works and services on the domestic market"),
    "other": _("something else"),
}


def own_facts(measure_id: str) -> dict[str, FieldInfo]:
    """The facts a measure's procedure reads beyond those every decision shares."""
    return {k: f for k, f in SPECS[measure_id].facts.model_fields.items() if k not in COMMON}


def _bare(annotation) -> tuple[Any, bool]:
    """The annotation without `| None`, and whether None was allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def _bound(info: FieldInfo, kind: type, attribute: str, default: Any = None) -> Any:
    return next((getattr(m, attribute) for m in info.metadata if isinstance(m, kind)), default)


def field_for(name: str, info: FieldInfo) -> forms.Field:
    """The form field of one fact: a choice for a Literal, a checkbox for a flag, a bounded number or
    text otherwise; optional where the fact is."""
    annotation, nullable = _bare(info.annotation)
    required = info.is_required() and not nullable
    label = LABELS[name]
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        choices = [(v, CHOICES[v]) for v in values]
        return forms.ChoiceField(label=label, choices=choices if required else [("", "—"), *choices],
                                 required=required)
    if annotation is bool:
        return forms.BooleanField(label=label, required=False)
    if annotation is int:
        return forms.IntegerField(label=label, min_value=_bound(info, Ge, "ge"), max_value=_bound(info, Le, "le"))
    if annotation is Finding:
        return forms.CharField(label=label, required=False, max_length=MAX_TEXT,
                               widget=forms.Textarea(attrs={"rows": 2}))
    if typing.get_origin(annotation) is list:
        return forms.CharField(label=label, max_length=MAX_CODES_TEXT, widget=forms.Textarea(attrs={"rows": 2}))
    if name == "own_contribution":
        return MoneyField(label=label, min_value=0)
    return forms.CharField(label=label, required=required, max_length=_bound(info, MaxLen, "max_length", MAX_TEXT))


class MeasureForm(forms.Form):
    """The measure's own facts, one field each, in the order its facts model gives them."""

    def __init__(self, measure_id: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure_id = measure_id
        for name, info in own_facts(measure_id).items():
            self.fields[name] = field_for(name, info)

    def facts(self) -> dict:
        """The cleaned form as the measure's facts."""
        found: dict[str, Any] = {}
        for name, info in own_facts(self.measure_id).items():
            value = self.cleaned_data.get(name)
            annotation, _nullable = _bare(info.annotation)
            if annotation is Finding:
                value = {"evidence": value} if value else None
            elif typing.get_origin(annotation) is list:
                value = [code for code in re.split(r"[\s,;]+", value or "") if code][: MAX_GOODS + 1]
            elif annotation is not bool and value == "":
                value = None if info.default is None else value
            elif hasattr(value, "as_tuple"):  # a Decimal: tenge with tiyn as text
                value = f"{value:.2f}"
            found[name] = value
        return found

    @classmethod
    def initial_from(cls, measure_id: str, facts: dict) -> dict:
        """The form's initial values from stored facts (the reverse of `facts`)."""
        initial = {}
        for name, info in own_facts(measure_id).items():
            value = facts.get(name)
            annotation, _nullable = _bare(info.annotation)
            if annotation is Finding:
                value = (value or {}).get("evidence", "")
            elif typing.get_origin(annotation) is list:
                value = " ".join(value or [])
            initial[name] = value
        return initial
