"""What every page's template needs: the generic menu flags and the links the declared services
offer this user (`casework.registry`), evaluated on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.urls import reverse

from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, has_role
from techpolicy.casework.permissions import is_case_staff
from techpolicy.casework.registry import Link, everyone, services


@dataclass(frozen=True)
class Shown:
    """A link as the page shows it: its label, its address in the page's language, its style."""

    label: Any
    href: str
    style: str


@dataclass(frozen=True)
class Card:
    """A service on the home page: its name, summary and buttons."""

    name: Any
    summary: Any
    buttons: list[Shown]


def href(link: Link) -> str:
    return link.url if link.url.startswith("/") else reverse(link.url)


class ServiceLinks:
    """The services' links for one user; each list is computed once, when a template first asks."""

    def __init__(self, user):
        self.user = user

    def _shown(self, links, public: bool | None = None) -> list[Shown]:
        """The links this user may see; `public` keeps only those for everyone (True) or only
        the others (False)."""
        return [Shown(link.label, href(link), link.style) for link in links
                if (public is None or (link.audience is everyone) == public) and link.audience(self.user)]

    def _of_all(self, attribute: str, public: bool | None = None) -> list[Shown]:
        return [shown for s in services() for shown in self._shown(getattr(s, attribute), public)]

    @cached_property
    def menu_public(self) -> list[Shown]:
        return self._of_all("navigation", public=True)

    @cached_property
    def menu_personal(self) -> list[Shown]:
        return self._of_all("navigation", public=False)

    @cached_property
    def cards(self) -> list[Card]:
        return [Card(s.name, s.summary, self._shown(s.home)) for s in services()]

    @cached_property
    def registers(self) -> list[Shown]:
        return self._of_all("registers_links")

    @cached_property
    def apply(self) -> list[Shown]:
        return self._of_all("apply")


def site_context(request) -> dict[str, Any]:
    user = request.user
    return {
        # Staff of at least one workflow see the work queue link; the queue lists only the cases of
        # the workflows they handle, and every case page asks `handles(user, case)` (finding 5).
        "is_secretariat": is_case_staff(user),
        "is_commission": has_role(user, COMMISSION),
        "is_administrator": has_role(user, ADMINISTRATOR),
        "service_links": ServiceLinks(user),
    }

