"""Law 003 article 14: the national operator for technological development acts as the authorized
body's operator of innovation grants (003.a14.10), and ensures access to information on the
industrial-innovative projects carried out and on the results of forecasting studies (003.a14.6,
with the publicity of article 3(3)(1)-(2), 003.a3.p3.2)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from techpolicy.accounts.roles import COMMISSION
from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.workflow import OWNER
from techpolicy.services.innovation_grants.roles import GRANT_OPERATOR, LABELS
from techpolicy.services.innovation_grants.workflows import GRANT
from tests import factories

from .grant_world import make_world, to_commission

pytestmark = pytest.mark.django_db


def test_003_a14_10_every_staff_step_of_a_grant_is_the_operators_or_the_commissions():
    """003.a14.10: intake, expertise, award, agreement and ledger are the operator's; only the vote is
    the commission's (the core's commission machinery)."""
    staff = {a.role for a in GRANT.actions if a.role != OWNER}
    assert staff == {GRANT_OPERATOR}
    assert {s.actor for s in GRANT.states if s.agenda} == {COMMISSION}
    assert "технологиялық дамыту жөніндегі ұлттық оператор" in str(LABELS[GRANT_OPERATOR])  # in Kazakh, the default


def test_003_a14_10_an_applicant_or_another_staff_member_cannot_take_the_operators_steps(analyst, today):
    world = make_world(analyst, today)
    case = fire(world.application(), "submit", world.owner)
    for stranger in (world.owner, factories.make_secretariat(), analyst):
        with pytest.raises(WorkflowError):
            fire(case, "to_expertise", stranger)
    assert fire(case, "to_expertise", world.operator).state == "expertise"


def test_003_a14_6_anyone_reads_the_projects_awarded_and_the_forecasts_key_technologies(client, analyst, today):
    """003.a14.6 and 003.a3.p3.2: without signing in, the awards (recipient, type, direction, amount,
    date) as a page and CSV, the published calls with their criteria through the API, and the key
    technologies of the approved forecast the directions rest on."""
    world = make_world(analyst, today)
    case = to_commission(world, world.application())
    factories.cast_votes(case, world.voters, ["for", "for", "for"])
    fire(case, "approve", world.operator)

    page = client.get("/kk/innovation-grants/register/")
    assert page.status_code == 200 and world.owner.organisation.name in page.content.decode()
    csv = client.get("/kk/registers/innovation-grants.awards/export.csv")
    assert csv.status_code == 200
    exported = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert world.owner.organisation.name in exported and "40000000" in exported
    calls = client.get("/api/v1/innovation-grants/calls?lang=kk")
    assert calls.status_code == 200 and world.call.number in json.dumps(calls.json())
    technologies = client.get(reverse("studies:key_technologies") + "?format=json")
    assert technologies.status_code == 200 and "T1" in technologies.content.decode()
