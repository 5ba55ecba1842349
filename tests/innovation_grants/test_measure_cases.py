"""Applications for the support measures of law 003 other than grants (articles 21-33) as cases,
through the real workflow engine and the real pages: each measure's form made from its procedure's
facts, submission judged by "support-measure.<id>", remarks, and the operator's decision recording
the sectoral programme (003.a20.p1) and the criteria of article 20(6) (003.a20.p6), competitiveness
with its comparators included; one open application per organisation and measure."""

from __future__ import annotations

import re
import threading

import pytest
from django.db import connection
from django.utils import translation

from techpolicy.casework.engine import DuplicateCase, WorkflowError, create_case, fire
from techpolicy.casework.models import Case, Decision
from techpolicy.law.acts.act003_state_support.measures import PROCEDURES
from techpolicy.services.innovation_grants import measure_fields
from techpolicy.services.innovation_grants.measure_cases import MEASURE
from techpolicy.services.innovation_grants.roles import SUPPORT_OPERATOR
from tests import factories

pytestmark = pytest.mark.django_db

APPLICANT = {"kind": "legal_entity", "name": "«Ертіс Полимер» АҚ", "activity": "полимер өндірісін жаңғырту"}
LENDING = {"measure": "lending", "applicant": APPLICANT, "other_regime": None, "purpose": "expansion",
           "own_contribution": "25000000.00", "lender": "second_tier_bank"}
DECISION = {"competitiveness": "өнім бірлігінің құны ұқсас жобалардан төмен", "competitiveness_result": "1 200",
            "competitiveness_unit": "тонна", "competitiveness_cost": "600000",
            "competitiveness_similar": "«Павлодар Пласт»; 900; 600000\n«Шымкент Полимер»; 1000; 700000",
            "sectoral_programme": "Өңдеу өнеркәсібін дамыту бағдарламасы", "confirm": "on"}


@pytest.fixture
def owner():
    return factories.make_applicant()


@pytest.fixture
def operator():
    return factories.make_user(roles=[SUPPORT_OPERATOR])


def lending(owner, **changes) -> Case:
    return create_case(MEASURE, owner.organisation, owner, title="SM", facts={**LENDING, **changes})


def test_003_a23_a_lending_application_goes_from_the_page_to_a_decision_on_the_criteria(client, owner, operator):
    """003.a23.p1-p2 at submission; 003.a20.p1 and 003.a20.p6(2) at the decision: the operator grants
    on competitiveness (result ÷ cost against the similar projects) with the sectoral programme."""
    client.force_login(owner)
    page = client.post("/kk/innovation-grants/measures/lending/apply/", {
        "applicant-kind": "legal_entity", "applicant-name": APPLICANT["name"], "applicant-activity": "жаңғырту",
        "regime-other_regime": "", "measure-purpose": "expansion", "measure-own_contribution": "25000000",
        "measure-lender": "financial_institution"})
    assert page.status_code == 302, page.content.decode()[:2000]
    case = Case.objects.get(workflow=MEASURE.id)
    assert case.facts["measure"] == "lending" and case.facts["own_contribution"] == "25000000.00"
    case = fire(case, "submit", owner)
    assert case.state == "submitted" and case.verdict["eligible"] is True

    with pytest.raises(WorkflowError, match="20-бап, 6-тармақ"):  # no criterion of article 20(6)
        fire(case, "grant", operator, payload={"sectoral_programme": "Бағдарлама", "confirm": "on"})
    with pytest.raises(WorkflowError, match="20-бап, 1-тармақ"):  # no sectoral programme
        fire(case, "grant", operator, payload={**DECISION, "sectoral_programme": ""})
    with pytest.raises(WorkflowError):
        fire(case, "grant", owner, payload=DECISION)  # only the measure's operator decides
    case = fire(case, "grant", operator, payload=DECISION)
    assert case.state == "granted" and not case.open
    competitiveness = case.facts["decision"]["basis"]["competitiveness"]
    assert competitiveness["result"] == "1200" and len(competitiveness["similar"]) == 2
    decision = Decision.objects.get(case=case)
    assert decision.outcome == "approved" and decision.basis == ["003 a.23", "003 a.20 p.6(2)"]

    detail = client.get(f"/kk/cases/{case.number}/").content.decode()
    assert "қаржы институттары арқылы кредиттеу" in detail  # the measure by its Kazakh name
    assert "financial_institution" not in re.sub(r'value="[^"]*"', "", detail)


