"""A throwaway register declared by the register tests, shaped like the designated competence
centres of seed 000 (requirement 000.register): keyed by (sector, technology direction, centre)
(000.p21.a1), entered by the designating state body's decision, and published by design since the
seed imposes no duty to publish it. It exists only while a test declares it, through a throwaway
service; the generic page, export and API serve it without any code of its own."""

from __future__ import annotations

import datetime as dt
import importlib

from django.urls import clear_url_caches

from techpolicy.casework import registers
from techpolicy.casework.registers import CHANGE, DATE, END, ENTER, EXACT, STATUS, Basis, Column, Register
from techpolicy.casework.registry import Service, register_service, unregister_service
from techpolicy.law.citation import Citation
from tests import factories

DESIGNATION = Citation("000", "20")
REVOCATION = Citation("000", "21")

CENTRES = Register(
    key="throwaway.centres",
    title="Designated competence centres (test)",
    summary="Sectoral technology competence centres designated by a state body.",
    columns=(
        Column("name", "Centre"),
        Column("bin", "BIN"),
        Column("sector", "Sector", filter=EXACT, searchable=True),
        Column("direction", "Technology direction", filter=EXACT, searchable=True),
        Column("designated_by", "Designating state body", searchable=True),
        Column("valid_from", "Designated on", render=DATE),
        Column("status", "Status", render=STATUS),
    ),
    bases=(Basis(ENTER, DESIGNATION, "designation", "designation"),
           Basis(CHANGE, DESIGNATION, "designation", "change of the designation"),
           Basis(END, REVOCATION, "revocation", "revocation")),
    published_by_design="The source imposes no duty to publish this register; it is published by design.",
    natural_key=("sector", "direction", "organisation"),
    found="%(n)s centres",
    empty="No centres.",
)

SERVICE = Service(key="throwaway-registers", name="Throwaway registers", summary="Declared by a test.",
                  start="registers:index", registers=(CENTRES,), order=998)


def rebuild_urls() -> None:
    """The register API's routes, the API and the site's URLs are built from the registry on import."""
    from techpolicy.api import urls as api_urls
    from techpolicy.casework.registers import api as registers_api
    from techpolicy.site import urls as site_urls

    importlib.reload(registers_api)
    importlib.reload(api_urls)
    importlib.reload(site_urls)
    clear_url_caches()


def declare() -> Register:
    register_service(SERVICE)
    rebuild_urls()
    return CENTRES


def forget() -> None:
    unregister_service(SERVICE.key)
    rebuild_urls()


def designate(name: str, sector: str, direction: str, on: dt.date, body: str = "Ministry of Energy"):
    organisation = factories.make_organisation(name=name)
    return registers.enter(CENTRES, on=on, citation=DESIGNATION, organisation=organisation, name=name,
                           bin=organisation.bin,
                           data={"sector": sector, "direction": direction, "designated_by": body},
                           valid_from=on)
