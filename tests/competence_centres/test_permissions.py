"""Who sees and acts on a designation case (000 p.18-21): the owner, another applicant, the staff
of this workflow (the state body it is addressed to, another state body, the authorized body), the
national institute, and the staff of another service."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.permissions import can_fire, can_view
from techpolicy.services.competence_centres.models import MethodologicalComment
from techpolicy.services.competence_centres.workflows import DESIGNATION

from .world import drive, initiative

pytestmark = pytest.mark.django_db


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def get(client, user, path):
    client.force_login(user)
    return client.get(path)


def test_who_sees_the_case_page(client, world):
    case = drive(initiative(world), world, "submit")
    page = url("casework:detail", case.number)
    assert get(client, world.owner, page).status_code == 200
    assert get(client, world.other, page).status_code == 403
    assert get(client, world.ab, page).status_code == 200
    assert get(client, world.ministry, page).status_code == 200
    assert get(client, world.secretariat, page).status_code == 403  # staff of another service


def test_the_staff_of_another_service_cannot_act(world):
    case = drive(initiative(world), world, "submit")
    assert can_view(world.secretariat, case)[0] is False
    assert can_fire(world.secretariat, case, DESIGNATION.action("propose"))[0] is False
    with pytest.raises(WorkflowError):
        fire(case, "propose", world.secretariat)


def test_each_role_fires_only_its_own_actions(world):
    case = drive(initiative(world), world, "submit")
    assert can_fire(world.ab, case, DESIGNATION.action("propose"))[0] is False
    assert can_fire(world.other, case, DESIGNATION.action("withdraw"))[0] is False
    assert can_fire(world.ni, case, DESIGNATION.action("find_compliant"))[0] is False
    case = drive(case, world, "propose")
    assert can_fire(world.ministry, case, DESIGNATION.action("find_compliant"))[0] is False
    assert can_fire(world.owner, case, DESIGNATION.action("refuse"))[0] is False


def test_000_p21_a2_the_national_institute_reads_every_case_and_comments(client, world):
    case = drive(initiative(world), world, "submit")
    section = url("competence_centres:case", case.number)
    client.force_login(world.ni)
    assert client.get(url("competence_centres:cases")).status_code == 200
    assert case.number in client.get(url("competence_centres:cases")).content.decode()
    assert client.get(section).status_code == 200
    response = client.post(section, {"text": "Link the direction to the forecast results."})
    assert response.status_code == 302
    comment = MethodologicalComment.objects.get()
    assert (comment.case, comment.author) == (case, world.ni)
    # Its comment is shown to the owner, who cannot comment.
    client.force_login(world.owner)
    assert "Link the direction to the forecast results." in client.get(section).content.decode()
    assert client.post(section, {"text": "Me too"}).status_code == 403


def test_the_case_section_is_closed_to_others(client, world):
    case = drive(initiative(world), world, "submit")
    section = url("competence_centres:case", case.number)
    assert get(client, world.other, section).status_code == 403
    assert get(client, world.secretariat, section).status_code == 403
    assert get(client, world.other, url("competence_centres:cases")).status_code == 403
    assert get(client, world.secretariat, url("competence_centres:cases")).status_code == 403
    client.logout()
    assert client.get(section).status_code == 302  # to the sign-in page


def test_the_owner_alone_edits_the_draft(client, world):
    case = initiative(world)
    edit = url("competence_centres:edit", case.number)
    assert get(client, world.owner, edit).status_code == 200
    assert get(client, world.other, edit).status_code == 403
    assert get(client, world.ab, edit).status_code == 403


def test_the_apply_page_is_for_users_of_an_organisation(client, world):
    assert get(client, world.ab, url("competence_centres:apply")).status_code == 403
    assert get(client, world.owner, url("competence_centres:apply")).status_code == 200
