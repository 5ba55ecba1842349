"""The demo world: a university designated through the real workflow, entered in the register,
and a second initiative before the authorized body; loading twice changes nothing."""

from __future__ import annotations

import pytest

from techpolicy.casework.models import Case
from techpolicy.services.competence_centres import demo, published
from techpolicy.services.competence_centres.models import MethodologicalComment

pytestmark = pytest.mark.django_db


def test_the_demo_designates_a_university_and_prints_the_logins():
    lines = demo.load()
    assert lines[0].startswith("Satbayev University (demo): designated")
    assert lines[-1].startswith("Competence centres (password demo-2026): state bodies ministry")
    [entry] = published.designated_centres()
    assert (entry.name, published.entry_direction(entry), entry.data["decision_number"]) == (
        "Satbayev University (demo)", "05.01", "ДЕМО-2026-01")
    assert Case.objects.get(organisation__bin=demo.SECOND[3]).state == "consideration"
    assert MethodologicalComment.objects.count() == 2
    assert demo.load() == ["competence-centre demo data already loaded"]
    assert Case.objects.filter(workflow="competence_centres.designation").count() == 2
