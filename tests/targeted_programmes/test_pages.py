"""The service's pages with a real client: the developer drafts the document on its forms (000
p.33-40, in the order of p.34) or imports it from a file; the programme page keeps the versions
(p.42), the national institute's comments (p.32) and the state body's agreements (p.42); the files
in three languages; the public pages of approved programmes only (p.43)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case
from techpolicy.services.targeted_programmes.models import Agreement
from tests.targeted_programmes import world as w

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "programme.json"


def url(name, *args, lang="kk") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def programme_case():
    return Case.objects.get(workflow="targeted_programmes.programme")


def test_000_p34_the_forms_make_the_document_and_give_it_back_on_the_edit_page(client, world):
    client.force_login(world.developer)
    page = client.get(url("targeted_programmes:apply"))
    assert page.status_code == 200 and 'data-testid="task-list"' in page.content.decode()
    facts = w.programme_facts(world)
    response = client.post(url("targeted_programmes:apply"), {**w.post_data(facts), "once": "t1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    case = programme_case()
    stored = case.facts
    assert stored["passport"]["name"] == facts["passport"]["name"]
    assert stored["passport"]["financing_volume_kzt"] == "10000000000.00"
    indicator = stored["goals_and_tasks"]["goals"][0]["indicators"][0]
    assert (indicator["code"], indicator["accumulation"], len(indicator["values"])) == ("I1", "cumulative", 4)
    assert stored["action_plan"]["measures"][1]["deadline"] == "2026-06-30"
    # The edit page shows what was stored, and saving it unchanged keeps the same document.
    edit = client.get(url("targeted_programmes:edit", case.number))
    assert facts["passport"]["name"] in edit.content.decode()
    again = client.post(url("targeted_programmes:edit", case.number),
                        {**w.post_data(stored), "version": str(case.version)})
    assert again.status_code == 302
    case.refresh_from_db()
    assert case.facts == stored


def test_000_p38_a_value_of_an_indicator_no_goal_has_is_refused_on_the_form(client, world):
    client.force_login(world.developer)
    data = w.post_data(w.programme_facts(world))
    data["vals-0-indicator"] = "I9"
    response = client.post(url("targeted_programmes:apply", lang="en"), {**data, "once": "t2"})
    assert response.status_code == 200 and "No indicator has the code I9." in response.content.decode()
    assert not Case.objects.filter(workflow="targeted_programmes.programme").exists()


def test_000_p35_an_empty_section_is_left_out_so_that_paragraph_34_names_it(client, world):
    client.force_login(world.developer)
    data = {k: v for k, v in w.post_data(w.programme_facts(world)).items() if not k.startswith("intro-")}
    assert client.post(url("targeted_programmes:apply"), {**data, "once": "t3"}).status_code == 302
    assert "introduction" not in programme_case().facts


def test_a_row_is_added_without_javascript(client, world):
    client.force_login(world.developer)
    data = w.post_data(w.programme_facts(world))
    before = int(data["goals-TOTAL_FORMS"])
    response = client.post(url("targeted_programmes:apply"), {**data, "add_goals": "1"})
    assert response.status_code == 200
    assert f'name="goals-TOTAL_FORMS" value="{before + 1}"' in response.content.decode()


def test_000_p32_the_national_institute_comments_and_others_cannot(client, world):
    case = w.drive(w.draft(world), world, "submit")
    client.force_login(world.ni)
    page = client.get(url("targeted_programmes:programme", case.number))
    assert page.status_code == 200 and 'data-testid="add-comment"' in page.content.decode()
    client.post(url("targeted_programmes:comment", case.number), {"text": "Базалық мәндерді тексеріңіз."})
    comment = case.ttp_comments.get()
    assert (comment.version, comment.author) == (1, world.ni)
    client.force_login(world.developer)
    assert client.post(url("targeted_programmes:comment", case.number), {"text": "x"}).status_code == 403
    client.force_login(world.other)
    assert client.get(url("targeted_programmes:programme", case.number)).status_code == 403


def test_000_p42_the_addressed_state_body_records_each_organisation_once_after_the_review(client, world):
    case = w.drive(w.draft(world), world, "submit")
    client.force_login(world.body)
    form = {"organisation": "Өнеркәсіп министрлігі", "outcome": "agreed", "reference": "№ 5",
            "agreed_on": "2026-11-30", "note": ""}
    assert client.post(url("targeted_programmes:agreement", case.number), form).status_code == 403  # under review
    case = w.drive(case, world, "conclude_review")
    assert client.post(url("targeted_programmes:agreement", case.number), form).status_code == 302
    client.post(url("targeted_programmes:agreement", case.number), {**form, "outcome": "not_agreed"})
    assert list(Agreement.objects.values_list("outcome", flat=True)) == ["agreed"]
    client.force_login(world.other_body)
    assert client.post(url("targeted_programmes:agreement", case.number), form).status_code == 403


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_000_p34_the_document_downloads_as_pdf_and_docx_in_each_language(client, world, lang):
    case = w.drive(w.draft(world), world, "submit")
    client.force_login(world.developer)
    pdf = client.get(url("targeted_programmes:download", case.number, lang, "pdf"))
    docx = client.get(url("targeted_programmes:download", case.number, lang, "docx"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert docx.content.startswith(b"PK")
    assert client.get(url("targeted_programmes:download", case.number, "de", "pdf")).status_code == 404
    assert client.get(url("targeted_programmes:download", case.number, "kk", "exe")).status_code == 404


def test_000_p43_only_approved_programmes_have_public_pages(client, world):
    draft = w.drive(w.draft(world), world, "submit")
    assert client.get(url("targeted_programmes:progress", draft.number)).status_code == 404
    assert client.get(url("targeted_programmes:public_download", draft.number, "kk", "pdf")).status_code == 404
    case = w.approved(world, direction=w.RENEWABLES)
    listing = client.get(url("targeted_programmes:approved")).content.decode()
    assert case.number in listing and draft.number not in listing
    progress = client.get(url("targeted_programmes:progress", case.number))
    assert progress.status_code == 200 and "I1" in progress.content.decode()
    assert client.get(url("targeted_programmes:public_download", case.number, "ru", "docx")).status_code == 200


def test_a_programme_file_is_imported_as_a_draft_of_the_users_organisation(client, world):
    client.force_login(world.developer)
    upload = SimpleUploadedFile("programme.json", EXAMPLE.read_bytes(), content_type="application/json")
    response = client.post(url("targeted_programmes:import"), {
        "file": upload, "general-direction": w.HYDROGEN, "general-state_body": str(world.body.organisation_id),
        "once": "t9"})
    assert response.status_code == 302
    case = programme_case()
    example = json.loads(EXAMPLE.read_text())
    assert case.organisation == world.developer.organisation
    assert (case.facts["sector"], case.facts["direction"]) == ("05", w.HYDROGEN)
    assert case.facts["passport"]["name"] == example["passport"]["name"] and "developer" not in case.facts


def test_a_broken_programme_file_is_refused_with_its_field_named(client, world):
    client.force_login(world.developer)
    example = json.loads(EXAMPLE.read_text())
    example["passport"]["period"]["end_year"] = "soon"
    upload = SimpleUploadedFile("programme.json", json.dumps(example).encode(), content_type="application/json")
    response = client.post(url("targeted_programmes:import", lang="en"), {
        "file": upload, "general-direction": w.HYDROGEN, "general-state_body": str(world.body.organisation_id),
        "once": "t10"})
    assert response.status_code == 200 and "passport.period.end_year" in response.content.decode()
    assert not Case.objects.filter(workflow="targeted_programmes.programme").exists()


def test_000_p42_p38_the_index_shows_the_terms_and_numbers_the_source_leaves_open(client, db):
    page = client.get(url("targeted_programmes:index")).content.decode()
    for name in ("tp.ttp.max_period_years", "tp.ttp.achievement_formula", "tp.ttp.review_term", "tp.ttp.hstc_term",
                 "tp.ttp.monitoring_period", "tp.ttp.report_due"):
        row = page.split(f'data-parameter="{name}"', 1)[1].split("</tr>", 1)[0]
        assert 'data-testid="not-set"' in row, name
    assert "42-тармақ" in page  # the review's and the HSTC's terms cite paragraph 42
