"""Guards and effects of the grant workflow that are this service's own (law 003 article 27). Each
guard returns (ok, reason) naming the paragraph in the user's language; each effect runs inside the
transition's transaction, so a refusal of the fund ledger (article 27(3)) raised by an effect undoes
the whole step. The conditions are the law layer's: guards ask the procedure "innovation-grant" on
the date of the action."""

from __future__ import annotations

import hashlib
from decimal import Decimal, InvalidOperation

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.decisions import record_decision
from techpolicy.casework.engine import WorkflowError
from techpolicy.casework.kit.verdicts import all_of, eligible, resubmission, store_verdict
from techpolicy.casework.models import Case
from techpolicy.casework.registers import enter
from techpolicy.casework.steps import current_language, incomplete, payload_date, refusal, rule_refusal
from techpolicy.law.acts.act003_state_support.grant_types import BY_ID
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.units import date as date_text
from techpolicy.law.units import quantity

from . import award_basis, checks, fund, reports
from .models import Agreement, Call, Tranche
from .models.agreements import MAX_TEXT
from .register import AWARD, AWARDS, DECISION_KIND, type_code

MAX_NUMBER = 60
PANEL_RULES = ("003.a27.p2.a3", "003.a27.p2.a3.conclusions")


def _day(day) -> str:
    return date_text(day, current_language())


def _money(value: Decimal) -> str:
    return quantity(value, "KZT", current_language())


def _application(case: Case) -> dict:
    return checks.law_facts(case)


# --- submission (article 27(1)-(2)) ------------------------------------------------------------------


def call_open(case: Case, actor, payload) -> tuple[bool, str]:
    """Applications are accepted while the call is open (its dates are the operator's: the rules of
    granting, article 27(4), are not in the source)."""
    call = Call.objects.filter(number=(case.facts or {}).get("call")).first()
    today = law_context.today()
    if call is not None and call.is_open(today):
        return True, ""
    if call is None:
        return False, _("Choose an open call for innovation grants.")
    return False, _("The call %(number)s accepts applications from %(opens)s to %(closes)s; today it is closed.") % {
        "number": call.number, "opens": _day(call.opens_on), "closes": _day(call.closes_on)}


submittable = all_of(call_open, eligible(checks.CHECK, _application))
store_application = store_verdict(checks.CHECK, _application)
answer_remarks = resubmission(checks.CHECK, _application)
complete = eligible(checks.CHECK, _application)


def _grant_type(case: Case):
    return BY_ID.get((case.facts or {}).get("grant_type", ""))


def expertise_required(case: Case, actor, payload) -> tuple[bool, str]:
    grant_type = _grant_type(case)
    if grant_type is not None and not grant_type.expertise_required:
        return False, _("Grants for patenting in international patent organisations are given without the "
                        "expertise (article 27(2), third indent): prepare the award instead.")
    return complete(case, actor, payload)


def expertise_exempt(case: Case, actor, payload) -> tuple[bool, str]:
    grant_type = _grant_type(case)
    if grant_type is None or grant_type.expertise_required:
        return False, _("This grant needs the independent economic and technological expertise with domestic and "
                        "foreign experts (article 27(2), third indent).")
    return complete(case, actor, payload)


# --- the expertise (article 27(2), third indent) -------------------------------------------------------


def panel_complete(case: Case, actor, payload) -> tuple[bool, str]:
    """The panel has its domestic and foreign experts, each declared independent, and the economic and
    the technological conclusion are given."""
    try:
        verdict = checks.CHECK.evaluate(checks.law_facts(case, checks.DECISION))
    except InvalidFacts as exc:
        return False, incomplete(exc)
    failed = [r for r in verdict.failed if r.rule_id in PANEL_RULES]
    return (False, " ".join(rule_refusal(r) for r in failed)) if failed else (True, "")


# --- the award (article 27(1), article 20(6)) -------------------------------------------------------------


def _requested(case: Case) -> Decimal:
    return Decimal(str(case.facts["requested"]))


