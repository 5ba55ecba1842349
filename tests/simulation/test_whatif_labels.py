"""Issue 10, item 3: the analysts' what-if page in Kazakh names every parameter by its label (the
internal name only in a muted `<code>` beside it, or as the form's value), shows the values with
their units in Kazakh, instruments by name, outcomes by a phrase and amounts in tenge; a value that
cannot be read is refused beside its field in Kazakh."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from techpolicy.accounts.roles import ANALYST
from techpolicy.law.parameters import Parameters
from techpolicy.services.productivity import demo
from tests import factories
from tests.site.parameter_reading import ENGLISH_UNITS, bare_names, split

pytestmark = pytest.mark.django_db

NAMES = Parameters.from_source().names()


@pytest.fixture
def analyst_client(client, run_tasks):
    demo.load()
    run_tasks()
    client.force_login(factories.make_user(username="analyst-labels", roles=[ANALYST]))
    return client


def _url():
    from django.urls import reverse

    with translation.override("kk"):
        return reverse("productivity:what_if")


def _post(client, **changes):
    data = {"c-TOTAL_FORMS": "5", "c-INITIAL_FORMS": "0"}
    for i, (name, value) in enumerate(changes.items()):
        data[f"c-{i}-parameter"], data[f"c-{i}-value"] = name, value
    return client.post(_url(), data)


def test_the_form_offers_parameters_by_label_with_kazakh_units(analyst_client):
    html = analyst_client.get(_url()).content.decode()
    text, _ = split(html)
    assert bare_names(text, NAMES) == []
    assert ENGLISH_UNITS.findall(text) == []
    options = re.findall(r'<option value="(p2020\.i3a\.share)"[^>]*>([^<]+)</option>', html)
    assert options and "%" in options[0][1] and "p2020" not in options[0][1]


def test_a_malformed_value_is_refused_in_kazakh_beside_its_field(analyst_client):
    response = _post(analyst_client, **{"p2020.i3a.share": "қырық"})
    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["value"] == ["Санды енгізіңіз, мысалы 40 немесе 12,5."]


def test_the_result_reads_in_kazakh(analyst_client, run_tasks):
    sent = _post(analyst_client, **{"p2020.i3a.share": "60"})
    assert sent.status_code == 302
    assert run_tasks() == 1
    html = analyst_client.get(sent["Location"]).content.decode()
    text, codes = split(html)
    assert 'data-testid="what-if-summary"' in html
    assert bare_names(text, NAMES) == [] and "p2020.i3a.share" in codes  # the reform's name beside its label
    assert "60 %" in text
    assert "барлық құралдар" in text  # "all instruments"
    assert "₸" in text
    assert "өтеу беріледі" in text  # an outcome of a changed application, by its phrase
    for outcome in ("granted", "not_eligible", "nothing_to_reimburse", "not_available"):
        assert outcome not in text
    assert ENGLISH_UNITS.findall(text) == []
