"""Guards and effects of the programme's workflows (seed 004, section 5.4). Each guard returns
(ok, reason) naming the paragraph; each effect runs inside the transition's transaction. The
rules themselves are the law layer's: guards only ask it, at the application date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.kit.verdicts import all_of, resubmission
from techpolicy.casework.kit.verdicts import eligible as kit_eligible
from techpolicy.casework.kit.verdicts import store_verdict as kit_store_verdict
from techpolicy.casework.models import Decision
from techpolicy.casework.steps import (
    current_language,
    incomplete,
    payload_date,
    record_remark,
    refusal,
)
from techpolicy.casework.workflow import get
from techpolicy.law.facts import InvalidFacts

from . import instruments, law, ledger
from .models import ReimbursementAgreement

CONSENT_VALUES = ("on", "true", "1", "yes")


def _application_date(case) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(case.facts.get("application_date", "")))
    except ValueError:
        return None


def _fits_workflow(case) -> tuple[bool, str]:
    """The instrument (and channel) the facts name must be the ones this procedure serves."""
    codes = instruments.for_workflow(case.workflow)
    instrument = str(case.facts.get("instrument", ""))
    if instrument not in codes:
        return False, _("This procedure serves instrument(s) %(codes)s; the application names “%(instrument)s”.") % {
            "codes": ", ".join(codes), "instrument": instrument or "—"}
    channel = {"productivity.direct": "direct", "productivity.nce": "nce"}.get(case.workflow)
    if channel and case.facts.get("channel", "direct") != channel:
        return False, _("The application names the channel “%(named)s”, but this procedure is for “%(channel)s” "
                        "(section 5.4, paragraph 1 of the mechanism of instruments 2–5).") % {
            "named": case.facts.get("channel"), "channel": channel}
    return True, ""


def fits_workflow(case, actor, payload) -> tuple[bool, str]:
    return _fits_workflow(case)


# The applicant's and instrument's conditions (sections 5.1–5.3) on the application date, asked of
# the procedure "productivity2020"; the verdict is stored at submission and at resubmission.
ELIGIBILITY = law.ELIGIBILITY
eligible = all_of(fits_workflow, kit_eligible(ELIGIBILITY))


def registration_valid(case, actor, payload) -> tuple[bool, str]:
    """Paragraph 2: the ten working days run from the day the operator registers the application."""
    return _not_future_nor_before(payload_date(payload, "registered_on"), _application_date(case),
                                  _("the registration date"))


store_verdict = kit_store_verdict(ELIGIBILITY)
resubmit = resubmission(ELIGIBILITY)


def reimbursable(case, actor, payload) -> tuple[bool, str]:
    """A positive decision needs an eligible verdict and an amount to reimburse."""
    ok, why = _fits_workflow(case)
    if not ok:
        return ok, why
    try:
        assessment = law.assessment(case.facts)
    except InvalidFacts as exc:
        return False, incomplete(exc)
    if not assessment.verdict.eligible:
        return False, refusal(assessment.verdict)
    reimbursement = assessment.reimbursement
    if not reimbursement.calculated:
        lang = current_language()
        return False, " ".join(r.get(lang, "") for r in reimbursement.reasons)
    if reimbursement.amount <= Decimal("0"):
        return False, _("The calculation leaves no amount to reimburse; record a refusal instead.")
    return True, ""


def basis(case, action_id: str) -> str:
    """The paragraph an action of the case's workflow cites, as stored with a decision."""
    return get(case.workflow).action(action_id).citation.ref


def _decision(case, actor, payload, outcome: str, grounds: list[str], verdict=None,
              kind: str = "reimbursement") -> Decision:
    return Decision.objects.create(
        case=case, kind=kind, outcome=outcome, basis=grounds, verdict=verdict,
        minutes=payload.get("reason", ""), decided_at=case.state_entered_at, recorded_by=actor)


def _approval(form: str, status: str):
    def effect(case, actor, payload) -> None:
        """Record the decision and the amount it accepts, with the calculation it rests on."""
        assessment = law.assessment(case.facts)
        verdict = assessment.verdict.as_dict()
        case.verdict = verdict
        case.save(update_fields=["verdict"])
        extra = [f"MID decision {payload['mid_decision_number']} of {payload['mid_decision_date']}"] if (
            payload.get("mid_decision_number")) else []
        _decision(case, actor, payload, "approved", [basis(case, "approve"), *extra], verdict)
        ReimbursementAgreement.objects.create(
            case=case, form=form, status=status, instrument=str(case.facts["instrument"]),
            programme_year=_application_date(case).year, amount=assessment.reimbursement.amount,
            calculation=assessment.reimbursement.as_dict())

    return effect


approve_agreement = _approval(ReimbursementAgreement.FORM_AGREEMENT, ReimbursementAgreement.STATUS_DECIDED)
approve_cluster = _approval(ReimbursementAgreement.FORM_DECISION, ReimbursementAgreement.STATUS_ACTIVE)


