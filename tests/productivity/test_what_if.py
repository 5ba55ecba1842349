"""The analysts' what-if page (law of 2012, art. 19(4)): the programme's rules over the stored
applications, with the parameters in force and with a reform, side by side. The comparison is run
by the background worker (issue 8, background work); the page shows its state, then its result."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from techpolicy.accounts.roles import ANALYST
from techpolicy.casework.models import Case
from techpolicy.law.acts.act004_productivity2020.programme import assess
from techpolicy.law.parameters import Parameters
from techpolicy.services.productivity import demo
from techpolicy.simulation.runner import reform_parameters
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(run_tasks):
    demo.load()
    run_tasks()  # the demo's notices, so that the tests count only their own tasks
    return Case.objects.get(workflow="productivity.direct", facts__instrument="3a")


def analyst():
    return factories.make_user(username="analyst-test", roles=[ANALYST])


def post(client, **changes):
    data = {"c-TOTAL_FORMS": "5", "c-INITIAL_FORMS": "0"}
    for i, (name, value) in enumerate(changes.items()):
        data[f"c-{i}-parameter"], data[f"c-{i}-value"] = name, value
    return client.post(reverse("productivity:what_if"), data)


def compare(client, run_tasks, **changes):
    """Send the form, let the worker run the comparison, open the page it leads to."""
    sent = post(client, **changes)
    assert sent.status_code == 302, sent.content.decode()[:300]
    pending = client.get(sent["Location"])
    assert pending.context["job"].status == "pending" and pending.context["comparison"] is None
    assert run_tasks() == 1
    return client.get(sent["Location"])


def test_s5_3_raising_the_3a_share_changes_the_3a_case_by_the_hand_computed_amount(client, world, run_tasks):
    client.force_login(analyst())
    now = assess(world.facts).amount
    applied_on = dt.date.fromisoformat(world.facts["application_date"])
    share = Parameters.from_source().value("p2020.i3a.share", applied_on)
    change = {"p2020.i3a.share": str(share + 10)}
    expected = assess(world.facts, parameters=reform_parameters(Parameters.from_source(), change)).amount
    response = compare(client, run_tasks, **change)
    assert response.status_code == 200
    assert response.context["formset"].initial == [{"parameter": "p2020.i3a.share", "value": change["p2020.i3a.share"]}]
    comparison = response.context["comparison"]
    row = next(s for s in comparison["instruments"] if s["instrument"] == "3a")
    assert Decimal(row["total_baseline"]) == now
    assert Decimal(row["total_reform"]) == expected > now
    assert row["applicants_changed"] == 1
    changed = comparison["largest_changes"][0]
    assert changed["application_id"] == world.number
    # Untouched instruments keep their totals.
    assert all(Decimal(s["total_change"]) == 0 for s in comparison["instruments"] if s["instrument"] in ("4b", "5a"))


def test_the_same_comparison_asked_again_is_not_run_again(client, world, run_tasks):
    client.force_login(analyst())
    first = compare(client, run_tasks, **{"p2020.i3a.share": "60"})
    again = post(client, **{"p2020.i3a.share": "60"})
    assert again["Location"] == first.request["PATH_INFO"] + "?" + first.request["QUERY_STRING"]
    assert run_tasks() == 0
    assert client.get(again["Location"]).context["comparison"] == first.context["comparison"]


def test_a_changed_application_gives_a_new_comparison(client, world, run_tasks):
    client.force_login(analyst())
    first = post(client, **{"p2020.i3a.share": "60"})
    world.save()  # any change of a stored application (its updated_at moves)
    assert post(client, **{"p2020.i3a.share": "60"})["Location"] != first["Location"]


def test_a_malformed_value_is_refused_beside_its_field_and_runs_nothing(client, world, run_tasks):
    """Issue 10, item 3: the refusal stands beside the value of the parameter it concerns, in the
    page's language, not as the simulation's English message with the internal name."""
    client.force_login(analyst())
    response = post(client, **{"p2020.i3a.share": "forty"})
    assert response.status_code == 200
    assert response.context["comparison"] is None
    assert response.context["formset"].forms[0].errors["value"] == ["Санды енгізіңіз, мысалы 40 немесе 12,5."]
    assert run_tasks() == 0


def test_no_change_chosen_is_a_clear_error(client, world):
    client.force_login(analyst())
    response = post(client)
    assert response.context["comparison"] is None
    assert response.context["formset"].non_form_errors()


def test_applicants_may_not_run_the_comparison(client, world, run_tasks):
    client.force_login(world.created_by)
    assert client.get(reverse("productivity:what_if")).status_code == 403
    # Nor see a comparison an analyst ran, through the generated file's pages.
    client.force_login(analyst())
    job = compare(client, run_tasks, **{"p2020.i3a.share": "60"}).context["job"]
    client.force_login(world.created_by)
    assert client.get(reverse("casework:file_status", args=[job.pk])).status_code == 403
    assert client.get(reverse("casework:file_download", args=[job.pk])).status_code == 403
    assert client.get(reverse("productivity:what_if"), {"job": str(job.pk)}).status_code == 403
