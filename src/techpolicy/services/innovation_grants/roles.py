"""The roles the innovation-grants service introduces (group names, `accounts.roles.has_role`),
scoped to its workflow by the actions its table names them for.

- the operator of innovation grants: the national operator for technological development performs
  the authorized body's operator functions for grants (law 003 article 14(10)): it receives and
  checks applications, organises the expertise, prepares the award, signs the agreement and keeps
  the fund ledger;
- an expert of the independent economic and technological expertise (article 27(2), third indent),
  domestic or foreign; the grant commission votes through the core's commission machinery;
- the operator of a support measure other than grants: the body the Law names as its provider
  (articles 12-17 and 21-33), which considers and decides applications for it."""

from django.utils.translation import gettext_lazy as _

GRANT_OPERATOR = "grant_operator"
GRANT_EXPERT = "grant_expert"
SUPPORT_OPERATOR = "support_operator"

LABELS = {
    GRANT_OPERATOR: _("Operator of innovation grants (national operator for technological development)"),
    GRANT_EXPERT: _("Expert of the independent economic and technological expertise"),
    SUPPORT_OPERATOR: _("Operator of a support measure (the body providing it under articles 12-17 and 21-33)"),
}
