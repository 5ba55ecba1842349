"""The service's pages about one grant application, offered on the generic case page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.permissions import is_owner

EDITABLE = ("draft", "remarks")
WITH_REPORTS = ("implementation", "completed")


def case_links(case, user) -> list[tuple[object, str]]:
    links = []
    if is_owner(user, case) and case.state in EDITABLE:
        links.append((_("Edit the application"), reverse("innovation_grants:edit", args=[case.number])))
    links.append((_("Expertise panel"), reverse("innovation_grants:panel", args=[case.number])))
    if case.state in WITH_REPORTS:
        links.append((_("Reports and their due dates"), reverse("innovation_grants:case_reports", args=[case.number])))
    return links
