"""The service's pages about one programme case, offered on the generic case page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.permissions import is_owner

EDITABLE = ("draft", "remarks")


def case_links(case, user) -> list[tuple[object, str]]:
    links = []
    if is_owner(user, case) and case.state in EDITABLE:
        links.append((_("Edit the programme document"), reverse("targeted_programmes:edit", args=[case.number])))
    links.append((_("The programme: versions, comments, agreements and monitoring"),
                  reverse("targeted_programmes:programme", args=[case.number])))
    return links
