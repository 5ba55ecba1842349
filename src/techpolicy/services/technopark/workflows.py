"""The technopark's workflows as data (seed 001). States carry the terms of the Rules with their
citations; a term the Rules do not set is a parameter without a value, shown as such."""

from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import COMMISSION, SECRETARIAT
from techpolicy.casework.decisions import decision_actions
from techpolicy.casework.workflow import (
    DRAFT,
    OWNER,
    WITHDRAWN,
    Action,
    DeadlineSpec,
    Field,
    State,
    Workflow,
    per_organisation,
    per_parent,
    per_parent_and,
    register,
    withdraw,
)
from techpolicy.law.acts.act001_technopark import terms
from techpolicy.law.citation import Citation

from . import steps
from .pages import case_links

P = Citation  # short alias for the tables below

REVIEW_TERM = DeadlineSpec(terms.COMPLETENESS_REVIEW, anchor="submitted")
DECISION_TERM = DeadlineSpec(terms.COMMISSION_DECISION)
# Paragraphs 18 and 20 count from the day the contract is signed, not the day it is recorded.
CERTIFICATE_TERM = DeadlineSpec(terms.CERTIFICATE, anchor="contract", anchor_field="signed_on")
REGISTER_TERM = DeadlineSpec(terms.REGISTER_ENTRY, anchor="contract", anchor_field="signed_on")
ACTIVITY_CHANGE_TERM = DeadlineSpec(terms.ACTIVITY_CHANGE_DECISION, anchor="submitted")
HOUSING_TERM = DeadlineSpec(terms.HOUSING_VACATE)

# Pieces several workflows share.


AGENDA = "commission"  # the id of the state on the selection commission's agenda (p.13)
# Said before a case is put on the agenda: from then on only the commission's decision moves it on.
TO_AGENDA = _("The case goes on the commission's agenda: a round of voting opens with the members entitled to "
              "vote today, and from then on only the commission's decision moves the case on.")
REFUSAL_FINAL = _("The refusal is final: the case is closed and the applicant is notified.")


def on_agenda(term: DeadlineSpec) -> State:
    return State(AGENDA, _("On the commission's agenda"), _("Under consideration by the commission"),
                 COMMISSION, term, agenda=True)


def commission_decisions(approved: str, refused: str, citation: Citation, **options) -> tuple[Action, Action]:
    """Record the decision the commission's votes support (quorum and majority checked by the
    casework kit's guards); the secretariat records it."""
    return decision_actions(AGENDA, approved, refused, citation, role=SECRETARIAT, **options)


# How many open cases the Rules allow at once (`one_open_per`, kept by a database constraint):
# - participation: an organisation applies to become a participant (p.7-9); one open application per
#   organisation, a new one only after the last was refused, withdrawn or ended in registration
#   (p.36: whoever files an extension late registers anew);
# - activity change (p.9-1), extension (p.36) and early termination (p.41): each is about the one
#   participation it changes, extends or ends, so one open case of each per participation;
# - services (p.48): the application is about one project (48(1) its name), and a participant may
#   have several projects, so one open application per participation and project name.


def _project_name(facts: dict) -> str:
    """The project of a services application (p.48(1)), compared without case or spacing."""
    return " ".join(str((facts.get("project") or {}).get("name", "")).split()).casefold()


