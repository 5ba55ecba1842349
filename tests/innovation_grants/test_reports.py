"""The grantee's reports and the operator's monitoring (law 003 article 27, requirement 003.a27.p4:
the reports' terms are the Government's rules' matter, `grants.report_term`, not set by the source,
so each report's term is the agreement's). Through the real workflow engine: the due date counted in
working days over weekends, a KZ public holiday and an administrator's day transfer; only the grantee
submits; the operator accepts or returns; the grant is not completed while a report is not accepted;
one report per agreement and number in the database; the monitoring page's filters, search, CSV,
permission and hostile input."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import DayTransferEntry, ParameterEntry, Transition
from techpolicy.services.innovation_grants import reports
from techpolicy.services.innovation_grants.models import Agreement, Report
from tests import factories

from .grant_world import make_world, to_commission

FRIDAY = dt.date(2026, 12, 11)  # then a weekend and Independence Day, Wednesday 16 December 2026


@pytest.fixture
def world(analyst, today):
    return make_world(analyst, today)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def implementation(world, owner=None, number="GA-1"):
    world = dataclasses.replace(world, owner=owner or world.owner)
    case = to_commission(world, world.application())
    factories.cast_votes(case, world.voters, ["for", "for", "for"])
    case = fire(case, "approve", world.operator)
    case = fire(case, "draft_agreement", world.operator, payload={"number": number, "terms": "Шарт талаптары"})
    case = fire(case, "sign_as_grantee", world.owner, payload={"confirm": "on"})
    return fire(case, "sign_as_operator", world.operator, payload={"confirm": "on"})


def schedule(world, case, period_end=FRIDAY, term="3", due_on=""):
    return fire(case, "schedule_report", world.operator,
                payload={"period_end": period_end.isoformat(), "term_days": term, "due_on": due_on})


def pay_in_full(world, case):
    return fire(case, "pay_tranche", world.operator,
                payload={"amount": "40000000.00", "paid_on": world.today.day.isoformat()})


# --- the due date in working days (003.a27.p4) ---------------------------------------------------------


def test_003_a27_p4_due_date_counts_working_days_over_a_weekend_and_independence_day(world, english):
    """Period ends Friday 11.12.2026, the agreement's term is 3 working days: Mon 14, Tue 15, (Wed 16
    Independence Day), Thu 17 — not the 14th (calendar days skipped) nor the 16th (holiday counted)."""
    case = schedule(world, implementation(world))
    report = Report.objects.get(agreement__case=case)
    assert (report.seq, report.due_on, report.term_days, report.due_source) == (
        1, dt.date(2026, 12, 17), 3, Report.AGREEMENT_TERM)
    logged = Transition.objects.filter(case=case, action="schedule_report").get()
    assert logged.actor == world.operator and logged.payload["due_on"] == "2026-12-17" and logged.payload["seq"] == 1


def test_003_a27_p4_an_administrators_day_transfer_moves_the_due_date(world):
    """The calendar is the one with the administrator's transfers (law_context.calendar)."""
    DayTransferEntry.objects.create(day=dt.date(2026, 12, 17), working=False, decree="Government resolution (test)")
    case = schedule(world, implementation(world))
    assert Report.objects.get(agreement__case=case).due_on == dt.date(2026, 12, 18)


def test_003_a27_p4_the_agreement_may_give_the_due_date_itself(world):
    case = schedule(world, implementation(world), term="", due_on="2027-01-29")
    report = Report.objects.get(agreement__case=case)
    assert (report.due_on, report.term_days, report.due_source) == (dt.date(2027, 1, 29), None, Report.AGREEMENT_DATE)


@pytest.mark.parametrize(("period_end", "term", "due_on", "expected"), [
    ("", "3", "", "reporting period ends"),
    ("2026-12-11", "0", "", "whole number"),
    ("2026-12-11", "1000", "", "whole number"),
    ("2026-12-11", "x" * 10_000, "", "whole number"),
    ("2026-12-11", "3", "2027-01-29", "not both"),
    ("2026-12-11", "", "2026-12-10", "not before the end"),
    ("\x00", "3", "", "reporting period ends"),
])
def test_003_a27_p4_a_schedule_with_bad_inputs_is_refused(world, english, period_end, term, due_on, expected):
    case = implementation(world)
    with pytest.raises(WorkflowError, match=expected):
        fire(case, "schedule_report", world.operator,
             payload={"period_end": period_end, "term_days": term, "due_on": due_on})
    assert not Report.objects.exists()


