"""Roles are Django groups with stable names; code asks `has_role(user, ROLE)`."""

from django.utils.translation import gettext_lazy as _

APPLICANT = "applicant"
SECRETARIAT = "secretariat"  # Technopark secretariat
COMMISSION = "commission"  # selection commission member ("іріктеу жөніндегі комиссия")
ADMINISTRATOR = "administrator"
OPERATOR = "programme_operator"  # "Productivity 2020" programme operator, KIDI ("Бағдарлама операторы")
LEASING_OPERATOR = "leasing_operator"  # instrument operator of long-term leasing, KDB-Leasing
ANALYST = "analyst"  # ministry or national-institute analyst (what-if simulations, monitoring, forecasts)
EXPERT = "expert"  # domestic or foreign expert answering a forecast study (seed 000 p.5, 10(1))

ROLE_NAMES = {
    APPLICANT: _("Applicant company"),
    SECRETARIAT: _("Technopark secretariat"),
    COMMISSION: _("Selection commission member"),
    ADMINISTRATOR: _("Administrator"),
    OPERATOR: _("Programme operator (KIDI)"),
    LEASING_OPERATOR: _("Leasing operator (KDB-Leasing)"),
    ANALYST: _("Policy analyst"),
    EXPERT: _("Forecasting expert"),
}

STAFF_ROLES = (SECRETARIAT, OPERATOR, LEASING_OPERATOR, ADMINISTRATOR)


def has_role(user, role: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if role == ADMINISTRATOR and user.is_superuser:
        return True
    return user.groups.filter(name=role).exists()


def is_staff_role(user) -> bool:
    """Secretariat, programme and leasing operators and administrators handle cases; commission
    members only vote. Which cases a staff member sees is decided per workflow (casework.permissions)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or user.groups.filter(name__in=STAFF_ROLES).exists()
