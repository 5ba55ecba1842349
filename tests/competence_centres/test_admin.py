"""The authorized body keeps the vocabulary and the state bodies' supervision (p.19) in the admin;
proposals and comments are read there, never written."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["sector/", "sector/add/", "direction/", "statebodyprofile/", "statebodyprofile/add/",
                                  "proposal/", "methodologicalcomment/"])
def test_the_admin_pages_open(client, world, page):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.kz", "x"))
    assert client.get(f"/en/admin/competence_centres/{page}").status_code == 200


def test_proposals_are_not_written_in_the_admin(client, world):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.kz", "x"))
    assert client.get("/en/admin/competence_centres/proposal/add/").status_code == 403