def test_003_a27_p4_without_a_term_the_rules_are_not_set_so_the_agreement_must_give_one(world, english):
    """`grants.report_term` is null in the source: the refusal says so and names article 27(4)."""
    case = implementation(world)
    with pytest.raises(WorkflowError) as refused:
        schedule(world, case, term="")
    assert "27(4)" in str(refused.value) and "grants.report_term" in str(refused.value)
    # Once an administrator enters the rules' value, a report without a term of its own takes it.
    ParameterEntry.objects.create(name="grants.report_term", start=dt.date(2026, 1, 1), value="2",
                                  citation="Government rules (test)")
    schedule(world, case, term="")
    report = Report.objects.get(agreement__case=case)
    assert (report.due_on, report.due_source) == (dt.date(2026, 12, 15), Report.RULES_TERM)


# --- submission, review and completion (003.a27.p4) --------------------------------------------------


def test_003_a27_p4_only_the_grantee_submits_a_report(world, english):
    case = schedule(world, implementation(world))
    other = factories.make_applicant()
    for intruder in (other, world.operator):
        with pytest.raises(WorkflowError, match="applicant organisation"):
            fire(case, "submit_report", intruder, payload={"text": "Есеп"})
    assert Report.objects.get(agreement__case=case).state == Report.SCHEDULED
    colleague = factories.make_applicant(organisation=world.owner.organisation)
    fire(case, "submit_report", colleague, payload={"text": "Есеп: жұмыс орындалды"})
    report = Report.objects.get(agreement__case=case)
    assert (report.state, report.submitted_by, report.submitted_on, report.late) == (
        Report.SUBMITTED, colleague, world.today.day, False)


def test_003_a27_p4_a_report_may_not_be_empty_or_unbounded(world, english):
    case = schedule(world, implementation(world))
    for text in ("", "   ", "x" * 20_001):
        with pytest.raises(WorkflowError, match="Write the report"):
            fire(case, "submit_report", world.owner, payload={"text": text})
    with pytest.raises(WorkflowError, match="No report awaits"):
        fire(case, "submit_report", world.owner, payload={"seq": "7", "text": "Есеп"})


def test_003_a27_p4_the_operator_returns_a_report_with_a_reason_then_accepts_it(world, english):
    case = schedule(world, implementation(world))
    with pytest.raises(WorkflowError, match="No submitted report"):
        fire(case, "accept_report", world.operator)
    case = fire(case, "submit_report", world.owner, payload={"text": "Есеп"})
    with pytest.raises(WorkflowError, match="reason"):
        fire(case, "return_report", world.operator, payload={"seq": "1"})
    with pytest.raises(WorkflowError, match="needs the role"):
        fire(case, "accept_report", world.owner)
    case = fire(case, "return_report", world.operator, reason="Шығындар расталмаған", payload={"seq": "1"})
    assert Report.objects.get(agreement__case=case).return_reason == "Шығындар расталмаған"
    case = fire(case, "submit_report", world.owner, payload={"text": "Есеп, түзетілген"})
    case = fire(case, "accept_report", world.operator, payload={"seq": ""})
    report = Report.objects.get(agreement__case=case)
    assert (report.state, report.reviewed_by, report.text, report.return_reason) == (
        Report.ACCEPTED, world.operator, "Есеп, түзетілген", "")
    assert list(Transition.objects.filter(case=case, action__contains="report").order_by("pk")
                .values_list("action", flat=True)) == [
        "schedule_report", "submit_report", "return_report", "submit_report", "accept_report"]


def test_003_a27_p4_a_late_report_is_overdue_until_submitted_and_stays_late(world, today):
    case = schedule(world, implementation(world))
    report = Report.objects.get(agreement__case=case)
    today.day = dt.date(2026, 12, 17)
    assert not report.is_overdue(today.day)
    today.day = dt.date(2026, 12, 18)
    assert report.is_overdue(today.day)
    fire(case, "submit_report", world.owner, payload={"text": "Кеш есеп"})
    report.refresh_from_db()
    assert not report.is_overdue(today.day) and report.late


def test_003_a27_p4_the_grant_is_not_completed_while_a_report_is_overdue_or_pending(world, today, english):
    case = pay_in_full(world, schedule(world, implementation(world)))
    today.day = dt.date(2026, 12, 21)
    with pytest.raises(WorkflowError) as refused:
        fire(case, "complete", world.operator, payload={"confirm": "on"})
    assert "report 1 due 17 December 2026: overdue" in str(refused.value) and "27(4)" in str(refused.value)
    case = fire(case, "submit_report", world.owner, payload={"text": "Есеп"})
    with pytest.raises(WorkflowError, match="report 1 due 17 December 2026: submitted"):
        fire(case, "complete", world.operator, payload={"confirm": "on"})
    case = fire(case, "accept_report", world.operator)
    case = fire(case, "complete", world.operator, payload={"confirm": "on"})
    assert case.state == "completed"


