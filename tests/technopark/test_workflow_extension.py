"""Extension of participation (seed 001 p.36): filed no later than 10 working days before the
participation period ends; in time it is granted with an extension certificate (Annex 2) and the
register entry is extended; late, only the refusal is possible and the applicant registers anew
under paragraph 8."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from techpolicy.casework import law_context
from techpolicy.casework.engine import WorkflowError, create_case, fire
from techpolicy.casework.models import Certificate, Decision
from techpolicy.law.citation import Citation
from techpolicy.services.technopark.workflows import EXTENSION
from tests import factories

pytestmark = pytest.mark.django_db

P36 = Citation("001", "36")


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def first_end_in_time() -> dt.date:
    """The earliest end of participation for which filing today is still in time: the last day to
    file, `latest_before(end, 10)`, is today or later."""
    calendar, today = law_context.calendar(), timezone.localdate()
    end = today
    while calendar.latest_before(end, 10) < today:
        end += dt.timedelta(days=1)
    return end


def extension_case(valid_until: dt.date):
    user, parent, _certificate, entry = factories.make_participant(
        valid_from=valid_until - dt.timedelta(days=3 * 365), valid_until=valid_until)
    case = create_case(EXTENSION, user.organisation, user, facts={"participation_end": valid_until.isoformat()},
                       parent=parent)
    return user, case, entry


def test_p36_boundary_is_computed_with_the_working_calendar():
    end = first_end_in_time()
    calendar, today = law_context.calendar(), timezone.localdate()
    assert calendar.latest_before(end, 10) >= today
    assert calendar.latest_before(end - dt.timedelta(days=1), 10) < today


def test_p36_filed_on_the_last_day_is_in_time(secretariat):
    user, case, _entry = extension_case(first_end_in_time())
    case = fire(case, "submit", user)
    assert case.state == "submitted"


def test_p36_in_time_application_cannot_be_refused_as_late():
    user, case, _entry = extension_case(first_end_in_time())
    assert "in time" in refused(case, "refuse_late", user)
    case.refresh_from_db()
    assert case.state == "draft"


def test_p36_one_day_late_submit_is_refused_with_the_citation():
    user, case, _entry = extension_case(first_end_in_time() - dt.timedelta(days=1))
    reason = refused(case, "submit", user)
    assert P36.text("en") in reason
    assert "paragraph 8" in reason
    case.refresh_from_db()
    assert case.state == "draft"


def test_p36_late_application_is_refused_with_decision_and_paragraph_8_in_the_verdict():
    user, case, entry = extension_case(first_end_in_time() - dt.timedelta(days=1))
    case = fire(case, "refuse_late", user)
    assert case.state == "refused_late"
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome, decision.basis) == ("extension", "refused", ["001 p.36"])
    assert decision.verdict == case.verdict
    assert case.verdict["outcome"] == "not_eligible"
    [rule] = case.verdict["rules"]
    assert rule["citation"]["ref"] == "001 p.36"
    assert rule["details"]["next_step_citation"] == "001 p.8"
    assert "paragraph 8" in rule["reason"]["en"]
    assert "8-тармағына" in rule["reason"]["kk"]
    entry.refresh_from_db()
    assert entry.valid_until == first_end_in_time() - dt.timedelta(days=1)


def test_p36_grant_issues_an_extension_certificate_and_extends_the_entry(secretariat):
    end = first_end_in_time()
    user, case, entry = extension_case(end)
    case = fire(case, "submit", user)
    new_end = end + dt.timedelta(days=3 * 365)
    case = fire(case, "grant", secretariat, payload={"valid_until": new_end.isoformat()})
    assert case.state == "extended"
    certificate = Certificate.objects.get(case=case)
    assert certificate.kind == "technopark.extension"
    assert certificate.number == f"AH-E-{timezone.localdate().year}-000001"
    assert (certificate.valid_from, certificate.valid_until) == (end, new_end)
    entry.refresh_from_db()
    assert entry.valid_until == new_end
    assert entry.certificate == certificate
    decision = Decision.objects.get(case=case)
    assert (decision.outcome, decision.basis) == ("approved", ["001 p.36"])


@pytest.mark.parametrize("days_after_end", [0, -30])
def test_p36_grant_refuses_an_end_date_not_after_the_current_one(secretariat, days_after_end):
    end = first_end_in_time()
    user, case, entry = extension_case(end)
    case = fire(case, "submit", user)
    until = (end + dt.timedelta(days=days_after_end)).isoformat()
    assert "after the current one" in refused(case, "grant", secretariat, payload={"valid_until": until})
    assert not Certificate.objects.filter(case=case).exists()


def test_p36_grant_refuses_a_malformed_date(secretariat):
    user, case, _entry = extension_case(first_end_in_time())
    case = fire(case, "submit", user)
    assert "new end date" in refused(case, "grant", secretariat, payload={"valid_until": "next year"})


def test_p36_secretariat_may_refuse_with_a_reason(secretariat):
    user, case, entry = extension_case(first_end_in_time())
    case = fire(case, "submit", user)
    assert "reason" in refused(case, "refuse", secretariat)
    case = fire(case, "refuse", secretariat, reason="Obligations under the contract not met.")
    assert case.state == "refused"
    entry.refresh_from_db()
    assert entry.valid_until == first_end_in_time()


def test_p36_only_a_registered_participant_may_apply():
    user = factories.make_applicant()
    case = create_case(EXTENSION, user.organisation, user, facts={})
    assert "paragraph 36" in refused(case, "submit", user)
