"""Issue 10, item 1: every case page shows the whole application as submitted, read-only, with
each verdict rule beside the fact that decided it; a printable page and a PDF of it, refused to
whoever may not see the case. One declaration per service (`Service.application`), one renderer."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from techpolicy.casework.engine import fire
from techpolicy.casework.kit.presentation import unlabelled
from techpolicy.casework.views_application import shown
from techpolicy.law.acts.act001_technopark.participation import TECHNOPARK
from techpolicy.services.productivity.law import calculation
from tests import factories
from tests.productivity.helpers import training

pytestmark = pytest.mark.django_db


def _submitted_participation(owner, state_share="30"):
    case = factories.make_participation_case(owner, state_share=state_share)
    fire(case, "submit", owner)
    case.refresh_from_db()
    return case


def _section(html: str, path: str) -> str:
    """The HTML of the element whose data-path is `path` (up to the next element of the same kind)."""
    start = html.index(f'data-path="{path}"')
    return html[start:html.find('data-path="', start + 12)]


def test_rules_note_the_facts_they_read():
    """Issue 10, item 1: a verdict records which facts each rule read, so the page can put the rule
    beside them (the law layer's trace, not a table kept beside the rules)."""
    from techpolicy.services.technopark.demo import participation_facts

    facts = participation_facts("Alpha LLP", "000000000001", "S-01", dt.date(2026, 3, 2), state_share="30")
    verdict = TECHNOPARK.evaluate(facts, dt.date(2026, 3, 2), references={"activity_types": {"S-01": {}}})
    reads = {r.rule_id: r.facts for r in verdict.results}
    assert reads["001.p7.1"] == ("applicant.legal_form",)
    assert reads["001.p7.4"] == ("ownership.state_share",)  # the derived fact the rule tests
    assert any(path.startswith("documents.planned_staff") for path in reads["001.p9.5"])


def test_technopark_case_page_shows_the_application_in_kazakh_with_rules_beside_facts(owner, secretariat, client):
    """Issue 10, item 1: the secretariat reads the organisation, the ownership tree with the state
    share, the business plan per project and the planned staff, labelled in Kazakh, and the rule of
    p.7(1) with its Kazakh citation sits beside the legal form."""
    case = _submitted_participation(owner)
    client.force_login(secretariat)
    html = client.get(f"/kk/cases/{case.number}/").content.decode()
    assert 'data-testid="application"' in html
    legal_form = _section(html, "applicant.legal_form")
    assert "Құқықтық нысаны" in legal_form and "Заңды тұлға" in legal_form  # label and choice in kk
    assert 'data-rule="001.p7.1"' in legal_form and "7-тармақ" in legal_form
    tree = html[html.index('data-testid="ownership-tree"'):]
    assert "30 %" in tree and "Ұлттық компания" in tree  # the state share and the holder's kind
    assert "1. Жобаның атауы және сипаттамасы" in html and "Demo answer to Annex 3 item 1" in html
    assert "Тартылатын резиденттер саны" in _section(html, "documents.planned_staff.residents")
    with translation.override("kk"):
        assert unlabelled(shown(case)) == []


def test_the_ownership_tree_carries_the_state_share_along_each_branch(owner):
    """Issue 10, item 1: each branch says its share, its own state share and what it carries."""
    case = _submitted_participation(owner, state_share="30")
    with translation.override("en"):
        section = next(s for s in shown(case)["sections"] if s.path == "ownership")
    tree = section.children[0]
    assert "state share 30 %" in tree.value
    state = next(b for b in tree.children if "National company" in b.label)
    assert "holds 30 %" in state.value and "own state share 100 %" in state.value
    assert "along this branch 30 %" in state.value
    assert any(r["rule"] == "001.p7.4" for r in section.rules)


def test_productivity_case_shows_cost_lines_executors_and_the_calculation_line_by_line(client):
    """Issue 10, item 1: a "Productivity 2020" case shows its cost lines and the calculator's
    lines (the law layer's, not recomputed), with the amount in tenge."""
    owner = factories.make_applicant()
    operator = factories.make_operator()
    facts = training(owner)
    case = factories.make_productivity_case(owner, facts)
    with translation.override("kk"):
        nodes = shown(case)
        assert unlabelled(nodes) == []
    lines = next(s for s in nodes["sections"] if s.children and s.children[0].columns
                 and len(s.children[0].columns) == 6).children[0]
    assert len(lines.rows) == len(calculation(facts).lines) > 1
    client.force_login(operator)
    html = client.get(f"/kk/cases/{case.number}/").content.decode()
    summary = html[html.index('data-testid="table-summary"'):][:300]
    assert re.search(r"1\D200\D000,00 ₸", summary)  # 40 % of the 3 000 000 fee, in kk's number format
    assert "Шығын түрі" in html  # the cost table's column reads as the form's label


def test_competence_centre_case_shows_its_facts_labelled(client):
    """Issue 10, item 1: the initiative's case page shows its facts with form labels."""
    from tests.competence_centres.world import initiative, make_world

    cc = make_world()
    case = initiative(cc)
    with translation.override("kk"):
        assert unlabelled(shown(case)) == []
    client.force_login(cc.owner)
    html = client.get(f"/kk/cases/{case.number}/").content.decode()
    assert 'data-path="experience.started_on"' in html and 'data-path="staff"' in html


def test_platform_case_shows_its_facts_labelled(client):
    """Issue 10, item 1: the platform proposal's case page shows its facts with form labels."""
    from tests.technology_platforms import world as platforms

    tp = platforms.make_world()
    proposal = platforms.proposal(tp)
    with translation.override("kk"):
        assert unlabelled(shown(proposal)) == []
    client.force_login(tp.proposer)
    html = client.get(f"/kk/cases/{proposal.number}/").content.decode()
    assert 'data-path="proposal.coordinator.interaction_started_on"' in html


def test_printable_page_and_pdf_of_the_application(owner, secretariat, client):
    """Issue 10, item 1: the printable page and the PDF (which opens, has pages and prints Kazakh)."""
    case = _submitted_participation(owner)
    client.force_login(secretariat)
    page = client.get(f"/kk/cases/{case.number}/application/")
    assert page.status_code == 200 and 'data-testid="ownership-tree"' in page.content.decode()
    response = client.get(f"/kk/cases/{case.number}/application.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 1
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Ұйымның атауы" in text and "Owner Tech LLP" in text


def test_the_application_is_refused_to_an_outsider(owner, other_applicant, client):
    """Issue 10, item 1: another applicant gets neither the printable page nor the PDF."""
    case = _submitted_participation(owner)
    client.force_login(other_applicant)
    for suffix in ("application/", "application.pdf"):
        assert client.get(f"/kk/cases/{case.number}/{suffix}").status_code in (403, 404)
    client.logout()
    assert client.get(f"/kk/cases/{case.number}/application.pdf").status_code == 302  # to sign in


def test_the_edit_page_refuses_after_submission(owner, client):
    """Issue 10, item 1: read-only after submission: the applicant's edit page sends it back."""
    case = _submitted_participation(owner)
    before = dict(case.facts)
    client.force_login(owner)
    response = client.get(f"/kk/technopark/cases/{case.number}/edit/")
    assert response.status_code == 302 and response["Location"].endswith(f"/cases/{case.number}/")
    response = client.post(f"/kk/technopark/cases/{case.number}/edit/", {"version": case.version})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.facts == before