def test_003_a23_p1_submission_is_refused_naming_the_paragraph_in_kazakh(owner):
    case = lending(owner, lender="other")
    with pytest.raises(WorkflowError, match=r"23-бап, 1-тармақ\] Кредитті қаржы институты бермейді"):
        fire(case, "submit", owner)


def test_003_a20_p2_remarks_then_resubmission_then_refusal_with_the_measures_article(owner, operator):
    case = fire(lending(owner), "submit", owner)
    case = fire(case, "send_remarks", operator, reason="Меншікті үлесті растаңыз")
    assert case.state == "remarks"
    case = fire(case, "resubmit", owner, payload={"answer": "Растау қоса берілді"})
    case = fire(case, "refuse", operator, reason="Қаржы агентінің қаражаты жоқ", payload={"confirm": "on"})
    assert case.state == "refused"
    assert Decision.objects.get(case=case).basis == ["003 a.23"]


def test_003_a20_p2_one_open_application_per_organisation_and_measure(owner):
    lending(owner)
    with pytest.raises(DuplicateCase):
        lending(owner, purpose="new_project")
    other = create_case(MEASURE, owner.organisation, owner, title="SM",
                        facts={"measure": "guarantee", "applicant": APPLICANT, "lender": "second_tier_bank"})
    assert other.open


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a race needs a server database")
@pytest.mark.django_db(transaction=True)
def test_003_a20_p2_twenty_simultaneous_applications_for_one_measure_make_one_case():
    """Busy offices: the database, not a read-then-write check, keeps one open application."""
    owner = factories.make_applicant()
    barrier, outcomes = threading.Barrier(20), []

    def apply():
        from django.db import connection as own

        try:
            barrier.wait()
            lending(owner)
            outcomes.append("created")
        except DuplicateCase:
            outcomes.append("duplicate")
        finally:
            own.close()

    threads = [threading.Thread(target=apply) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(outcomes)) == ["created", "duplicate"] and outcomes.count("created") == 1
    assert Case.objects.filter(workflow=MEASURE.id, open=True).count() == 1


@pytest.mark.parametrize("measure_id", sorted(PROCEDURES))
def test_003_a21_to_a33_every_measures_form_is_its_procedures_facts_labelled(measure_id):
    """Every fact a measure's procedure reads has a form field with a label, and every choice a label
    (rule of the house: no internal code reaches a page)."""
    form = measure_fields.MeasureForm(measure_id)
    assert set(form.fields) == set(measure_fields.own_facts(measure_id))
    with translation.override("kk"):
        for name, field in form.fields.items():
            assert str(field.label) and not str(field.label).isascii(), name
            for value, label in getattr(field, "choices", []):
                assert value == "" or not str(label).isascii(), (name, value)


@pytest.mark.parametrize("measure_id", sorted(PROCEDURES))
def test_003_a21_to_a33_every_measures_apply_page_opens_in_kazakh(client, owner, measure_id):
    client.force_login(owner)
    page = client.get(f"/kk/innovation-grants/measures/{measure_id}/apply/")
    assert page.status_code == 200
    assert "Қолдау шарасына өтінім" in page.content.decode()


def test_an_unknown_measure_and_hostile_answers_are_no_500(client, owner):
    client.force_login(owner)
    assert client.get("/kk/innovation-grants/measures/yachts/apply/").status_code == 404
    page = client.post("/en/innovation-grants/measures/export_promotion/apply/", {
        "applicant-kind": "legal_entity", "applicant-name": "x" * 100_000, "applicant-activity": "a",
        "measure-goods": "2710 " * 50_000})
    assert page.status_code == 200 and not Case.objects.exists()
    page = client.post("/en/innovation-grants/measures/financing/apply/", {
        "applicant-kind": "legal_entity", "applicant-name": "A", "applicant-activity": "a",
        "measure-provider": "development_bank", "measure-purpose": "new_project", "measure-term_months": "9" * 400})
    assert page.status_code == 200 and not Case.objects.exists()


def test_003_a33_p2_6_the_goods_of_an_export_application_are_its_codes(client, owner):
    client.force_login(owner)
    page = client.post("/ru/innovation-grants/measures/export_promotion/apply/", {
        "applicant-kind": "legal_entity", "applicant-name": "ТОО «Экспорт»", "applicant-activity": "переработка",
        "measure-goods": "2710, 7208\n3901"})
    assert page.status_code == 302
    case = Case.objects.get(workflow=MEASURE.id)
    assert case.facts["goods"] == ["2710", "7208", "3901"]
    edit = client.get(f"/ru/innovation-grants/measures/cases/{case.number}/edit/").content.decode()
    assert "2710 7208 3901" in edit
