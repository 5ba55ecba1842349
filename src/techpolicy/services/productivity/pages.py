"""The service's pages about one case, offered on the generic case page (Workflow.links)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.permissions import handles, is_owner

EDITABLE = ("draft", "gaps", "refused")
AFTERCARE_STATES = ("monitoring", "closed")  # leasing: productivity reports under the monitoring agreement


def case_links(case, user) -> list[tuple[object, str]]:
    links = []
    if is_owner(user, case) and case.state in EDITABLE:
        links.append((_("Edit the application"), reverse("productivity:edit", args=[case.number])))
    has_reimbursement = hasattr(case, "reimbursement")
    concerned = is_owner(user, case) or handles(user, case)
    if concerned and (has_reimbursement or case.state in AFTERCARE_STATES):
        label = _("Agreement, payments and reports") if has_reimbursement else _("Productivity reports")
        links.append((label, reverse("productivity:aftercare", args=[case.number])))
    return links
