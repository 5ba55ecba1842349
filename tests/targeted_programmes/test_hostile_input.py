"""Hostile input on every page of the service: garbled, oversized and out-of-range values, forged
row counts and unknown numbers are answered with the form's errors or a 4xx, never a 500, and
nothing is stored (000 p.33-43)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case
from tests.targeted_programmes import world as w

pytestmark = pytest.mark.django_db


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def programmes() -> int:
    return Case.objects.filter(workflow="targeted_programmes.programme").count()


@pytest.mark.parametrize("field, value", [
    ("passport-start_year", "99999999999999999999"),
    ("passport-financing_volume_kzt", "1e999999"),
    ("passport-financing_volume_kzt", "9" * 500),
    ("passport-name", "x" * 100_000),
    ("general-direction", "../../etc"),
    ("general-state_body", "-1"),
    ("goals-0-code", "<script>"),
    ("goals-0-documents", "D1 " * 5000),
    ("vals-0-value", "NaN"),
    ("vals-0-year", "1e3"),
    ("measures-0-deadline", "2026-02-30"),
    ("passport-tasks", "a\n" * 10_000),
    ("res-0-amount", "-5"),
])
def test_a_garbled_value_is_a_form_error_not_a_500(client, world, field, value):
    client.force_login(world.developer)
    data = {**w.post_data(w.programme_facts(world)), field: value, "once": "h"}
    response = client.post(url("targeted_programmes:apply"), data)
    assert response.status_code == 200
    assert 'data-testid="error-summary"' in response.content.decode()
    assert programmes() == 0


@pytest.mark.parametrize("count", ["100000", "-3", "x", "1" * 40])
def test_a_forged_row_count_builds_no_more_rows_than_the_table_allows(client, world, count):
    client.force_login(world.developer)
    data = {**w.post_data(w.programme_facts(world)), "vals-TOTAL_FORMS": count, "add_vals": "1"}
    response = client.post(url("targeted_programmes:apply"), data)
    assert response.status_code in (200, 400)
    assert response.content.decode().count('name="vals-') < 4 * 41 + 10


def test_unknown_numbers_languages_and_formats_are_404(client, world):
    client.force_login(world.developer)
    case = w.draft(world)
    for path in (url("targeted_programmes:programme", "TTP-0000-00000"), url("targeted_programmes:edit", "x" * 300),
                 url("targeted_programmes:download", case.number, "xx", "pdf"),
                 url("targeted_programmes:download", case.number, "kk", "html"),
                 url("targeted_programmes:progress", case.number)):
        assert client.get(path).status_code == 404, path


def test_the_agreement_form_refuses_what_it_cannot_hold(client, world):
    case = w.drive(w.draft(world), world, "submit", "conclude_review")
    client.force_login(world.body)
    for form in ({"organisation": "x" * 10_000, "outcome": "agreed", "reference": "№1", "agreed_on": "2026-01-01"},
                 {"organisation": "A", "outcome": "bribed", "reference": "№1", "agreed_on": "2026-01-01"},
                 {"organisation": "A", "outcome": "agreed", "reference": "№1", "agreed_on": "3026-01-01"},
                 {}):
        assert client.post(url("targeted_programmes:agreement", case.number), form).status_code == 302
    assert case.ttp_agreements.count() == 0


def test_a_comment_too_long_is_refused(client, world):
    case = w.drive(w.draft(world), world, "submit")
    client.force_login(world.ni)
    assert client.post(url("targeted_programmes:comment", case.number), {"text": "x" * 6000}).status_code == 302
    assert case.ttp_comments.count() == 0


@pytest.mark.parametrize("content, name", [(b"\xff\xfe\x00", "p.json"), (b"[" * 50_000, "p.json"),
                                           (b"{}", "p.exe"), (b"", "p.json"), (b'{"passport": 5}', "p.json")])
def test_a_hostile_programme_file_is_refused_on_the_page(client, world, content, name):
    client.force_login(world.developer)
    response = client.post(url("targeted_programmes:import"), {
        "file": SimpleUploadedFile(name, content), "general-direction": w.HYDROGEN,
        "general-state_body": str(world.body.organisation_id), "once": "f"})
    assert response.status_code == 200 and 'data-testid="error-summary"' in response.content.decode()
    assert programmes() == 0
