"""000.ttp.monitor (actuals entered with evidence, submitted and approved, compared with the target of
their year; the obligations of the plan) and 000.p38.a2 (interim and final values) on the monitoring
pages, through the real client. Rights come from the plan's owner only (`monitoring.owners`): the
throwaway owner of `world` grants by username."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings

from techpolicy.monitoring import models, store
from tests import factories
from tests.monitoring.world import approved, core_indicator, entered, item, make_plan, register_owner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(monkeypatch):
    register_owner(monkeypatch)
    people = {name: factories.make_user(name) for name in ("enterer", "approver", "approver2", "reader",
                                                           "stranger")}
    plan = make_plan()
    indicator = store.save_indicator(plan, core_indicator())
    return plan, indicator, people


def base(plan, lang="en"):
    return f"/{lang}/monitoring/plans/{plan.owner_kind}/{plan.owner_ref}/"


def signed_in(client, user):
    client.force_login(user)
    return client


def enter(client, plan, year="2026", value="12.5", evidence="Letter No. 7 of 2027-01-20", code="I1"):
    return client.post(base(plan) + f"indicators/{code}/enter/", {"year": year, "value": value, "evidence": evidence})


def test_000_ttp_monitor_pages_refuse_who_the_owner_does_not_name(client, world):
    plan, _indicator, people = world
    pages = ["", "indicators/I1/", "indicators/I1/enter/", "obligations/"]
    for page in pages:
        anonymous = client.get(base(plan) + page)
        assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    signed_in(client, people["stranger"])
    for page in pages:
        refused = client.get(base(plan) + page)
        assert refused.status_code == 403
    assert "staff only" in client.get(base(plan)).content.decode()
    signed_in(client, people["reader"])
    assert client.get(base(plan)).status_code == 200
    assert client.get(base(plan) + "indicators/I1/enter/").status_code == 403  # reads, does not enter


def test_000_ttp_monitor_unknown_owner_kind_grants_nothing(client, world):
    _plan, _indicator, people = world
    orphan = make_plan(ref="X-1", kind="nobodys")
    signed_in(client, people["enterer"])
    assert client.get(base(orphan)).status_code == 403
    assert client.get("/en/monitoring/public/nobodys/X-1/").status_code == 403
    assert client.get("/en/monitoring/plans/testowner/NO-SUCH/").status_code == 404


def test_000_ttp_monitor_dashboard_shows_target_actual_gap_and_chart(client, world):
    """000.p38.a2: the 2027 target amended (25 from 2027-03-01); the total to date against it, exact."""
    plan, indicator, people = world
    approved(indicator, 2026, "12.5", people["enterer"], people["approver2"])
    approved(indicator, 2027, "9.25", people["enterer"], people["approver2"])
    signed_in(client, people["reader"])
    page = client.get(base(plan) + "?on=2027-06-01").content.decode()
    assert 'data-testid="chart"' in page and 'data-testid="years-table"' in page
    assert "+2.5" in page and "−3.25" in page  # 12.5 − 10; 21.75 − 25 behind the amended target
    assert 'data-count="behind">1<' in page
    before = client.get(base(plan) + "?on=2027-02-01").content.decode()
    assert "+1.75" in before  # 21.75 − 20: the target before the amendment
    detail = client.get(base(plan) + "indicators/I1/").content.decode()
    assert 'data-testid="target-history"' in detail and "Letter No. 1" in detail


def test_000_ttp_monitor_enter_submit_approve_with_confirmation(client, world):
    plan, indicator, people = world
    signed_in(client, people["enterer"])
    assert enter(client, plan).status_code == 302
    row = models.Actual.objects.get(indicator=indicator, year=2026)
    assert (row.value, row.state, row.entered_by) == (Decimal("12.5"), "draft", people["enterer"])
    assert client.post(base(plan) + "indicators/I1/2026/submit/").status_code == 302
    row.refresh_from_db()
    assert row.state == "submitted" and row.submitted_by == people["enterer"]
    assert client.get(base(plan) + "indicators/I1/2026/approve/").status_code == 403  # not an approver
    signed_in(client, people["approver2"])
    confirm = client.get(base(plan) + "indicators/I1/2026/approve/")
    assert confirm.status_code == 200 and 'name="confirm"' in confirm.content.decode()
    unconfirmed = client.post(base(plan) + "indicators/I1/2026/approve/", {})
    assert unconfirmed.status_code == 200 and 'data-testid="error-summary"' in unconfirmed.content.decode()
    row.refresh_from_db()
    assert row.state == "submitted"
    assert client.post(base(plan) + "indicators/I1/2026/approve/", {"confirm": "on"}).status_code == 302
    row.refresh_from_db()
    assert row.state == "approved" and row.approved_by == people["approver2"]


def test_000_ttp_monitor_approver_is_not_the_submitter(client, world):
    """DHIS2's discipline, `owners.OwnerKind.may_approve`: never the person who submitted the figure."""
    plan, _indicator, people = world
    signed_in(client, people["approver"])  # may enter and approve
    enter(client, plan)
    client.post(base(plan) + "indicators/I1/2026/submit/")
    for method in (client.get, client.post):
        refused = method(base(plan) + "indicators/I1/2026/approve/", **({"data": {"confirm": "on"}}
                                                                         if method == client.post else {}))
        assert refused.status_code == 403 and "another person" in refused.content.decode()
    assert models.Actual.objects.get(year=2026).state == "submitted"


