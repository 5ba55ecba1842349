"""The overdue list is a query (architecture, casework): the secretariat's queue with ?overdue=1
shows open cases whose term (e.g. seed 001 p.18, three working days for the certificate) has
passed, and nothing else."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def numbers(response) -> list[str]:
    return [row["case"].number for row in response.context["rows"]]


@pytest.fixture
def cases(owner):
    today = timezone.localdate()
    make = factories.make_case
    return {
        "overdue": make(owner.organisation, owner, state="contract", due_on=today - dt.timedelta(days=1)),
        "due_today": make(owner.organisation, owner, state="contract", due_on=today),
        "future": make(owner.organisation, owner, state="contract", due_on=today + dt.timedelta(days=2)),
        "no_term": make(owner.organisation, owner, state="submitted"),
        "closed": make(owner.organisation, owner, state="refused", due_on=today - dt.timedelta(days=9)),
    }


def test_p18_overdue_filter_lists_only_open_cases_past_their_term(client, secretariat, cases):
    client.force_login(secretariat)
    response = client.get(reverse("casework:queue"), {"overdue": "1"})
    assert response.status_code == 200
    assert numbers(response) == [cases["overdue"].number]
    assert response.context["rows"][0]["overdue"] is True


def test_p18_without_the_filter_the_queue_lists_every_open_case_flagging_the_overdue_one(
    client, secretariat, cases
):
    client.force_login(secretariat)
    response = client.get(reverse("casework:queue"))
    listed = numbers(response)
    assert set(listed) == {cases[k].number for k in ("overdue", "due_today", "future", "no_term")}
    flags = {row["case"].number: row["overdue"] for row in response.context["rows"]}
    assert flags[cases["overdue"].number] is True
    assert flags[cases["due_today"].number] is False
    assert flags[cases["future"].number] is False


def test_p18_a_case_becomes_overdue_only_after_its_due_date(client, secretariat, cases):
    client.force_login(secretariat)
    assert cases["due_today"].number not in numbers(client.get(reverse("casework:queue"), {"overdue": "1"}))
    cases["due_today"].due_on = timezone.localdate() - dt.timedelta(days=1)
    cases["due_today"].save(update_fields=["due_on"])
    assert cases["due_today"].number in numbers(client.get(reverse("casework:queue"), {"overdue": "1"}))


def test_overdue_case_page_shows_the_overdue_badge(client, secretariat, cases):
    client.force_login(secretariat)
    response = client.get(reverse("casework:detail", args=[cases["overdue"].number]))
    assert response.context["overdue"] is True
    response = client.get(reverse("casework:detail", args=[cases["future"].number]))
    assert response.context["overdue"] is False


def test_queue_lists_the_earliest_term_first_and_cases_without_a_term_last(client, secretariat, cases):
    client.force_login(secretariat)
    listed = numbers(client.get(reverse("casework:queue")))
    assert listed == [cases[k].number for k in ("overdue", "due_today", "future", "no_term")]
