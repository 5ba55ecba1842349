"""The roles the platform workflow names. Roles are plain group names scoped per workflow by the
actions that name them (`casework.permissions`): the authorized body of this workflow is not staff
of the competence-centre workflow unless that table names it too.

- the proposer is the owner of the case: any user of an organisation the competence-centre service
  records as a state body or local executive body (p.27); no role is needed for it;
- `AUTHORIZED_BODY` ("уәкілетті орган") considers the proposal (p.27) and organises the platform;
- `HSTC_SECRETARY`, the working body of the Higher Scientific and Technical Commission ("ЖҒТК"),
  prepares its meetings and records its recommendation (p.28);
- the HSTC's members are members of the commission `HSTC` (role "commission"); the seed sets no
  composition, quorum or majority: the administrator enters the commission's regulations.
"""

from __future__ import annotations

AUTHORIZED_BODY = "authorized_body"
HSTC_SECRETARY = "hstc_secretary"
HSTC = "hstc"  # the key of the HSTC's `casework.Commission`
