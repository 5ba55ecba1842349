"""Putting a version of the priority directions of innovation grants (or of the critical
technologies) in force, and reading the version in force on a date (003.a4.9, 003.a5.9,
003.a10.p3.4, 003.a19.p1.basis1, X.link.forecast).

A version must rest on forecasting results (article 19(1), fifth indent: technological forecasting
is the basis for determining and updating the critical technologies and the priority directions of
grants): the list of key technologies the forecasting service approved (seed 000 p.13(1)) must be in
force on the day the version starts, and the version keeps which list that was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.reference import ReferenceListError, publish_reference_list
from techpolicy.forecasting.studies import key_technologies
from techpolicy.law.text import control_characters

from .models import DirectionsVersion
from .models.directions import list_key

MAX_ITEMS = 500
MAX_NAME = 500
CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")
BASIS = {
    DirectionsVersion.PRIORITY_DIRECTIONS: "003 a.4 p.9",
    DirectionsVersion.CRITICAL_TECHNOLOGIES: "003 a.10 p.3(4)",
}


class DirectionsError(ValueError):
    """A version that cannot be put in force: the message (in the reader's language) and the field."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def _items(items: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    if not items:
        raise DirectionsError(_("A list needs at least one item."), "items")
    if len(items) > MAX_ITEMS:
        raise DirectionsError(_("A list holds at most %(count)d items.") % {"count": MAX_ITEMS}, "items")
    found: list[dict[str, str]] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        code = str(item.get("code") or "").strip()
        if not code or len(code) > 40 or not set(code) <= CODE_CHARS:
            raise DirectionsError(_("Item %(n)d: a code is up to 40 letters, digits, dots, hyphens or "
                                    "underscores.") % {"n": i + 1}, f"items[{i}].code")
        if code.casefold() in seen:
            raise DirectionsError(_("Item %(n)d: the code %(code)s is listed twice.") % {"n": i + 1, "code": code},
                                  f"items[{i}].code")
        seen.add(code.casefold())
        names = {}
        for lang in ("kk", "ru", "en"):
            name = " ".join(str(item.get(f"name_{lang}") or "").split())
            if not name or len(name) > MAX_NAME or control_characters(name, limit=1):
                raise DirectionsError(_("Item %(n)d: the name in each of Kazakh, Russian and English is required "
                                        "(up to %(max)d characters).") % {"n": i + 1, "max": MAX_NAME},
                                      f"items[{i}].name_{lang}")
            names[f"name_{lang}"] = name
        found.append({"code": code, **names})
    return found


@transaction.atomic
def publish(kind: str, items: Sequence[Mapping[str, Any]], valid_from: dt.date, *, decision: str,
            recommendation: str, proposal: str = "", actor) -> DirectionsVersion:
    """Put a new version of the list `kind` in force from `valid_from`; the version in force until
    then ends the day before (history is kept for questions "as of" a past date)."""
    if kind not in BASIS:
        raise DirectionsError(_("Unknown list."), "kind")
    for field, value in (("decision", decision), ("recommendation", recommendation)):
        if not value.strip():
            raise DirectionsError(_("This field is required."), field)
    approval, _until = key_technologies.approval_on(valid_from)
    if approval is None:
        raise DirectionsError(
            _("No list of key technologies approved from the forecasting results is in force on %(date)s: the "
              "directions rest on the forecasting results (article 19(1) of the Law).") % {"date": valid_from},
            "valid_from")
    rows = _items(items)
    source = f"{decision}; {BASIS[kind]}; {approval.study.number}"
    try:
        publish_reference_list(list_key(kind), rows, valid_from, source)
    except ReferenceListError as exc:
        raise DirectionsError(_("A version of this list is already in force from %(date)s; a new version must "
                                "start later.") % {"date": exc.latest.isoformat()}, "valid_from") from None
    return DirectionsVersion.objects.create(
        kind=kind, valid_from=valid_from, decision=decision.strip(), proposal=proposal.strip(),
        recommendation=recommendation.strip(), forecast_from=approval.in_force_from,
        forecast_study=approval.study.number, forecast_decision=approval.decision, entered_by=actor)


@dataclass(frozen=True)
class InForce:
    """The version of a list in force on a day: its record (None before the first version) and its
    items, code -> {"kk", "ru", "en"} names."""

    on: dt.date
    version: DirectionsVersion | None
    items: dict[str, dict[str, str]]


def in_force(kind: str, on: dt.date) -> InForce:
    """The version of `kind` in force on `on`."""
    version = (DirectionsVersion.objects.filter(kind=kind, valid_from__lte=on).order_by("-valid_from").first())
    listed = law_context.reference_list(list_key(kind), on)
    return InForce(on, version, {code: item["name"] for code, item in listed.items()})
