"""Sign-ups racing for one BIN or one user name (issue 8, finding 4): the unique constraints decide, and
every loser gets the form error the sign-up gives for a BIN or a name already registered, never a 500
(twenty sign-ups with one BIN gave seven IntegrityErrors). The constraint path is staged on both
databases by letting the form's own check pass; the real race runs in threads
(PostgreSQL or a SQLite file, tests/races.py)."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from techpolicy.accounts.models import Organisation, User
from techpolicy.site.forms import SignUpForm
from tests import factories
from tests.races import N, no_server_errors, posts_at_once, race

BIN_TAKEN = "An organisation with this BIN is already registered"
NAME_TAKEN = "A user with that username already exists."


@pytest.fixture(autouse=True)
def _fast(settings):
    # The limit on anonymous writes stays on (raised far above 20 by the shared fixture): twenty
    # sign-ups opening one counter window at once must all be counted, none refused.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def signup_url() -> str:
    with translation.override("en"):
        return reverse("register")


def sign_up(username="newco", bin_="990140012345", **changes) -> dict:
    return {"username": username, "email": f"{username}@example.kz", "first_name": "Aigerim", "last_name": "Sadykova",
            "password1": "steppe-falcon-2026!", "password2": "steppe-falcon-2026!",
            "organisation_name": f"{username} LLP", "bin": bin_, "language": "en"} | changes


@pytest.mark.django_db
def test_finding4_a_bin_registered_after_the_check_is_the_bin_error_not_a_500(client, monkeypatch):
    factories.make_organisation(bin="990140012345")
    # The form's check ran before the other sign-up committed: only the constraint sees the BIN.
    monkeypatch.setattr(SignUpForm, "clean_bin", lambda self: self.cleaned_data["bin"])
    response = client.post(signup_url(), sign_up())
    assert response.status_code == 200
    assert BIN_TAKEN in str(response.context["form"].errors["bin"])
    assert not User.objects.filter(username="newco").exists()
    assert Organisation.objects.filter(bin="990140012345").count() == 1


@pytest.mark.django_db
def test_finding4_a_user_name_taken_after_the_check_is_the_name_error_and_saves_no_organisation(client,
                                                                                             monkeypatch):
    factories.make_user("newco")
    monkeypatch.setattr(SignUpForm, "clean_username", lambda self: self.cleaned_data["username"])
    response = client.post(signup_url(), sign_up())
    assert response.status_code == 200
    assert NAME_TAKEN in str(response.context["form"].errors["username"])
    assert not Organisation.objects.filter(bin="990140012345").exists()  # nothing half-saved


@pytest.mark.django_db
def test_finding4_an_integrity_error_of_another_cause_is_not_hidden_as_a_taken_bin(client, monkeypatch):
    """The form error is given only where the BIN or the name is taken; anything else still surfaces."""
    def broken(self, commit=True):
        raise IntegrityError("another constraint")

    monkeypatch.setattr(SignUpForm, "save", broken)
    with pytest.raises(IntegrityError):
        client.post(signup_url(), sign_up())


@race
def test_finding4_twenty_sign_ups_with_one_bin_make_one_organisation_and_nineteen_form_errors():
    answers = no_server_errors(posts_at_once([(None, signup_url(), sign_up(f"newco{i}")) for i in range(N)]))
    assert len([a for a in answers if a.status == 302]) == 1
    assert all(BIN_TAKEN in a.page for a in answers if a.status != 302)
    assert Organisation.objects.filter(bin="990140012345").count() == 1
    assert User.objects.filter(username__startswith="newco").count() == 1


@race
def test_finding4_twenty_sign_ups_with_one_user_name_make_one_user_and_no_orphan_organisation():
    answers = no_server_errors(posts_at_once([(None, signup_url(), sign_up(bin_=f"99014001{i:04d}"))
                                              for i in range(N)]))
    assert len([a for a in answers if a.status == 302]) == 1
    assert all(NAME_TAKEN in a.page for a in answers if a.status != 302)
    assert User.objects.filter(username="newco").count() == 1
    assert Organisation.objects.filter(bin__startswith="99014001").count() == 1
