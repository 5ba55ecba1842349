"""The workflow of organising a technology platform (000 p.23-30) as data.

draft (the proposing state body) -> submitted to the authorized body (p.27) -> refused (final) |
remarks -> resubmitted | referred to the HSTC (p.28, on its agenda: meeting, votes, recusals) ->
supported / not supported (final) -> organised by the authorized body's decision (final; the register
entry, p.29). The source sets no term for either consideration: both are parameters without a value.
"""

from django.utils.translation import gettext_lazy as _

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
from techpolicy.law.acts.act000_methodology.platforms import AB_CONSIDERATION, HSTC_CONSIDERATION
from techpolicy.law.citation import Citation

from . import steps
from .checks import COMMITMENTS
from .models import name_key
from .pages import case_links
from .roles import AUTHORIZED_BODY, HSTC, HSTC_SECRETARY

P = Citation
AGENDA = "hstc"  # the state on the HSTC's agenda


def platform_subject(facts: dict) -> list[str]:
    """One open proposal per (sector, direction, platform name) of a proposer (p.29)."""
    proposal = facts.get("proposal") or {}
    return [str(proposal.get("sector", "")), str(proposal.get("direction", "")),
            name_key(str(proposal.get("platform_name", "")))]


DOCUMENT_KINDS = (
    (COMMITMENTS, _("Document of recorded commitments of the coordinator"), "000 p.25(5)"),
    ("memorandum", _("Cooperation agreement (memorandum)"), "000 p.25(3)"),
    ("competence", _("Evidence of technological competence"), "000 p.25(1)"),
    ("interaction", _("Evidence of organising interaction with stakeholders"), "000 p.25(2)"),
    ("material_base", _("Material-technical base"), "000 p.25(4)"),
    ("other", _("Other document"), ""),
)

ORGANISATION = register(Workflow(
    id="technology_platforms.organisation",
    name=_("Organisation of a technology platform"),
    case_prefix="TP",
    initial="draft",
    one_open_per=per_parent_and(platform_subject),
    commission=HSTC,
    document_kinds=DOCUMENT_KINDS,
    links=case_links,
    states=(
        DRAFT,
        State("submitted", _("Proposal with the authorized body"), _("Submitted to the authorized body"),
              AUTHORIZED_BODY, DeadlineSpec(AB_CONSIDERATION)),
        State("remarks", _("Returned to the proposer with remarks"), _("Remarks to answer"), OWNER),
        State("refused", _("Refused by the authorized body"), _("Refused"), "", final=True),
        State(AGENDA, _("On the HSTC's agenda"), _("Under consideration by the HSTC"), HSTC_SECRETARY,
              DeadlineSpec(HSTC_CONSIDERATION), agenda=True),
        State("supported", _("Supported by the HSTC: to be organised"), _("Supported by the HSTC"), AUTHORIZED_BODY),
        State("not_supported", _("Not supported by the HSTC"), _("Not supported by the HSTC"), "", final=True),
        State("organised", _("Platform organised"), _("Platform organised"), "", final=True),
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, _("Submit the proposal to the authorized body"),
               guard=steps.submission_valid, effect=steps.store_submission, citation=P("000", "27")),
        Action("return_with_remarks", ("submitted",), "remarks", AUTHORIZED_BODY, _("Return with remarks"),
               needs_reason=True, effect=record_remark, citation=P("000", "27"), style="secondary"),
        Action("resubmit", ("remarks",), "submitted", OWNER, _("Resubmit with corrections"),
               guard=steps.submission_valid, effect=steps.answer_remarks, citation=P("000", "27"),
               fields=(Field("answer", _("Your answer to the remarks")),)),
        Action("refuse", ("submitted",), "refused", AUTHORIZED_BODY, _("Refuse the proposal"),
               guard=all_of(confirmed, steps.refusal_grounded), effect=steps.record_refusal,
               needs_reason=True, citation=P("000", "25"), style="danger",
               consequence=_("The proposal is refused for good: the case is closed and the proposal cannot "
                             "be resubmitted.")),
        Action("refer_to_hstc", ("submitted",), AGENDA, AUTHORIZED_BODY, _("Refer the initiative to the HSTC"),
               guard=steps.referral_valid, effect=steps.store_referral, citation=P("000", "28"),
               consequence=_("The initiative goes on the HSTC's agenda: a round of voting opens with the "
                             "members entitled to vote today; the proposal can no longer be returned with "
                             "remarks.")),
        *steps.hstc_recommendations(AGENDA),
        Action("organise", ("supported",), "organised", AUTHORIZED_BODY, _("Organise the technology platform"),
               guard=all_of(confirmed, steps.organisation_valid), effect=steps.organise,
               citation=P("000", "27"),
               fields=(Field("decision_number", _("Decision number")),
                       Field("decided_on", _("Decision date"), "date")),
               consequence=_("The platform is organised by this decision and entered on the register for "
                             "good.")),
        withdraw("draft", "remarks"),
    ),
))

ALL = (ORGANISATION,)
