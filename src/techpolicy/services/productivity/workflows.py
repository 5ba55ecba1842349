"""The "Productivity 2020" programme's workflows as data (seed 004, section 5.4 "Бағдарлама
құралдарын ұсыну тетіктері"). The section numbers its paragraphs anew for each mechanism, so every
citation names the section, the paragraph and the mechanism (the law layer's `cite`).

- `productivity.direct`  instruments 2–5 filed directly with the operator (KIDI), paragraphs 1, 3–10;
- `productivity.nce`     instruments 2–5 filed through the NCE, paragraph 2 and the same tail;
- `productivity.cluster_strategy` / `productivity.cluster_implementation`  instruments 7 and 8;
- `productivity.leasing` instrument 1, long-term leasing by KDB-Leasing.

Instrument 6 has no workflow: its rules are the Government's and are not in the seed.
Terms are the law layer's declared terms of 5.4 (`act004_productivity2020.terms`), never numbers
written here."""

from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import LEASING_OPERATOR, OPERATOR
from techpolicy.casework.workflow import (
    DRAFT,
    OWNER,
    WITHDRAWN,
    Action,
    DeadlineSpec,
    Field,
    State,
    Workflow,
    per_content,
    register,
    withdraw,
)
from techpolicy.law.acts.act004_productivity2020.common import (
    MECHANISM_1,
    MECHANISM_2_5,
    MECHANISM_7,
    MECHANISM_8,
    cite,
)
from techpolicy.law.acts.act004_productivity2020.terms import DEADLINES

from . import steps
from .pages import case_links

DOCUMENT_KINDS = (
    ("charter_registration", _("Charter and state registration certificate"), "5.4 p.11(1)"),
    ("tax_payments", _("Taxes and obligatory payments for at least one fiscal year"), "5.4 p.12-16"),
    ("executor_contract", _("Contract with the executor"), "5.4 p.11(2)"),
    ("acceptance_act", _("Act of the services rendered"), "5.4 p.11(3)"),
    ("invoice", _("Invoice for the total amount"), "5.4 p.11(4)"),
    ("payment_orders", _("Payment orders"), "5.4 p.11(5)"),
    ("work_result", _("The work paid for (plan, study, programme, strategy)"), "5.4 p.11-16"),
    ("executor_qualification", _("The executor's qualification and staff"), "5.4 p.11-16"),
    ("client_recommendation", _("Recommendation of a client of the executor"), "5.4 p.11-16"),
    ("licences", _("Licences and permits"), "5.4 p.12(7)"),
    ("project_passport", _("Project passport"), "5.4 p.1 (instrument 1)"),
    ("cpip", _("Comprehensive investment-project plan"), "5.4 p.2 (instrument 1)"),
    ("signed_agreement", _("Signed reimbursement agreement"), "5.4 p.8"),
    ("other", _("Other"), ""),
)


# The programme lets one applicant receive several instruments at once (004, introduction: "бір өтінім
# берушіге қатысты Бағдарлама құралдарын кешенді ұсынуға жол беріледі"), so an organisation may have
# many open cases; what the database refuses is the same application (the very same facts) open twice
# in one procedure: a repeated post of the form.
ONE_OPEN = per_content
# What the operator's decisions do, said before they are taken (the form asks for "I understand").
TO_REIMBURSE = _("The decision to reimburse is recorded on the case and cannot be taken back.")
NOT_TO_REIMBURSE = _("The decision not to reimburse is recorded on the case and cannot be taken back; the "
                     "applicant is sent the notice of it.")
LEASING_DECIDED = _("KDB-Leasing's decision is recorded on the case and cannot be taken back.")


def m1(paragraph: str, sub: str | None = None):
    return cite("5.4", paragraph, sub, MECHANISM_1)


def m25(paragraph: str, sub: str | None = None):
    return cite("5.4", paragraph, sub, MECHANISM_2_5)


def m7(paragraph: str):
    return cite("5.4", paragraph, None, MECHANISM_7)


def m8(paragraph: str):
    return cite("5.4", paragraph, None, MECHANISM_8)


def term(step: str, **anchor) -> DeadlineSpec:
    """The deadline of a state: the term of 5.4 the law layer declares for `step` ("direct.notice")."""
    return DeadlineSpec(DEADLINES[step], **anchor)


# --- instruments 2–5: the notice, the agreement and the payment (paragraphs 5–10) -------------------

