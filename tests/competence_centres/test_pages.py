"""The service's pages: the index (p.15 tasks, p.16 functions, terms and open parameters), the public
pre-check, the initiative's task-list form (apply, edit with the version check), and the pages in
Kazakh with no English left."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from techpolicy.casework.models import Case
from techpolicy.law.acts.act000_methodology.designation_lists import CC_FUNCTIONS, CC_TASKS

from .forms_data import initiative_data, precheck_data
from .world import AREAS, designated, years_ago

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def test_000_p15_p16_the_index_lists_the_tasks_and_functions_with_citations(client, world):
    page = client.get(url("competence_centres:index")).content.decode()
    text = " ".join(visible_text(page).split())
    for item in (*CC_TASKS, *CC_FUNCTIONS):
        assert f"{item.label['en']} ({item.citation.text('en')})" in text
    # 000.p19: the authorized body's term, and the other numbers the source leaves open.
    assert 'data-parameter="tp.cc.ab_consideration_term"' in page
    assert page.count('data-testid="not-set"') >= 6


def test_000_p17_the_public_precheck_answers_by_paragraph_and_stores_nothing(client, world):
    organisation = world.owner.organisation
    data = precheck_data(organisation, years_ago(5, days=1), years_ago(0), areas=AREAS[:3])
    page = client.post(url("competence_centres:precheck"), data).content.decode()
    assert 'data-rule="000.p17.1" data-status="failed"' in page
    assert 'data-rule="000.p17.2" data-status="failed"' in page
    assert "technical regulation and standardisation" in page
    assert 'data-testid="cc-experience"' in page and "4 full years and 364 days" in page
    assert not Case.objects.exists()


def test_the_initiative_is_a_task_list_and_creates_one_draft(client, world):
    client.force_login(world.owner)
    page = client.get(url("competence_centres:apply")).content.decode()
    assert page.count('data-status="todo"') == 6
    data = initiative_data(world.owner.organisation, world.body, years_ago(6))
    response = client.post(url("competence_centres:apply"), data)
    case = Case.objects.get()
    assert response["Location"] == url("casework:detail", case.number)
    assert (case.workflow, case.state, case.facts["direction"], case.facts["state_body"]) == (
        "competence_centres.designation", "draft", "05.01", world.body.pk)
    assert case.facts["staff"][3] == {"name": "Employee 3", "areas": ["technical_regulation"], "evidence": "Diploma 3"}
    again = client.post(url("competence_centres:apply"), data)
    assert again["Location"] == url("casework:detail", case.number) and Case.objects.count() == 1


def test_000_p19_the_form_refuses_a_body_that_does_not_supervise_the_direction(client, world):
    client.force_login(world.owner)
    data = initiative_data(world.owner.organisation, world.other_ministry.organisation, years_ago(6))
    page = client.post(url("competence_centres:apply"), data).content.decode()
    assert "does not supervise this direction today" in page and not Case.objects.exists()


def test_a_start_after_today_names_the_field(client, world):
    client.force_login(world.owner)
    data = initiative_data(world.owner.organisation, world.body, years_ago(-1))
    page = client.post(url("competence_centres:apply"), data).content.decode()
    assert 'data-testid="fact-errors"' in page and "experience.started_on" in page


def test_the_edit_refuses_a_stale_form(client, world):
    client.force_login(world.owner)
    client.post(url("competence_centres:apply"), initiative_data(world.owner.organisation, world.body, years_ago(6)))
    case = Case.objects.get()
    data = initiative_data(world.owner.organisation, world.body, years_ago(7)) | {"version": str(case.version)}
    assert client.post(url("competence_centres:edit", case.number), data).status_code == 302
    case.refresh_from_db()
    assert case.facts["experience"]["started_on"] == years_ago(7).isoformat()
    stale = client.post(url("competence_centres:edit", case.number), data, follow=True).content.decode()
    assert "changed by someone else" in stale


def test_the_register_shows_the_centre_with_names_and_searches(client, world):
    designated(world)
    page = client.get(url("competence_centres:register"), {"q": "qazaq technical"}).content.decode()
    assert "Qazaq Technical University" in page and "Hydrogen energy" in page and "Ministry of Energy" in page
    assert "1 competence centre found" in page
    assert "publishes it by design" in page
    assert "Qazaq" not in client.get(url("competence_centres:register"), {"q": "nobody"}).content.decode()
    by_sector = client.get(url("competence_centres:register"), {"sector": "07"}).content.decode()
    assert "Qazaq Technical University" not in by_sector


KAZAKH_PAGES = [("competence_centres:index", ()), ("competence_centres:precheck", ()),
                ("competence_centres:register", ())]
LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{4,}(?![A-Za-z])")  # also inside codes_with_underscores
# What may stay Latin on a Kazakh page: the brand, the names the test data gives in English, and
# the names of formats and parameters (identifiers, not prose).
ALLOWED = {"TechPolicy", "Qazaq", "Technical", "University", "Ministry", "Energy", "Employee", "Diploma", "JSON",
           # what the test's applicant typed and the logins, which the application and its history show as given
           "Laboratory", "Own", "funds", "Research", "contracts", "user"}
IDENTIFIER = re.compile(r"\b[a-z0-9_]+(?:\.[a-z0-9_]+)+\b")  # parameter names: tp.cc.min_staff_per_area


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def english_left(page: str) -> list[str]:
    """Latin words in the page's own content (the menu lists every service, each translated by its
    own catalogue). The parameters read by a verdict are left out: their sources and units are the
    parameter files' own text."""
    main = page[page.index("<main"): page.index("</main>")]
    with translation.override("kk"):
        parameters = re.escape(f"<details><summary>{gettext('Parameters used')}</summary>")
    main = re.sub(parameters + r".*?</details>", " ", main, flags=re.S)
    text = IDENTIFIER.sub(" ", visible_text(main))
    return sorted({w for w in LATIN_WORD.findall(text) if w not in ALLOWED})


@pytest.mark.parametrize(("name", "args"), KAZAKH_PAGES)
def test_the_kazakh_pages_have_no_english_left(client, world, name, args):
    designated(world)
    assert english_left(client.get(url(name, *args, lang="kk")).content.decode()) == []


def test_the_kazakh_case_pages_have_no_english_left(client, world):
    case = designated(world)
    client.force_login(world.owner)
    for name in ("competence_centres:case", "casework:detail"):
        assert english_left(client.get(url(name, case.number, lang="kk")).content.decode()) == [], name


def test_x_000_inforce_an_undetermined_verdict_is_labelled_never_a_pass(client, world, monkeypatch):
    """p.19 is in the Order No. 198 wording: a verdict stored before it took effect says that the
    wording then in force is not in the source, in the reader's language."""
    from techpolicy.casework import law_context

    from .world import drive, initiative

    monkeypatch.setattr(law_context, "today", lambda: dt.date(2026, 4, 1))
    case = drive(initiative(world, started_on=dt.date(2010, 1, 1)), world, "submit", "propose")
    assert case.verdict["outcome"] == "undetermined"
    client.force_login(world.owner)
    for lang in ("kk", "ru", "en"):
        page = client.get(url("competence_centres:case", case.number, lang=lang)).content.decode()
        with translation.override(lang):
            label = gettext("undetermined: the wording in force on that date is not in the source document")
        assert 'data-outcome="undetermined"' in page and html.escape(label) in page
