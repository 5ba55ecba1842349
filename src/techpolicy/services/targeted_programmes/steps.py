"""Guards and effects of the programme workflow that are this service's own (000 p.31-43). Each
guard returns (ok, reason) naming the paragraph in the user's language; each effect runs inside the
transition's transaction. Whether a draft conforms is the law layer's: guards ask the procedure
"programme" on the day of the action."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.kit.verdicts import all_of, eligible, resubmission, store_verdict
from techpolicy.casework.models import Case, Decision, Recommendation
from techpolicy.casework.steps import current_language, payload_date
from techpolicy.law.citation import Citation
from techpolicy.services.competence_centres.models import StateBodyProfile
from techpolicy.services.competence_centres.published import supervised_directions

from . import checks
from .models import Agreement, ProgrammeVersion

MAX_DECISION_NUMBER = 60
REVIEW, APPROVAL = "review", "approval"  # the kinds of the state body's Decisions (p.42, p.43)
P42, P43 = Citation("000", "42"), Citation("000", "43")


def _cite(citation: Citation) -> str:
    return citation.text(current_language())


def _lang_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


# --- the developer (p.31, p.33-40) -----------------------------------------------------------------

conforms = eligible(checks.CHECK, checks.case_facts)


def addressed_body_supervises(case: Case, actor, payload) -> tuple[bool, str]:
    """Paragraph 42: the draft goes to the state body supervising the programme's direction."""
    body_id = checks.addressed_body_id(case.facts)
    body = StateBodyProfile.objects.filter(organisation_id=body_id).select_related(
        "organisation").first() if body_id else None
    if body is None:
        return False, _("Choose the state body supervising the programme's direction, to which the draft is "
                        "submitted (%(citation)s).") % {"citation": _cite(P42)}
    pair = (case.facts.get("sector"), case.facts.get("direction"))
    if pair not in supervised_directions(body.organisation, law_context.today()):
        return False, _("On %(date)s %(body)s does not supervise the programme's direction; the draft goes to "
                        "the state body that does (%(citation)s).") % {
            "date": _lang_date(law_context.today()), "body": body.organisation.name, "citation": _cite(P42)}
    return True, ""


submission_valid = all_of(addressed_body_supervises, conforms)


def _new_version(case: Case, actor, reason: str, answer: str = "") -> ProgrammeVersion:
    latest = case.ttp_versions.aggregate(n=Max("number"))["n"] or 0
    return ProgrammeVersion.objects.create(case=case, number=latest + 1, facts=case.facts, verdict=case.verdict,
                                           reason=reason, answer=answer, created_by=actor)


_store = store_verdict(checks.CHECK, checks.case_facts)
_resubmit = resubmission(checks.CHECK, checks.case_facts)


def store_submission(case: Case, actor, payload) -> None:
    """The verdict of the day and version 1 of the document, as the state body will read it."""
    _store(case, actor, payload)
    _new_version(case, actor, ProgrammeVersion.SUBMITTED)


def answer_remarks(case: Case, actor, payload) -> None:
    """A reviewer's remarks are answered by a new version of the document (its verdict stored with it)."""
    _resubmit(case, actor, payload)
    _new_version(case, actor, ProgrammeVersion.RESUBMITTED, payload.get("answer", ""))


# --- the state body (p.42, p.43) ---------------------------------------------------------------------

def addressed_to_actor(case: Case, actor, payload) -> tuple[bool, str]:
    """The state body acts only on the drafts addressed to its own organisation."""
    body_id = checks.addressed_body_id(case.facts)
    if body_id is not None and getattr(actor, "organisation_id", None) == body_id:
        return True, ""
    return False, _("This draft is addressed to another state body; only its staff act on it (%(citation)s).") % {
        "citation": _cite(P42)}


def _decide(case: Case, actor, kind: str, payload, basis: list[str]) -> Decision:
    return Decision.objects.create(case=case, kind=kind, outcome="approved", basis=basis, verdict=case.verdict,
                                   minutes=payload.get("reason", ""), decided_at=case.state_entered_at,
                                   recorded_by=actor)


review_valid = all_of(addressed_to_actor, conforms)


def record_review(case: Case, actor, payload) -> None:
    """Paragraph 42: the review's conclusion, the verdict of its day kept with it."""
    case.verdict = checks.evaluate_case(case).as_dict()
    case.save(update_fields=["verdict"])
    _decide(case, actor, REVIEW, payload, [P42.ref])


def agreed(case: Case, actor, payload) -> tuple[bool, str]:
    """Paragraph 42: the proposals go to the HSTC after the draft is agreed with the interested
    organisations: at least one agreement is recorded and none of them refuses it."""
    ok, why = addressed_to_actor(case, actor, payload)
    if not ok:
        return ok, why
    agreements = list(case.ttp_agreements.all())
    if not agreements:
        return False, _("Record the draft's agreement with the interested organisations before submitting the "
                        "proposals to the HSTC (%(citation)s).") % {"citation": _cite(P42)}
    refusing = [a.organisation for a in agreements if a.outcome == Agreement.NOT_AGREED]
    if refusing:
        return False, _("The draft is not agreed with: %(organisations)s. Settle the disagreement (return the draft "
                        "with remarks if it must change) before submitting it to the HSTC (%(citation)s).") % {
            "organisations": ", ".join(refusing), "citation": _cite(P42)}
    return True, ""


def _latest_recommendation(case: Case) -> Recommendation | None:
    return case.recommendations.order_by("-recorded_at", "-pk").first()


def hstc_recommended(case: Case, actor, payload) -> tuple[bool, str]:
    """Reading R-C4: the programme is approved after the HSTC considered it and recommended it."""
    latest = _latest_recommendation(case)
    if latest is None or latest.outcome != Recommendation.RECOMMEND:
        return False, _("The programme is approved after the HSTC has considered the proposals and recommended "
                        "it (%(p42)s; %(p43)s).") % {"p42": _cite(P42), "p43": _cite(P43)}
    return True, ""


def decision_given(case: Case, actor, payload) -> tuple[bool, str]:
    """Paragraph 43: the decision's number and date, not in the future nor before the HSTC's recommendation."""
    number = str(payload.get("decision_number", "")).strip()
    if not number or len(number) > MAX_DECISION_NUMBER:
        return False, _("Give the number of the state body's decision approving the programme (at most %(n)s "
                        "characters; %(citation)s).") % {"n": MAX_DECISION_NUMBER, "citation": _cite(P43)}
    day = payload_date(payload, "decided_on")
    if day is None:
        return False, _("Give the date of the decision approving the programme (%(citation)s).") % {
            "citation": _cite(P43)}
    if day > law_context.today():
        return False, _("The date of the decision cannot be in the future.")
    latest = _latest_recommendation(case)
    if latest is not None and day < timezone.localdate(latest.recorded_at):
        return False, _("The decision cannot precede the HSTC's recommendation of %(date)s.") % {
            "date": _lang_date(timezone.localdate(latest.recorded_at))}
    return True, ""


approval_valid = all_of(addressed_to_actor, hstc_recommended, decision_given)


def approve(case: Case, actor, payload) -> None:
    """Paragraph 43: the state body's decision with its number and date, and the programme's
    monitoring plan: its target indicators with their interim and final values (p.38) and its
    measures as dated obligations (p.39)."""
    from .monitoring import open_plan

    number = str(payload.get("decision_number", "")).strip()
    day = payload_date(payload, "decided_on")
    decision = _decide(case, actor, APPROVAL, {"reason": f"{number} / {day.isoformat()}"}, [P43.ref])
    open_plan(case, decision_number=number, decided_on=day, decision=decision)
