"""The API of a service's procedures: GET facts-schema (the JSON schema of a procedure's facts)
and POST check (the verdict on a body of facts), built from `LawCheck`s or procedure names.

The body is read by `api.body` (JSON only, size and depth bounded before decoding); facts the law
layer cannot judge are answered 422 in the API's one error shape, each error naming its field.
Nothing is stored. A service mounts them on its router (`add_procedure_routes`) or as a router of
their own (`procedure_router`), e.g. from the names in its registry entry."""

# No `from __future__ import annotations` here: ninja reads the endpoints' annotations as objects,
# and the `procedure` parameter's type is made per router from the service's procedure names.

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.responses import Status

from techpolicy.api.body import json_object
from techpolicy.api.common import Errors, Lang
from techpolicy.law.facts import InvalidFacts

from .checks import LawCheck, law_check

ANSWERS = {200: dict, 400: Errors, 422: Errors}
Checks = Sequence[str | LawCheck]


def facts_body(service: str) -> dict:
    """The `openapi_extra` of an operation whose body is facts, described by GET facts-schema."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "description": f"Facts; see GET /api/v1/{service}/facts-schema"}}}}}


def answer(request: HttpRequest, compute: Callable[[dict], Any], lang: str) -> Status:
    """200 with `compute(facts).as_dict(lang)` for the body's facts, or 422 naming the fields."""
    data = json_object(request)
    try:
        result = compute(data)
    except InvalidFacts as exc:
        return Status(422, {"detail": exc.errors})
    except ArithmeticError:  # an amount beyond decimal arithmetic (1e308), a date beyond the calendar
        return Status(422, {"detail": [{"field": "(body)", "message": _(
            "A number or a date in the facts is beyond what can be calculated with.")}]})
    return Status(200, result.as_dict(lang))


def _available(checks: Checks) -> list[LawCheck]:
    """The checks, each of a procedure the catalogue declares: a name that is not is an error at
    start-up, not an endpoint that answers 500."""
    available = [law_check(c) for c in checks]
    missing = [c.name for c in available if not c.available()]
    if missing or not available:
        raise ValueError("no procedure is declared as: " + ", ".join(missing or ["(none given)"]))
    return available


def _choice(checks: list[LawCheck]):
    """The type of the `procedure` parameter: one of the names, the first by default."""
    return Literal[tuple(c.name for c in checks)]


def add_schema_route(router: Router, service: str, checks: Checks, *, path: str = "/facts-schema",
                     summary: str = "JSON schema of a procedure's facts") -> None:
    """GET `path`: the JSON schema of a procedure's facts; with several checks the query parameter
    `procedure` chooses (the first by default)."""
    available = _available(checks)
    route = router.get(path, response=dict, auth=None, summary=summary,
                       description="Procedures: " + ", ".join(c.name for c in available) + ".",
                       operation_id=f"techpolicy_api_{service}_{_operation(path)}")
    if len(available) == 1:
        [only] = available

        def facts_schema_one(request: HttpRequest):
            return only.schema()

        route(facts_schema_one)
        return
    by_name = {c.name: c for c in available}
    Choice = _choice(available)  # noqa: N806 (a type)

    def facts_schema(request: HttpRequest, procedure: Choice = available[0].name):
        return by_name[procedure].schema()

    route(facts_schema)


def add_check_route(router: Router, service: str, checks: Checks, *, path: str = "/check",
                    summary: str = "The verdict of a procedure on the facts",
                    description: str = "") -> None:
    """POST `path`: the verdict on the body's facts, every rule's result with its reason and
    citation and the parameters read, in the language asked. With several checks the query
    parameter `procedure` chooses (the first by default); with one there is no such parameter."""
    available = _available(checks)
    described = description or (
        "The body is the facts of the procedure as described by GET facts-schema. The answer is the verdict: "
        "every rule's result with its reason and citation, and the parameters read. Nothing is stored.")
    common = {"auth": None, "response": ANSWERS, "summary": summary, "description": described,
              "openapi_extra": facts_body(service), "operation_id": f"techpolicy_api_{service}_{_operation(path)}"}
    if len(available) == 1:
        [only] = available

        def check_one(request: HttpRequest, lang: Lang = "kk", on: dt.date | None = None):
            return answer(request, lambda facts: only.evaluate(facts, on), lang)

        router.post(path, **common)(check_one)
        return
    by_name = {c.name: c for c in available}
    Choice = _choice(available)  # noqa: N806 (a type)

    def check(request: HttpRequest, procedure: Choice = available[0].name, lang: Lang = "kk",
              on: dt.date | None = None):
        return answer(request, lambda facts: by_name[procedure].evaluate(facts, on), lang)

    router.post(path, **common)(check)


def add_procedure_routes(router: Router, service: str, checks: Checks) -> None:
    """GET facts-schema and POST check of the service's procedures."""
    add_schema_route(router, service, checks)
    add_check_route(router, service, checks)


def procedure_router(service: str, checks: Checks) -> Router:
    """A router of its own with GET facts-schema and POST check, for /api/v1/<service>/."""
    router = Router(tags=[service])
    add_procedure_routes(router, service, checks)
    return router


def _operation(path: str) -> str:
    return path.strip("/").replace("-", "_").replace("/", "_")
