"""The technopark's law layer as the casework sees it: the rules of seed 001 evaluated with the
parameters, calendar and activity-type list administrators maintain."""

import datetime as dt

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.law.acts import act001_technopark as act
from techpolicy.law.acts.act001_technopark import precheck as precheck_act
from techpolicy.law.acts.act001_technopark.facts import MAX_ENTITIES
from techpolicy.law.acts.act001_technopark.ownership import OwnershipLimits
from techpolicy.law.facts import parse_facts
from techpolicy.law.parameters import ParameterError

ACTIVITY_TYPES = "technopark.activity_types"


def activity_types(on: dt.date | None = None) -> dict[str, dict]:
    """The priority ICT activity types in the database, or the shipped sample when none is loaded."""
    return law_context.reference_list(ACTIVITY_TYPES, on) or act.sample_activity_types()


def ownership_limits() -> OwnershipLimits:
    """The system limits of the ownership graph (settings TECHPOLICY_OWNERSHIP_MAX_ENTITIES and
    _MAX_DEPTH). The facts model reads at most `MAX_ENTITIES` entities whatever the setting says."""
    return OwnershipLimits(max_entities=min(settings.TECHPOLICY_OWNERSHIP_MAX_ENTITIES, MAX_ENTITIES),
                           max_depth=settings.TECHPOLICY_OWNERSHIP_MAX_DEPTH)


def precheck(data: dict, on: dt.date | None = None):
    """Validate facts (raises InvalidFacts naming the field) and evaluate paragraphs 7 and 9."""
    facts = parse_facts(act.TechnoparkFacts, data)
    on = on or facts.application_date
    return act.evaluate_participation(
        facts,
        on,
        parameters=law_context.parameters(),
        calendar=law_context.calendar(),
        activity_types=activity_types(on),
        limits=ownership_limits(),
    )


_TERMS = (
    ("technopark.completeness_review_wd", "working", _("Completeness review of an application")),
    ("technopark.commission_decision_wd", "working", _("Decision of the selection commission")),
    ("technopark.activity_change_decision_wd", "working", _("Decision on a change of activity types")),
    ("technopark.certificate_wd", "working", _("Certificate after the contract is signed")),
    ("technopark.register_entry_wd", "working", _("Entry in the list of participants after the contract")),
    ("technopark.extension_notice_wd", "working", _("Extension request, before participation ends, at least")),
    ("technopark.housing_vacate_wd", "working", _("Vacating the housing after expulsion from acceleration")),
)


def terms_table(on: dt.date) -> list[dict]:
    """Every term of the service with its value on a date, or None where the source sets none."""
    parameters = law_context.parameters()
    rows = []
    for name, unit, label in _TERMS:
        definition = parameters.definition(name)
        try:
            value = parameters.get(name, on)
            days, citation = value.value, value.citation
        except ParameterError:
            days, citation = None, definition.values[-1].citation if definition.values else None
        rows.append({"parameter": name, "label": label, "unit": unit, "days": days,
                     "citation": citation.text(translation.get_language() or "kk") if citation else ""})
    return rows


def precheck_conditions(data: dict, tax: dict | None = None, on: dt.date | None = None):
    """Paragraph 7 and 9(3) only (the pre-check page and API); raises InvalidFacts."""
    data = dict(data)
    if tax is not None:
        data["documents"] = {"tax_debt": {"issued_on": tax["tax_issued_on"].isoformat(),
                                          "debt_kzt": str(tax["tax_debt_kzt"])}}
    facts = parse_facts(precheck_act.PrecheckFacts, data)
    on = on or facts.application_date
    return precheck_act.evaluate_precheck(facts, on, parameters=law_context.parameters(),
                                          calendar=law_context.calendar(), activity_types=activity_types(on),
                                          limits=ownership_limits())


def extension_last_day(participation_end: dt.date):
    return act.extension_last_day(participation_end, law_context.parameters(), law_context.calendar())
