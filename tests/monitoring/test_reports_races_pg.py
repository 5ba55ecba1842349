"""Rule of the house "races" for the monitoring reports (002.res.p2.3: a report per implementer and
year, submitted once): twenty submissions of one report at the same moment — a double click, a stuck
browser resending, two colleagues of one organisation — give one submission, one date, one author.
Real threads, each with its own database connection, released together by a barrier (tests/races.py);
skipped on SQLite's in-memory test database like the other race tests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.monitoring import models, reporting
from tests import factories
from tests.races import N, at_once, concurrent_writers, no_server_errors, post_at_once

from .test_reports import NARRATIVE, make_world

pytestmark = [pytest.mark.django_db(transaction=True), concurrent_writers]


def test_002_res_p2_3_twenty_submissions_at_once_submit_the_report_once():
    world = make_world()
    reporting.save_draft(world.report, NARRATIVE)
    colleagues = [factories.make_user(organisation=world.implementer) for _ in range(N)]
    outcomes = at_once(lambda i: reporting.submit(models.Report.objects.get(pk=world.report.pk), colleagues[i]))
    done = [o for o in outcomes if isinstance(o, models.Report)]
    refused = [o for o in outcomes if isinstance(o, reporting.ReportError)]
    assert len(done) == 1 and len(refused) == N - 1, outcomes
    world.report.refresh_from_db()
    assert world.report.state == "submitted"
    assert (world.report.submitted_by_id, world.report.submitted_at) == (done[0].submitted_by_id, done[0].submitted_at)


def test_002_res_p2_3_twenty_confirmed_submit_pages_at_once_answer_without_errors_and_submit_once():
    world = make_world()
    reporting.save_draft(world.report, NARRATIVE)
    with translation.override("en"):  # the English pages: the messages are matched by their words
        url = reverse("monitoring:report_submit", args=[world.report.pk])
    answers = no_server_errors(post_at_once(world.reporter, url, {"confirm": "yes"}))
    assert all(a.status == 302 for a in answers), [(a.status, a.location, a.messages) for a in answers][:3]
    assert sum("The report is submitted." in a.said("success") for a in answers) == 1
    assert sum("The report has already been submitted." in a.said("error") for a in answers) == N - 1
    assert models.Report.objects.filter(pk=world.report.pk, state="submitted").count() == 1


def test_002_res_p2_3_twenty_expectations_at_once_store_each_report_once():
    """Expecting the reports of a plan from twenty places at once stores one row per reporter and year
    (the unique constraint decides), and none fails."""
    world = make_world()
    others = [factories.make_organisation() for _ in range(3)]
    dues = {2030: dt.date(2031, 4, 1), 2031: dt.date(2032, 4, 1)}
    outcomes = at_once(lambda i: reporting.expect(world.plan, others, dues))
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sum(o.created for o in outcomes) == 6
    assert models.Report.objects.filter(plan=world.plan, year__in=dues, reporter__in=others).count() == 6