PARTICIPATION = register(Workflow(
    id="technopark.participation",
    one_open_per=per_organisation,
    commission=steps.COMMISSION_KEY,  # the selection commission of p.13 decides what is on its agenda
    links=case_links,
    name=_("Registration as a technopark participant"),
    case_prefix="AH",
    initial="draft",
    states=(
        DRAFT,
        State("submitted", _("Submitted, awaiting review"), _("Submitted"), SECRETARIAT, REVIEW_TERM),
        State("completeness_review", _("Completeness review"), _("Under review by the secretariat"),
              SECRETARIAT, REVIEW_TERM),
        State("remarks", _("Remarks sent to the applicant"), _("Remarks to answer"), OWNER),
        State("resubmitted", _("Resubmitted after remarks"), _("Resubmitted"), SECRETARIAT, REVIEW_TERM),
        on_agenda(DECISION_TERM),
        State("approved", _("Approved: contract to sign"), _("Approved"), SECRETARIAT),
        State("refused", _("Refused"), _("Refused"), "", final=True),
        State("contract", _("Contract signed: certificate due"), _("Contract signed"), SECRETARIAT,
              CERTIFICATE_TERM),
        State("certificate_issued", _("Certificate issued: register entry due"), _("Certificate issued"),
              SECRETARIAT, REGISTER_TERM),
        State("registered", _("Registered participant"), _("Registered participant"), "", final=True),
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, _("Submit the application"),
               guard=steps.facts_eligible, effect=steps.store_verdict, citation=P("001", "9")),
        Action("take_for_review", ("submitted", "resubmitted"), "completeness_review", SECRETARIAT,
               _("Start the completeness review"), notify_applicant=False),
        Action("send_remarks", ("completeness_review",), "remarks", SECRETARIAT, _("Send remarks"),
               needs_reason=True, effect=steps.record_remarks, style="secondary"),
        Action("resubmit", ("remarks",), "resubmitted", OWNER, _("Resubmit with corrections"),
               guard=steps.facts_eligible, effect=steps.answer_remarks,
               fields=(Field("answer", _("Your answer to the remarks")),)),
        Action("send_to_commission", ("completeness_review",), AGENDA, SECRETARIAT,
               _("Send to the selection commission"), guard=steps.complete_and_eligible,
               citation=P("001", "13"), consequence=TO_AGENDA),
        *commission_decisions("approved", "refused", P("001", "13"), on_approve=steps.record_admission,
                              on_refuse=steps.record_refusal),
        Action("sign_contract", ("approved",), "contract", SECRETARIAT, _("Record the signed contract"),
               guard=steps.contract_terms_valid, effect=steps.record_contract, citation=P("001", "18"),
               fields=(Field("number", _("Contract number")), Field("signed_on", _("Signed on"), "date"),
                       Field("valid_from", _("Participation from"), "date"),
                       Field("valid_until", _("Participation until"), "date"))),
        Action("issue_certificate", ("contract",), "certificate_issued", SECRETARIAT,
               _("Issue the registration certificate"), effect=steps.issue_certificate, citation=P("001", "18")),
        Action("enter_register", ("certificate_issued",), "registered", SECRETARIAT,
               _("Enter in the list of participants"), guard=steps.has_certificate, effect=steps.enter_register,
               citation=P("001", "20")),
        withdraw("draft", "remarks"),
    ),
))

ACTIVITY_CHANGE = register(Workflow(
    id="technopark.activity_change",
    one_open_per=per_parent,
    commission=steps.COMMISSION_KEY,  # the selection commission of p.13 decides what is on its agenda
    name=_("Change of priority ICT activity types"),
    case_prefix="AH-AC",
    initial="draft",
    states=(
        DRAFT,
        State("submitted", _("Received: to the commission"), _("Submitted"), SECRETARIAT, ACTIVITY_CHANGE_TERM),
        on_agenda(ACTIVITY_CHANGE_TERM),
        State("approved", _("Change approved"), _("Change approved"), "", final=True),
        State("refused", _("Change refused"), _("Change refused"), "", final=True),
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, _("Submit the application"),
               guard=steps.activity_change_valid, citation=P("001", "9-1")),
        Action("send_to_commission", ("submitted",), AGENDA, SECRETARIAT,
               _("Send to the selection commission"), guard=steps.commission_composed, citation=P("001", "9-1"),
               consequence=TO_AGENDA),
        *commission_decisions("approved", "refused", P("001", "9-1"), on_approve=steps.apply_activity_change),
    ),
))

