"""The service's pages about one case, offered on the generic case page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.permissions import is_owner

EDITABLE = ("draft", "remarks")


def case_links(case, user) -> list[tuple[object, str]]:
    links = []
    if is_owner(user, case) and case.state in EDITABLE:
        links.append((_("Edit the proposal"), reverse("technology_platforms:edit", args=[case.number])))
    platform = getattr(case, "technology_platform", None) if case.state == "organised" else None
    if platform is not None:
        links.append((_("The platform's page"), reverse("technology_platforms:platform", args=[platform.pk])))
    return links
