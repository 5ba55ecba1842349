"""Notices to the applicant (seed 004, section 5.4, mechanism of instruments 2-5, p.3 and p.6): the
operator's decisions are recorded first and reach the applicant with the notice the programme
names — the notice with the agreement, the reasoned notice, the notice of gaps."""

import pytest

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Notification
from tests import factories
from tests.productivity.helpers import drive, path_to, training

pytestmark = pytest.mark.django_db


def notices(case) -> list[str]:
    return list(Notification.objects.filter(case=case).order_by("pk").values_list("subject", flat=True))


def test_p6_the_decision_is_not_announced_before_its_notice(owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("compliance_review"), owner,
                 operator)
    before = len(notices(case))
    case = fire(case, "approve", operator)
    assert len(notices(case)) == before
    fire(case, "send_agreement", operator, payload={"number": "A-1"})
    assert notices(case)[-1] == f"Case {case.number}: Agreement to sign and return"


def test_p6_the_reasoned_notice_carries_the_grounds(owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("compliance_review"), owner,
                 operator)
    case = fire(case, "refuse", operator, reason="The invoice does not match the act.")
    before = len(notices(case))
    case = fire(case, "send_refusal", operator)
    assert len(notices(case)) == before + 1
    assert "Refused" in notices(case)[-1]
    assert "The invoice does not match the act." in Notification.objects.filter(case=case).order_by("pk").last().body


def test_p3_the_notice_of_gaps_carries_them(owner, operator):
    case = fire(factories.make_productivity_case(owner, training(owner)), "submit", owner)
    fire(case, "notify_gaps", operator, reason="Attach the acceptance act.")
    body = Notification.objects.filter(case=case).order_by("pk").last().body
    assert "Attach the acceptance act." in body


def test_instrument_7_p3_the_notice_of_gaps_names_them(owner, operator):
    from tests.productivity.helpers import cluster

    case = fire(factories.make_productivity_case(owner, cluster(owner, "7")), "submit", owner)
    case = fire(case, "find_gaps", operator, reason="The road map copy is missing.")
    fire(case, "notify_gaps", operator)
    assert "The road map copy is missing." in Notification.objects.filter(case=case).order_by("pk").last().body


def test_instrument_1_p5_kdb_leasings_negative_notice_gives_its_grounds(owner, operator, leasing_operator):
    from tests.productivity.helpers import leasing

    case = drive(factories.make_productivity_case(owner, leasing(owner)),
                 (("submit_passport", {}), ("confirm", {}), ("submit_cpip", {})), owner, operator)
    case = fire(case, "refuse_leasing", leasing_operator, reason="The CPIP lacks a cash-flow model.",
                payload={"decided_on": "2016-03-04"})
    fire(case, "notify_refusal", leasing_operator)
    assert "The CPIP lacks a cash-flow model." in Notification.objects.filter(case=case).order_by("pk").last().body
