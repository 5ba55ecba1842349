"""The operator's pages of the calls for innovation grants: a draft call for one of the seven grant
types (003.a27.p2) with its panel (article 27(2), third indent) and weighted criteria (article
27(4)), published after an explicit confirmation; only a published call is public (003.a3.p3.2),
and once published its type, dates and criteria never change, whatever is posted. Only the
operator reaches the pages; hostile input never gives a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry

from techpolicy.law.acts.act003_state_support.grant_types import GRANT_TYPES
from techpolicy.services.innovation_grants.forms_calls import MAX_CRITERIA
from techpolicy.services.innovation_grants.models import Call, Criterion
from techpolicy.services.innovation_grants.roles import GRANT_OPERATOR
from tests import factories

LIST, NEW = "/kk/innovation-grants/operator/calls/", "/kk/innovation-grants/operator/calls/new/"


def edit_url(number: str) -> str:
    return f"/kk/innovation-grants/operator/calls/{number}/edit/"


def publish_url(number: str) -> str:
    return f"/kk/innovation-grants/operator/calls/{number}/publish/"


@pytest.fixture
def operator(db, today):
    return factories.make_user(roles=[GRANT_OPERATOR])


def criterion(code: str, **changes) -> dict:
    return {"code": code, "name_kk": f"{code} өлшемі", "name_ru": f"критерий {code}", "name_en": f"criterion {code}",
            "weight": "0.5", "required": "", "scale_max": "10", "required_min": "0", **changes}


DEFAULT_CRITERIA = (criterion("novelty"),)


def call_data(today: dt.date, number: str = "IG-01", criteria=DEFAULT_CRITERIA, **changes) -> dict:
    data = {"number": number, "grant_type": "industrial_research", "title_kk": "Өнеркәсіптік зерттеулер",
            "title_ru": "Промышленные исследования", "title_en": "Industrial research",
            "opens_on": today.isoformat(), "closes_on": (today + dt.timedelta(days=30)).isoformat(),
            "panel_size": "3", "domestic_min": "1", "foreign_min": "1", "aggregation": "mean",
            "criteria-TOTAL_FORMS": str(len(criteria)), "criteria-INITIAL_FORMS": "0",
            "criteria-MIN_NUM_FORMS": "0", "criteria-MAX_NUM_FORMS": str(MAX_CRITERIA)}
    for index, row in enumerate(criteria):
        data.update({f"criteria-{index}-{key}": value for key, value in row.items()})
    return {**data, **changes}


def errors(answer, name: str) -> list:
    return answer.context["form"].errors.get(name, [])


def test_003_a27_p2_the_grant_types_in_the_page_language_and_a_draft_saved_with_its_criteria(operator, client,
                                                                                              today):
    client.force_login(operator)
    page = client.get("/ru/innovation-grants/operator/calls/new/").content.decode()
    for grant_type in GRANT_TYPES:  # the seven types of article 27(2), named in Russian
        assert grant_type.name["ru"] in page
    answer = client.post(NEW, call_data(today.day, criteria=(criterion("novelty", required="on", required_min="6"),
                                                             criterion("market", weight="1.25"))))
    assert answer.status_code == 302
    call = Call.objects.get(number="IG-01")
    assert call.published_at is None and call.created_by == operator and call.panel_size == 3
    assert [(c.code, c.order, str(c.weight), c.required, c.required_min) for c in call.criteria.all()] == [
        ("novelty", 0, "0.500", True, 6), ("market", 1, "1.250", False, 0)]
    log = LogEntry.objects.get(object_id=str(call.pk))
    assert log.user == operator and log.change_message == "created the draft call"
    listing = client.get(LIST).content.decode()
    assert 'data-call="IG-01"' in listing and 'data-state="draft"' in listing
    # Edit the draft: the criteria are replaced by those posted, the number stays.
    answer = client.post(edit_url("IG-01"), call_data(today.day, number="CHANGED", criteria=(criterion("impact"),),
                                                      title_en="Industrial research 2026"))
    assert answer.status_code == 302
    call.refresh_from_db()
    assert call.title_en == "Industrial research 2026" and list(call.criteria.values_list("code", flat=True)) == [
        "impact"] and not Call.objects.filter(number="CHANGED").exists()


@pytest.mark.parametrize(("changes", "rows", "field"), [
    ({"closes_on": "2026-11-21"}, None, "closes_on"),  # opens_on == closes_on: not before
    ({"closes_on": "2026-11-01"}, None, "closes_on"),
    ({"panel_size": "2", "domestic_min": "2", "foreign_min": "1"}, None, "panel_size"),
    ({"foreign_min": "0"}, None, "foreign_min"),
    ({"domestic_min": "0"}, None, "domestic_min"),
    ({"panel_size": "99"}, None, "panel_size"),
    ({"grant_type": "space_tourism"}, None, "grant_type"),
    ({"aggregation": "max"}, None, "aggregation"),
    ({"number": "IG 01/x"}, None, "number"),
    ({"title_kk": "x" * 10_000}, None, "title_kk"),
    ({"opens_on": "not a date"}, None, "opens_on"),
    ({}, [criterion("a", weight="0")], "weight"),
    ({}, [criterion("a", weight="-1")], "weight"),
    ({}, [criterion("a", weight="1.2345")], "weight"),
    ({}, [criterion("a", scale_max="5", required_min="6")], "required_min"),
    ({}, [criterion("a"), criterion("a")], "criteria"),
    ({}, [criterion(f"c{i}") for i in range(MAX_CRITERIA + 1)], "criteria"),
])
def test_003_a27_p2_a_draft_that_breaks_a_rule_is_not_saved(operator, client, today, changes, rows, field):
    client.force_login(operator)
    data = call_data(today.day, **({"criteria": rows} if rows is not None else {})) | changes
    answer = client.post(NEW, data)
    assert answer.status_code == 200 and not Call.objects.exists()
    if field == "criteria":
        assert answer.context["criteria"].non_form_errors()
    elif field in answer.context["form"].fields:
        assert errors(answer, field)
    else:
        assert any(field in row.errors for row in answer.context["criteria"].forms)


def test_003_a27_p2_third_indent_international_patenting_is_a_call_without_expertise(operator, client, today):
    client.force_login(operator)
    data = call_data(today.day, number="IP-01", criteria=(), grant_type="international_patenting")
    # A panel for a type given without the expertise is refused ...
    assert errors(client.post(NEW, data), "panel_size")
    # ... and a panel of 0 is accepted and stored as none; the pages say "without expertise".
    answer = client.post(NEW, data | {"panel_size": "0", "domestic_min": "0", "foreign_min": "0"})
    assert answer.status_code == 302
    call = Call.objects.get(number="IP-01")
    assert (call.panel_size, call.domestic_min, call.foreign_min) == (0, 0, 0) and call.needs_no_panel()
    assert client.get(edit_url("IP-01")).context["form"].initial["panel_size"] == 0
    page = client.get(publish_url("IP-01")).content.decode()
    assert 'data-testid="publish-problem"' not in page  # no criteria are needed without experts
    assert client.post(publish_url("IP-01"), {"confirm": "on"}).status_code == 302
    assert Call.objects.get(number="IP-01").published_at is not None


def test_003_a27_p2_a3_the_database_allows_no_panel_only_for_patenting(operator, today):
    """R-F2 kept by the table: a call of any other type without a domestic and a foreign expert is refused
    by the database, whatever wrote it."""
    from django.db import IntegrityError, transaction

    common = {"title_kk": "Т", "title_ru": "Т", "title_en": "T", "opens_on": today.day, "closes_on": today.day,
              "created_by": operator, "panel_size": 0, "domestic_min": 0, "foreign_min": 0}
    Call.objects.create(number="IP-DB", grant_type="international_patenting", **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        Call.objects.create(number="IR-DB", grant_type="industrial_research", **common)


def test_003_a3_p3_2_a_call_is_public_once_published_and_then_never_changes(operator, client, today):
    client.force_login(operator)
    client.post(NEW, call_data(today.day))
    call = Call.objects.get(number="IG-01")
    # A draft is not public: neither on the service's page nor in the API.
    client.logout()
    assert "IG-01" not in client.get("/en/innovation-grants/").content.decode()
    assert all(c["number"] != "IG-01" for c in client.get("/api/v1/innovation-grants/calls").json()["items"])
    client.force_login(operator)
    # Without the confirmation nothing is published.
    answer = client.post(publish_url("IG-01"), {})
    assert answer.status_code == 200 and answer.context["form"].errors["confirm"]
    call.refresh_from_db()
    assert call.published_at is None
    assert client.post(publish_url("IG-01"), {"confirm": "on"}).status_code == 302
    call.refresh_from_db()
    assert call.published_at is not None
    assert LogEntry.objects.filter(object_id=str(call.pk), user=operator,
                                   change_message="published the call").count() == 1
    client.logout()
    assert "IG-01" in client.get("/en/innovation-grants/").content.decode()
    assert any(c["number"] == "IG-01" for c in client.get("/api/v1/innovation-grants/calls").json()["items"])
    # Irreversible: the edit form's POST and a second publication change nothing.
    client.force_login(operator)
    answer = client.post(edit_url("IG-01"), call_data(today.day, grant_type="new_production",
                                                      closes_on="2027-06-30", criteria=(criterion("other"),)))
    assert answer.status_code == 302
    after = Call.objects.get(number="IG-01")
    assert (after.grant_type, after.closes_on, after.published_at) == (call.grant_type, call.closes_on,
                                                                       call.published_at)
    assert list(Criterion.objects.filter(call=after).values_list("code", flat=True)) == ["novelty"]
    assert client.get(edit_url("IG-01")).status_code == 302
    assert client.post(publish_url("IG-01"), {"confirm": "on"}).status_code == 302
    assert Call.objects.get(number="IG-01").published_at == call.published_at
    assert 'data-state="published"' in client.get(LIST).content.decode()


def test_003_a27_p4_a_call_without_criteria_or_already_closed_is_not_published(operator, client, today):
    client.force_login(operator)
    client.post(NEW, call_data(today.day, criteria=()))
    answer = client.post(publish_url("IG-01"), {"confirm": "on"})
    assert answer.status_code == 200 and answer.context["form"].non_field_errors()
    client.post(NEW, call_data(today.day, number="IG-02"))
    today.move(40)  # the call closed before today
    answer = client.post(publish_url("IG-02"), {"confirm": "on"})
    assert answer.status_code == 200 and not Call.objects.filter(published_at__isnull=False).exists()


def test_003_a27_p2_only_the_operator_reaches_the_call_pages(operator, client, today):
    client.force_login(operator)
    client.post(NEW, call_data(today.day))
    for user in (factories.make_applicant(), factories.make_user(roles=["grant_expert"])):
        client.force_login(user)
        for url in (LIST, NEW, edit_url("IG-01"), publish_url("IG-01")):
            assert client.get(url).status_code == 403
        assert client.post(NEW, call_data(today.day, number="IG-99")).status_code == 403
        assert client.post(publish_url("IG-01"), {"confirm": "on"}).status_code == 403
    client.logout()
    assert client.get(LIST).status_code == 302  # to the login page
    assert Call.objects.get().published_at is None and Call.objects.count() == 1


def test_003_a27_p2_hostile_input_on_the_call_pages_gives_no_500(operator, client, today):
    client.force_login(operator)
    for url in (edit_url("x" * 10_000), edit_url("no-such-call"), publish_url("%2E%2E"), publish_url("a%20b")):
        assert client.get(url).status_code == 404
    assert client.get(edit_url("a%00b")).status_code == 400  # the site's input guard
    for page in ("abc", "-1", "99999999999999999999", ""):
        assert client.get(LIST + f"?page={page}").status_code == 200
    # A tampered management form, a huge row count, a missing one: refused, nothing saved.
    for changes in ({"criteria-TOTAL_FORMS": "100000"}, {"criteria-TOTAL_FORMS": "x"},
                    {"criteria-TOTAL_FORMS": None}):
        data = {k: v for k, v in (call_data(today.day) | changes).items() if v is not None}
        assert client.post(NEW, data).status_code == 200
    assert client.post(NEW, {"number": "Z" * 10_000}).status_code == 200
    assert client.post(NEW, call_data(today.day, panel_size="1" * 10_000)).status_code == 200
    assert client.post(NEW, call_data(today.day, criteria=(criterion("w", weight="9" * 10_000),))).status_code == 200
    assert not Call.objects.exists()


def test_003_a27_p4_the_edit_page_shows_the_saved_criteria_and_a_row_is_deleted(operator, client, today):
    client.force_login(operator)
    client.post(NEW, call_data(today.day, criteria=(criterion("novelty"), criterion("market"))))
    criteria = client.get(edit_url("IG-01")).context["criteria"]
    assert [row.initial.get("code") for row in criteria.forms] == ["novelty", "market", None, None]
    data = call_data(today.day, criteria=(criterion("novelty"), criterion("market", DELETE="on", weight="bad")),
                     **{"criteria-INITIAL_FORMS": "2"})
    assert client.post(edit_url("IG-01"), data).status_code == 302
    assert list(Criterion.objects.values_list("code", flat=True)) == ["novelty"]


def test_003_a3_p3_2_a_draft_made_in_code_with_a_demo_number_is_published_from_its_page(operator, client, today):
    number = "IG-C2026-1 (демо)"
    Call.objects.create(number=number, grant_type="new_production", title_kk="Демо", title_ru="Демо", title_en="Demo",
                        opens_on=today.day, closes_on=today.day + dt.timedelta(days=10), panel_size=2,
                        created_by=operator)
    Call.objects.create(number="A/B", grant_type="new_production", title_kk="Демо", title_ru="Демо", title_en="Demo",
                        opens_on=today.day, closes_on=today.day + dt.timedelta(days=10), panel_size=2,
                        created_by=operator)
    client.force_login(operator)
    assert client.get(LIST).status_code == 200  # "A/B" is listed without links its number cannot make
    assert client.get(edit_url(number)).status_code == 200
    assert client.post(publish_url(number), {"confirm": "on"}).status_code == 200  # no criteria yet: refused
    Criterion.objects.create(call=Call.objects.get(number=number), code="c", name_kk="ө", name_ru="к", name_en="c",
                             weight="1")
    assert client.post(publish_url(number), {"confirm": "on"}).status_code == 302
    assert Call.objects.get(number=number).published_at is not None
