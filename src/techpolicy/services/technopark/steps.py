"""Guards and effects of the technopark workflows. Each guard returns (ok, reason) with the
paragraph that decides; each effect runs inside the transition's transaction."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.commission import member_facts, tally
from techpolicy.casework.models import (
    Certificate,
    Commission,
    Contract,
    Decision,
    RegisterEntry,
)
from techpolicy.casework.steps import answer_remarks as answer_open_remarks
from techpolicy.casework.steps import incomplete, record_remark, refusal, verdict_guard
from techpolicy.law.acts import act001_technopark as act
from techpolicy.law.facts import InvalidFacts

from .law import activity_types, precheck

COMMISSION_KEY = "technopark-selection"
REGISTER = "technopark.participants"
REQUIRED_DOCUMENTS = ("business_plan", "tax_debt_certificate", "place_of_activity")


def selection_commission() -> Commission | None:
    return Commission.objects.filter(key=COMMISSION_KEY).first()


# --- participation -------------------------------------------------------------------------

def facts_eligible(case, actor, payload) -> tuple[bool, str]:
    """Paragraphs 7 and 9: the facts of the application must pass the rules."""
    try:
        verdict = precheck(case.facts)
    except InvalidFacts as exc:
        return False, incomplete(exc)
    if not verdict.eligible:
        return False, refusal(verdict)
    missing = [k for k in REQUIRED_DOCUMENTS if not case.documents.filter(kind=k, superseded=False).exists()]
    if missing:
        return False, _("Attach the documents of paragraph 9: %(kinds)s.") % {"kinds": ", ".join(missing)}
    return True, ""


def store_verdict(case, actor, payload) -> None:
    verdict = precheck(case.facts)
    case.verdict = verdict.as_dict()
    case.submitted_on = law_context.today()
    case.save(update_fields=["verdict", "submitted_on"])


record_remarks = record_remark


def answer_remarks(case, actor, payload) -> None:
    store_verdict(case, actor, payload)
    answer_open_remarks(case, actor, payload)


def commission_composed(case, actor, payload) -> tuple[bool, str]:
    """Paragraph 13: the commission must be composed as the rules require before it gets cases."""
    commission = selection_commission()
    if commission is None:
        return False, _("The selection commission has not been set up yet (paragraph 13).")
    verdict = act.evaluate_commission_composition(
        member_facts(commission), law_context.today(), law_context.parameters(), law_context.calendar())
    if not verdict.eligible:
        return False, refusal(verdict)
    return True, ""


def complete_and_eligible(case, actor, payload) -> tuple[bool, str]:
    ok, why = facts_eligible(case, actor, payload)
    if not ok:
        return ok, why
    return commission_composed(case, actor, payload)


def _decision_guard(want_approved: bool):
    def guard(case, actor, payload) -> tuple[bool, str]:
        commission = selection_commission()
        if commission is None:
            return False, _("The selection commission has not been set up yet (paragraph 13).")
        result = tally(case, commission)
        if not result.quorum_met:
            return False, _("No quorum: %(cast)s of the %(quorum)s votes the regulations require.") % {
                "cast": result.cast, "quorum": result.quorum}
        if result.approved != want_approved:
            return False, _("The votes cast do not support this decision.")
        return True, ""

    return guard


decision_approves = _decision_guard(True)
decision_refuses = _decision_guard(False)


def _record_decision(kind: str, outcome: str, basis: list[str]):
    def effect(case, actor, payload) -> None:
        commission = selection_commission()
        Decision.objects.create(
            case=case, kind=kind, outcome=outcome, basis=basis,
            tally=tally(case, commission).as_dict() if commission else {},
            verdict=case.verdict, minutes=payload.get("reason", ""),
            decided_at=case.state_entered_at, recorded_by=actor,
        )

    return effect


record_admission = _record_decision("admission", "approved", ["001 p.13"])
record_refusal = _record_decision("admission", "refused", ["001 p.13"])


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


def _certificate_number(kind: str, issued: dt.date) -> str:
    prefix = f"AH-{'C' if kind == Certificate.KIND_REGISTRATION else 'E'}-{issued.year}-"
    last = Certificate.objects.filter(number__startswith=prefix).order_by("-number").values_list(
        "number", flat=True).first()
    return f"{prefix}{(int(last.rsplit('-', 1)[1]) + 1) if last else 1:06d}"


def issue_certificate(case, actor, payload) -> None:
    """Paragraph 18: the registration certificate (form of Annex 1, not in the seed)."""
    contract = case.contract
    issued = law_context.today()
    Certificate.objects.create(
        number=_certificate_number(Certificate.KIND_REGISTRATION, issued),
        kind=Certificate.KIND_REGISTRATION, case=case, organisation=case.organisation,
        issued_on=issued, valid_from=contract.valid_from, valid_until=contract.valid_until,
        activity_types=case.facts.get("applicant", {}).get("activity_types", []),
    )


def enter_register(case, actor, payload) -> None:
    """Paragraphs 20-21: entry in the published list of participants."""
    certificate = case.certificates.filter(kind=Certificate.KIND_REGISTRATION).first()
    RegisterEntry.objects.create(
        register=REGISTER, organisation=case.organisation, case=case, certificate=certificate,
        name=case.organisation.name, bin=case.organisation.bin or "",
        activity_types=certificate.activity_types, entered_on=law_context.today(),
        valid_from=certificate.valid_from, valid_until=certificate.valid_until,
    )


def has_certificate(case, actor, payload) -> tuple[bool, str]:
    if not case.certificates.exists():
        return False, _("Issue the certificate first (paragraph 18).")
    return True, ""


# --- activity change (9-1), extension (36), early termination (41), services (48) -----------

def participant_entry_of(participation_case) -> RegisterEntry | None:
    return RegisterEntry.objects.filter(case=participation_case, status=RegisterEntry.STATUS_ACTIVE).first()


def participant_entry(case) -> RegisterEntry | None:
    """The register entry a follow-up case (activity change, extension, ...) concerns."""
    return participant_entry_of(case.parent) if case.parent_id else None


_activity_change_rules = verdict_guard(lambda case: act.evaluate_activity_change(
    case.facts, law_context.today(), law_context.parameters(), law_context.calendar(),
    activity_types=activity_types()))


def activity_change_valid(case, actor, payload) -> tuple[bool, str]:
    if participant_entry(case) is None:
        return False, _("Only a registered participant may change its activity types (paragraph 9-1).")
    return _activity_change_rules(case, actor, payload)


def apply_activity_change(case, actor, payload) -> None:
    entry = participant_entry(case)
    entry.activity_types = case.facts.get("new_activity_types", entry.activity_types)
    entry.save(update_fields=["activity_types"])
    _record_decision("activity_change", "approved", ["001 p.9-1"])(case, actor, payload)


def _extension_verdict(case):
    entry = participant_entry(case)
    if entry is None:
        return None
    return act.evaluate_extension(law_context.today(), entry.valid_until, calendar=law_context.calendar(),
                                  parameters=law_context.parameters())


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
    certificate = Certificate.objects.create(
        number=_certificate_number(Certificate.KIND_EXTENSION, issued), kind=Certificate.KIND_EXTENSION,
        case=case, organisation=case.organisation, issued_on=issued, valid_from=entry.valid_until,
        valid_until=until, activity_types=entry.activity_types,
    )
    entry.valid_until = until
    entry.certificate = certificate
    entry.save(update_fields=["valid_until", "certificate"])
    Decision.objects.create(case=case, kind="extension", outcome="approved", basis=["001 p.36"],
                            decided_at=case.state_entered_at, recorded_by=actor)


termination_grounds_valid = verdict_guard(lambda case: act.evaluate_early_termination_grounds(
    case.facts.get("grounds", []), law_context.today(), law_context.parameters(), law_context.calendar()))


def terminate_participation(case, actor, payload) -> None:
    entry = participant_entry(case)
    if entry is not None:
        entry.status = RegisterEntry.STATUS_TERMINATED
        entry.ended_on = law_context.today()
        entry.end_basis = {"citation": "001 p.41", "grounds": case.facts.get("grounds", []), "case": case.number}
        entry.save(update_fields=["status", "ended_on", "end_basis"])
    _record_decision("termination", "approved", ["001 p.41"])(case, actor, payload)


record_termination_rejected = _record_decision("termination", "refused", ["001 p.41"])


services_application_valid = verdict_guard(lambda case: act.evaluate_services_application(
    case.facts, law_context.today(), law_context.parameters(), law_context.calendar()))
