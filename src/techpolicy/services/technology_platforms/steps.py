"""Guards and effects of the platform workflow that are its own; the rest is the casework kit's
(stored verdicts, remarks, the HSTC's recommendation pair). Each guard returns (ok, reason) naming
the paragraph in the user's language; each effect runs inside the transition's transaction."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.casework import decisions, law_context
from techpolicy.casework.kit.verdicts import all_of, eligible, resubmission, store_verdict
from techpolicy.casework.models import Decision, Recommendation
from techpolicy.casework.steps import current_language, incomplete, payload_date, refusal
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts
from techpolicy.services.competence_centres import published as centres

from . import checks
from .register import DECISION_KIND
from .roles import HSTC_SECRETARY

P27, P28 = Citation("000", "27"), Citation("000", "28")
MAX_DECISION_NUMBER = 60


def _cite(citation: Citation) -> str:
    return citation.text(current_language())


def not_a_state_body() -> str:
    return _("Only a state body or a local executive body proposes to organise a technology platform "
             "(%(citation)s).") % {"citation": _cite(P27)}


def proposer_is_state_body(case, actor, payload) -> tuple[bool, str]:
    """p.27: the proposal comes from a state body or a local executive body."""
    return (True, "") if centres.is_state_body(case.organisation) else (False, not_a_state_body())


def facts_judged(case, actor, payload) -> tuple[bool, str]:
    """The facts can be judged: every required fact is there (the coordinator first of all, p.27)."""
    try:
        checks.evaluate(case)
    except InvalidFacts as exc:
        return False, incomplete(exc)
    return True, ""


# Submission: a state body's proposal whose facts can be judged; the authorized body decides on them.
submission_valid = all_of(proposer_is_state_body, facts_judged)
store_submission = store_verdict(checks.COORDINATOR, checks.law_facts)
answer_remarks = resubmission(checks.COORDINATOR, checks.law_facts)
# Referral to the HSTC: the verdict of today passes p.25-27 (an undetermined one refuses with its note).
referral_valid = all_of(proposer_is_state_body, eligible(checks.COORDINATOR, checks.law_facts))
store_referral = store_verdict(checks.COORDINATOR, checks.law_facts)


def refusal_grounded(case, actor, payload) -> tuple[bool, str]:
    """The authorized body refuses on the paragraphs the verdict of today finds unmet; a proposal
    that meets them, or whose wording of the day is not in the source, is not refused on them."""
    try:
        verdict = checks.evaluate(case)
    except InvalidFacts as exc:
        return False, incomplete(exc)
    if verdict.eligible:
        return False, _("The proposal meets paragraphs 25-27; it can be returned with remarks or referred to the "
                        "HSTC, not refused on them.")
    if not verdict.failed:
        return False, refusal(verdict)
    return True, ""


def record_refusal(case, actor, payload) -> None:
    """The verdict and the authorized body's refusal with the paragraphs it rests on; the notice to
    the proposer names them."""
    verdict = checks.evaluate(case)
    case.verdict = verdict.as_dict()
    case.save(update_fields=["verdict"])
    Decision.objects.create(
        case=case, kind=DECISION_KIND, outcome="refused", basis=[r.citation.ref for r in verdict.failed],
        tally={}, verdict=case.verdict, minutes=payload.get("reason", ""), decided_at=case.state_entered_at,
        recorded_by=actor)
    payload["notice"] = f"{refusal(verdict)} {payload.get('reason', '')}".strip()


# p.28: the HSTC's recommendation follows its votes (quorum and majority of its regulations).
def hstc_recommendations(agenda: str):
    return decisions.recommendation_actions(
        agenda, "supported", "not_supported", P28, role=HSTC_SECRETARY, basis=[P28.ref])


def hstc_supports(case, actor, payload) -> tuple[bool, str]:
    """R-B2: a platform is organised only after the HSTC recommended it (p.28)."""
    latest = case.recommendations.order_by("-recorded_at", "-pk").first()
    if latest is None or latest.outcome != Recommendation.RECOMMEND:
        return False, _("The platform is organised only after the HSTC has considered the initiative and "
                        "recommended it (%(citation)s).") % {"citation": _cite(P28)}
    return True, ""


def decision_given(case, actor, payload) -> tuple[bool, str]:
    """The decision's number and date: a date not in the future and not before the HSTC's recommendation."""
    number = str(payload.get("decision_number", "")).strip()
    if not number or len(number) > MAX_DECISION_NUMBER:
        return False, _("Give the decision's number (at most %(max)s characters).") % {"max": MAX_DECISION_NUMBER}
    decided = payload_date(payload, "decided_on")
    if decided is None:
        return False, _("Give the date of the decision.")
    if decided > law_context.today():
        return False, _("The date of the decision cannot be in the future.")
    latest = case.recommendations.order_by("-recorded_at", "-pk").first()
    if latest is not None and decided < timezone.localdate(latest.recorded_at):
        return False, _("The decision cannot precede the HSTC's recommendation of %(date)s.") % {
            "date": timezone.localdate(latest.recorded_at).isoformat()}
    return True, ""


def organisation_valid(case, actor, payload) -> tuple[bool, str]:
    from .organise import participants_valid, register_free

    return all_of(hstc_supports, decision_given, register_free, participants_valid)(case, actor, payload)


def organise(case, actor, payload) -> None:
    from .organise import organise_platform

    organise_platform(case, actor, payload)
