"""Failed sign-ins are throttled by django-axes (settings AXES_*): after TECHPOLICY_LOGIN_FAILURE_LIMIT
failures for one account, or from one address, sign-in is paused for TECHPOLICY_LOGIN_COOLOFF_MINUTES
after the latest failure. This module holds the two pieces the site adds: the page that says so, and
what a successful sign-in forgets."""

from __future__ import annotations

import math

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .client import client_address

TEMPLATE = "registration/locked_out.html"
# axes stores the attempted username in a column of 255 characters, and the sign-in form does not
# bound its length (AuthenticationForm sets max_length after its validators are built).
USERNAME_CHARS = 255


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The username a sign-in attempt is counted under (AXES_USERNAME_CALLABLE): as typed, cut to
    what axes can store. No account has a longer name, so cutting merges only guesses."""
    field = settings.AXES_USERNAME_FORM_FIELD
    username = credentials.get(field) if credentials else getattr(request, "POST", {}).get(field)
    return None if username is None else str(username)[:USERNAME_CHARS]


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None,
               credentials: dict | None = None) -> HttpResponse:
    """The lockout answer (AXES_LOCKOUT_CALLABLE): a page in the user's language saying when sign-in
    opens again, status AXES_HTTP_RESPONSE_CODE (429) with Retry-After. It replaces axes's default,
    which answers scripts with a JSON body that allows every origin."""
    cool_off = get_cool_off(request)
    # The pause runs from the latest failure, which is the attempt this response answers.
    retry_at = getattr(request, "axes_attempt_time", None) or timezone.now()
    retry_at += cool_off
    response = render(request, TEMPLATE, {"retry_at": retry_at}, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(max(1, math.ceil(cool_off.total_seconds())))
    return response


@receiver(user_logged_in, dispatch_uid="techpolicy.site.login_throttle.forget_own_failures")
def forget_own_failures(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """A successful sign-in forgets only the failures of that account from that address. axes's own
    AXES_RESET_ON_SUCCESS would delete every failure from the address and every failure of the
    account, so an attacker could clear the count against a victim by signing in to an account of
    their own between guesses."""
    if request is None:
        return
    AccessAttempt.objects.filter(username=user.get_username(), ip_address=client_address(request)).delete()
