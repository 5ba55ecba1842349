"""Who may do what with a study. Checks return `(allowed, reason)` like casework.permissions."""

from django.utils.translation import gettext as _

from techpolicy.accounts.roles import ADMINISTRATOR, ANALYST, has_role


def can_manage(user) -> tuple[bool, str]:
    """Analysts of the organising body or the national institute run studies (paragraphs 3 and 5)."""
    if has_role(user, ANALYST) or has_role(user, ADMINISTRATOR):
        return True, ""
    return False, _("Only analysts run forecast studies.")


def membership_of(user, study):
    """The signed-in expert's membership in `study`, or None."""
    expert = getattr(user, "expert", None) if getattr(user, "is_authenticated", False) else None
    if expert is None:
        return None
    return study.memberships.filter(expert=expert).first()
