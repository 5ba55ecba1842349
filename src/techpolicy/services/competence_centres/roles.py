"""The roles the competence-centre service introduces (group names, `accounts.roles.has_role`).
They are scoped to this service's workflow by the actions its table names them for; the technology
platforms service names the same state body and authorized body in its own table."""

from django.utils.translation import gettext_lazy as _

STATE_BODY = "state_body"  # staff of a ministry or akimat, acting for its organisation (p.19, p.20)
AUTHORIZED_BODY = "authorized_body"  # the authorized body for state support of innovation (p.19)
NATIONAL_INSTITUTE = "national_institute"  # methodological assistance in forming the centres (p.21)

LABELS = {
    STATE_BODY: _("State body or local executive body"),
    AUTHORIZED_BODY: _("Authorized body for state support of innovation"),
    NATIONAL_INSTITUTE: _("National institute (methodological assistance)"),
}