def test_003_a27_p4_the_database_keeps_one_report_per_agreement_and_number(world):
    case = schedule(world, implementation(world))
    report = Report.objects.get(agreement__case=case)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(agreement=report.agreement, seq=1, period_end=FRIDAY, due_on=FRIDAY,
                              due_source=Report.AGREEMENT_DATE, scheduled_by=world.operator)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(agreement=report.agreement, seq=2, period_end=FRIDAY, due_on=FRIDAY - dt.timedelta(1),
                              due_source=Report.AGREEMENT_DATE, scheduled_by=world.operator)
    schedule(world, case, period_end=dt.date(2027, 3, 31))
    assert list(Report.objects.filter(agreement__case=case).values_list("seq", flat=True)) == [1, 2]


def test_003_a27_p4_reports_need_an_agreement_signed_by_both(world, english):
    case = to_commission(world, world.application())
    factories.cast_votes(case, world.voters, ["for", "for", "for"])
    case = fire(case, "approve", world.operator)
    with pytest.raises(WorkflowError, match="not possible"):
        schedule(world, case)
    assert not Agreement.objects.filter(case=case).exists()


# --- the monitoring page ------------------------------------------------------------------------------


@pytest.fixture
def monitored(world, today):
    """Two grants: GA-1 with report 1 overdue and report 2 accepted; GA-2 (another grantee) with one
    report due later."""
    first = implementation(world)
    schedule(world, first, period_end=dt.date(2026, 11, 2), term="3")  # due 05.11.2026: overdue on 21.11
    schedule(world, first, period_end=dt.date(2026, 11, 2), term="", due_on="2026-11-30")
    fire(first, "submit_report", world.owner, payload={"seq": "2", "text": "Есеп"})
    fire(first, "accept_report", world.operator, payload={"seq": "2"})
    other = factories.make_applicant()
    second = implementation(world, owner=other, number="GA-2")
    schedule(world, second)
    return first, second, other


def _get(client, user, **query):
    client.force_login(user)
    return client.get(reverse("innovation_grants:monitoring"), query)


def test_003_a27_p4_monitoring_is_for_the_operator_only(client, world):
    url = reverse("innovation_grants:monitoring")
    assert client.get(url).status_code == 302
    for user in (world.owner, factories.make_user()):
        assert _get(client, user).status_code == 403


def test_003_a27_p4_monitoring_counts_filters_and_searches(client, world, monitored, english):
    first, second, other = monitored
    page = _get(client, world.operator)
    assert page.status_code == 200
    assert page.context["counts"] == {"due": 1, "overdue": 1, "submitted": 0}
    content = page.content.decode()
    assert page.context["term"]["not_set"] and "not set by the source document" in content
    assert "term in working days given by the agreement · 3 working days" in content
    assert len(page.context["rows"]) == 3
    overdue = _get(client, world.operator, overdue="1").context["rows"]
    assert [(r["case"].number, r["report"].seq, r["state"]) for r in overdue] == [(first.number, 1, "overdue")]
    accepted = _get(client, world.operator, state="accepted").context["rows"]
    assert [(r["case"].number, r["report"].seq) for r in accepted] == [(first.number, 2)]
    by_number = _get(client, world.operator, q=second.number).context["rows"]
    assert [r["case"].number for r in by_number] == [second.number]
    by_name = _get(client, world.operator, q=f"  {other.organisation.name.lower()} ").context["rows"]
    assert [r["case"].number for r in by_name] == [second.number]


def test_003_a27_p4_monitoring_exports_the_filtered_list_as_csv(client, world, monitored):
    first, second, _other = monitored
    answer = _get(client, world.operator, format="csv", overdue="1")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    lines = b"".join(answer.streaming_content).decode("utf-8").lstrip("\ufeff").splitlines()
    assert lines[0].startswith("case,agreement,grantee,report,period_end")
    assert len(lines) == 2 and lines[1].startswith(f"{first.number},GA-1,") and ",2026-11-05,scheduled,yes," in lines[1]
    everything = b"".join(_get(client, world.operator, format="csv").streaming_content).decode().splitlines()
    assert len(everything) == 4