def test_000_ttp_monitor_out_of_order_approval_shows_the_cores_refusal(client, world):
    """A cumulative indicator's 2027 figure cannot be approved while 2026's is not (`indicators.approve`)."""
    plan, indicator, people = world
    for year in (2026, 2027):
        store.submit(store.save_actual(indicator, entered("I1", year, "5"), people["enterer"]), people["enterer"])
    signed_in(client, people["approver2"])
    refused = client.post(base(plan) + "indicators/I1/2027/approve/", {"confirm": "on"})
    assert refused.status_code == 409
    assert "approve the earlier years first (2026)" in refused.content.decode()
    assert models.Actual.objects.get(year=2027).state == "submitted"
    draft = store.save_actual(indicator, entered("I1", 2028, "5"), people["enterer"])
    again = client.post(base(plan) + "indicators/I1/2028/approve/", {"confirm": "on"})
    assert again.status_code == 409 and "submit it first" in again.content.decode()
    draft.refresh_from_db()
    assert draft.state == "draft"


@pytest.mark.parametrize(("field", "value"), [
    ("year", "2031"), ("year", "2025"), ("year", "abc"), ("year", "9" * 400), ("year", "-1"),
    ("value", "1e30"), ("value", "9" * 5000), ("value", "NaN"), ("value", "Infinity"), ("value", "1.0000001"),
    ("value", "0" * 10000 + "1"), ("value", ""), ("evidence", "x" * 100_000), ("evidence", "   ")])
def test_000_ttp_monitor_hostile_input_is_refused_in_the_form(client, world, field, value):
    """A year outside the plan's period 2026–2030, huge or unparsable numbers, very long evidence: an
    error summary, no row, never a 500."""
    plan, _indicator, people = world
    signed_in(client, people["enterer"])
    answer = enter(client, plan, **{field: value})
    assert answer.status_code == 200
    assert 'data-testid="error-summary"' in answer.content.decode()
    assert not models.Actual.objects.exists()


def test_000_ttp_monitor_replacing_a_submitted_figure_is_refused(client, world):
    plan, indicator, people = world
    signed_in(client, people["enterer"])
    enter(client, plan)
    client.post(base(plan) + "indicators/I1/2026/submit/")
    answer = enter(client, plan, value="99")
    assert answer.status_code == 200 and "is not replaced" in answer.content.decode()
    assert models.Actual.objects.get(year=2026).value == Decimal("12.5")


def test_000_ttp_monitor_garbage_paths_and_methods(client, world):
    plan, _indicator, people = world
    signed_in(client, people["approver2"])
    assert client.get(base(plan) + "indicators/" + "Z" * 300 + "/").status_code == 404
    assert client.get(base(plan) + "indicators/I1/2026/submit/").status_code == 405
    assert client.post(base(plan) + "indicators/I1/2099/approve/", {"confirm": "on"}).status_code == 404
    assert client.get(base(plan) + "?on=garbage").status_code == 200
    assert client.get(base(plan) + "obligations/?year=abcd&page=zzz&on=99999-01-01").status_code == 200


