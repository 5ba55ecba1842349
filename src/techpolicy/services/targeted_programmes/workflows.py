"""The workflow of a targeted technology programme (000 ch.5, p.31-43) as data.

draft (the developing competence centre, p.31; the national institute assists, p.32) -> under review
by the supervising state body (p.42: conformity with the goals, criteria and structure, p.33-40) ->
remarks -> resubmitted as a new version | reviewed: agreements with the interested organisations
(p.42) -> submitted to the HSTC (its agenda: meeting, votes, recusals) -> recommended / not
recommended -> approved by the state body's decision (p.43, after the HSTC: reading R-C4), which
opens the programme's monitoring plan. The source sets no term for the review or the HSTC: both are
parameters without a value.
"""

from django.utils.translation import gettext_lazy as _

from techpolicy.casework import decisions
from techpolicy.casework.kit.verdicts import all_of
from techpolicy.casework.steps import confirmed, record_remark
from techpolicy.casework.workflow import (
    DRAFT,
    OWNER,
    WITHDRAWN,
    Action,
    DeadlineSpec,
    Field,
    State,
    Workflow,
    per_parent_and,
    register,
    withdraw,
)
from techpolicy.law.acts.act000_methodology.programme_terms import HSTC_CONSIDERATION, REVIEW
from techpolicy.law.citation import Citation

from . import steps
from .pages import EDITABLE, case_links
from .roles import HSTC, HSTC_SECRETARY, STATE_BODY

P31, P42, P43 = (Citation("000", p) for p in ("31", "42", "43"))
AGENDA = "hstc"  # the state on the HSTC's agenda
FINAL = _("This decision is final: the case is closed with it and cannot come back.")


def programme_subject(facts: dict) -> list[str]:
    """Several programmes in one sector for different directions (p.41): one open draft per
    developer, sector and direction."""
    return [str(facts.get("sector", "")), str(facts.get("direction", ""))]


DOCUMENT_KINDS = (
    ("agreement_letter", _("Letter of agreement of an interested organisation"), "000 p.42"),
    ("analysis_material", _("Materials of the analysis"), "000 p.37"),
    ("other", _("Other document"), ""),
)

PROGRAMME = register(Workflow(
    id="targeted_programmes.programme",
    name=_("Targeted technology programme"),
    case_prefix="TTP",
    initial="draft",
    one_open_per=per_parent_and(programme_subject),
    commission=HSTC,
    document_kinds=DOCUMENT_KINDS,
    links=case_links,
    states=(
        DRAFT,
        State("review", _("Draft under review by the state body (p.42)"), _("Under review by the state body"),
              STATE_BODY, DeadlineSpec(REVIEW)),
        State("remarks", _("Returned to the developer with remarks"), _("Remarks to answer"), OWNER),
        State("agreement", _("Reviewed: agreement with interested organisations (p.42)"),
              _("Reviewed: being agreed with interested organisations"), STATE_BODY),
        State(AGENDA, _("Proposals on the HSTC's agenda (p.42)"), _("Under consideration by the HSTC"),
              HSTC_SECRETARY, DeadlineSpec(HSTC_CONSIDERATION), agenda=True),
        State("recommended", _("Recommended by the HSTC: approval due (p.43)"), _("Recommended by the HSTC"),
              STATE_BODY),
        State("not_recommended", _("Not recommended by the HSTC"), _("Not recommended by the HSTC"), STATE_BODY),
        State("approved", _("Programme approved"), _("Programme approved"), "", final=True),
        State("rejected", _("Draft rejected by the state body"), _("Rejected"), "", final=True),
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "review", OWNER, _("Submit the draft to the state body"),
               guard=steps.submission_valid, effect=steps.store_submission, citation=P31),
        Action("return_with_remarks", ("review", "agreement", "not_recommended"), "remarks", STATE_BODY,
               _("Return to the developer with remarks"), needs_reason=True,
               guard=steps.addressed_to_actor, effect=record_remark, citation=P42, style="secondary"),
        Action("resubmit", ("remarks",), "review", OWNER, _("Resubmit as a new version"),
               guard=steps.submission_valid, effect=steps.answer_remarks, citation=P42,
               fields=(Field("answer", _("Your answer to the remarks"), "textarea"),)),
        Action("conclude_review", ("review",), "agreement", STATE_BODY,
               _("Conclude the review: the draft conforms"), guard=steps.review_valid,
               effect=steps.record_review, citation=P42),
        Action("submit_to_hstc", ("agreement",), AGENDA, STATE_BODY, _("Submit the proposals to the HSTC"),
               guard=steps.agreed, citation=P42,
               consequence=_("The proposals go on the HSTC's agenda: a round of voting opens with the members "
                             "entitled to vote today.")),
        *decisions.recommendation_actions(AGENDA, "recommended", "not_recommended", P42, role=HSTC_SECRETARY,
                                          basis=[P42.ref]),
        Action("approve", ("recommended",), "approved", STATE_BODY, _("Approve the programme"),
               guard=all_of(confirmed, steps.approval_valid), effect=steps.approve, citation=P43,
               fields=(Field("decision_number", _("Decision number")),
                       Field("decided_on", _("Decision date"), "date")),
               consequence=_("The programme is approved by this decision; its target indicators and measures "
                             "are monitored from now on.")),
        Action("reject", ("review", "not_recommended"), "rejected", STATE_BODY, _("Reject the draft"),
               needs_reason=True, guard=all_of(steps.addressed_to_actor, confirmed), citation=P42,
               style="danger", consequence=FINAL),
        withdraw(*EDITABLE),
    ),
))

ALL = (PROGRAMME,)
