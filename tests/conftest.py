"""Shared fixtures. Uploaded files go to a temporary directory, never into the repository."""

import pytest
from django.contrib.messages import get_messages
from django.test import override_settings
from django.utils import translation

from tests import factories


def pytest_collection_modifyitems(config, items):
    """Tests marked `presentation` check what the pages look like and say (phone widths,
    accessibility, other hosts, charts, the language of every page), which does not depend on the
    database: they run on SQLite (the README's test command) and are skipped on CI's second run, on
    PostgreSQL, so that each database's run stays within its time."""
    from django.conf import settings

    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(reason="a presentation check: it runs on SQLite; the pages do not depend on the database")
    for item in items:
        if item.get_closest_marker("presentation"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """Passwords are hashed with the fastest hasher: the demo data (`load_demo`, loaded by several
    tests) sets a password for each of its people, and the production hasher spends about half a
    second on each by design. Signing in with a password still checks it; no test depends on the
    hasher's strength."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test stores uploads under its own tmp_path."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _anonymous_write_limit(settings):
    """The suite sends far more writes without signing in than one client may send in a minute
    (site.throttle); the tests of that limit set their own."""
    settings.TECHPOLICY_ANON_WRITES_PER_MINUTE = 1_000_000


@pytest.fixture(autouse=True)
def _default_language():
    """Start and end every test in the default language (kk): a request through the test client
    leaves its URL's language active in the thread, which would leak into the next test."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def run_tasks(db):
    """Run the queued background tasks through the real database backend (tests/tasks.py):
    `run_tasks()` returns how many ran. Tasks are queued in the transaction that asks for them, so
    the worker sees them in a test's own transaction as well."""
    from tests.tasks import run_queued

    return run_queued


@pytest.fixture
def secretariat(db):
    """Staff persona: a member of the technopark secretariat."""
    return factories.make_secretariat()


@pytest.fixture
def owner(db):
    """The applicant who owns the case (user of the applicant organisation), with an e-mail."""
    organisation = factories.make_organisation(name="Owner Tech LLP")
    return factories.make_user(organisation=organisation, roles=["applicant"],
                               email="owner@example.kz", language="en")


@pytest.fixture
def other_applicant(db):
    """An applicant of another organisation."""
    organisation = factories.make_organisation(name="Other Tech LLP")
    return factories.make_user(organisation=organisation, roles=["applicant"],
                               email="other@example.kz")


@pytest.fixture
def commission(db):
    """The selection commission of paragraph 13: three members, quorum 3, simple majority.
    Returns (commission, [member users])."""
    return factories.make_selection_commission()


@pytest.fixture
def draft_case(owner):
    """A draft participation application with valid facts and the paragraph 9 documents."""
    return factories.make_participation_case(owner)


@pytest.fixture
def messages_of():
    """The flash messages a response queued, as strings."""

    def read(response) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]

    return read
