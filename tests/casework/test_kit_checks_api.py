"""The procedures as casework asks them (casework.kit.checks) and their API (casework.kit.api):
GET facts-schema and POST check of a service's procedures, with the API's one error shape. The
technopark's check reads the activity-type list administrators keep (001 p.7(7)), not the sample."""

import json

import pytest
from django.utils import translation
from ninja.testing import TestClient

from techpolicy.api.contract import TechPolicyAPI
from techpolicy.casework.kit.api import procedure_router
from techpolicy.casework.kit.checks import LawCheck, declare_check, law_check
from techpolicy.casework.models import ReferenceItem
from techpolicy.law.facts import InvalidFacts
from techpolicy.services.technopark import checks
from techpolicy.services.technopark.law import ACTIVITY_TYPES
from tests.api.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

API = "/api/v1"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def post(client, path: str, body, **query):
    url = f"{API}{path}" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    return client.post(url, data=json.dumps(body), content_type="application/json")


def rule(verdict: dict, rule_id: str) -> dict:
    return next(r for r in verdict["rules"] if r["rule"] == rule_id)


def test_001_p7_7_the_check_reads_the_administrators_list_not_the_sample():
    facts = example("technopark/eligible.json")
    with_sample = checks.PARTICIPATION.evaluate(facts)
    assert with_sample.as_dict("en")["notes"]  # the sample list was used, and the verdict says so
    ReferenceItem.objects.create(list_key=ACTIVITY_TYPES, code="X-99", name_kk="Тест", name_ru="Тест",
                                 name_en="Test", valid_from="2020-01-01", source="test")
    verdict = checks.PARTICIPATION.evaluate(facts)
    assert rule(verdict.as_dict("en"), "001.p7.7")["status"] == "failed"  # the codes are not on the list


def test_a_procedure_without_a_date_in_its_facts_asks_for_one():
    """001 p.41: the grounds of early termination carry no date; the law in force must be named."""
    check = law_check("technopark-early-termination")
    with translation.override("en"), pytest.raises(InvalidFacts) as refused:
        check.evaluate({"grounds": ["39(1)"]})
    assert refused.value.errors == [{"field": "on", "message": "Give the date whose law applies."}]


def test_bindings_are_one_per_procedure_name():
    assert law_check("technopark") is checks.PARTICIPATION
    assert law_check("technopark-services") == LawCheck("technopark-services")  # the procedure's defaults
    with pytest.raises(ValueError, match="two checks"):
        declare_check(LawCheck("technopark"))
    with pytest.raises(LookupError):
        LawCheck("no-such-procedure").evaluate({})


def test_001_p7_check_answers_like_the_precheck_and_chooses_the_procedure(client):
    facts = example("technopark/eligible.json")
    precheck = post(client, "/technopark/precheck", facts, lang="en").json()
    checked = post(client, "/technopark/check", facts, lang="en").json()
    assert checked == precheck and checked["subject"] == "technopark.participation"
    before_applying = facts | {"documents": {"tax_debt": facts["documents"]["tax_debt"]}}  # p.7 and 9(3) only
    conditions = post(client, "/technopark/check", before_applying, procedure="technopark-precheck", lang="en")
    assert conditions.status_code == 200
    assert {r["rule"] for r in conditions.json()["rules"]} < {r["rule"] for r in checked["rules"]}


def test_facts_schema_of_each_procedure(client):
    assert client.get(f"{API}/technopark/facts-schema").json()["title"] == "TechnoparkFacts"
    assert client.get(f"{API}/technopark/facts-schema?procedure=technopark-services").json()["title"] == \
        "ServicesApplicationFacts"
    assert client.get(f"{API}/productivity/facts-schema").json()["title"] == "ProductivityFacts"
    unknown = client.get(f"{API}/technopark/facts-schema?procedure=competence-centre")
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["field"] == "procedure"


def test_001_p41_check_without_a_date_is_422_naming_on(client):
    response = post(client, "/technopark/check", {"grounds": ["39(1)"]}, procedure="technopark-early-termination",
                    lang="en")
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "on", "message": "Give the date whose law applies."}]
    in_kazakh = post(client, "/technopark/check", {"grounds": ["39(1)"]}, procedure="technopark-early-termination")
    with translation.override("kk"):
        assert in_kazakh.json()["detail"][0]["message"] == translation.gettext("Give the date whose law applies.")
    dated = post(client, "/technopark/check", {"grounds": ["39(1)"]}, procedure="technopark-early-termination",
                 on="2026-12-02")
    assert dated.status_code == 200


def test_004_s5_1_check_is_the_eligibility_verdict(client):
    response = post(client, "/productivity/check", example("productivity2020/3a_training.json"), lang="en")
    assert response.status_code == 200
    assert response.json()["subject"] == "productivity2020.3a"


def test_004_s5_3_an_amount_beyond_arithmetic_is_422_not_a_server_error(client):
    facts = example("productivity2020/3a_training.json")
    facts["costs"][0]["amount_kzt"] = "1e308"
    response = post(client, "/productivity/calculate", facts)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] in {"(body)", "costs[0].amount_kzt"}


def test_000_p18_a_new_service_mounts_its_procedures_from_their_names():
    """A service that knows only its procedures' names (its registry entry) gets both endpoints."""
    api = TechPolicyAPI(urls_namespace="kit-procedures-test")
    api.add_router("/competence-centres/", procedure_router("competence_centres", ("competence-centre",)))
    client = TestClient(api)
    assert client.get("/competence-centres/facts-schema").json()["title"] == "CompetenceCentreFacts"
    body = json.dumps(example("competence_centre.json")).encode()
    answer = client.post("/competence-centres/check?lang=en", data=body, content_type="application/json",
                         content_params={})
    assert answer.status_code == 200 and answer.json()["subject"] == "methodology.competence_centre"
    broken = client.post("/competence-centres/check", data=b"[1]", content_type="application/json",
                         content_params={})
    assert (broken.status_code, broken.json()["detail"][0]["field"]) == (422, "(root)")
    with pytest.raises(ValueError, match="no-such-procedure"):
        procedure_router("nothing", ("competence-centre", "no-such-procedure"))
