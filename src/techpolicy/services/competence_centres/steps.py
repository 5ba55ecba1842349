"""Guards and effects of the designation workflow that are this service's own (000 p.17-21). Each
guard returns (ok, reason) naming the paragraph in the user's language; each effect runs inside
the transition's transaction. The criteria are the law layer's: guards only ask the procedure, on
the date of the action."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.kit.verdicts import eligible, resubmission, store_verdict
from techpolicy.casework.models import Case, Decision
from techpolicy.casework.registers import current, enter, natural_key
from techpolicy.casework.steps import incomplete, payload_date, refusal, rule_refusal
from techpolicy.law.acts.act000_methodology.competence_centres import P18, same_pair_flag
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.rules import Verdict

from . import checks
from .models import Proposal
from .published import designated_centres, entry_direction, entry_sector, supervised_directions
from .register import DECISION_KIND, DESIGNATED, DESIGNATION, SAME_PAIR
from .vocabulary import direction_label

MAX_DECISION_NUMBER = 60
CONSIDERATION = "consideration"  # the kind of the authorized body's Decision (p.19)


def _lang_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _verdict(case: Case) -> tuple[Verdict | None, str]:
    try:
        return checks.evaluate_case(case), ""
    except InvalidFacts as exc:
        return None, incomplete(exc)


def _addressed_body_id(case: Case) -> int | None:
    value = (case.facts or {}).get("state_body")
    return value if isinstance(value, int) else None


def _supervises(organisation, case: Case, on: dt.date) -> bool:
    pair = (case.facts.get("sector"), case.facts.get("direction"))
    return pair in supervised_directions(organisation, on)


def _not_supervised(case: Case, on: dt.date) -> str:
    return _("Under paragraph 19 a proposal is made by a state body in the directions it supervises; on "
             "%(date)s the chosen state body does not supervise the direction “%(direction)s”.") % {
        "date": _lang_date(on), "direction": direction_label(case.facts.get("direction", ""))}


def _already_designated(case: Case, on: dt.date):
    key = natural_key(DESIGNATED, {"organisation": case.organisation,
                                   "data": {"sector": [case.facts.get("sector")],
                                            "direction": [case.facts.get("direction")]}})
    return current(DESIGNATED, key, on).first()


# --- the initiative (p.18) ------------------------------------------------------------------------

def initiative_valid(case: Case, actor, payload) -> tuple[bool, str]:
    """Paragraph 18: the initiator is a legal entity, its facts can be judged, it addresses a state
    body that supervises the direction today, and it is not already designated for the pair. The
    criteria of p.17 are the authorized body's to consider (p.19): their verdict is stored and
    shown, and the authorized body refuses on them."""
    verdict, why = _verdict(case)
    if verdict is None:
        return False, why
    initiator = next((r for r in verdict.failed if r.rule_id == P18.id), None)
    if initiator is not None:
        return False, rule_refusal(initiator)
    today = law_context.today()
    body = checks.StateBodyProfile.objects.filter(organisation_id=_addressed_body_id(case)).first()
    if body is None:
        return False, _("Choose the state body or local executive body your initiative is addressed to "
                        "(paragraph 19).")
    if not _supervises(body.organisation, case, today):
        return False, _not_supervised(case, today)
    entry = _already_designated(case, today)
    if entry is not None:
        return False, _("Your organisation is already designated as a competence centre for this sector and "
                        "direction (paragraph 20, decision of %(date)s).") % {"date": _lang_date(entry.valid_from)}
    return True, ""


store_initiative = store_verdict(checks.CHECK, checks.case_facts)


# --- the state body (p.19, p.20) ------------------------------------------------------------------

def addressed_to_actor(case: Case, actor, payload) -> tuple[bool, str]:
    """The state body acts only on the initiatives addressed to its own organisation (p.19, p.20)."""
    body_id = _addressed_body_id(case)
    if body_id is not None and getattr(actor, "organisation_id", None) == body_id:
        return True, ""
    proposal = checks.proposal_of(case)
    name = proposal.state_body.name if proposal else (
        checks.StateBodyProfile.objects.filter(organisation_id=body_id).values_list("organisation__name", flat=True)
        .first() or "—")
    return False, _("This initiative is addressed to another state body (%(body)s); only its staff act on it.") % {
        "body": name}


def proposable(case: Case, actor, payload) -> tuple[bool, str]:
    """Paragraph 19: the proposing body is the one addressed and supervises the direction today."""
    ok, why = addressed_to_actor(case, actor, payload)
    if not ok:
        return ok, why
    if not _supervises(actor.organisation, case, law_context.today()):
        return False, _not_supervised(case, law_context.today())
    return True, ""


def record_proposal(case: Case, actor, payload) -> None:
    """Paragraph 19: the proposal with its proposer, the directions it supervises and the date it is
    submitted to the authorized body; the verdict with the proposal is stored with the case."""
    today = law_context.today()
    Proposal.objects.update_or_create(case=case, defaults={
        "state_body": actor.organisation, "proposed_by": actor, "submitted_on": today,
        "supervised": [list(pair) for pair in supervised_directions(actor.organisation, today)]})
    case.verdict = checks.evaluate_case(case).as_dict()
    case.save(update_fields=["verdict"])


# --- the authorized body (p.17, p.19) -------------------------------------------------------------

compliant = eligible(checks.CHECK, checks.case_facts)


def _basis(verdict: Verdict) -> list[str]:
    return [r.citation.ref for r in verdict.results if r.status in ("passed", "failed")]


def record_compliance(case: Case, actor, payload) -> None:
    """The authorized body's finding: the verdict on the day of consideration, kept as its decision."""
    verdict = checks.evaluate_case(case)
    case.verdict = verdict.as_dict()
    case.save(update_fields=["verdict"])
    Decision.objects.create(case=case, kind=CONSIDERATION, outcome="approved", basis=_basis(verdict),
                            verdict=case.verdict, minutes=payload.get("reason", ""),
                            decided_at=case.state_entered_at, recorded_by=actor)


