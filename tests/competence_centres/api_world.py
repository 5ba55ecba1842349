"""The competence-centre service's part of the API-wide tests (tests/api: the hardening tests and the
fuzzer): a valid body of its check endpoint and a text field inside it."""

from __future__ import annotations

from tests.api.examples import example

VALID_BODY = {"/competence-centres/check": lambda: example("competence_centre.json")}
TEXT_IN_BODY = {"/competence-centres/check": "organisation.name"}
