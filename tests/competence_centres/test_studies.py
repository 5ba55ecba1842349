"""000.p5.cc: forecasting is carried out with the participation of the competence centres of the
relevant sectors; the analysts who run a study name the designated centres taking part."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.accounts.roles import ANALYST
from techpolicy.casework.models import RegisterEntry
from techpolicy.services.competence_centres.models import StudyParticipation
from techpolicy.services.competence_centres.published import study_centres
from tests import factories
from tests.studies.conftest import make_study

from .world import designated

pytestmark = pytest.mark.django_db


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def analyst(db):
    return factories.make_user(roles=[ANALYST])


def test_000_p5_an_analyst_names_a_designated_centre_taking_part(client, world, analyst):
    entry = RegisterEntry.objects.get(case=designated(world))
    study = make_study(analyst)
    page = url("competence_centres:study", study.number)
    client.force_login(analyst)
    assert "Qazaq Technical University" in client.get(page).content.decode()  # offered as a candidate
    client.post(page, {"entry": entry.pk})
    client.post(page, {"entry": entry.pk})  # twice: one participation
    assert list(study_centres(study)) == [entry]
    assert StudyParticipation.objects.count() == 1
    client.post(page, {"entry": entry.pk, "remove": "1"})
    assert list(study_centres(study)) == []


def test_only_centres_on_the_register_are_named(client, world, analyst):
    study = make_study(analyst)
    client.force_login(analyst)
    response = client.post(url("competence_centres:study", study.number), {"entry": "999999"}, follow=True)
    assert "Choose a competence centre on the register today" in response.content.decode()
    client.post(url("competence_centres:study", study.number), {"entry": "not a number"})
    assert not StudyParticipation.objects.exists()


def test_others_do_not_name_centres(client, world, analyst):
    study = make_study(analyst)
    page = url("competence_centres:study", study.number)
    client.force_login(world.owner)
    assert client.get(page).status_code == 403
    client.force_login(world.ni)  # reads, does not name
    assert client.get(page).status_code == 200
    entry = RegisterEntry.objects.get(case=designated(world))
    assert client.post(page, {"entry": entry.pk}).status_code == 403


def test_the_study_is_found_by_its_number(client, world, analyst):
    study = make_study(analyst)
    client.force_login(analyst)
    found = client.get(url("competence_centres:study_lookup"), {"number": study.number})
    assert found["Location"] == url("competence_centres:study", study.number)
    missing = client.get(url("competence_centres:study_lookup"), {"number": "x" * 5000})
    assert missing["Location"] == url("competence_centres:index")
    assert client.get(url("competence_centres:study", "NO-SUCH")).status_code == 404
