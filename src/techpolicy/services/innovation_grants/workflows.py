"""The application for an innovation grant as data (law 003 article 27).

The applicant (a subject of industrial-innovative activity, article 1(3)-(4)) answers an open call;
the operator (the national operator for technological development, article 14(10)) checks the
application, returns it with remarks or organises the independent economic and technological
expertise with domestic and foreign experts (article 27(2), third indent; grants for patenting in
international patent organisations skip it); the operator prepares the award with the criteria of
article 20(6) and the sectoral programme (article 20(1)); the grant commission decides by its
votes; an award commits the amount in the fund ledger (article 27(3)) and enters the public
register; the operator drafts the agreement, the grantee signs, then the operator; the tranches are
paid against the commitment, misused money is returned, and the grant is completed when paid.
The terms of each step are the Government's rules' matter (article 27(4), `grants.rules`): none is
set by the source, so no state carries a deadline.
"""

from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import COMMISSION
from techpolicy.casework.decisions import decision_actions
from techpolicy.casework.kit.verdicts import all_of
from techpolicy.casework.steps import confirmed, record_remark
from techpolicy.casework.workflow import (
    DRAFT,
    OWNER,
    WITHDRAWN,
    Action,
    Field,
    State,
    Workflow,
    per_parent_and,
    register,
    withdraw,
)
from techpolicy.law.citation import Citation

from . import award_basis, steps
from .pages import EDITABLE, case_links
from .roles import GRANT_OPERATOR

COMMISSION_KEY = "innovation-grants"
AGENDA = "commission"


def _a27(paragraph: str, sub: str | None = None, note: str | None = None) -> Citation:
    return Citation("003", paragraph, sub, note, article="27")


A27_1, A27_2, A27_3 = _a27("1"), _a27("2"), _a27("3")
A27_4 = _a27("4")
EXPERTISE = _a27("2", note="indent 3")
A20_6 = Citation("003", "6", article="20")

DOCUMENT_KINDS = (
    ("project", _("Description of the project and its planned costs"), "003 a.27 p.2"),
    ("costs", _("Calculation of the planned costs"), "003 a.27 p.2"),
    ("trainees", _("List of trainees and their positions"), "003 a.27 p.2(3)"),
    ("declaration", _("Independence declaration of an expert"), "003 a.27 p.2 [indent 3]"),
    ("conclusion", _("Conclusion of the expertise"), "003 a.27 p.2 [indent 3]"),
    ("agreement", _("Grant agreement"), "003 a.27 p.4"),
    ("report", _("Report of the grantee"), "003 a.27 p.4"),
    ("other", _("Other"), ""),
)

