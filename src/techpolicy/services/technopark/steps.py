"""Guards and effects of the technopark workflows. Each guard returns (ok, reason) with the
paragraph that decides; each effect runs inside the transition's transaction."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from techpolicy.casework import decisions, law_context, registers
from techpolicy.casework.kit.verdicts import all_of, eligible, resubmission
from techpolicy.casework.kit.verdicts import store_verdict as kit_store_verdict
from techpolicy.casework.models import (
    Contract,
    Decision,
    RegisterEntry,
)
from techpolicy.casework.registers import certificates
from techpolicy.casework.steps import record_remark, refusal, verdict_guard
from techpolicy.law.acts.act001_technopark import procedures as act
from techpolicy.law.acts.act001_technopark.services import SERVICES_APPLICATION
from techpolicy.law.citation import Citation

from . import checks
from . import participants as register
from .law import activity_types

COMMISSION_KEY = "technopark-selection"
# The procedure of the law that judges the selection commission's members (p.13): the value of its
# `Commission.composition`.
COMMISSION_COMPOSITION = "technopark-commission-composition"
REGISTER = register.REGISTER
REQUIRED_DOCUMENTS = ("business_plan", "tax_debt_certificate", "place_of_activity")


# --- participation -------------------------------------------------------------------------

def documents_attached(case, actor, payload) -> tuple[bool, str]:
    """Paragraph 9: the business plan, the tax-debt certificate and the place of activity attached."""
    missing = [k for k in REQUIRED_DOCUMENTS if not case.documents.filter(kind=k, superseded=False).exists()]
    if missing:
        return False, _("Attach the documents of paragraph 9: %(kinds)s.") % {"kinds": ", ".join(missing)}
    return True, ""


# Paragraphs 7 and 9: the facts of the application pass the rules, and the documents are attached.
facts_eligible = all_of(eligible(checks.PARTICIPATION), documents_attached)
# The verdict the decision will rest on, stored at submission and again at resubmission.
store_verdict = kit_store_verdict(checks.PARTICIPATION)
record_remarks = record_remark
answer_remarks = resubmission(checks.PARTICIPATION)


# Paragraph 13: the commission must be composed as the rules require before it gets cases.
commission_composed = decisions.commission_composed(Citation("001", "13"))


def complete_and_eligible(case, actor, payload) -> tuple[bool, str]:
    ok, why = facts_eligible(case, actor, payload)
    if not ok:
        return ok, why
    return commission_composed(case, actor, payload)


record_admission = decisions.record_decision("admission", "approved", ["001 p.13"])
record_refusal = decisions.record_decision("admission", "refused", ["001 p.13"])


def contract_terms_valid(case, actor, payload) -> tuple[bool, str]:
    try:
        signed = dt.date.fromisoformat(payload["signed_on"])
        start = dt.date.fromisoformat(payload["valid_from"])
        end = dt.date.fromisoformat(payload["valid_until"])
    except (KeyError, TypeError, ValueError):
        return False, _("Give the contract's signing date and participation period as dates.")
    if not payload.get("number", "").strip():
        return False, _("Give the contract number.")
    if end <= start:
        return False, _("The participation period must end after it starts.")
    if signed > law_context.today():
        return False, _("The signing date cannot be in the future.")
    return True, ""


def record_contract(case, actor, payload) -> None:
    Contract.objects.create(
        case=case, number=payload["number"].strip(), signed_on=payload["signed_on"],
        valid_from=payload["valid_from"], valid_until=payload["valid_until"],
    )


def _certificate_kinds():
    # The service's declaration imports the workflows, which import these steps: read it when used.
    from .service import EXTENSION, REGISTRATION

    return REGISTRATION, EXTENSION


def _approved(case, kind: str) -> Decision | None:
    """The case's latest approving decision of `kind`: the basis a register change rests on."""
    return case.decisions.filter(kind=kind, outcome="approved").order_by("-decided_at", "-pk").first()


def issue_certificate(case, actor, payload) -> None:
    """Paragraph 18: the registration certificate (form of Annex 1, not in the seed), numbered
    AH-C-<year>-NNNNNN by the kind's counter."""
    contract = case.contract
    certificates.issue(
        _certificate_kinds()[0].key, case=case, issued_on=law_context.today(), valid_from=contract.valid_from,
        valid_until=contract.valid_until, activity_types=case.facts.get("applicant", {}).get("activity_types", []),
    )


def enter_register(case, actor, payload) -> None:
    """Paragraphs 20-21: entry in the published list of participants, on the commission's admission."""
    certificate = case.certificates.filter(kind=_certificate_kinds()[0].key).first()
    registers.enter(
        register.PARTICIPANTS, on=law_context.today(), citation=register.ENTRY, decision=_approved(case, "admission"),
        organisation=case.organisation, case=case, certificate=certificate, name=case.organisation.name,
        bin=case.organisation.bin or "", data={"activity_types": list(certificate.activity_types)},
        valid_from=certificate.valid_from, valid_until=certificate.valid_until,
    )