@pytest.mark.parametrize(("query", "status"), [
    ({"q": "x" * 10_000}, 200), ({"q": "%' OR 1=1 --"}, 200), ({"state": "y" * 10_000}, 200),
    ({"state": ["submitted", "accepted"]}, 200), ({"overdue": "yes" * 3000}, 200), ({"page": "-1"}, 200),
    ({"page": "9" * 10_000}, 200), ({"page": "1e9"}, 200), ({"page": "999999"}, 200),
    ({"format": "csv", "q": "ж" * 10_000}, 200),
    # NUL and other control characters: the site's input guard refuses the request before the view.
    ({"q": "a\x00b"}, 400), ({"page": "\x00"}, 400), ({"format": "csv", "q": "\x00" * 100}, 400),
])
def test_003_a27_p4_monitoring_answers_hostile_query_strings_without_an_error(client, world, monitored, query,
                                                                             status):
    answer = _get(client, world.operator, **query)
    assert answer.status_code == status
    if status == 200 and query.get("format") != "csv":
        assert len(answer.context["filters"]["q"]) <= 100 and answer.context["filters"]["state"] in ("", "accepted")


def test_003_a27_p4_the_search_text_is_bounded_and_without_control_characters():
    assert reports.clean_query("a\x00b\tc  d" + "e" * 10_000) == "abc d" + "e" * 95
    assert reports.clean_query(None) == "" and reports.clean_query(["x"]) == "['x']"


def test_003_a27_p4_monitoring_paginates_by_fifty(client, world):
    case = implementation(world)
    for month in range(1, 13):
        for day in (5, 10, 15, 20, 25):
            schedule(world, case, period_end=dt.date(2027, month, day), term="", due_on=f"2027-{month:02}-28")
    page = _get(client, world.operator)
    assert len(page.context["rows"]) == 50 and page.context["page"].paginator.num_pages == 2
    assert len(_get(client, world.operator, page="2").context["rows"]) == 10


def test_003_a27_p4_the_demo_grant_in_implementation_has_an_accepted_and_an_overdue_report(db):
    from techpolicy.casework import law_context
    from techpolicy.services.innovation_grants import demo

    demo.load()
    rows = list(Report.objects.order_by("seq"))
    today = law_context.today()
    assert [(r.seq, r.state, r.is_overdue(today)) for r in rows] == [(1, "accepted", False), (2, "scheduled", True)]
    demo.load()
    assert Report.objects.count() == 2


def test_003_a27_p4_the_case_page_offers_the_report_actions_and_the_index_links_the_monitoring(client, world):
    case = schedule(world, implementation(world))
    client.force_login(world.owner)
    page = client.get(reverse("casework:detail", args=[case.number])).content.decode()
    assert 'data-action="submit_report"' in page and 'data-action="schedule_report"' not in page
    answer = client.post(reverse("casework:fire", args=[case.number, "submit_report"]),
                         {"seq": "1", "text": "Есеп " * 100, "version": case.version})
    assert answer.status_code == 302 and Report.objects.get(agreement__case=case).state == Report.SUBMITTED
    client.force_login(world.operator)
    page = client.get(reverse("casework:detail", args=[case.number])).content.decode()
    assert 'data-action="schedule_report"' in page and 'data-action="accept_report"' in page
    assert 'data-testid="monitoring-link"' in client.get(reverse("innovation_grants:index")).content.decode()
    client.force_login(world.owner)
    assert 'data-testid="monitoring-link"' not in client.get(reverse("innovation_grants:index")).content.decode()


def test_003_a27_p4_a_report_carries_the_grantees_latest_report_document(world, settings, tmp_path):
    from techpolicy.casework.uploads import store
    from techpolicy.services.technopark.demo import demo_pdf

    settings.MEDIA_ROOT = tmp_path
    case = schedule(world, implementation(world))
    schedule(world, case, period_end=dt.date(2027, 3, 31))
    document = store(case, "report", demo_pdf("report"), world.owner)
    fire(case, "submit_report", world.owner, payload={"text": "Есеп"})
    fire(case, "submit_report", world.owner, payload={"text": "Екінші есеп, құжатсыз"})
    first, second = Report.objects.filter(agreement__case=case).order_by("seq")
    assert (first.document, second.document) == (document, None)
    assert Transition.objects.filter(case=case, action="submit_report").first().payload["document"] == document.pk


def test_003_a27_p4_the_grantee_sees_the_grants_reports_with_their_due_dates(client, world):
    """The grantee and the operator read one grant's reports and due dates (from the case page's link);
    another applicant may not."""
    case = schedule(world, implementation(world))
    url = f"/kk/innovation-grants/cases/{case.number}/reports/"
    client.force_login(world.owner)
    assert url in client.get(f"/kk/cases/{case.number}/").content.decode()
    page = client.get(url)
    assert page.status_code == 200 and "17.12.2026" in page.content.decode()
    client.force_login(world.operator)
    assert client.get(url).status_code == 200
    client.force_login(factories.make_applicant())
    assert client.get(url).status_code == 403
    assert client.get("/kk/innovation-grants/cases/NO-SUCH/reports/").status_code == 404