def agreement_tail(decision_state: str, decision_citation) -> tuple[tuple[State, ...], tuple[Action, ...]]:
    """From the operator's decision to payment and aftercare: shared by the direct and NCE channels."""
    notice = term("direct.notice")
    states = (
        State("approved", _("Reimbursement decided: notice with two signed agreement copies due"),
              _("Reimbursement decided"), OPERATOR, notice),
        State("refusal_decided", _("Reimbursement refused: reasoned notice due"), _("Reimbursement refused"),
              OPERATOR, notice),
        State("refused", _("Refusal notified: the applicant may correct and resubmit"),
              _("Refused: you may correct the application and resubmit it"), OWNER),
        State("agreement_sent", _("Agreement sent: the applicant's signed copy awaited"),
              _("Agreement to sign and return"), OWNER),
        State("payment_due", _("Agreement signed: payment due"), _("Agreement signed: payment on its way"), OPERATOR,
              term("direct.payment", anchor="payment_due", anchor_field="signed_on")),
        State("paid", _("Paid: the agreement is in force"), _("Paid"), OPERATOR),
        State("terminated", _("Agreement terminated on breach: funds returned"), _("Agreement terminated"), "",
              final=True),
        State("closed", _("Agreement closed"), _("Agreement closed"), "", final=True),
    )
    actions = (
        Action("approve", (decision_state,), "approved", OPERATOR, _("Decide to reimburse"),
               guard=steps.reimbursable, effect=steps.approve_agreement, citation=decision_citation,
               notify_applicant=False, consequence=TO_REIMBURSE),
        Action("refuse", (decision_state,), "refusal_decided", OPERATOR, _("Decide not to reimburse"),
               needs_reason=True, effect=steps.record_refusal, citation=decision_citation, notify_applicant=False,
               style="danger", consequence=NOT_TO_REIMBURSE),
        Action("send_agreement", ("approved",), "agreement_sent", OPERATOR,
               _("Send the notice with two signed copies of the agreement"), guard=steps.agreement_number_given,
               effect=steps.send_agreement, citation=m25("6"), fields=(Field("number", _("Agreement number")),)),
        Action("send_refusal", ("refusal_decided",), "refused", OPERATOR, _("Send the reasoned notice"),
               effect=steps.refusal_notice, citation=m25("6")),
        Action("return_signed", ("agreement_sent",), "payment_due", OWNER, _("Return the signed agreement"),
               guard=steps.signature_valid, effect=steps.sign_agreement, citation=m25("8"),
               fields=(Field("signed_on", _("Signed on"), "date"),
                       Field("statistics_consent", _("We consent to the operator obtaining our statistics for 2 "
                                                     "years before and 2 years after the agreement (p. 9(4))"),
                             "checkbox"))),
        Action("pay", ("payment_due",), "paid", OPERATOR, _("Record the payment"), guard=steps.payment_valid,
               effect=steps.pay, citation=m25("10"),
               fields=(Field("paid_on", _("Paid on"), "date"), Field("reference", _("Payment order number")))),
        Action("terminate", ("paid",), "terminated", OPERATOR, _("Terminate on breach and record the return of funds"),
               needs_reason=True, guard=steps.termination_valid, effect=steps.terminate, citation=m25("9", "3"),
               style="danger",
               consequence=_("The agreement is terminated for breach and the return of the funds is entered in "
                             "the payment ledger; the case is closed for good."),
               fields=(Field("returned_on", _("Funds returned on"), "date"),
                       Field("reference", _("Reference of the return")))),
        Action("close", ("paid",), "closed", OPERATOR, _("Close the agreement"), effect=steps.close,
               style="secondary"),
    )
    return states, actions


DIRECT_TAIL = agreement_tail("compliance_review", m25("5"))
COMPLETENESS = term("direct.completeness")

