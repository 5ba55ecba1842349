"""Issue 8, finding 14: a property-based fuzzer over every operation of /api/v1/openapi.json.

Schemathesis generates requests from the published schema, valid and invalid ones (wrong types,
values out of bounds, control characters, missing fields, bodies of other shapes), sends them to
the WSGI application in process, and checks each answer: no server error, the status is documented
for the operation, and the body and content type conform to what is documented for that status.
It runs anonymously and signed in as an analyst and as an applicant (session cookie and CSRF
token), over the world of tests/api/conftest.py; half of the generated path parameters are swapped
for the real numbers of that world so that the fuzzer also reaches the code behind the lookups.

The number of examples is bounded (FUZZ_EXAMPLES per operation and identity, plus the boundary cases
of the coverage phase) so the suite stays fast; the seed is fixed so a failure can be replayed.
`python -m pytest tests/api/test_fuzz.py -s` prints how many calls were made and their statuses.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from hypothesis import HealthCheck, settings

from techpolicy.site.wsgi import application

FUZZ_EXAMPLES = 12
CONFIG = schemathesis.Config.from_dict({
    "seed": 8014,
    "generation": {"max-examples": FUZZ_EXAMPLES, "mode": "all", "database": "none"},
    "phases": {"examples": {"enabled": False}, "coverage": {"enabled": True}, "fuzzing": {"enabled": True},
               "stateful": {"enabled": False}},
})
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)
CHECKS = [schemathesis.checks.not_a_server_error, schemathesis.specs.openapi.checks.status_code_conformance,
          schemathesis.specs.openapi.checks.content_type_conformance,
          schemathesis.specs.openapi.checks.response_schema_conformance]
CALLS: Counter = Counter()
FUZZ_SETTINGS = settings(deadline=None, suppress_health_check=list(HealthCheck))

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def _report_calls():
    yield
    total = sum(CALLS.values())
    errors = sum(n for (_who, status), n in CALLS.items() if status >= 500)
    by_status = Counter()
    for (_who, status), n in CALLS.items():
        by_status[status] += n
    print(f"\nfuzzer: {total} calls, {errors} server errors; by status {dict(sorted(by_status.items()))}")


@pytest.fixture
def _keep_the_test_connection():
    """The WSGI application ends each request by closing "old" database connections, which on
    PostgreSQL closes the test's own connection inside its transaction; Django's test client
    disconnects that handler while it sends a request, and so does this fixture while fuzzing."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def session(world, settings, _keep_the_test_connection):
    """The cookies and headers of each identity, signed in once per test (or nobody: none), and no
    limit on anonymous writes here (the limit has its own tests)."""
    settings.TECHPOLICY_ANON_WRITES_PER_MINUTE = 10**9
    credentials: dict[str, tuple[dict, dict]] = {"anonymous": ({}, {})}
    for who, user in (("analyst", world.analyst), ("applicant", world.applicant)):
        client = Client()
        client.force_login(user)
        token = _get_new_csrf_string()
        credentials[who] = ({"sessionid": client.cookies["sessionid"].value, "csrftoken": token},
                            {"X-CSRFToken": token})
    return credentials


def _aim(case, world) -> None:
    """Swap half of the generated path parameters for the world's real ones (chosen by the generated
    values themselves, so the choice replays with the seed)."""
    real = world.path_values().get(case.operation.path.removeprefix("/api/v1"))
    if real and case.path_parameters and len(repr(sorted(case.path_parameters.items()))) % 2 == 0:
        case.path_parameters = {**case.path_parameters, **real}


@schema.parametrize()
@FUZZ_SETTINGS
def test_finding14_fuzz(case, world, session):
    """Each generated request is sent anonymously, as the analyst and as the applicant."""
    _aim(case, world)
    for who, (cookies, headers) in session.items():
        response = case.call(cookies=cookies, headers=headers)
        CALLS[(who, response.status_code)] += 1
        case.validate_response(response, checks=CHECKS)