def _financial_year() -> int:
    # Reading R-F3: the financial year is the calendar year (`grants.financial_year` is not set).
    return law_context.today().year


def _available(case: Case) -> tuple[bool, str]:
    year, grant_type = _financial_year(), case.facts["grant_type"]
    balance = fund.balances().get(year)
    available = balance.types[grant_type].available if balance is not None else Decimal(0)
    if available >= _requested(case):
        return True, ""
    return False, _("The money allocated to this grant type for %(year)s leaves %(available)s; the grant asks for "
                    "%(requested)s (article 27(3): the total is distributed among the grant types).") % {
        "year": year, "available": _money(available), "requested": _money(_requested(case))}


def award_ready(case: Case, actor, payload) -> tuple[bool, str]:
    """Everything the award rests on, on today's law: the application's conditions, the expertise, the
    sectoral programme and a criterion of article 20(6); and the type's money for the year."""
    try:
        verdict = checks.CHECK.evaluate(checks.law_facts(case, checks.DECISION, award=award_basis.award_from(payload)))
    except InvalidFacts as exc:
        return False, incomplete(exc)
    if not verdict.eligible:
        return False, refusal(verdict)
    return _available(case)


def record_award_basis(case: Case, actor, payload) -> None:
    award = award_basis.award_from(payload)
    case.facts = {**case.facts, "award": award}
    case.verdict = checks.CHECK.evaluate(checks.law_facts(case, checks.DECISION, award=award)).as_dict()
    case.save(update_fields=["facts", "verdict"])


def _ledger(data: dict, actor):
    """One entry of the fund ledger, or the step undone with the law's refusal."""
    outcome = fund.record(data, actor)
    if outcome.refusal is not None:
        raise WorkflowError(fund.refusal_text(outcome.refusal))
    return outcome.entry


def award(case: Case, actor, payload) -> None:
    """The commission's award: the decision with the verdict of the day, the commitment of the amount in
    the fund ledger against the type's allocation, and the entry in the public register."""
    recorded = case.facts.get("award") or award_basis.award_from({})
    verdict = checks.CHECK.evaluate(checks.law_facts(case, checks.DECISION, award=recorded))
    if not verdict.eligible:
        raise WorkflowError(refusal(verdict))
    case.verdict = verdict.as_dict()
    case.save(update_fields=["verdict"])
    basis = [r.citation.ref for r in verdict.results if r.status == "passed"]
    record_decision(DECISION_KIND, "approved", basis)(case, actor, payload)
    today = law_context.today()
    _ledger({"kind": "commitment", "on": today.isoformat(), "financial_year": _financial_year(),
             "grant_type": case.facts["grant_type"], "amount": case.facts["requested"], "award_ref": case.number},
            actor)
    decision = case.decisions.filter(kind=DECISION_KIND).latest("decided_at")
    enter(AWARDS, on=today, citation=AWARD, decision=decision, organisation=case.organisation, case=case,
          name=case.facts["applicant"]["name"], bin=case.organisation.bin or "", valid_from=today,
          data={"grant_type": [type_code(case.facts["grant_type"])], "direction": [case.facts["direction"]],
                "amount": case.facts["requested"], "call": case.facts.get("call", "")},
          note={"case": case.number})


refuse_award = record_decision(DECISION_KIND, "refused", [AWARD.ref])


# --- the agreement ------------------------------------------------------------------------------------


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def agreement_valid(case: Case, actor, payload) -> tuple[bool, str]:
    number, text = str(payload.get("number", "")).strip(), str(payload.get("terms", "")).strip()
    if not number or len(number) > MAX_NUMBER:
        return False, _("Give the agreement's number (at most %(n)s characters).") % {"n": MAX_NUMBER}
    if Agreement.objects.filter(number=number).exists():
        return False, _("Another agreement has the number %(number)s.") % {"number": number}
    if not text or len(text) > MAX_TEXT:
        return False, _("Give the terms of the agreement (at most %(n)s characters).") % {"n": MAX_TEXT}
    return True, ""


