"""Roles are Django groups with stable names; code asks `has_role(user, ROLE)`."""

from django.utils.translation import gettext_lazy as _

APPLICANT = "applicant"
SECRETARIAT = "secretariat"  # Technopark secretariat
COMMISSION = "commission"  # selection commission member ("іріктеу жөніндегі комиссия")
ADMINISTRATOR = "administrator"

ROLE_NAMES = {
    APPLICANT: _("Applicant company"),
    SECRETARIAT: _("Technopark secretariat"),
    COMMISSION: _("Selection commission member"),
    ADMINISTRATOR: _("Administrator"),
}


def has_role(user, role: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if role == ADMINISTRATOR and user.is_superuser:
        return True
    return user.groups.filter(name=role).exists()


def is_staff_role(user) -> bool:
    """Secretariat and administrators handle cases; commission members only vote."""
    return has_role(user, SECRETARIAT) or has_role(user, ADMINISTRATOR)