EXTENSION = register(Workflow(
    id="technopark.extension",
    one_open_per=per_parent,
    name=_("Extension of participation"),
    case_prefix="AH-EX",
    initial="draft",
    states=(
        DRAFT,
        State("submitted", _("Submitted, awaiting decision"), _("Submitted"), SECRETARIAT),
        State("extended", _("Extended: certificate issued"), _("Participation extended"), "", final=True),
        State("refused", _("Refused"), _("Refused"), "", final=True),
        State("refused_late", _("Refused: filed late"), _("Refused: filed late, register anew"), "",
              final=True),
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, _("Submit the application"),
               guard=steps.extension_in_time, citation=P("001", "36")),
        Action("refuse_late", ("draft",), "refused_late", OWNER, _("Submit the application"),
               guard=steps.extension_late, effect=steps.record_late_refusal, citation=P("001", "36")),
        Action("grant", ("submitted",), "extended", SECRETARIAT, _("Extend and issue the certificate"),
               guard=steps.extension_terms_valid, effect=steps.grant_extension, citation=P("001", "36"),
               fields=(Field("valid_until", _("New end date of participation"), "date"),)),
        Action("refuse", ("submitted",), "refused", SECRETARIAT, _("Refuse"), needs_reason=True,
               style="danger", consequence=REFUSAL_FINAL),
    ),
))

TERMINATION = register(Workflow(
    id="technopark.termination",
    one_open_per=per_parent,
    commission=steps.COMMISSION_KEY,  # the selection commission of p.13 decides what is on its agenda
    name=_("Early termination of participation"),
    case_prefix="AH-ET",
    initial="draft",
    states=(
        State("draft", _("Prepared by the secretariat"), _("Prepared"), SECRETARIAT),
        on_agenda(DECISION_TERM),
        State("terminated", _("Participation terminated"), _("Participation terminated"), "", final=True),
        State("rejected", _("Termination rejected"), _("Participation continues"), "", final=True),
    ),
    actions=(
        Action("send_to_commission", ("draft",), AGENDA, SECRETARIAT, _("Bring to the commission"),
               guard=steps.termination_grounds_valid, citation=P("001", "41"), consequence=TO_AGENDA),
        *commission_decisions("terminated", "rejected", P("001", "41"), on_approve=steps.terminate_participation,
                              on_refuse=steps.record_termination_rejected,
                              approve_label=_("Record the decision to terminate"),
                              refuse_label=_("Record the decision not to terminate"), reason_for="approve"),
    ),
))

SERVICES = register(Workflow(
    id="technopark.services",
    one_open_per=per_parent_and(_project_name),
    name=_("Acceleration and incubation services"),
    case_prefix="AH-SV",
    initial="draft",
    states=(
        DRAFT,
        State("submitted", _("Submitted, awaiting decision"), _("Submitted"), SECRETARIAT),
        State("accepted", _("Accepted to the programme"), _("Accepted"), SECRETARIAT),
        State("refused", _("Refused"), _("Refused"), "", final=True),
        State("completed", _("Programme completed"), _("Programme completed"), "", final=True),
        State("expelled", _("Expelled: housing to vacate"), _("Expelled: vacate the housing"), SECRETARIAT,
              HOUSING_TERM),
        State("housing_returned", _("Housing handed back by act"), _("Housing handed back"), "", final=True),
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, _("Submit the application"),
               guard=steps.services_application_valid, citation=P("001", "48")),
        Action("accept", ("submitted",), "accepted", SECRETARIAT, _("Accept")),
        Action("refuse", ("submitted",), "refused", SECRETARIAT, _("Refuse"), needs_reason=True, style="danger",
               consequence=REFUSAL_FINAL),
        Action("complete", ("accepted",), "completed", SECRETARIAT, _("Mark the programme completed")),
        Action("expel", ("accepted",), "expelled", SECRETARIAT, _("Expel from acceleration"), needs_reason=True,
               citation=P("001", "60"), style="danger",
               consequence=_("The participant is expelled from acceleration and must vacate the housing; the "
                             "expulsion cannot be taken back.")),
        Action("housing_returned", ("expelled",), "housing_returned", SECRETARIAT,
               _("Record the act of handing back the housing"), citation=P("001", "60")),
    ),
))

ALL = (PARTICIPATION, ACTIVITY_CHANGE, EXTENSION, TERMINATION, SERVICES)