def draft_agreement(case: Case, actor, payload) -> None:
    text = str(payload.get("terms", "")).strip()
    Agreement.objects.create(case=case, number=str(payload["number"]).strip(), amount=_requested(case), text=text,
                             text_digest=_digest(text), drafted_by=actor)


def _agreement(case: Case) -> Agreement | None:
    return Agreement.objects.filter(case=case).first()


def agreement_intact(case: Case, actor, payload) -> tuple[bool, str]:
    """The agreement exists and its terms are those drafted (locked since: the digest is compared)."""
    agreement = _agreement(case)
    if agreement is None:
        return False, _("The agreement has not been drafted yet.")
    if _digest(agreement.text) != agreement.text_digest or agreement.amount != _requested(case):
        return False, _("The agreement's terms differ from those drafted; it cannot be signed.")
    return True, ""


def sign_as_grantee(case: Case, actor, payload) -> None:
    Agreement.objects.filter(case=case, grantee_signed_at=None).update(grantee_signed_by=actor,
                                                                       grantee_signed_at=timezone.now())


def sign_as_operator(case: Case, actor, payload) -> None:
    Agreement.objects.filter(case=case, operator_signed_at=None).update(
        operator_signed_by=actor, operator_signed_at=timezone.now(), in_force_on=law_context.today())


# --- tranches and returns ----------------------------------------------------------------------------------


