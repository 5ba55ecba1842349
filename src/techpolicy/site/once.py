"""A form is taken once: a double click, a resent request or twenty tabs posting the same form
create one record, not twenty (issue 8, finding 2, for the records that have no natural key).

Every form that creates a record carries `{% once_token %}`, a random token made when the page
is rendered. `first_submission(request)` records the token in the table `SubmittedForm`, whose
unique key decides a race in the database; call it inside the transaction that creates the
record, so that a creation that fails gives the token back. A post without a token (a script that
did not load the form) is not deduplicated: the records these forms create carry no key that
would make a second one wrong in itself."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SubmittedForm

FIELD = "once"
KEEP = dt.timedelta(days=2)  # a form left open longer than this may be sent once more
_TOKEN = re.compile(r"[0-9a-f]{32}")


def new_token() -> str:
    return secrets.token_hex(16)


def first_submission(request) -> bool:
    """False when a form with this request's token was already taken; True otherwise."""
    token = request.POST.get(FIELD, "")
    if not _TOKEN.fullmatch(token):
        return True
    try:
        with transaction.atomic():
            SubmittedForm.objects.create(token=token)
    except IntegrityError:
        return False
    SubmittedForm.objects.filter(submitted_at__lt=timezone.now() - KEEP).delete()
    return True


def already_sent() -> str:
    return _("This form was already sent; it was taken once and nothing was added twice.")
