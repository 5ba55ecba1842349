"""Who may do what with an organised platform. Its public page and its published road-map versions
are open to everyone; the users of the coordinator's organisation and of the proposing state body
(the case's owner) keep its records and edit its road map; the authorized body and administrators
read drafts too (as staff of the workflow that organised it)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from techpolicy.accounts.roles import ADMINISTRATOR, has_role
from techpolicy.casework.permissions import handles_workflow

from .models import Platform
from .workflows import ORGANISATION

Permission = tuple[bool, str]


def can_edit(user, platform: Platform) -> Permission:
    if not getattr(user, "is_authenticated", False):
        return False, _("Sign in to change the platform's records.")
    if has_role(user, ADMINISTRATOR):
        return True, ""
    organisation = user.organisation_id
    if organisation is not None and organisation in (platform.proposer_id, platform.coordinator_id):
        return True, ""
    return False, _("Only the coordinator and the proposing state body keep the platform's records and road map.")


def can_read_drafts(user, platform: Platform) -> bool:
    return can_edit(user, platform)[0] or handles_workflow(user, ORGANISATION)