DIRECT = register(Workflow(
    id="productivity.direct",
    one_open_per=ONE_OPEN,
    name=_("“Productivity 2020”: instruments 2–5, application to the operator"),
    case_prefix="P20",
    initial="draft",
    states=(
        DRAFT,
        State("submitted", _("Registered: completeness check"), _("Submitted"), OPERATOR, COMPLETENESS),
        State("gaps", _("Gaps notified: the applicant corrects"), _("Gaps to correct"), OWNER),
        State("resubmitted", _("Resubmitted: completeness check"), _("Resubmitted"), OPERATOR, COMPLETENESS),
        State("compliance_review", _("Complete: compliance check and decision"), _("Under review"), OPERATOR,
              term("direct.decision")),
        *DIRECT_TAIL[0],
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, _("Submit the application"), guard=steps.eligible,
               effect=steps.store_verdict, citation=m25("1")),
        Action("confirm_complete", ("submitted", "resubmitted"), "compliance_review", OPERATOR,
               _("Confirm the application is complete"), citation=m25("3")),
        Action("notify_gaps", ("submitted", "resubmitted"), "gaps", OPERATOR, _("Notify the gaps"), needs_reason=True,
               effect=steps.record_remark, citation=m25("3"), style="secondary"),
        Action("resubmit", ("gaps", "refused"), "resubmitted", OWNER, _("Resubmit with corrections"),
               guard=steps.eligible, effect=steps.resubmit, citation=m25("4"),
               fields=(Field("answer", _("What was corrected")),)),
        *DIRECT_TAIL[1],
        withdraw("draft", "gaps", "refused"),
    ),
    document_kinds=DOCUMENT_KINDS,
    links=case_links,
))

NCE_TAIL = agreement_tail("nce_review", m25("2"))

NCE = register(Workflow(
    id="productivity.nce",
    one_open_per=ONE_OPEN,
    name=_("“Productivity 2020”: instruments 2–5, application through the NCE"),
    case_prefix="P20-NCE",
    initial="draft",
    states=(
        DRAFT,
        State("at_nce", _("Filed through the NCE: registration awaited"), _("Filed through the NCE"), OPERATOR),
        State("nce_review", _("Registered: check and decision"), _("Under review"), OPERATOR,
              term("nce.decision", anchor="nce_review", anchor_field="registered_on")),
        *NCE_TAIL[0],
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "at_nce", OWNER, _("Submit through the NCE"), guard=steps.eligible,
               effect=steps.store_verdict, citation=m25("1")),
        Action("register", ("at_nce",), "nce_review", OPERATOR, _("Register the application received from the NCE"),
               guard=steps.registration_valid, citation=m25("2"),
               fields=(Field("registered_on", _("Registered on"), "date"),)),
        Action("resubmit", ("refused",), "at_nce", OWNER, _("Resubmit with corrections through the NCE"),
               guard=steps.eligible, effect=steps.resubmit, citation=m25("7"),
               fields=(Field("answer", _("What was corrected")),)),
        *NCE_TAIL[1],
        withdraw("draft", "refused"),
    ),
    document_kinds=DOCUMENT_KINDS,
    links=case_links,
))


# --- instruments 7 and 8: territorial clusters ------------------------------------------------------