def record_refusal(case, actor, payload) -> None:
    """The refusal's grounds are kept with the decision and shown to the applicant as a remark to
    answer when correcting and resubmitting."""
    _decision(case, actor, payload, "refused", [basis(case, "refuse")], case.verdict)
    record_remark(case, actor, payload)


def refusal_notice(case, actor, payload) -> None:
    """The reasoned notice carries the grounds recorded with the decision (5.4 p.6; instruments 7, 8)."""
    decision = case.decisions.filter(outcome="refused").order_by("-decided_at", "-pk").first()
    if decision is not None and decision.minutes:
        payload["notice"] = decision.minutes


def gaps_notice(case, actor, payload) -> None:
    """The notice of gaps names them (instruments 7 and 8, p.3): the open remarks."""
    payload["notice"] = "\n".join(case.remarks.filter(answered_at=None).values_list("text", flat=True))


# --- cluster instruments 7 and 8: the MID decision recognising the competition winner ------------

def mid_decision_recorded(case, actor, payload) -> tuple[bool, str]:
    """Instruments 7 and 8 are reimbursed on the authorised body's decision recognising the
    competition winner (mechanism of instrument 7, p.9; of instrument 8, p.8)."""
    day = payload_date(payload, "mid_decision_date")
    if not str(payload.get("mid_decision_number", "")).strip() or day is None:
        return False, _("Give the number and date of the authorised body's decision recognising the winner "
                        "of the cluster competition.")
    if day > law_context.today():
        return False, _("The date of the authorised body's decision cannot be in the future.")
    return reimbursable(case, actor, payload)


# --- the agreement (mechanism of instruments 2–5, paragraphs 6, 8, 9, 10) ------------------------

def agreement_of(case) -> ReimbursementAgreement | None:
    return ReimbursementAgreement.objects.filter(case=case).first()


def agreement_number_given(case, actor, payload) -> tuple[bool, str]:
    if not str(payload.get("number", "")).strip():
        return False, _("Give the number of the agreement sent to the applicant.")
    if agreement_of(case) is None:
        return False, _("There is no decision on the amount to send an agreement for.")
    return True, ""


def send_agreement(case, actor, payload) -> None:
    agreement = agreement_of(case)
    agreement.number = payload["number"].strip()
    agreement.sent_on = law_context.today()
    agreement.status = ReimbursementAgreement.STATUS_AWAITING
    agreement.save(update_fields=["number", "sent_on", "status"])


def notice_sent(case, actor, payload) -> None:
    """Instruments 7 and 8: the notice of the decision is sent (there is no agreement to sign)."""
    agreement = agreement_of(case)
    if agreement is not None:
        agreement.sent_on = law_context.today()
        agreement.save(update_fields=["sent_on"])


def _not_future_nor_before(day: dt.date | None, earliest: dt.date | None, what: str) -> tuple[bool, str]:
    if day is None:
        return False, _("Give the date: %(what)s.") % {"what": what}
    if day > law_context.today():
        return False, _("The date cannot be in the future: %(what)s.") % {"what": what}
    if earliest and day < earliest:
        return False, _("%(what)s cannot be before %(date)s.") % {"what": what, "date": earliest.isoformat()}
    return True, ""


def signature_valid(case, actor, payload) -> tuple[bool, str]:
    ok, why = _not_future_nor_before(payload_date(payload, "signed_on"), _application_date(case),
                                     _("the date the agreement was signed"))
    if not ok:
        return ok, why
    if str(payload.get("statistics_consent", "")).strip().lower() not in CONSENT_VALUES:
        return False, _("The agreement includes the applicant's consent to the statistics for 2 years before and "
                        "2 years after it (section 5.4, paragraph 9(4)); tick it to sign.")
    return True, ""


def sign_agreement(case, actor, payload) -> None:
    agreement = agreement_of(case)
    agreement.signed_on = payload_date(payload, "signed_on")
    agreement.statistics_consent = True
    agreement.status = ReimbursementAgreement.STATUS_ACTIVE
    agreement.save(update_fields=["signed_on", "statistics_consent", "status"])


def payment_valid(case, actor, payload) -> tuple[bool, str]:
    agreement = agreement_of(case)
    ok, why = ledger.can_pay(agreement)
    if not ok:
        return ok, why
    earliest = agreement.signed_on or _application_date(case)
    ok, why = _not_future_nor_before(payload_date(payload, "paid_on"), earliest, _("the payment date"))
    if not ok:
        return ok, why
    if not str(payload.get("reference", "")).strip():
        return False, _("Give the payment order's number.")
    return True, ""


def pay(case, actor, payload) -> None:
    ledger.pay(agreement_of(case), payload_date(payload, "paid_on"), payload["reference"].strip(), actor)


