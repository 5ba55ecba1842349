"""Finding 11 of the security review, second half: writes sent without signing in are limited per
client network and minute (site.throttle), with a counter in the database that every web process
shares; a refusal is 429 with Retry-After, as JSON in the API's error shape or as a page."""

import json
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from techpolicy.site import throttle
from techpolicy.site.models import AnonymousWriteCount
from tests import factories

PRECHECK = "/api/v1/technopark/precheck"
LIMIT = 3
MESSAGE = ("Too many requests were sent from your network address without signing in. "
           "Please wait a minute and try again, or sign in.")
NOON = 1_800_000_000.0  # a moment at the start of a window (a multiple of 60 seconds)


@pytest.fixture(autouse=True)
def _limit(settings, monkeypatch):
    settings.TECHPOLICY_ANON_WRITES_PER_MINUTE = LIMIT
    now = {"t": NOON + 10}
    monkeypatch.setattr(throttle, "clock", lambda: now["t"])
    return now


def api_post(client, address):
    # The API speaks the language the client asks for; English here, to compare with MESSAGE.
    return client.post(PRECHECK, "{}", content_type="application/json", REMOTE_ADDR=address,
                       HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_finding11_anonymous_writes_are_throttled_per_address_with_json_on_the_api(client):
    assert all(api_post(client, "203.0.113.7").status_code != 429 for _ in range(LIMIT))
    refused = api_post(client, "203.0.113.7")
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("application/json")
    assert json.loads(refused.content) == {"detail": [{"field": "(request)", "message": MESSAGE}]}
    assert refused["Retry-After"] == "50"  # the window ends 50 seconds after NOON + 10
    # Another address has its own count.
    assert api_post(client, "203.0.113.8").status_code != 429


@pytest.mark.django_db
def test_finding11_anonymous_writes_are_throttled_with_a_page_on_the_web(client):
    for _ in range(LIMIT):
        assert client.post("/en/login/", {}, REMOTE_ADDR="203.0.113.9").status_code == 200
    refused = client.post("/en/login/", {}, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"
    page = refused.content.decode()
    assert '<html lang="en">' in page and MESSAGE in page and 'data-testid="throttled"' in page
    # The refusal carries the security headers of every page.
    assert "default-src 'self'" in refused["Content-Security-Policy"] and refused["X-Frame-Options"] == "DENY"
    # Reading is not limited.
    assert client.get("/en/login/", REMOTE_ADDR="203.0.113.9").status_code == 200


@pytest.mark.django_db
def test_finding11_the_api_and_the_web_share_one_count_per_address(client):
    for _ in range(LIMIT):
        client.post("/en/login/", {}, REMOTE_ADDR="203.0.113.10")
    assert api_post(client, "203.0.113.10").status_code == 429


@pytest.mark.django_db
def test_finding11_signed_in_users_are_not_throttled_by_the_anonymous_limit(client):
    client.force_login(factories.make_user("analyst"))
    assert [api_post(client, "203.0.113.11").status_code != 429 for _ in range(LIMIT * 3)] == [True] * LIMIT * 3
    assert not AnonymousWriteCount.objects.exists()


@pytest.mark.django_db
def test_finding11_the_window_resets_and_past_windows_are_deleted(client, _limit):
    for _ in range(LIMIT):
        api_post(client, "203.0.113.12")
    assert api_post(client, "203.0.113.12").status_code == 429
    _limit["t"] = NOON + 60  # the next window
    assert api_post(client, "203.0.113.12").status_code != 429
    assert list(AnonymousWriteCount.objects.values_list("window", "count")) == [(int((NOON + 60) // 60), 1)]


@pytest.mark.django_db
def test_finding11_ipv6_clients_are_counted_per_64_network(client):
    for i in range(LIMIT):
        api_post(client, f"2001:db8:1:2::{i + 1}")
    assert api_post(client, "2001:db8:1:2:ffff::9").status_code == 429
    assert api_post(client, "2001:db8:1:3::1").status_code != 429


@pytest.mark.django_db
def test_finding11_behind_a_declared_proxy_the_forwarded_client_is_counted(settings):
    settings.TECHPOLICY_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")

    def forwarded(chain):
        return proxy.post(PRECHECK, "{}", content_type="application/json", HTTP_X_FORWARDED_FOR=chain).status_code

    for _ in range(LIMIT):
        forwarded("forged, 198.51.100.3")
    assert forwarded("198.51.100.3") == 429
    # The proxy's other clients are not refused; what the client itself wrote on the left is ignored.
    assert forwarded("198.51.100.3, 198.51.100.4") != 429


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers are staged on PostgreSQL only")
def test_finding11_twenty_processes_at_once_let_exactly_the_limit_through():
    start = threading.Barrier(20)
    allowed = [None] * 20

    def run(i):
        try:
            start.wait()
            allowed[i] = throttle.take("198.51.100.50", 5, NOON + 1)[0]
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert allowed.count(True) == 5 and allowed.count(False) == 15
    assert AnonymousWriteCount.objects.get(key="198.51.100.50").count == 5