def _amount(payload: dict) -> Decimal | None:
    try:
        value = Decimal(str(payload.get("amount", "")).strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 and value == value.quantize(Decimal("0.01")) else None


def paid(case: Case) -> Decimal:
    return Tranche.objects.filter(agreement__case=case).aggregate(s=Sum("amount"))["s"] or Decimal(0)


def tranche_valid(case: Case, actor, payload) -> tuple[bool, str]:
    agreement = _agreement(case)
    if agreement is None or not agreement.signed:
        return False, _("A tranche is paid under an agreement signed by both parties.")
    amount, day = _amount(payload), payload_date(payload, "paid_on")
    if amount is None:
        return False, _("Give the tranche's amount in tenge with at most two decimals, above zero.")
    left = agreement.amount - paid(case)
    if amount > left:
        return False, _("The tranche of %(amount)s exceeds what is left of the grant: %(left)s.") % {
            "amount": _money(amount), "left": _money(left)}
    if day is None or day > law_context.today() or day < agreement.in_force_on:
        return False, _("Give the payment date: not before the agreement was signed, not in the future.")
    return True, ""


def pay_tranche(case: Case, actor, payload) -> None:
    amount, day = _amount(payload), payload_date(payload, "paid_on")
    entry = _ledger({"kind": "payment", "on": day.isoformat(), "financial_year": day.year, "award_ref": case.number,
                     "amount": f"{amount:.2f}"}, actor)
    agreement = _agreement(case)
    Tranche.objects.create(agreement=agreement, seq=agreement.tranches.count() + 1, amount=amount, paid_on=day,
                           ledger_seq=entry.seq, recorded_by=actor)


def misuse_valid(case: Case, actor, payload) -> tuple[bool, str]:
    amount = _amount(payload)
    if amount is None or amount > paid(case):
        return False, _("A return of misused money is above zero and at most what was paid: %(paid)s.") % {
            "paid": _money(paid(case))}
    return True, ""


def return_misused(case: Case, actor, payload) -> None:
    today = law_context.today()
    _ledger({"kind": "misuse_return", "on": today.isoformat(), "financial_year": today.year,
             "award_ref": case.number, "amount": f"{_amount(payload):.2f}"}, actor)


def fully_paid(case: Case, actor, payload) -> tuple[bool, str]:
    agreement = _agreement(case)
    if agreement is not None and paid(case) == agreement.amount:
        return True, ""
    return False, _("The grant is completed once it is paid in full (%(paid)s of %(amount)s paid).") % {
        "paid": _money(paid(case)), "amount": _money(agreement.amount if agreement else Decimal(0))}


# --- the grantee's reports (003.a27.p4: the term is the agreement's while the rules do not set it) -----------


def _report_state(report, today) -> str:
    return str(_("overdue") if report.is_overdue(today) else report.get_state_display())


def report_schedulable(case: Case, actor, payload) -> tuple[bool, str]:
    agreement = _agreement(case)
    if agreement is None or not agreement.signed:
        return False, _("Reports are scheduled under an agreement signed by both parties.")
    schedule, why = reports.schedule_from(payload)
    return (True, "") if schedule is not None else (False, why)


def schedule_report(case: Case, actor, payload) -> None:
    """The next report with its due date; the number and the date the system computed go into the
    action's log entry with the inputs, and into the grantee's notice."""
    schedule, _why = reports.schedule_from(payload)
    report = reports.create(_agreement(case), schedule, actor)
    payload.update({"seq": report.seq, "due_on": report.due_on.isoformat(), "due_source": report.due_source,
                    "term_days": report.term_days})
    payload["notice"] = _("Report %(seq)s for the period ending %(end)s is due on %(due)s.") % {
        "seq": report.seq, "end": _day(report.period_end), "due": _day(report.due_on)}


def report_submittable(case: Case, actor, payload) -> tuple[bool, str]:
    report = reports.pick(case, reports.Report.AWAITING, payload)
    if report is None:
        return False, _("No report awaits submission under this number.")
    if reports.report_text(payload) is None:
        return False, _("Write the report (at most %(n)s characters).") % {"n": reports.MAX_REPORT_TEXT}
    return True, ""


def submit_report(case: Case, actor, payload) -> None:
    """The grantee's report with the latest document of kind "report" not yet carried by another one."""
    report = reports.pick(case, reports.Report.AWAITING, payload)
    document = reports.unlinked_document(case)
    today = law_context.today()
    report.state, report.text, report.return_reason = reports.Report.SUBMITTED, reports.report_text(payload), ""
    report.document = document or report.document
    report.submitted_by, report.submitted_at, report.submitted_on = actor, timezone.now(), today
    report.save()
    payload.update({"seq": report.seq, "document": report.document_id, "late": report.late})


def report_reviewable(case: Case, actor, payload) -> tuple[bool, str]:
    if reports.pick(case, (reports.Report.SUBMITTED,), payload) is None:
        return False, _("No submitted report awaits review under this number.")
    if not reports.reason_fits(payload):
        return False, _("The reason is at most %(n)s characters.") % {"n": reports.MAX_REASON}
    return True, ""


def _review(case: Case, actor, payload, state: str) -> None:
    report = reports.pick(case, (reports.Report.SUBMITTED,), payload)
    report.state, report.reviewed_by, report.reviewed_at = state, actor, timezone.now()
    report.return_reason = str(payload.get("reason", "")).strip() if state == reports.Report.RETURNED else ""
    report.save(update_fields=["state", "reviewed_by", "reviewed_at", "return_reason"])
    payload["seq"] = report.seq
    if state == reports.Report.ACCEPTED:
        payload["notice"] = _("Report %(seq)s was accepted.") % {"seq": report.seq}
    else:
        payload["notice"] = _("Report %(seq)s was returned to be submitted again. Reason: %(reason)s") % {
            "seq": report.seq, "reason": report.return_reason}


def accept_report(case: Case, actor, payload) -> None:
    _review(case, actor, payload, reports.Report.ACCEPTED)


def return_report(case: Case, actor, payload) -> None:
    _review(case, actor, payload, reports.Report.RETURNED)


def reports_settled(case: Case, actor, payload) -> tuple[bool, str]:
    """The grant is closed once every scheduled report is accepted: none awaited, overdue or unreviewed."""
    left = reports.outstanding(case)
    if not left:
        return True, ""
    today = law_context.today()
    listed = "; ".join(_("report %(seq)s due %(due)s: %(state)s") % {
        "seq": r.seq, "due": _day(r.due_on), "state": _report_state(r, today)} for r in left)
    return False, _("The grant cannot be closed while a report is not accepted (article 27(4) of the Law): "
                    "%(reports)s.") % {"reports": listed}
