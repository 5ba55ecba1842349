"""The innovation-grants service's part of the API-wide tests (tests/api: the hardening tests and the
fuzzer): a valid body of its check endpoint and a text field inside it."""

from __future__ import annotations

from tests.api.examples import example

VALID_BODY = {"/innovation-grants/check": lambda: example("innovation-grant.json")}
TEXT_IN_BODY = {"/innovation-grants/check": "applicant.name"}