def cluster_workflow(instrument: str) -> Workflow:
    """Instruments 7 and 8 differ only in data: instrument 7 has an expertise (3 wd) and then a
    decision (3 wd), instrument 8 one step of expertise and decision (6 wd)."""
    p = m7 if instrument == "7" else m8
    key = f"i{instrument}"  # the steps of its mechanism in the law layer's terms
    # Paragraph numbers of the two mechanisms: 7 has one paragraph more (the separate decision).
    n = {"notice": "7", "refusal": "8", "pay": "9"} if instrument == "7" else {"notice": "6", "refusal": "7",
                                                                              "pay": "8"}
    completeness = term(f"{key}.completeness")
    if instrument == "7":
        review_states = (
            State("expertise", _("Complete: expertise"), _("Under expertise"), OPERATOR,
                  term(f"{key}.expertise")),
            State("decision", _("Expertise done: decision"), _("Under review"), OPERATOR,
                  term(f"{key}.decision")),
        )
        review_actions = (
            Action("complete_expertise", ("expertise",), "decision", OPERATOR, _("Record the expertise"),
                   citation=p("5"), notify_applicant=False),
        )
        deciding = "decision"
    else:
        review_states = (
            State("expertise", _("Complete: expertise and decision"), _("Under review"), OPERATOR,
                  term(f"{key}.expertise_decision")),
        )
        review_actions = ()
        deciding = "expertise"
    notice = term(f"{key}.notice")
    return Workflow(
        id="productivity.cluster_strategy" if instrument == "7" else "productivity.cluster_implementation",
        one_open_per=ONE_OPEN,
        name=(_("“Productivity 2020”: instrument 7, a territorial cluster's strategy and road map")
              if instrument == "7" else
              _("“Productivity 2020”: instrument 8, implementing a territorial cluster's strategy")),
        case_prefix=f"P20-I{instrument}",
        initial="draft",
        states=(
            DRAFT,
            State("submitted", _("Registered: completeness check"), _("Submitted"), OPERATOR, completeness),
            State("incomplete", _("Incomplete: notice of gaps due"), _("Incomplete"), OPERATOR,
                  term(f"{key}.gap_notice")),
            State("gaps", _("Gaps notified: the applicant corrects"), _("Gaps to correct"), OWNER),
            State("resubmitted", _("Resubmitted: completeness check"), _("Resubmitted"), OPERATOR, completeness),
            *review_states,
            State("approved", _("Reimbursement decided: notice due"), _("Reimbursement decided"), OPERATOR, notice),
            State("notified", _("Decision notified: payment due"), _("Reimbursement decided: payment on its way"),
                  OPERATOR, term(f"{key}.payment", anchor="approved")),
            State("paid", _("Paid"), _("Paid"), "", final=True),
            State("refusal_decided", _("Reimbursement refused: notice due"), _("Reimbursement refused"), OPERATOR,
                  term(f"{key}.refusal_notice")),
            State("refused", _("Refused"), _("Refused"), "", final=True),
            WITHDRAWN,
        ),
        actions=(
            Action("submit", ("draft",), "submitted", OWNER, _("Submit the application"), guard=steps.eligible,
                   effect=steps.store_verdict, citation=p("1")),
            Action("confirm_complete", ("submitted", "resubmitted"), "expertise", OPERATOR,
                   _("Confirm the documents are complete"), citation=p("2"), notify_applicant=False),
            Action("find_gaps", ("submitted", "resubmitted"), "incomplete", OPERATOR,
                   _("Record that the documents are incomplete"), needs_reason=True, effect=steps.record_remark,
                   citation=p("2"), notify_applicant=False, style="secondary"),
            Action("notify_gaps", ("incomplete",), "gaps", OPERATOR, _("Send the notice of gaps"),
                   effect=steps.gaps_notice, citation=p("3")),
            Action("resubmit", ("gaps",), "resubmitted", OWNER, _("Resubmit with corrections"), guard=steps.eligible,
                   effect=steps.resubmit, citation=p("4"), fields=(Field("answer", _("What was corrected")),)),
            *review_actions,
            Action("approve", (deciding,), "approved", OPERATOR, _("Decide to reimburse"),
                   guard=steps.mid_decision_recorded, effect=steps.approve_cluster, citation=p(n["pay"]),
                   notify_applicant=False, consequence=TO_REIMBURSE,
                   fields=(Field("mid_decision_number", _("Decision of the authorised body recognising the winner: "
                                                          "number")),
                           Field("mid_decision_date", _("Date of that decision"), "date"))),
            Action("refuse", (deciding,), "refusal_decided", OPERATOR, _("Decide not to reimburse"), needs_reason=True,
                   effect=steps.record_refusal, citation=p(n["refusal"]), notify_applicant=False, style="danger",
                   consequence=NOT_TO_REIMBURSE),
            Action("send_notice", ("approved",), "notified", OPERATOR, _("Send the notice of the decision"),
                   effect=steps.notice_sent, citation=p(n["notice"])),
            Action("send_refusal", ("refusal_decided",), "refused", OPERATOR, _("Send the notice of non-compliance"),
                   effect=steps.refusal_notice, citation=p(n["refusal"])),
            Action("pay", ("notified",), "paid", OPERATOR, _("Record the payment"), guard=steps.payment_valid,
                   effect=steps.pay, citation=p(n["pay"]),
                   fields=(Field("paid_on", _("Paid on"), "date"), Field("reference", _("Payment order number")))),
            withdraw("draft", "gaps"),
        ),
        document_kinds=DOCUMENT_KINDS,
        links=case_links,
    )


CLUSTER_STRATEGY = register(cluster_workflow("7"))
CLUSTER_IMPLEMENTATION = register(cluster_workflow("8"))


# --- instrument 1: long-term leasing --------------------------------------------------------------

LEASING_NOTICE = "leasing.notice"

