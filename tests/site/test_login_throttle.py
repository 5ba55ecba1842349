"""Finding 11 of the security review: failed sign-ins are throttled per account and per address
(django-axes, site.login_throttle), on the site's sign-in page and the administration's alike, with
a page in the user's language and status 429."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/en/login/"
ADDRESS = "203.0.113.5"
PAUSED = "Too many failed sign-in attempts: signing in to this account or from your network address is paused."


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    # A fast hasher: these tests check passwords dozens of times, and the throttle does not depend on it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def clerk(db):
    return factories.make_user("clerk", password=factories.PASSWORD)


def sign_in(client, username, password, address=ADDRESS, path=LOGIN):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_finding11_thirty_wrong_passwords_then_the_right_one_is_refused_with_the_message(client, clerk):
    statuses = [sign_in(client, "clerk", f"wrong-{i}").status_code for i in range(30)]
    # Four failures show the form again; the fifth and every later one answer with the pause.
    assert statuses == [200] * 4 + [429] * 26
    response = sign_in(client, "clerk", factories.PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert PAUSED in page
    assert "You can try again after" in page
    assert response["Retry-After"] == str(15 * 60)


def test_finding11_the_pause_says_when_sign_in_opens_again_in_local_time(client, clerk):
    for i in range(5):
        response = sign_in(client, "clerk", f"wrong-{i}")
    opens = timezone.localtime(timezone.now() + dt.timedelta(minutes=15))
    assert opens.strftime("%d.%m.%Y %H:%M") in response.content.decode() or \
        (opens - dt.timedelta(minutes=1)).strftime("%d.%m.%Y %H:%M") in response.content.decode()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_finding11_the_pause_page_is_in_the_language_of_the_address(client, clerk, language):
    for i in range(5):
        response = sign_in(client, "clerk", f"wrong-{i}", path=f"/{language}/login/")
    assert response.status_code == 429
    assert f'<html lang="{language}">' in response.content.decode()
    assert 'data-testid="locked-out"' in response.content.decode()


def test_finding11_one_address_is_paused_across_different_usernames(client, clerk):
    for i in range(5):
        sign_in(client, f"guess-{i}", "wrong")
    assert sign_in(client, "clerk", factories.PASSWORD).status_code == 429
    assert not signed_in(client)
    # The account itself is not paused: from another address its owner signs in.
    assert sign_in(Client(), "clerk", factories.PASSWORD, address="198.51.100.20").status_code == 302


def test_finding11_one_account_is_paused_across_different_addresses(client, clerk):
    for i in range(5):
        assert sign_in(client, "clerk", "wrong", address=f"198.51.100.{i + 1}").status_code in (200, 429)
    assert sign_in(client, "clerk", factories.PASSWORD, address="192.0.2.99").status_code == 429
    assert not signed_in(client)
    # The addresses are not paused for other accounts: one failure each is below the limit.
    factories.make_user("auditor", password=factories.PASSWORD)
    other = Client()
    assert sign_in(other, "auditor", factories.PASSWORD, address="198.51.100.1").status_code == 302
    assert signed_in(other)


def test_finding11_sign_in_opens_again_after_the_cool_off(client, clerk):
    for i in range(5):
        sign_in(client, "clerk", f"wrong-{i}")
    assert sign_in(client, "clerk", factories.PASSWORD).status_code == 429
    # Fifteen minutes and a second pass after the latest failure.
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=15, seconds=1))
    assert sign_in(client, "clerk", factories.PASSWORD).status_code == 302
    assert signed_in(client)


def test_finding11_signing_in_to_ones_own_account_does_not_clear_the_failures_against_another(client, clerk):
    factories.make_user("mallory", password=factories.PASSWORD)
    for i in range(4):
        sign_in(client, "clerk", f"wrong-{i}")
    assert sign_in(Client(), "mallory", factories.PASSWORD).status_code == 302
    # The fifth failure against the clerk from that address still pauses it.
    assert sign_in(client, "clerk", "wrong-4").status_code == 429


def test_finding11_a_successful_sign_in_forgets_that_accounts_own_failures(client, clerk):
    for i in range(4):
        sign_in(client, "clerk", f"wrong-{i}")
    assert sign_in(client, "clerk", factories.PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="clerk").exists()
    # A later mistake is the first one again, not the fifth.
    assert sign_in(Client(), "clerk", "wrong-again").status_code == 200


def test_finding11_the_administration_sign_in_is_throttled_too(client):
    factories.make_user("root", password=factories.PASSWORD, is_staff=True, is_superuser=True)
    statuses = [sign_in(client, "root", f"wrong-{i}", path="/en/admin/login/").status_code for i in range(6)]
    assert statuses == [200] * 4 + [429] * 2
    response = sign_in(client, "root", factories.PASSWORD, path="/en/admin/login/")
    assert response.status_code == 429
    assert PAUSED in response.content.decode()
    assert not signed_in(client)


def test_finding11_an_overlong_username_is_counted_without_a_server_error(client):
    # The sign-in form does not bound the username's length; axes stores up to 255 characters.
    statuses = [sign_in(client, "x" * 5000, "wrong").status_code for _ in range(6)]
    assert statuses == [200] * 4 + [429] * 2


def test_finding11_a_script_gets_the_same_pause_without_a_cross_origin_grant(client, clerk):
    # axes's default answers X-Requested-With with JSON that allows every origin to read it.
    for i in range(5):
        response = client.post(LOGIN, {"username": "clerk", "password": f"wrong-{i}"}, REMOTE_ADDR=ADDRESS,
                               HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 429
    assert "Access-Control-Allow-Origin" not in response
    assert PAUSED in response.content.decode()


def test_finding11_behind_a_declared_proxy_each_forwarded_client_is_its_own_address(client, clerk, settings):
    settings.TECHPOLICY_PROXY_COUNT = 1
    for i in range(5):
        client.post(LOGIN, {"username": f"guess-{i}", "password": "wrong"}, REMOTE_ADDR="10.0.0.2",
                    HTTP_X_FORWARDED_FOR="198.51.100.66")
    assert AccessAttempt.objects.filter(ip_address="198.51.100.66").count() == 5
    # The proxy's address is not paused: another client behind it signs in.
    other = Client()
    response = other.post(LOGIN, {"username": "clerk", "password": factories.PASSWORD}, REMOTE_ADDR="10.0.0.2",
                          HTTP_X_FORWARDED_FOR="198.51.100.67")
    assert response.status_code == 302 and signed_in(other)
