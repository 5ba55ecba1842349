"""The decision kit every workflow with a commission shares: guards that read the votes of the
round (quorum and majority of the commission's regulations), the approve / refuse pair of actions
that record a `Decision` of the deciding body, and the recommend / do-not-recommend pair that records
a `Recommendation` of a reviewing body (e.g. the HSTC, 000 p.28), kept apart from the decision.

    decision_actions("commission", "approved", "refused", Citation("001", "13"), role=SECRETARIAT,
                     on_approve=record_decision("admission", "approved", ["001 p.13"]))
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts

from . import law_context
from .commissions.composition import CompositionError, evaluate_composition
from .commissions.rounds import agenda_round, commission_of
from .commissions.tally import Tally, tally
from .models import Decision, Recommendation
from .steps import current_language, incomplete, refusal
from .workflow import Action, Effect, Guard

RECORD_APPROVAL = gettext_lazy("Record the commission's approval")
RECORD_REFUSAL = gettext_lazy("Record the commission's refusal")
RECORD_RECOMMENDATION = gettext_lazy("Record the commission's recommendation")
RECORD_NO_RECOMMENDATION = gettext_lazy("Record that the commission does not recommend it")
# What recording the outcome of a round does; the pair's two actions say it before either is taken.
DECISION_CONSEQUENCE = gettext_lazy("The decision the votes of this round support is recorded on the case with "
                                    "the tally and cannot be taken back; the applicant is notified.")
RECOMMENDATION_CONSEQUENCE = gettext_lazy("The commission's recommendation is recorded with the tally of this "
                                          "round and cannot be taken back; the case goes on to the body that "
                                          "decides.")


def _not_set_up(citation: Citation | None) -> str:
    if citation is None:
        return _("The commission of this procedure has not been set up yet.")
    return _("The commission of this procedure has not been set up yet (%(citation)s).") % {
        "citation": citation.text(current_language())}


def commission_composed(citation: Citation | None = None) -> Guard:
    """A guard: the case's commission exists and its active members pass its composition procedure
    (`Commission.composition`); `citation` is the paragraph that requires the commission."""

    def guard(case, actor, payload) -> tuple[bool, str]:
        commission = commission_of(case)
        if commission is None:
            return False, _not_set_up(citation)
        try:
            verdict = evaluate_composition(commission, law_context.today(), law_context.parameters(),
                                           law_context.calendar())
        except CompositionError as exc:
            return False, str(exc)
        except InvalidFacts as exc:
            return False, incomplete(exc)
        return (True, "") if verdict.eligible else (False, refusal(verdict))

    return guard


def quorum_refusal(result: Tally) -> str:
    """Why the votes of a round cannot decide yet, or "" when they can."""
    if not result.regulations_set:
        return _("The commission's regulations do not set its quorum and majority yet; the administrator "
                 "enters them.")
    if not result.quorum_met:
        return _("No quorum: %(present)s of the %(quorum)s members the regulations require took part.") % {
            "present": result.participants, "quorum": result.quorum}
    return ""


def votes_support(approve: bool, citation: Citation | None = None) -> Guard:
    """A guard: the round has a quorum and its votes carry (approve=True) or do not carry
    (approve=False) the proposal under the commission's majority rule."""

    def guard(case, actor, payload) -> tuple[bool, str]:
        commission = commission_of(case)
        if commission is None:
            return False, _not_set_up(citation)
        result = tally(case, commission)
        why = quorum_refusal(result)
        if why:
            return False, why
        if result.approved != approve:
            return False, _("The votes cast do not support this decision.")
        return True, ""

    return guard


def _round_record(case) -> tuple:
    """The commission and round a record made now follows, with the round's tally."""
    commission = commission_of(case)
    round_ = agenda_round(case)
    if commission is None or round_ == 0:
        return commission, None, {}
    return commission, round_, tally(case, commission, round_).as_dict()


def record_decision(kind: str, outcome: str, basis: list[str], *, votes: bool = True) -> Effect:
    """An effect: the decision of the deciding body ("approved" | "refused") with its basis, the
    verdict and the minutes (the action's reason). With `votes` the commission decides: the decision
    names it, the round and its tally; without, a body that does not vote here decides (e.g. after a
    reviewing body's `Recommendation`)."""

    def effect(case, actor, payload) -> None:
        commission, round_, counted = _round_record(case) if votes else (None, None, {})
        Decision.objects.create(
            case=case, kind=kind, outcome=outcome, basis=basis, tally=counted, verdict=case.verdict,
            minutes=payload.get("reason", ""), commission=commission, round=round_,
            decided_at=case.state_entered_at, recorded_by=actor,
        )

    return effect


def record_recommendation(outcome: str, basis: list[str]) -> Effect:
    """An effect: the recommendation of the reviewing body (Recommendation.RECOMMEND |
    DO_NOT_RECOMMEND) with the tally of its round and the minutes (the action's reason)."""

    def effect(case, actor, payload) -> None:
        commission, round_, counted = _round_record(case)
        Recommendation.objects.create(
            case=case, commission=commission, round=round_, outcome=outcome, basis=basis, tally=counted,
            minutes=payload.get("reason", ""), recorded_at=case.state_entered_at, recorded_by=actor,
        )

    return effect


def _pair(ids: tuple[str, str], agenda: str, targets: tuple[str, str], citation: Citation, role: str,
          labels: tuple, effects: tuple, reason_for: str | None, consequence) -> tuple[Action, Action]:
    first, second = ids
    return tuple(
        Action(action_id, (agenda,), target, role, label, guard=votes_support(action_id == first, citation),
               effect=effect, needs_reason=reason_for == action_id, citation=citation,
               style="danger" if reason_for == action_id else "primary", consequence=consequence)
        for action_id, target, label, effect in zip((first, second), targets, labels, effects, strict=True)
    )


def decision_actions(agenda: str, approved: str, refused: str, citation: Citation, *, role: str,
                     on_approve: Effect | None = None, on_refuse: Effect | None = None,
                     approve_label=RECORD_APPROVAL, refuse_label=RECORD_REFUSAL,
                     reason_for: str | None = "refuse") -> tuple[Action, Action]:
    """"approve" and "refuse" from the agenda state `agenda`, each allowed only when the votes of
    the round support it; `reason_for` names the action whose reason (the minutes) is required."""
    return _pair(("approve", "refuse"), agenda, (approved, refused), citation, role,
                 (approve_label, refuse_label), (on_approve, on_refuse), reason_for, DECISION_CONSEQUENCE)


def recommendation_actions(agenda: str, recommended: str, not_recommended: str, citation: Citation, *,
                           role: str, basis: list[str] | None = None,
                           recommend_label=RECORD_RECOMMENDATION, decline_label=RECORD_NO_RECOMMENDATION,
                           reason_for: str | None = "do_not_recommend") -> tuple[Action, Action]:
    """"recommend" and "do_not_recommend" from the agenda state of a reviewing body; each records the
    `Recommendation` its votes support. The decision itself is another action of the workflow,
    fired by the body that decides."""
    basis = basis if basis is not None else [citation.ref]
    return _pair(("recommend", "do_not_recommend"), agenda, (recommended, not_recommended), citation, role,
                 (recommend_label, decline_label),
                 (record_recommendation(Recommendation.RECOMMEND, basis),
                  record_recommendation(Recommendation.DO_NOT_RECOMMEND, basis)), reason_for,
                 RECOMMENDATION_CONSEQUENCE)