LEASING = register(Workflow(
    id="productivity.leasing",
    one_open_per=ONE_OPEN,
    name=_("“Productivity 2020”: instrument 1, long-term leasing financing"),
    case_prefix="P20-L",
    initial="draft",
    states=(
        State("draft", _("Draft project passport"), _("Draft project passport"), OWNER),
        State("passport_received", _("Project passport received: written confirmation due"),
              _("Project passport submitted"), OPERATOR, term("leasing.confirmation")),
        State("confirmed", _("Confirmed: the applicant applies to KDB-Leasing with a CPIP"),
              _("Confirmed: apply to KDB-Leasing with the investment-project plan"), OWNER),
        State("not_confirmed", _("Not confirmed"), _("Not confirmed"), "", final=True),
        State("leasing_expertise", _("At KDB-Leasing: expertise under its internal rules"),
              _("Under expertise at KDB-Leasing"), LEASING_OPERATOR),
        State("leasing_approved", _("Leasing approved: notice to the operator and the applicant due"),
              _("Leasing approved"), LEASING_OPERATOR,
              term(LEASING_NOTICE, anchor="leasing_approved", anchor_field="decided_on")),
        State("leasing_refused", _("Leasing refused: notice due"), _("Leasing refused"), LEASING_OPERATOR,
              term(LEASING_NOTICE, anchor="leasing_refused", anchor_field="decided_on")),
        State("leasing_refusal_notified", _("Leasing refused: notified"), _("Leasing refused"), "", final=True),
        State("lease_pending", _("Notified: finance lease contract to conclude"), _("Lease contract to conclude"),
              LEASING_OPERATOR),
        State("leased", _("Lease contract signed: tripartite monitoring agreement to conclude"),
              _("Lease contract signed"), LEASING_OPERATOR),
        State("monitoring", _("Monitoring of the investment project"), _("Monitoring of the investment project"),
              OPERATOR),
        State("closed", _("Monitoring closed"), _("Monitoring closed"), "", final=True),
        WITHDRAWN,
    ),
    actions=(
        Action("submit_passport", ("draft",), "passport_received", OWNER, _("Send the project passport"),
               guard=steps.passport_eligible, effect=steps.store_passport_verdict, citation=m1("1")),
        Action("confirm", ("passport_received",), "confirmed", OPERATOR, _("Send the written confirmation"),
               guard=steps.passport_eligible, effect=steps.record_confirmation, citation=m1("2")),
        Action("refuse_confirmation", ("passport_received",), "not_confirmed", OPERATOR,
               _("Refuse the confirmation"), needs_reason=True, effect=steps.record_confirmation_refusal,
               citation=m1("2"), style="danger",
               consequence=_("The confirmation is refused for good: the case is closed.")),
        Action("submit_cpip", ("confirmed",), "leasing_expertise", OWNER,
               _("Apply to KDB-Leasing with the investment-project plan"), guard=steps.eligible,
               effect=steps.store_verdict, citation=m1("2")),
        Action("approve_leasing", ("leasing_expertise",), "leasing_approved", LEASING_OPERATOR,
               _("Record KDB-Leasing's positive decision"), guard=steps.leasing_decision_valid,
               effect=steps.record_leasing_approval, citation=m1("3"), notify_applicant=False,
               consequence=LEASING_DECIDED,
               fields=(Field("decided_on", _("Decided on"), "date"),)),
        Action("refuse_leasing", ("leasing_expertise",), "leasing_refused", LEASING_OPERATOR,
               _("Record KDB-Leasing's negative decision"), needs_reason=True, guard=steps.leasing_decision_valid,
               effect=steps.record_leasing_refusal, citation=m1("3"), notify_applicant=False, style="danger",
               consequence=LEASING_DECIDED,
               fields=(Field("decided_on", _("Decided on"), "date"),)),
        Action("notify_decision", ("leasing_approved",), "lease_pending", LEASING_OPERATOR,
               _("Notify the operator and the applicant of the decision"), citation=m1("5")),
        Action("notify_refusal", ("leasing_refused",), "leasing_refusal_notified", LEASING_OPERATOR,
               _("Notify the operator and the applicant of the decision"), effect=steps.refusal_notice,
               citation=m1("5")),
        Action("sign_lease", ("lease_pending",), "leased", LEASING_OPERATOR, _("Record the finance lease contract"),
               guard=steps.lease_valid, citation=m1("4"),
               fields=(Field("number", _("Contract number")), Field("signed_on", _("Signed on"), "date"))),
        Action("sign_monitoring", ("leased",), "monitoring", LEASING_OPERATOR,
               _("Record the tripartite investment-project monitoring agreement"),
               guard=steps.monitoring_agreement_valid, citation=m1("6"),
               fields=(Field("number", _("Agreement number")), Field("signed_on", _("Signed on"), "date"))),
        Action("close", ("monitoring",), "closed", OPERATOR, _("Close the monitoring"), citation=m1("7"),
               style="secondary"),
        withdraw("draft", "confirmed"),
    ),
    document_kinds=DOCUMENT_KINDS,
    links=case_links,
))

ALL = (DIRECT, NCE, CLUSTER_STRATEGY, CLUSTER_IMPLEMENTATION, LEASING)
