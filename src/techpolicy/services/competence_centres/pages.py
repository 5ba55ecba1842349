"""The service's pages about one designation case, offered on the generic case page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.permissions import is_owner

EDITABLE = ("draft", "remarks")


def case_links(case, user) -> list[tuple[object, str]]:
    links = []
    if is_owner(user, case) and case.state in EDITABLE:
        links.append((_("Edit the initiative"), reverse("competence_centres:edit", args=[case.number])))
    links.append((_("Methodological comments of the national institute (p.21)"),
                  reverse("competence_centres:case", args=[case.number])))
    return links
