"""Identical posts of a form that creates a record without a natural key (issue 8, finding 2): a
study (000 p.9), an activity of its thematic plan (000 p.10(4)), an information request and a
productivity report of "Productivity 2020" (004 p.9(2), section 4.2). The page's one-time token
(`site.once`) lets the first post create the record and answers the others that the form was
already taken; numbers of studies created at once by different forms stay distinct and
consecutive. Twenty-thread races need PostgreSQL or a SQLite file (tests/races.py)."""

import re

import pytest

from techpolicy.forecasting.studies.models import PlanActivity, Study, Technology
from techpolicy.services.productivity.models import InformationRequest, ProductivityReport
from techpolicy.site.models import SubmittedForm
from techpolicy.site.once import new_token
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, drive, training
from tests.races import N, no_server_errors, post_at_once, posts_at_once, race
from tests.studies.conftest import make_study
from tests.studies.test_study_pages import NEW_STUDY

ALREADY = "This form was already sent"


@pytest.fixture
def analyst(db):
    from techpolicy.accounts.roles import ANALYST

    return factories.make_user(roles=[ANALYST], email="analyst@example.kz")


def _token_of(page: str) -> str:
    return re.search(r'name="once" value="([0-9a-f]{32})"', page).group(1)


@pytest.mark.django_db
def test_finding2_the_study_form_carries_a_token_and_is_taken_once(client, analyst, messages_of):
    client.force_login(analyst)
    token = _token_of(client.get("/en/forecasting/new/").content.decode())
    first = client.post("/en/forecasting/new/", NEW_STUDY | {"once": token})
    again = client.post("/en/forecasting/new/", NEW_STUDY | {"once": token})
    assert Study.objects.filter(title=NEW_STUDY["title"]).count() == 1
    assert first.status_code == again.status_code == 302
    assert any(ALREADY in m for m in messages_of(again))
    # A new page of the form is a new token: the analyst may create a second study on purpose.
    client.post("/en/forecasting/new/", NEW_STUDY | {"once": new_token()})
    assert Study.objects.filter(title=NEW_STUDY["title"]).count() == 2


@pytest.mark.django_db
def test_finding2_a_refused_form_gives_its_token_back(client, analyst):
    client.force_login(analyst)
    token = new_token()
    client.post("/en/forecasting/new/", NEW_STUDY | {"once": token, "horizon_year": "1990"})  # invalid
    assert not SubmittedForm.objects.filter(token=token).exists()
    client.post("/en/forecasting/new/", NEW_STUDY | {"once": token})
    assert Study.objects.filter(title=NEW_STUDY["title"]).count() == 1


@pytest.mark.django_db
def test_finding2_p10_4_a_plan_activity_is_added_once_per_form(client, analyst):
    study = make_study(analyst)
    client.force_login(analyst)
    activity = {"stage": "preparatory", "activity": "Form the groups", "kind_of_work": "Invitations",
                "starts_on": "2026-03-01", "ends_on": "2026-04-01", "methods": ["foresight"]}
    page = client.get(f"/en/forecasting/{study.number}/plan/").content.decode()
    for _ in range(2):
        client.post(f"/en/forecasting/{study.number}/plan/", activity | {"once": _token_of(page)})
    assert PlanActivity.objects.filter(study=study).count() == 1


@pytest.mark.django_db
def test_finding2_p9_2_aftercare_request_and_report_are_recorded_once_per_form(client, owner):
    operator = factories.make_operator()
    case = drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    client.force_login(operator)
    page = client.get(f"/en/productivity/cases/{case.number}/aftercare/").content.decode()
    request_token, report_token = re.findall(r'name="once" value="([0-9a-f]{32})"', page)[:2]
    for _ in range(2):
        client.post(f"/en/productivity/cases/{case.number}/aftercare/requests/",
                    {"text": "How many welders now pass the test?", "once": request_token})
        client.post(f"/en/productivity/cases/{case.number}/aftercare/reports/",
                    {"period": "2017", "before": "100", "after": "160", "unit": "KZT", "once": report_token})
    assert InformationRequest.objects.filter(agreement__case=case).count() == 1
    assert ProductivityReport.objects.filter(case=case).count() == 1


@race
def test_finding2_twenty_identical_study_posts_create_one_study(analyst):
    outcomes = no_server_errors(post_at_once(analyst, "/en/forecasting/new/", NEW_STUDY | {"once": new_token()}))
    assert Study.objects.filter(title=NEW_STUDY["title"]).count() == 1
    assert sum(1 for o in outcomes if o.said("info")) == N - 1


@race
def test_finding2_p9_twenty_studies_created_at_once_get_distinct_consecutive_numbers(analyst):
    """Twenty different forms at once (each its own token): twenty studies, numbered without a
    collision (the number was max()+1 before, and concurrent creations collided with a 500)."""
    no_server_errors(posts_at_once([(analyst, "/en/forecasting/new/", NEW_STUDY | {"once": new_token()})
                                    for _ in range(N)]))
    numbers = sorted(Study.objects.values_list("number", flat=True))
    assert len(numbers) == N
    assert [int(n.rsplit("-", 1)[1]) for n in numbers] == list(range(1, N + 1))


@race
def test_finding2_p11_7_the_same_technology_code_added_at_once_is_a_form_error(analyst):
    study = make_study(analyst)
    body = {"code": "T9", "name_kk": "Жаңа", "name_ru": "Новая", "name_en": "New", "sector": "ICT"}
    outcomes = no_server_errors(post_at_once(analyst, f"/en/forecasting/{study.number}/technologies/", body))
    assert Technology.objects.filter(study=study, code="T9").count() == 1
    assert sum(1 for o in outcomes if o.status == 302) == 1
