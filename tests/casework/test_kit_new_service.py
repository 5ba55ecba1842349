"""A new designation service from the kit alone (issue 9): the designation of a sectoral technology
competence centre (000 chapter 3) is its workflow table, its procedure ("competence-centre"), one
form bundle and no step of its own. The legal entity applies (000 p.18), the state body's proposal
goes to the authorised body (000 p.19, whose term the source does not set), remarks are answered
and the case resubmitted, and the state body designates (000 p.20).

The workflow is entered in the registry for the test only (monkeypatch), so no other test sees it."""

import json

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from techpolicy.accounts.roles import SECRETARIAT
from techpolicy.casework import workflow as workflow_registry
from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.kit.application import ApplicationPages
from techpolicy.casework.kit.checks import LawCheck
from techpolicy.casework.kit.forms import FormBundle
from techpolicy.casework.kit.verdicts import eligible, resubmission, store_verdict
from techpolicy.casework.models import Case
from techpolicy.casework.steps import record_remark
from techpolicy.casework.workflow import DRAFT, OWNER, Action, DeadlineSpec, State, Workflow, per_organisation
from techpolicy.law.citation import Citation
from techpolicy.law.terms import Term
from tests.api.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

EXAMPLE = json.loads((EXAMPLES / "competence_centre.json").read_text(encoding="utf-8"))
CHECK = LawCheck("competence-centre")
# 000 p.19: the authorised body considers the proposal; the source sets no term for it.
CONSIDERATION = Term("kittest.cc_consideration", "tp.cc.ab_consideration_term", Citation("000", "19"),
                     {"en": "submission of the proposal"}, {"en": "the authorised body considers it"})
KINDS = [("science_org", "science organisation"), ("natural_person", "natural person")]


class CentreForm(forms.Form):
    name = forms.CharField(max_length=300)
    bin = forms.RegexField(regex=r"^\d{12}$")
    kind = forms.ChoiceField(choices=KINDS)


class CentreForms(FormBundle):
    """The candidate (000 p.18); the rest of the facts are the example's."""

    def forms(self, data, initial):
        return {"centre": CentreForm(data, prefix="cc", initial=initial.get("centre"))}

    def facts(self, bound):
        return EXAMPLE | {"organisation": bound["centre"].cleaned_data}

    def initial(self, organisation):
        return {"centre": {"name": organisation.name, "bin": organisation.bin, "kind": "science_org"}}

    def initial_from_facts(self, facts):
        return {"centre": facts["organisation"]}


DESIGNATION = Workflow(
    id="kittest.competence_centre", name="Designation of a competence centre", case_prefix="KT-CC",
    initial="draft", one_open_per=per_organisation,
    states=(
        DRAFT,
        State("proposed", "Proposal before the authorised body", "Under consideration", SECRETARIAT,
              DeadlineSpec(CONSIDERATION)),
        State("remarks", "Remarks sent", "Remarks to answer", OWNER),
        State("designated", "Designated", "Designated", "", final=True),
    ),
    actions=(
        Action("submit", ("draft",), "proposed", OWNER, "Submit", guard=eligible(CHECK), effect=store_verdict(CHECK),
               citation=Citation("000", "19"), notify_applicant=False),
        Action("send_remarks", ("proposed",), "remarks", SECRETARIAT, "Send remarks", needs_reason=True,
               effect=record_remark, notify_applicant=False),
        Action("resubmit", ("remarks",), "proposed", OWNER, "Resubmit", guard=eligible(CHECK),
               effect=resubmission(CHECK), notify_applicant=False),
        Action("designate", ("proposed",), "designated", SECRETARIAT, "Designate", citation=Citation("000", "20"),
               notify_applicant=False),
    ),
)
PAGES = ApplicationPages(forms=CentreForms(), workflows=(DESIGNATION,), editable=("draft", "remarks"),
                         title="Designation of a competence centre",
                         duplicate="Already open: %(number)s.", not_editable="Not editable now.")


@pytest.fixture(autouse=True)
def _registered(monkeypatch):
    monkeypatch.setitem(workflow_registry._REGISTRY, DESIGNATION.id, DESIGNATION)


def request_of(user, data=None):
    factory = RequestFactory()
    request = factory.post("/", data) if data is not None else factory.get("/")
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    request.user = user
    return request


def said(request) -> list[str]:
    return [str(m) for m in get_messages(request)]


def detail(number: str) -> str:
    return reverse("casework:detail", args=[number])


def test_000_p18_p19_p20_a_designation_from_application_to_designation(owner, secretariat):
    page = PAGES.apply(request_of(owner))
    assert page.status_code == 200
    assert 'name="once"' in page.content.decode() and owner.organisation.name in page.content.decode()

    data = {"cc-name": "Energy Technologies Institute", "cc-bin": "050140012345", "cc-kind": "science_org"}
    created = PAGES.apply(request_of(owner, data))
    case = Case.objects.get(workflow=DESIGNATION.id)
    assert created["Location"] == detail(case.number)
    assert case.facts["organisation"]["kind"] == "science_org" and case.facts["sector"] == EXAMPLE["sector"]
    again = request_of(owner, data)
    assert PAGES.apply(again)["Location"] == detail(case.number)  # p.18: one open application
    assert said(again) == [f"Already open: {case.number}."]

    case = fire(case, "submit", owner)
    assert case.verdict["outcome"] == "eligible" and case.submitted_on is not None
    assert {r["rule"] for r in case.verdict["rules"]} >= {"000.p17.1", "000.p18", "000.p19"}
    assert case.due_rule["not_set"] and case.due_rule["citation"] == "000 p.19"  # no term in the source

    case = fire(case, "send_remarks", secretariat, reason="Name the institute as registered.")
    edit = request_of(owner, data | {"cc-name": "Institute of Energy Technologies", "version": case.version})
    assert PAGES.edit(edit, case.number)["Location"] == detail(case.number)
    case = fire(Case.objects.get(pk=case.pk), "resubmit", owner, payload={"answer": "Renamed."})
    assert case.remarks.get().answer == "Renamed."
    assert case.verdict["outcome"] == "eligible"
    assert fire(case, "designate", secretariat).state == "designated"


def test_000_p18_a_natural_person_is_refused_at_submission_with_the_paragraph(owner):
    data = {"cc-name": "A. Person", "cc-bin": "050140012345", "cc-kind": "natural_person"}
    PAGES.apply(request_of(owner, data))
    case = Case.objects.get(workflow=DESIGNATION.id)
    with translation.override("en"), pytest.raises(WorkflowError, match="paragraph 18"):
        fire(case, "submit", owner)
    case.refresh_from_db()
    assert (case.state, case.verdict) == ("draft", None)


def test_000_p18_another_organisation_may_not_edit_the_application(owner, other_applicant):
    PAGES.apply(request_of(owner, {"cc-name": "X", "cc-bin": "050140012345", "cc-kind": "science_org"}))
    case = Case.objects.get(workflow=DESIGNATION.id)
    with pytest.raises(PermissionDenied):
        PAGES.edit(request_of(other_applicant), case.number)