def refusable(case: Case, actor, payload) -> tuple[bool, str]:
    """A refusal rests on a criterion the verdict of the day finds failed; a candidate whose facts
    pass is returned with remarks if the evidence does not bear them out."""
    verdict, why = _verdict(case)
    if verdict is None:
        return True, ""  # facts that cannot be judged are a ground of refusal in themselves
    if verdict.failed:
        return True, ""
    if verdict.outcome == "undetermined":
        return False, refusal(verdict)
    return False, _("On %(date)s the candidate meets paragraphs 17-19; a refusal must name a criterion it fails. "
                    "Return the initiative with remarks if the evidence does not bear out the facts.") % {
        "date": _lang_date(verdict.on)}


def record_refusal(case: Case, actor, payload) -> None:
    """The refusal names the failed paragraphs in the user's language, with the reason given."""
    verdict, why = _verdict(case)
    if verdict is not None:
        case.verdict = verdict.as_dict()
        case.save(update_fields=["verdict"])
        grounds = refusal(verdict)
        basis = [r.citation.ref for r in verdict.failed] or _basis(verdict)
    else:
        grounds, basis = why, ["000 p.17"]
    Decision.objects.create(case=case, kind=CONSIDERATION, outcome="refused", basis=basis, verdict=case.verdict,
                            minutes=payload.get("reason", ""), decided_at=case.state_entered_at, recorded_by=actor)
    payload["notice"] = f"{grounds} {payload.get('reason', '')}".strip()


def resubmittable(case: Case, actor, payload) -> tuple[bool, str]:
    """After remarks: the initiative is still valid and addressed to the body that proposed it."""
    proposal = checks.proposal_of(case)
    if proposal is not None and _addressed_body_id(case) != proposal.state_body_id:
        return False, _("The initiative was proposed by %(body)s (paragraph 19); it cannot be readdressed to "
                        "another state body after its proposal.") % {"body": proposal.state_body.name}
    return initiative_valid(case, actor, payload)


answer_remarks = resubmission(checks.CHECK, checks.case_facts)


# --- the designation (p.20, p.21) ------------------------------------------------------------------

def _consideration_day(case: Case) -> dt.date | None:
    decision = case.decisions.filter(kind=CONSIDERATION, outcome="approved").order_by("-decided_at").first()
    # The local day of the decision, as `law_context.today` counts days (not the UTC date).
    return law_context.today() if decision is None else timezone.localdate(decision.decided_at)


def designation_valid(case: Case, actor, payload) -> tuple[bool, str]:
    """Paragraph 20: the addressed state body designates by a decision with its number and date, on
    or after the authorized body found the candidate compliant and not in the future."""
    ok, why = addressed_to_actor(case, actor, payload)
    if not ok:
        return ok, why
    number = str(payload.get("decision_number", "")).strip()
    if not number or len(number) > MAX_DECISION_NUMBER:
        return False, _("Give the number of the designation decision (at most %(n)s characters; paragraph 20).") % {
            "n": MAX_DECISION_NUMBER}
    day = payload_date(payload, "decision_date")
    if day is None:
        return False, _("Give the date of the designation decision (paragraph 20).")
    earliest, today = _consideration_day(case), law_context.today()
    if day > today:
        return False, _("The date of the decision cannot be in the future.")
    if earliest is not None and day < earliest:
        return False, _("The decision cannot precede the authorized body's consideration of %(date)s.") % {
            "date": _lang_date(earliest)}
    return True, ""


def designate(case: Case, actor, payload) -> None:
    """Paragraph 20: the state body's decision with the stored verdict, and the entry in the register
    by (sector, direction, centre). Paragraph 21 (reading R-A2): when another centre is designated for
    the same sector and direction, the entry is flagged for review, never refused."""
    day = payload_date(payload, "decision_date")
    number = str(payload.get("decision_number", "")).strip()
    proposal = checks.proposal_of(case)
    body = proposal.state_body if proposal else actor.organisation
    decision = Decision.objects.create(case=case, kind=DECISION_KIND, outcome="approved", basis=[DESIGNATION.ref],
                                       verdict=case.verdict, minutes=payload.get("reason", ""),
                                       decided_at=case.state_entered_at, recorded_by=actor)
    sector, direction = case.facts["sector"], case.facts["direction"]
    others = [(entry_sector(e), entry_direction(e))
              for e in designated_centres(day, sector).exclude(organisation=case.organisation)]
    flagged = same_pair_flag(others, sector, direction)
    enter(DESIGNATED, on=day, citation=DESIGNATION, decision=decision, organisation=case.organisation, case=case,
          name=case.organisation.name, bin=case.organisation.bin or "", valid_from=day,
          data={"sector": [sector], "direction": [direction], "state_body": body.name,
                "decision_number": number, "review": [SAME_PAIR] if flagged else []},
          note={"case": case.number})
