"""The what-if page in the reader's language: parameters by their label with the value in force
written for the language, instruments by their name, outcomes by a phrase, amounts in tenge as the
locale writes them. The stored comparison keeps its machine form (codes, plain decimals)."""

from __future__ import annotations

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from techpolicy.law import display, units
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS
from techpolicy.law.parameters import Parameters
from techpolicy.site import amounts

OUTCOMES = {
    "granted": gettext_lazy("reimbursement granted"),
    "nothing_to_reimburse": gettext_lazy("nothing to reimburse"),
    "not_eligible": gettext_lazy("not eligible"),
    "not_available": gettext_lazy("instrument not available"),
    "not_set": gettext_lazy("a value is not set by the source document"),
    "not_reimbursement": gettext_lazy("not a reimbursement instrument"),
    "not_in_force": gettext_lazy("the programme is not in force on that date"),
    "invalid": gettext_lazy("the application's data are invalid"),
}

# A malformed new value, said by the kind of value the parameter takes.
_EXPECTED = {
    "decimal": gettext_lazy("Enter a number, e.g. 40 or 12.5."),
    "int": gettext_lazy("Enter a whole number, e.g. 15."),
    "date": gettext_lazy("Enter a date as YYYY-MM-DD, e.g. 2016-07-03."),
}


def language() -> str:
    return get_language() or "kk"


def in_scope(name: str) -> bool:
    """The parameters an analyst may change here: the programme's and the MCI its caps are in."""
    return name.startswith("p2020.") or name == "mci"


def parameter_choices(parameters: Parameters) -> list[tuple[str, str]]:
    """Each parameter by its label with its latest value, so the analyst sees the scale to change."""
    lang = language()
    choices = [("", "—")]
    for name in parameters.names():
        if in_scope(name):
            latest = parameters.definition(name).values[-1]
            shown = display.value_text(latest, lang) or _("not set by the source document")
            choices.append((name, f"{display.label(name, lang, parameters)} — {shown}"))
    return choices


def malformed_value(parameters: Parameters, name: str) -> str:
    kind = parameters.definition(name).type
    return str(_EXPECTED.get(kind, gettext_lazy("This value cannot be read for this parameter.")))


def instrument_name(code: str) -> str:
    if code == "all":
        return _("all instruments")
    definition = INSTRUMENTS.get(code)
    if definition is None:
        return code
    return definition.name.get(language()) or definition.name["en"]


def _tenge(amount) -> str:
    return amounts.tenge(amount) if amount not in (None, "") else "—"


def result_context(stored: dict, parameters: Parameters) -> dict:
    """The stored comparison with everything a reader sees put in the page's language."""
    lang = language()
    comparison = stored["comparison"]
    summaries = [
        {**s, "name": instrument_name(s["instrument"]), "total_baseline_text": _tenge(s["total_baseline"]),
         "total_reform_text": _tenge(s["total_reform"]), "total_change_text": _tenge(s["total_change"])}
        for s in comparison["instruments"]
    ]
    changes = [
        {**r, "instrument_name": instrument_name(r["instrument"]),
         "baseline_outcome_text": OUTCOMES.get(r["baseline_outcome"], r["baseline_outcome"]),
         "reform_outcome_text": OUTCOMES.get(r["reform_outcome"], r["reform_outcome"]),
         "baseline_amount_text": _tenge(r["baseline_amount"]), "reform_amount_text": _tenge(r["reform_amount"]),
         "change_text": _tenge(r["change"])}
        for r in comparison["largest_changes"]
    ]
    reform = []
    for name, value in (comparison.get("reform") or {}).items():
        try:
            unit = parameters.definition(name).unit
        except KeyError:
            unit = ""
        reform.append({"name": name, "label": display.label(name, lang, parameters),
                       "value": units.quantity(value, unit, lang)})
    return {"comparison": comparison, "count": stored["count"], "summaries": summaries, "changes": changes,
            "reform": reform}
