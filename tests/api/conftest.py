"""A small world for the API-wide tests (the hardening tests and the fuzzer): the people of each role
the API knows and one record behind every path parameter, so requests reach the code behind the
lookups instead of stopping at 404. "Today" is the fixed day of tests/studies/conftest.py."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.test import Client

from techpolicy.accounts.models import User
from techpolicy.accounts.roles import ANALYST
from techpolicy.api.urls import api
from techpolicy.forecasting.studies.models import IndicatorSeries
from tests import factories
from tests.api.examples import EXAMPLES
from tests.studies.conftest import TODAY, Today, comment, final_study, publish


def service_worlds() -> list:
    """The API-world modules of the services' own tests (`tests/<service>/api_world.py`). Each may
    define `path_values(user) -> {path template: {name: value}}` (records behind its path parameters),
    `VALID_BODY` ({path: () -> body}) and `TEXT_IN_BODY` ({path: dotted text field}), so a new service
    adds its operations to the API-wide tests from its own test folder."""
    root = Path(__file__).resolve().parents[1]
    return [importlib.import_module(f"tests.{module.parent.name}.api_world")
            for module in sorted(root.glob("*/api_world.py"))]


def from_services(name: str) -> dict:
    """One table (`VALID_BODY`, `TEXT_IN_BODY`) merged over every service's API-world module."""
    merged: dict = {}
    for module in service_worlds():
        merged.update(getattr(module, name, {}))
    return merged


@dataclass
class World:
    analyst: User
    applicant: User
    study: str  # in its final stage, version 1 of the draft open for comments
    series: int
    published_comment: int
    pending_comment: int
    certificate: str
    technopark_case: str
    productivity_case: str
    register_entry: int = 0  # the participant's entry in the technopark's register
    services: dict[str, dict[str, object]] = field(default_factory=dict)  # from the services' API worlds

    def path_values(self) -> dict[str, dict[str, object]]:
        """Real values for the path parameters of each operation path (its template)."""
        study = {"number": self.study}
        return {
            "/technopark/certificates/{number}": {"number": self.certificate},
            "/technopark/applications/{number}": {"number": self.technopark_case},
            "/registers/technopark.participants/entries/{entry_id}": {"entry_id": self.register_entry},
            "/productivity/applications/{number}": {"number": self.productivity_case},
            **self.services,
            "/forecasting/studies/{number}/rounds/{round_number}/results": {**study, "round_number": 1},
            "/forecasting/studies/{number}/series/{series_id}/trend": {**study, "series_id": self.series},
            "/forecasting/studies/{number}/comments/{comment_id}/moderation": {**study,
                                                                               "comment_id": self.pending_comment},
            "/forecasting/studies/{number}/comments/{comment_id}/report": {**study,
                                                                           "comment_id": self.published_comment},
            **{f"/forecasting/studies/{{number}}{tail}": study for tail in (
                "", "/stage", "/technologies", "/series", "/ranking", "/draft", "/comments", "/moderation")},
        }


@pytest.fixture
def world(db, monkeypatch) -> World:
    Today(monkeypatch)
    analyst = factories.make_user(roles=[ANALYST], email="analyst@example.kz")
    study = final_study(analyst)
    draft = publish(study, analyst, TODAY + dt.timedelta(days=10))
    published = comment(draft)
    pending = comment(draft, text="Add soil sensors.", email="farmer@example.kz", published=False)
    years = list(range(2000, 2021))
    series = IndicatorSeries.objects.create(
        study=study, name="Patents", file_name="patents.csv", years=years,
        values=[100 / (1 + 2.718 ** (-(y - 2010) / 3)) for y in years], imported_by=analyst)
    applicant, case, certificate, entry = factories.make_participant(name="World Tech LLP")
    facts = json.loads((EXAMPLES / "productivity2020" / "3a_training.json").read_text(encoding="utf-8"))
    productivity_case = factories.make_productivity_case(applicant, facts)
    return World(analyst=analyst, applicant=applicant, study=study.number, series=series.pk,
                 published_comment=published.pk, pending_comment=pending.pk,
                 certificate=certificate.number, technopark_case=case.number,
                 productivity_case=productivity_case.number, register_entry=entry.pk,
                 services={path: values for module in service_worlds() if hasattr(module, "path_values")
                           for path, values in module.path_values(analyst).items()})


def api_operations() -> list[tuple[str, str, dict]]:
    """(method, path under /api/v1, operation) for every operation of the OpenAPI schema."""
    prefix = "/api/v1"
    schema = json.loads(json.dumps(api.get_openapi_schema()))  # as served: statuses are strings
    return [(method.upper(), path.removeprefix(prefix), operation)
            for path, methods in schema["paths"].items() for method, operation in methods.items()]


def signed_in(user: User | None) -> Client:
    """A test client that reports server errors as responses (the tests assert on them), signed in as `user`."""
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client