def has_certificate(case, actor, payload) -> tuple[bool, str]:
    if not case.certificates.exists():
        return False, _("Issue the certificate first (paragraph 18).")
    return True, ""


# --- activity change (9-1), extension (36), early termination (41), services (48) -----------

def participant_entry_of(participation_case) -> RegisterEntry | None:
    return RegisterEntry.objects.filter(register=REGISTER, case=participation_case,
                                        status=RegisterEntry.STATUS_ACTIVE).first()


def participant_entry(case) -> RegisterEntry | None:
    """The register entry a follow-up case (activity change, extension, ...) concerns."""
    return participant_entry_of(case.parent) if case.parent_id else None


_activity_change_rules = verdict_guard(lambda case: act.ACTIVITY_CHANGE.evaluate(
    case.facts, law_context.today(), law_context.parameters(), law_context.calendar(),
    references={"activity_types": activity_types()}))


def activity_change_valid(case, actor, payload) -> tuple[bool, str]:
    if participant_entry(case) is None:
        return False, _("Only a registered participant may change its activity types (paragraph 9-1).")
    return _activity_change_rules(case, actor, payload)


def apply_activity_change(case, actor, payload) -> None:
    entry = participant_entry(case)
    decisions.record_decision("activity_change", "approved", ["001 p.9-1"])(case, actor, payload)
    new = case.facts.get("new_activity_types", entry.data.get("activity_types", []))
    registers.change(entry, on=law_context.today(), citation=register.ACTIVITY_CHANGE,
                     decision=_approved(case, "activity_change"), data={"activity_types": list(new)})


def _extension_verdict(case):
    entry = participant_entry(case)
    if entry is None:
        return None
    return act.EXTENSION.evaluate({"filed_on": law_context.today(), "participation_end": entry.valid_until},
                                  calendar=law_context.calendar(), parameters=law_context.parameters())


def extension_in_time(case, actor, payload) -> tuple[bool, str]:
    verdict = _extension_verdict(case)
    if verdict is None:
        return False, _("Only a registered participant may apply for an extension (paragraph 36).")
    return (True, "") if verdict.eligible else (False, refusal(verdict))


def extension_late(case, actor, payload) -> tuple[bool, str]:
    verdict = _extension_verdict(case)
    if verdict is None or verdict.eligible:
        return False, _("The application is in time; submit it instead.")
    return True, ""


def record_late_refusal(case, actor, payload) -> None:
    verdict = _extension_verdict(case)
    case.verdict = verdict.as_dict()
    case.save(update_fields=["verdict"])
    Decision.objects.create(case=case, kind="extension", outcome="refused", basis=["001 p.36"],
                            verdict=case.verdict, decided_at=case.state_entered_at, recorded_by=actor)


def extension_terms_valid(case, actor, payload) -> tuple[bool, str]:
    entry = participant_entry(case)
    try:
        until = dt.date.fromisoformat(payload["valid_until"])
    except (KeyError, TypeError, ValueError):
        return False, _("Give the new end date of participation.")
    if entry is None or until <= entry.valid_until:
        return False, _("The new end date must be after the current one.")
    return True, ""


def grant_extension(case, actor, payload) -> None:
    """Paragraph 36: the extension certificate (form of Annex 2, not in the seed)."""
    entry = participant_entry(case)
    issued = law_context.today()
    until = dt.date.fromisoformat(payload["valid_until"])
    certificate = certificates.issue(
        _certificate_kinds()[1].key, case=case, issued_on=issued, valid_from=entry.valid_until, valid_until=until,
        activity_types=list(entry.data.get("activity_types", [])),
    )
    decision = Decision.objects.create(case=case, kind="extension", outcome="approved", basis=["001 p.36"],
                                       decided_at=case.state_entered_at, recorded_by=actor)
    registers.change(entry, on=issued, citation=register.EXTENSION, decision=decision, valid_until=until,
                     certificate=certificate)


termination_grounds_valid = verdict_guard(lambda case: act.EARLY_TERMINATION.evaluate(
    {"grounds": case.facts.get("grounds", [])}, law_context.today(), law_context.parameters(), law_context.calendar()))


def terminate_participation(case, actor, payload) -> None:
    decisions.record_decision("termination", "approved", ["001 p.41"])(case, actor, payload)
    entry = participant_entry(case)
    if entry is not None:
        registers.end(entry, on=law_context.today(), citation=register.TERMINATION,
                      decision=_approved(case, "termination"),
                      note={"grounds": case.facts.get("grounds", []), "case": case.number})


record_termination_rejected = decisions.record_decision("termination", "refused", ["001 p.41"])


services_application_valid = verdict_guard(lambda case: SERVICES_APPLICATION.evaluate(
    case.facts, law_context.today(), law_context.parameters(), law_context.calendar()))
