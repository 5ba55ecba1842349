"""The demo command drives fictional applicants through the real workflow, and may run twice."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from techpolicy.casework.models import Case, RegisterEntry

pytestmark = pytest.mark.django_db


def test_demo_cases_reach_their_states_and_a_second_run_adds_nothing(client):
    call_command("load_demo", verbosity=0)
    technopark = Case.objects.filter(workflow__startswith="technopark.")
    states = dict(technopark.values_list("organisation__name", "state"))
    assert states == {
        "Qazaq Cloud Systems LLP": "registered",
        "Nomad Data LLP": "commission",
        "Altyn Fintech LLP": "remarks",
        "Steppe Robotics LLP": "submitted",
        "Steppe AI LLP": "draft",
    }
    registered = Case.objects.get(state="registered")
    # p.18 and p.20: the participant got a certificate and is on the published list.
    assert registered.certificates.count() == 1
    assert RegisterEntry.objects.filter(case=registered).count() == 1
    call_command("load_demo", verbosity=0)
    assert technopark.count() == 5
    page = client.get(reverse("technopark:register"), {"q": "Qazaq"})
    assert "Qazaq Cloud Systems LLP" in page.content.decode()


def test_parameters_page_shows_unset_terms_as_not_set_by_the_source(client):
    page = client.get(reverse("parameters")).content.decode()
    row = page[page.index("technopark.completeness_review_wd"):]
    row = row[: row.index("</tr>")]
    with translation.override("kk"):
        assert gettext("not set by the source document") in row
    assert "4\u00a0325" in page  # MCI from 2026-01-01, grouped as Kazakh writes numbers
