"""The designation of a sectoral technology competence centre as data (000 ch.3, p.17-21).

A legal entity initiates its designation (p.18) and addresses it to a state body or local executive
body that supervises the direction; that body proposes it to the authorized body (p.19) or declines;
the authorized body considers it against the criteria of p.17 (the procedure "competence-centre" on
the day of consideration, its term `tp.cc.ab_consideration_term` not set by the source), finds it
compliant, refuses it naming the failed paragraphs, or returns it with remarks; the state body then
designates it by a decision (p.20), which enters the register by (sector, direction, centre) (p.21).
The national institute reads every case and comments (p.21; `views_comments`), acting on none.
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
from techpolicy.law.acts.act000_methodology.competence_centres import AB_CONSIDERATION
from techpolicy.law.citation import Citation

from . import steps
from .pages import EDITABLE, case_links
from .roles import AUTHORIZED_BODY, STATE_BODY

P17, P18, P19, P20 = (Citation("000", p) for p in ("17", "18", "19", "20"))
# Final decisions ask for "I understand" (the form's box, checked by `confirmed`): the case cannot come back.
FINAL = _("This decision is final: the case is closed with it and cannot come back.")
CONSIDERATION_TERM = DeadlineSpec(AB_CONSIDERATION)


def _pair(facts: dict) -> tuple[str, str]:
    """The sector and direction an initiative is about: one open case per organisation and pair."""
    return str(facts.get("sector", "")), str(facts.get("direction", ""))


DOCUMENT_KINDS = (
    ("experience_evidence", _("Evidence of activity in the sector by the direction"), "000 p.17(1)"),
    ("staff_evidence", _("Evidence of the staff's competences"), "000 p.17(2)"),
    ("funds_and_base", _("Own funds and the material-technical base"), "000 p.17(3)"),
    ("charter", _("Charter and state registration"), "000 p.18"),
    ("proposal_letter", _("Letter of the state body's proposal"), "000 p.19"),
    ("designation_decision", _("Decision of the state body on the designation"), "000 p.20"),
    ("other", _("Other"), ""),
)

DESIGNATION = register(Workflow(
    id="competence_centres.designation",
    name=_("Designation as a sectoral technology competence centre"),
    case_prefix="CC",
    initial="draft",
    one_open_per=per_parent_and(_pair),
    states=(
        DRAFT,
        State("initiated", _("Initiated: the state body decides whether to propose it (p.19)"),
              _("Initiative with the state body"), STATE_BODY),
        State("not_proposed", _("Not proposed by the state body"), _("Not proposed by the state body"), "",
              final=True),
        State("consideration", _("Proposed: consideration by the authorized body (p.19)"),
              _("Under consideration by the authorized body"), AUTHORIZED_BODY, CONSIDERATION_TERM),
        State("remarks", _("Returned with remarks"), _("Remarks to answer"), OWNER),
        State("refused", _("Refused by the authorized body"), _("Refused: the criteria are not met"), "",
              final=True),
        State("compliant", _("Compliant: designation by the state body due (p.20)"),
              _("Found compliant: awaiting the state body's decision"), STATE_BODY),
        State("not_designated", _("Not designated by the state body"), _("Not designated"), "", final=True),
        State("designated", _("Designated: entered in the register"), _("Designated as a competence centre"), "",
              final=True),
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "initiated", OWNER, _("Submit the initiative to the state body"),
               guard=steps.initiative_valid, effect=steps.store_initiative, citation=P18),
        Action("propose", ("initiated",), "consideration", STATE_BODY, _("Propose to the authorized body"),
               guard=steps.proposable, effect=steps.record_proposal, citation=P19),
        Action("decline", ("initiated",), "not_proposed", STATE_BODY, _("Decline to propose"), needs_reason=True,
               guard=all_of(steps.addressed_to_actor, confirmed), citation=P19, style="danger",
               consequence=FINAL),
        Action("find_compliant", ("consideration",), "compliant", AUTHORIZED_BODY,
               _("Find the candidate compliant with the criteria"), guard=steps.compliant,
               effect=steps.record_compliance, citation=P17),
        Action("return_with_remarks", ("consideration",), "remarks", AUTHORIZED_BODY, _("Return with remarks"),
               needs_reason=True, effect=record_remark, citation=P19, style="secondary"),
        Action("refuse", ("consideration",), "refused", AUTHORIZED_BODY, _("Refuse: the criteria are not met"),
               needs_reason=True, guard=all_of(steps.refusable, confirmed), effect=steps.record_refusal,
               citation=P17, style="danger", consequence=FINAL),
        Action("resubmit", ("remarks",), "consideration", OWNER, _("Resubmit with corrections"),
               guard=steps.resubmittable, effect=steps.answer_remarks, citation=P19,
               fields=(Field("answer", _("Your answer to the remarks")),)),
        Action("designate", ("compliant",), "designated", STATE_BODY, _("Designate as a competence centre"),
               guard=all_of(steps.designation_valid, steps.compliant, confirmed), effect=steps.designate,
               citation=P20, fields=(Field("decision_number", _("Decision number")),
                                     Field("decision_date", _("Decision date"), "date")),
               consequence=_("The candidate is designated as a competence centre by this decision and entered "
                             "on the register; the decision is final.")),
        Action("not_designate", ("compliant",), "not_designated", STATE_BODY, _("Decide not to designate"),
               needs_reason=True, guard=all_of(steps.addressed_to_actor, confirmed), citation=P20,
               style="danger", consequence=FINAL),
        withdraw(*EDITABLE),
    ),
    document_kinds=DOCUMENT_KINDS,
    links=case_links,
))

ALL = (DESIGNATION,)
