"""Who may sit on a commission, as law: the commission names a law-layer procedure
(`Commission.composition`, a name in `techpolicy.law.procedure.catalogue()`) whose facts are
{"members": [...]}, and each member's `qualifications` are the facts of that procedure's member
model (without the name, which is the member's full name). The procedure's verdict says whether
the membership meets the act (e.g. a selection commission's composition rule, 001 p.13)."""

from __future__ import annotations

import json
import typing
from typing import Any

from django.utils.translation import gettext as _
from pydantic import BaseModel, ValidationError

from techpolicy.law.facts import field_path
from techpolicy.law.procedure import Procedure, catalogue
from techpolicy.law.rules import Verdict

from ..models import Commission

MAX_QUALIFICATIONS = 50  # keys of one member's qualifications
MAX_QUALIFICATIONS_CHARS = 10_000  # their JSON text
NAME = "name"  # the member model's field filled from `CommissionMember.full_name`


class CompositionError(Exception):
    """The composition cannot be judged (no procedure named, or qualifications that do not fit)."""


def member_model(procedure: Procedure) -> type[BaseModel] | None:
    """The model of one member in a procedure whose facts hold a list `members` of models."""
    field = procedure.facts.model_fields.get("members")
    if field is None:
        return None
    args = typing.get_args(field.annotation)
    model = args[0] if args else None
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def composition_procedures() -> dict[str, Procedure]:
    """The procedures of the catalogue that judge a commission's members, by name."""
    return {name: p for name, p in catalogue().items() if member_model(p) is not None}


def procedure_of(commission: Commission) -> Procedure | None:
    return composition_procedures().get(commission.composition) if commission.composition else None


def qualification_fields(procedure: Procedure) -> list[tuple[str, str]]:
    """(field, description) of the member model, the name left out: what `qualifications` holds."""
    model = member_model(procedure)
    return [(name, field.description or "") for name, field in model.model_fields.items() if name != NAME]


def _problem(error: dict) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "missing":
        return _("required")
    if kind == "extra_forbidden":
        return _("not a qualification the composition rules know")
    if kind.startswith("bool"):
        return _("must be true or false")
    if kind.split("_")[0] in ("decimal", "int", "float"):
        return _("must be a number")
    if kind in ("greater_than_equal", "greater_than"):
        return _("must be at least %(limit)s") % {"limit": ctx.get("ge", ctx.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return _("must be at most %(limit)s") % {"limit": ctx.get("le", ctx.get("lt"))}
    if kind.startswith("string"):
        return _("must be a text of the allowed length")
    if kind == "literal_error":
        return _("must be one of: %(expected)s") % {"expected": ctx.get("expected", "")}
    return _("is not valid")


def qualification_errors(procedure: Procedure, full_name: str, qualifications: Any) -> list[str]:
    """What is wrong with one member's qualifications under the procedure's member model, each
    naming the field, in the current language; empty when they fit."""
    if not isinstance(qualifications, dict):
        return [_("The qualifications are a JSON object of field names and values.")]
    if len(qualifications) > MAX_QUALIFICATIONS or len(json.dumps(qualifications, default=str)) > \
            MAX_QUALIFICATIONS_CHARS:
        return [_("The qualifications are too large.")]
    if NAME in qualifications:
        return [_("%(field)s: taken from the member's full name") % {"field": NAME}]
    try:
        member_model(procedure).model_validate({NAME: full_name, **qualifications})
    except ValidationError as exc:
        return [_("%(field)s: %(problem)s") % {"field": field_path(e["loc"]), "problem": _problem(e)}
                for e in exc.errors(include_url=False, include_input=False)[:MAX_QUALIFICATIONS]]
    return []


def member_facts(commission: Commission) -> list[dict]:
    """The active members as the facts of the composition procedure."""
    return [{**(m.qualifications if isinstance(m.qualifications, dict) else {}), NAME: m.full_name}
            for m in commission.members.filter(active=True).order_by("pk")]


def evaluate_composition(commission: Commission, on, parameters=None, calendar=None) -> Verdict:
    """The verdict of the commission's composition procedure on its active members. Raises
    CompositionError when no procedure is named or known, `InvalidFacts` (fields named) when the
    recorded qualifications do not fit its member model."""
    procedure = procedure_of(commission)
    if procedure is None:
        raise CompositionError(_("The composition rules of the commission are not chosen; the administrator "
                                 "chooses them."))
    return procedure.evaluate({"members": member_facts(commission)}, on=on, parameters=parameters,
                              calendar=calendar)
