"""The register of designated centres (000.register, p.20-21): keyed by (sector, direction, centre),
entered on the designation decision, answered as of a date from its history, exported, served by the
registers API; published by design. No ground for removal is declared (the source gives none)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.models import RegisterEntry
from techpolicy.casework.registers import END, UndeclaredBasis, end, entry_as_of, natural_key, standing
from techpolicy.services.competence_centres.register import DESIGNATED

from .world import designated, designation_payload, drive, initiative

pytestmark = pytest.mark.django_db


def test_000_register_is_published_by_design_with_no_removal_basis():
    assert DESIGNATED.publication == () and DESIGNATED.published_by_design
    assert DESIGNATED.bases_for(END) == ()
    assert [b.citation.ref for b in DESIGNATED.bases] == ["000 p.20"]
    assert DESIGNATED.natural_key == ("sector", "direction", "organisation")


def test_an_entry_cannot_be_removed_on_an_undeclared_paragraph(world):
    entry = RegisterEntry.objects.get(case=designated(world))
    with pytest.raises(UndeclaredBasis):
        end(entry, on=law_context.today(), citation="000 p.20")


def test_000_register_as_of_a_date_with_its_basis(world):
    yesterday = law_context.today() - dt.timedelta(days=1)
    case = drive(initiative(world), world, "submit", "propose", "find_compliant", "designate",
                 designate=designation_payload())
    entry = RegisterEntry.objects.get(case=case)
    assert entry_as_of(entry, yesterday).on_register is False
    today = entry_as_of(entry, law_context.today())
    assert today.on_register and today.basis.ref == "000 p.20" and today.decision.kind == "designation"
    key = natural_key(DESIGNATED, {"organisation": world.owner.organisation,
                                   "data": {"sector": ["05"], "direction": ["05.01"]}})
    assert standing(DESIGNATED, key, law_context.today()).on_register


def test_the_registers_api_serves_the_entries_and_their_history(client, world):
    designated(world)
    items = client.get("/api/v1/registers/competence-centres.designated/entries", {"q": "qazaq"}).json()
    assert items["count"] == 1
    item = items["items"][0]
    assert (item["name"], item["basis"]["citation"]) == ("Qazaq Technical University", "000 p.20")
    assert item["data"] == {"sector": ["05"], "direction": ["05.01"], "state_body": "Ministry of Energy",
                            "decision_number": "12-ө", "review": []}
    past = client.get("/api/v1/registers/competence-centres.designated/entries",
                      {"as_of": (law_context.today() - dt.timedelta(days=1)).isoformat()}).json()
    assert past["count"] == 0


def test_the_export_is_the_published_columns(client, world):
    designated(world)
    with translation.override("en"):
        response = client.get("/en/registers/competence-centres.designated/export.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["sector", "direction", "name", "bin", "state_body", "decision_number", "valid_from",
                       "status", "review"]
    assert rows[1][:3] == ["05", "05.01", "Qazaq Technical University"]
    data = json.loads(b"".join(client.get("/en/registers/competence-centres.designated/export.json")
                               .streaming_content))
    assert data[0]["review"] == []