def termination_valid(case, actor, payload) -> tuple[bool, str]:
    agreement = agreement_of(case)
    if agreement is None or agreement.status != ReimbursementAgreement.STATUS_ACTIVE:
        return False, _("Only an agreement in force can be terminated.")
    last_payment = agreement.ledger.order_by("-on_date").values_list("on_date", flat=True).first()
    ok, why = _not_future_nor_before(payload_date(payload, "returned_on"), last_payment or agreement.signed_on,
                                     _("the date the funds were returned"))
    if not ok:
        return ok, why
    if not str(payload.get("reference", "")).strip():
        return False, _("Give the reference of the return of funds.")
    return True, ""


def terminate(case, actor, payload) -> None:
    """Paragraph 9(3): termination on breach and return of the money paid."""
    ledger.terminate(agreement_of(case), payload_date(payload, "returned_on"), payload.get("reason", ""),
                     payload["reference"].strip(), actor)


def close(case, actor, payload) -> None:
    agreement = agreement_of(case)
    if agreement is not None and agreement.status == ReimbursementAgreement.STATUS_ACTIVE:
        agreement.status = ReimbursementAgreement.STATUS_CLOSED
        agreement.save(update_fields=["status"])


# --- leasing (mechanism of instrument 1) ----------------------------------------------------------

def leasing_decision_valid(case, actor, payload) -> tuple[bool, str]:
    return _not_future_nor_before(payload_date(payload, "decided_on"), _application_date(case),
                                  _("the date of KDB-Leasing's decision"))


def _logged_date(case, action: str, field: str) -> dt.date | None:
    last = case.transitions.filter(action=action).order_by("-at", "-pk").first()
    return payload_date(last.payload, field) if last else None


def lease_valid(case, actor, payload) -> tuple[bool, str]:
    if not str(payload.get("number", "")).strip():
        return False, _("Give the number of the finance lease contract.")
    return _not_future_nor_before(payload_date(payload, "signed_on"), _logged_date(case, "approve_leasing",
                                  "decided_on"), _("the date the lease contract was signed"))


def monitoring_agreement_valid(case, actor, payload) -> tuple[bool, str]:
    if not str(payload.get("number", "")).strip():
        return False, _("Give the number of the investment-project monitoring agreement.")
    return _not_future_nor_before(payload_date(payload, "signed_on"), _logged_date(case, "sign_lease", "signed_on"),
                                  _("the date the monitoring agreement was signed"))


def _as_confirmed(data: dict) -> dict:
    """The facts as they will be once the operator confirms: the criteria of 5.1(1) are checked
    before the confirmation exists, so it is not asked of the passport itself."""
    applicant = dict(data.get("applicant") or {})
    applicant["kidi_confirmation"] = True
    return {**data, "applicant": applicant}


def _confirmed_facts(case) -> dict:
    return _as_confirmed(case.facts)


# Mechanism of instrument 1, paragraphs 1-2: the project passport against the criteria.
passport_eligible = all_of(fits_workflow, kit_eligible(ELIGIBILITY, _confirmed_facts))
store_passport_verdict = kit_store_verdict(ELIGIBILITY, _confirmed_facts)


def record_confirmation(case, actor, payload) -> None:
    """Mechanism of instrument 1, paragraph 2: the operator's written confirmation becomes a fact
    of the application (5.1(1)), which KDB-Leasing's procedure then relies on."""
    case.facts = _as_confirmed(case.facts)
    verdict = law.eligibility(case.facts).as_dict()
    case.verdict = verdict
    case.save(update_fields=["facts", "verdict"])
    _decision(case, actor, payload, "approved", [basis(case, "confirm")], verdict,
              kind="leasing_confirmation")


def record_confirmation_refusal(case, actor, payload) -> None:
    _decision(case, actor, payload, "refused", [basis(case, "refuse_confirmation")], case.verdict,
              kind="leasing_confirmation")
    record_remark(case, actor, payload)


def record_leasing_approval(case, actor, payload) -> None:
    """Mechanism of instrument 1, p.3-4: KDB-Leasing's positive decision, on its date."""
    _decision(case, actor, payload, "approved", [basis(case, "approve_leasing")], case.verdict, kind="leasing")


def record_leasing_refusal(case, actor, payload) -> None:
    _decision(case, actor, payload, "refused", [basis(case, "refuse_leasing")], case.verdict, kind="leasing")
    record_remark(case, actor, payload)


def leasing_record(case) -> dict:
    """What the log says about the lease: the decision, the contract and the monitoring agreement."""
    return {
        "decided_on": _logged_date(case, "approve_leasing", "decided_on"),
        "lease": case.transitions.filter(action="sign_lease").values_list("payload", flat=True).last(),
        "monitoring": case.transitions.filter(action="sign_monitoring").values_list("payload", flat=True).last(),
    }
