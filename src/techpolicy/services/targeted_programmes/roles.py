"""The roles the programme workflow names (group names, `accounts.roles.has_role`), scoped to it by
the actions its table gives them (`casework.permissions`):

- the developer is the owner of the case: a sectoral competence centre (p.31), found designated for
  the programme's sector in the competence-centre register when the draft is judged;
- `STATE_BODY`, the supervising state body the draft is addressed to, reviews it, records the
  agreements, submits its proposals to the HSTC (p.42) and approves the programme (p.43);
- `HSTC_SECRETARY`, the HSTC's working body, records the HSTC's recommendation after its vote;
- `NATIONAL_INSTITUTE` gives methodological assistance (p.32): it comments, it decides nothing.
The roles are the competence-centre and platform services' own; they label them."""

from techpolicy.services.competence_centres.roles import NATIONAL_INSTITUTE, STATE_BODY
from techpolicy.services.technology_platforms.roles import HSTC, HSTC_SECRETARY

__all__ = ["HSTC", "HSTC_SECRETARY", "NATIONAL_INSTITUTE", "STATE_BODY"]