GRANT = register(Workflow(
    id="innovation_grants.grant",
    name=_("Innovation grant"),
    case_prefix="IG",
    initial="draft",
    # One open application per organisation and call: a second one on the same call is a duplicate.
    one_open_per=per_parent_and(lambda facts: facts.get("call", "")),
    commission=COMMISSION_KEY,
    states=(
        DRAFT,
        State("submitted", _("Submitted: completeness check by the operator"), _("Submitted"), GRANT_OPERATOR),
        State("remarks", _("Returned with remarks"), _("Remarks to answer"), OWNER),
        State("expertise", _("Independent economic and technological expertise"), _("Under expertise"),
              GRANT_OPERATOR),
        State("preparation", _("Award being prepared by the operator"), _("Award being prepared"), GRANT_OPERATOR),
        State(AGENDA, _("On the grant commission's agenda"), _("Under consideration by the grant commission"),
              COMMISSION, agenda=True),
        State("refused", _("Grant refused"), _("Grant refused"), "", final=True),
        State("awarded", _("Grant awarded: the agreement is to be drafted"), _("Grant awarded"), GRANT_OPERATOR),
        State("agreement", _("Agreement drafted: the grantee signs"), _("Agreement to sign"), OWNER),
        State("grantee_signed", _("Signed by the grantee: the operator signs"), _("Signed by you: awaiting the "
                                                                                  "operator"), GRANT_OPERATOR),
        State("implementation", _("Agreement in force: tranches and reports"), _("Grant being implemented"),
              GRANT_OPERATOR),
        State("completed", _("Grant completed"), _("Grant completed"), "", final=True),
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, _("Submit the application"), guard=steps.submittable,
               effect=steps.store_application, citation=A27_2),
        Action("send_remarks", ("submitted",), "remarks", GRANT_OPERATOR, _("Return with remarks"),
               needs_reason=True, effect=record_remark, style="secondary"),
        Action("resubmit", ("remarks",), "submitted", OWNER, _("Resubmit with corrections"), guard=steps.complete,
               effect=steps.answer_remarks, fields=(Field("answer", _("Your answer to the remarks")),)),
        Action("to_expertise", ("submitted",), "expertise", GRANT_OPERATOR, _("Send to the expertise"),
               guard=steps.expertise_required, citation=EXPERTISE),
        Action("skip_expertise", ("submitted",), "preparation", GRANT_OPERATOR,
               _("Prepare the award without expertise (patenting)"), guard=steps.expertise_exempt,
               citation=EXPERTISE, style="secondary"),
        Action("close_expertise", ("expertise",), "preparation", GRANT_OPERATOR, _("Close the expertise"),
               guard=steps.panel_complete, citation=EXPERTISE),
        Action("send_to_commission", ("preparation",), AGENDA, GRANT_OPERATOR,
               _("Send to the grant commission with the basis of the award"), guard=steps.award_ready,
               effect=steps.record_award_basis, citation=A20_6,
               # At least one criterion of article 20(6) (reading R-G1), so each alone is optional.
               fields=award_basis.FIELDS,
               consequence=_("The case goes on the grant commission's agenda: a round of voting opens, and from "
                             "then on only the commission's decision moves it on.")),
        *decision_actions(AGENDA, "awarded", "refused", A27_1, role=GRANT_OPERATOR, on_approve=steps.award,
                          on_refuse=steps.refuse_award, approve_label=_("Record the commission's award"),
                          refuse_label=_("Record the commission's refusal")),
        Action("draft_agreement", ("awarded",), "agreement", GRANT_OPERATOR, _("Draft the grant agreement"),
               guard=steps.agreement_valid, effect=steps.draft_agreement,
               fields=(Field("number", _("Agreement number")), Field("terms", _("Terms of the agreement")))),
        Action("sign_as_grantee", ("agreement",), "grantee_signed", OWNER, _("Sign the agreement"),
               guard=all_of(steps.agreement_intact, confirmed), effect=steps.sign_as_grantee,
               consequence=_("You sign the agreement as drafted; its terms are locked from now on.")),
        Action("sign_as_operator", ("grantee_signed",), "implementation", GRANT_OPERATOR,
               _("Sign the agreement for the operator"), guard=all_of(steps.agreement_intact, confirmed),
               effect=steps.sign_as_operator,
               consequence=_("The agreement signed by both parties takes effect and cannot be changed.")),
        Action("pay_tranche", ("implementation",), "implementation", GRANT_OPERATOR, _("Record a tranche paid"),
               guard=steps.tranche_valid, effect=steps.pay_tranche, citation=A27_3,
               fields=(Field("amount", _("Amount, tenge")), Field("paid_on", _("Paid on"), "date"))),
        Action("return_misused", ("implementation",), "implementation", GRANT_OPERATOR,
               _("Record misused money returned"), needs_reason=True, guard=steps.misuse_valid,
               effect=steps.return_misused, citation=A27_3, style="secondary",
               fields=(Field("amount", _("Amount returned, tenge")),)),
        # The grantee's reports (003.a27.p4): the term is the agreement's, the rules (`grants.report_term`) not set.
        Action("schedule_report", ("implementation",), "implementation", GRANT_OPERATOR,
               _("Schedule a report of the grantee"), guard=steps.report_schedulable, effect=steps.schedule_report,
               citation=A27_4, style="secondary",
               fields=(Field("period_end", _("Reporting period ends on"), "date"),
                       Field("term_days", _("Term in working days after the period, as the agreement sets it"),
                             "number", required=False),
                       Field("due_on", _("Or the due date the agreement sets"), "date", required=False))),
        Action("submit_report", ("implementation",), "implementation", OWNER, _("Submit a report"),
               guard=steps.report_submittable, effect=steps.submit_report, citation=A27_4, notify_applicant=False,
               fields=(Field("seq", _("Report number (empty: the earliest due)"), "number", required=False),
                       Field("text", _("Report: what was done and spent in the period"), "textarea"))),
        Action("accept_report", ("implementation",), "implementation", GRANT_OPERATOR, _("Accept a report"),
               guard=steps.report_reviewable, effect=steps.accept_report, citation=A27_4,
               fields=(Field("seq", _("Report number (empty: the earliest submitted)"), "number", required=False),)),
        Action("return_report", ("implementation",), "implementation", GRANT_OPERATOR,
               _("Return a report to the grantee"), needs_reason=True, guard=steps.report_reviewable,
               effect=steps.return_report, citation=A27_4, style="secondary",
               fields=(Field("seq", _("Report number (empty: the earliest submitted)"), "number", required=False),)),
        Action("complete", ("implementation",), "completed", GRANT_OPERATOR, _("Close the grant as completed"),
               guard=all_of(steps.fully_paid, steps.reports_settled, confirmed),
               consequence=_("The grant is closed as completed; the case cannot come back.")),
        withdraw(*EDITABLE),
    ),
    document_kinds=DOCUMENT_KINDS,
    links=case_links,
))

ALL = (GRANT,)
