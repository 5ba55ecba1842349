"""The criteria of law 003 article 20(6) as a decision form asks for them, for an innovation grant and
for every other support measure alike (003.a20.p6, 003.a20.p6.grants).

A decision rests on at least one criterion (reading R-G1), so each is optional on the form:
innovativeness and scale with their evidence; competitiveness with the result achieved, its unit,
the cost of achieving it and the similar projects it is compared with, one per line as
"name; result; cost". The law layer (`award_criteria`) judges what is given; this module only turns
the form into its facts, bounded, and never raises on what a browser sends."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.workflow import Field
from techpolicy.law.acts.act003_state_support.award_criteria import MAX_COMPARATORS

MAX_EVIDENCE = 4_000
MAX_PROGRAMME = 500
MAX_UNIT = 100
MAX_NAME = 200
MAX_SIMILAR_TEXT = MAX_COMPARATORS * (MAX_NAME + 60)
TEXT_CRITERIA = ("innovativeness", "scale")

FIELDS = (
    Field("innovativeness", _("Innovativeness (article 20(6)(1)): evidence, if relied on"), "textarea",
          required=False),
    Field("competitiveness", _("Competitiveness (article 20(6)(2)): evidence, if relied on"), "textarea",
          required=False),
    Field("competitiveness_result", _("Competitiveness: the result achieved (a number)"), required=False),
    Field("competitiveness_unit", _("Competitiveness: the unit of the result, e.g. tenge of added value"),
          required=False),
    Field("competitiveness_cost", _("Competitiveness: the cost of achieving it, tenge"), required=False),
    Field("competitiveness_similar", _("Competitiveness: similar projects compared with, one per line as "
                                       "“name; result; cost”"), "textarea", required=False),
    Field("scale", _("Scale (article 20(6)(3)): evidence, if relied on"), "textarea", required=False),
    Field("sectoral_programme", _("Sectoral programme providing the support (article 20(1))")),
)


def text(payload: dict, name: str, most: int = MAX_EVIDENCE) -> str:
    """A form's text with its whitespace folded, cut at `most` characters."""
    return " ".join(str(payload.get(name, ""))[: most * 2].split())[:most]


def _amount(raw: str) -> str:
    """A number as typed ("1 250,5" included) in the form the law layer reads ("1250.5"); what is
    no number is passed on as typed, for the law layer to name the field."""
    cleaned = raw.replace(" ", "").replace("\u00a0", "").replace(",", ".")[:40]
    try:
        Decimal(cleaned)
    except InvalidOperation:
        return raw[:40]
    return cleaned


def _similar(raw: str) -> list[dict]:
    rows = []
    for line in str(raw)[:MAX_SIMILAR_TEXT].splitlines()[: MAX_COMPARATORS + 1]:
        parts = [p.strip() for p in line.split(";")]
        if not any(parts):
            continue
        name, result, cost = (parts + ["", "", ""])[:3]
        rows.append({"name": name[:MAX_NAME], "result": _amount(result), "cost": _amount(cost)})
    return rows


def _competitiveness(payload: dict) -> dict | None:
    given = {name: text(payload, name) for name in ("competitiveness", "competitiveness_result",
                                                     "competitiveness_unit", "competitiveness_cost")}
    similar = _similar(payload.get("competitiveness_similar", ""))
    if not any(given.values()) and not similar:
        return None  # not relied on
    return {"evidence": given["competitiveness"], "result": _amount(given["competitiveness_result"]),
            "result_unit": given["competitiveness_unit"][:MAX_UNIT], "cost": _amount(given["competitiveness_cost"]),
            "similar": similar}


def award_from(payload: dict) -> dict:
    """The criteria of article 20(6) and the sectoral programme (article 20(1)) of a decision form,
    as stored with the case: {"basis": AwardBasis facts, "sectoral_programme": text}."""
    basis: dict = {name: {"evidence": text(payload, name)} for name in TEXT_CRITERIA if text(payload, name)}
    competitiveness = _competitiveness(payload)
    if competitiveness is not None:
        basis["competitiveness"] = competitiveness
    return {"basis": basis, "sectoral_programme": text(payload, "sectoral_programme", MAX_PROGRAMME)}

