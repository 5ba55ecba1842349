"""Issue 10, item 3: what the "Productivity 2020" pages still said in English on Kazakh and Russian
pages: the operator of instrument 6 (seed 004, 5.3, instrument 6: "жергілікті қамтуды дамыту
саласындағы ұлттық даму институты"), the citations inside the monitoring contradictions, and the
executors' short names on the application as submitted."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from techpolicy.casework.kit.presentation import application
from techpolicy.services.productivity.demo import training_facts
from techpolicy.services.productivity.presentation import PROGRAMME

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "operator"), [
    ("kk", "жергілікті қамтуды дамыту саласындағы ұлттық даму институты"),
    ("ru", "национальный институт развития в области местного содержания"),
])
def test_issue10_item3_instrument_6_operator_in_the_page_language(client, lang, operator):
    """Issue 10, item 3: the programme page names instrument 6's operator in kk/ru."""
    page = client.get(f"/{lang}/productivity/").content.decode()
    assert operator in page and "national development institution" not in page


@pytest.mark.parametrize(("lang", "cited"), [("kk", "2018 жылға қарайғы нысаналы индикаторлар"),
                                              ("ru", "целевые индикаторы к 2018 году")])
def test_issue10_item3_monitoring_contradictions_cite_in_the_page_language(client, lang, cited):
    """Issue 10, item 3: a contradiction between targets cites both in the page's language."""
    response = client.get(f"/{lang}/productivity/monitoring/")
    explanations = [c["explanation"] for c in response.context["contradictions"]]
    assert explanations and all("target indicators" not in e and "004 s." not in e for e in explanations)
    assert any(cited in e for e in explanations)


def test_issue10_item3_executors_read_as_their_names_on_the_application():
    """Issue 10, item 3: the executors table and a cost's executor show the executor's name, not the
    short name the applicant refers to it by; an executor without a name keeps its short name."""
    facts = training_facts("Qarmet Precision LLP", "150940011111")
    facts["executors"].append({"id": "nameless", "name": "", "service": "training_education",
                               "experience_years": "2", "past_projects": 0})
    with translation.override("en"):
        shown = application(SimpleNamespace(facts=facts, verdict=None), PROGRAMME)
    tables = [n for top in shown["sections"] for n in top.walk() if n.kind == "table"]
    executors = next(t for t in tables if t.path == "executors")
    costs = next(t for t in tables if t.path == "costs")  # the cost lines as filed, before the calculation
    assert [row[executors.columns.index("Executor")] for row in executors.rows] == [
        "Qazaq Industrial Academy", "nameless"]
    assert "Full name" not in executors.columns and not any("academy" in cell for row in executors.rows
                                                             for cell in row)
    column = costs.columns.index("Executor")
    assert [row[column] for row in costs.rows] == ["Qazaq Industrial Academy", "—"]
