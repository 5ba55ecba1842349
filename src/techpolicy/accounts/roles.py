"""Roles are Django groups with stable names; code asks `has_role(user, ROLE)`.

There is deliberately no "any staff role" test: staff rights are scoped to the workflows whose
tables name the role (`casework.permissions.handles_workflow`), so the staff of one service never
act on another's cases (issue 8, finding 5).

The names of every role stay here, since workflow tables and checks import them; the labels of the
roles a service introduces are declared by that service (`Service.roles`), and
`casework.registry.role_labels()` gives every label."""

from django.utils.translation import gettext_lazy as _

APPLICANT = "applicant"
SECRETARIAT = "secretariat"  # Technopark secretariat
COMMISSION = "commission"  # selection commission member ("іріктеу жөніндегі комиссия")
ADMINISTRATOR = "administrator"
OPERATOR = "programme_operator"  # "Productivity 2020" programme operator, KIDI ("Бағдарлама операторы")
LEASING_OPERATOR = "leasing_operator"  # instrument operator of long-term leasing, KDB-Leasing
ANALYST = "analyst"  # ministry or national-institute analyst (what-if simulations, monitoring, forecasts)
EXPERT = "expert"  # domestic or foreign expert answering a forecast study (seed 000 p.5, 10(1))

# The labels of the roles every service shares; the services label their own roles.
ROLE_NAMES = {
    APPLICANT: _("Applicant company"),
    COMMISSION: _("Selection commission member"),
    ADMINISTRATOR: _("Administrator"),
    ANALYST: _("Policy analyst"),
}


def has_role(user, role: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if role == ADMINISTRATOR and user.is_superuser:
        return True
    return user.groups.filter(name=role).exists()