def test_000_ttp_monitor_public_dashboard_hides_evidence_and_people(client, world):
    _plan, _indicator, people = world
    public = make_plan(ref="PUB-1")
    row = store.save_indicator(public, core_indicator())
    approved(row, 2026, "12.5", people["enterer"], people["approver2"])
    store.save_actual(row, entered("I1", 2027, "4", evidence="Secret memo 42"), people["enterer"])
    page = client.get(f"/en/monitoring/public/{public.owner_kind}/PUB-1/")
    text = page.content.decode()
    assert page.status_code == 200 and 'data-testid="plan-dashboard"' in text
    assert "Secret memo" not in text and "Letter No." not in text and "enterer" not in text
    assert client.get(base(public)).status_code == 302  # the staff page sends the public to the public one
    assert client.get(f"/en/monitoring/public/{_plan.owner_kind}/{_plan.owner_ref}/").status_code == 403


def test_000_ttp_monitor_obligations_filter_and_mark_done(client, world):
    plan, _indicator, people = world
    store.expand_into(plan, [item("1")])
    signed_in(client, people["enterer"])
    listing = client.get(base(plan) + "obligations/?overdue=1").content.decode()
    today = dt.date.today()
    overdue = [o for o in plan.obligations.all() if store.timeliness_of(o, today).timeliness == "overdue"]
    assert listing.count('data-timeliness="overdue"') == len(overdue)
    assert client.get(base(plan) + "obligations/?year=2027").content.decode().count("data-key=") == 1
    target = plan.obligations.get(key="1:2026")
    url = base(plan) + f"obligations/{target.pk}/done/"
    future = client.post(url, {"done_on": (today + dt.timedelta(days=2)).isoformat(), "evidence": "Letter"})
    assert future.status_code == 200 and 'data-testid="error-summary"' in future.content.decode()
    first, later = (today - dt.timedelta(days=3)).isoformat(), (today - dt.timedelta(days=1)).isoformat()
    assert client.post(url, {"done_on": first, "evidence": "x" * 10_000}).status_code == 200
    assert client.post(url, {"done_on": "1812-01-01", "evidence": "Letter"}).status_code == 200
    assert client.post(url, {"done_on": "garbage", "evidence": "Letter"}).status_code == 200
    assert client.post(url, {"done_on": first, "evidence": "Letter No. 3"}).status_code == 302
    again = client.post(url, {"done_on": later, "evidence": "Later copy"})
    target.refresh_from_db()
    assert again.status_code == 409 and target.done_on.isoformat() == first and target.evidence == "Letter No. 3"
    signed_in(client, people["reader"])
    assert client.post(url, {"done_on": first, "evidence": "x"}).status_code == 403


@pytest.mark.parametrize(("lang", "name"), [("kk", "Бағдарлама"), ("ru", "Программа")])
def test_000_ttp_monitor_pages_render_in_kazakh_and_russian(client, world, lang, name):
    plan, indicator, people = world
    approved(indicator, 2026, "12.5", people["enterer"], people["approver2"])
    signed_in(client, people["approver"])
    for page in ("", "indicators/I1/", "obligations/", "indicators/I1/enter/"):
        answer = client.get(base(plan, lang) + page)
        assert answer.status_code == 200, page
        assert f'<html lang="{lang}">' in answer.content.decode()
    dashboard = client.get(base(plan, lang)).content.decode()
    assert name in dashboard and "12,5" in dashboard  # the decimal comma of kk and ru
    unprefixed = f"/monitoring/plans/{plan.owner_kind}/{plan.owner_ref}/"
    by_header = client.get(unprefixed, HTTP_ACCEPT_LANGUAGE=lang)
    assert by_header.status_code == 302 and by_header["Location"].startswith(f"/{lang}/monitoring/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    by_cookie = client.get(unprefixed, HTTP_ACCEPT_LANGUAGE="en")
    assert by_cookie.status_code == 302 and by_cookie["Location"].startswith(f"/{lang}/monitoring/")


def test_000_ttp_monitor_dashboard_shows_the_projection_verdict(client, world):
    """000.p38.a2's final value (80 in 2030) against the projected trajectory, as `dashboard` says."""
    from techpolicy.monitoring import dashboard

    plan, _indicator, people = world
    row = store.save_indicator(plan, core_indicator(code="I2", kind="per_period"))
    for year, value in ((2026, "8"), (2027, "15"), (2028, "21"), (2029, "30")):
        approved(row, year, value, people["enterer"], people["approver2"])
    on = dt.date(2029, 6, 1)
    expected = dashboard.indicator_board(row, on).projection
    assert expected.verdict in {"on_track", "at_risk", "off_track"}
    signed_in(client, people["reader"])
    for url in (base(plan) + "?on=2029-06-01", base(plan) + "indicators/I2/?on=2029-06-01"):
        page = client.get(url).content.decode()
        assert f'data-verdict="{expected.verdict}"' in page
