"""The analysts' what-if page (law of 2012, art. 19(4)): the programme's rules over the stored
applications, with the parameters in force and with a reform, side by side."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from techpolicy.accounts.roles import ANALYST
from techpolicy.casework.models import Case
from techpolicy.law.acts.productivity2020 import assess
from techpolicy.law.parameters import Parameters
from techpolicy.services.productivity import demo
from techpolicy.simulation.runner import reform_parameters
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    demo.load()
    return Case.objects.get(workflow="productivity.direct", facts__instrument="3a")


def analyst():
    return factories.make_user(username="analyst-test", roles=[ANALYST])


def post(client, **changes):
    data = {"c-TOTAL_FORMS": "5", "c-INITIAL_FORMS": "0"}
    for i, (name, value) in enumerate(changes.items()):
        data[f"c-{i}-parameter"], data[f"c-{i}-value"] = name, value
    return client.post(reverse("productivity:what_if"), data)


def test_s5_3_raising_the_3a_share_changes_the_3a_case_by_the_hand_computed_amount(client, world):
    client.force_login(analyst())
    now = assess(world.facts).amount
    applied_on = dt.date.fromisoformat(world.facts["application_date"])
    share = Parameters.from_source().value("p2020.i3a.share", applied_on)
    change = {"p2020.i3a.share": str(share + 10)}
    expected = assess(world.facts, parameters=reform_parameters(Parameters.from_source(), change)).amount
    response = post(client, **change)
    assert response.status_code == 200
    comparison = response.context["comparison"]
    row = next(s for s in comparison["instruments"] if s["instrument"] == "3a")
    assert Decimal(row["total_baseline"]) == now
    assert Decimal(row["total_reform"]) == expected > now
    assert row["applicants_changed"] == 1
    changed = comparison["largest_changes"][0]
    assert changed["application_id"] == world.number
    # Untouched instruments keep their totals.
    assert all(Decimal(s["total_change"]) == 0 for s in comparison["instruments"] if s["instrument"] in ("4b", "5a"))


def test_a_malformed_value_names_the_parameter_and_runs_nothing(client, world):
    client.force_login(analyst())
    response = post(client, **{"p2020.i3a.share": "forty"})
    assert response.status_code == 200
    assert response.context["comparison"] is None
    assert "p2020.i3a.share" in str(response.context["formset"].non_form_errors())


def test_no_change_chosen_is_a_clear_error(client, world):
    client.force_login(analyst())
    response = post(client)
    assert response.context["comparison"] is None
    assert response.context["formset"].non_form_errors()


def test_applicants_may_not_run_the_comparison(client, world):
    client.force_login(world.created_by)
    assert client.get(reverse("productivity:what_if")).status_code == 403
