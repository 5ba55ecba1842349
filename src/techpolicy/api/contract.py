"""The API's contract, kept in one place for every router (issue 8, finding 14):

- one error shape, `Errors` = {"detail": [{"field", "message"}]}, for every refusal: invalid query,
  path or body parameters (422), a refused body (400/413/415/422, see `api.body`), no session
  (401), the CSRF check and other refusals (403), nothing at the address (404), too many requests
  (429) and unexpected errors (500, logged, without internals);
- every status an operation can return is documented with its body in /api/v1/openapi.json: the
  statuses an operation declares itself, plus those the shared machinery can answer, derived from
  the operation (its parameters, body, sign-in and throttles) rather than listed by hand.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.core import signals
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.log import log_response
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.security.apikey import APIKeyCookie

from techpolicy.law.citation import LANGUAGES
from techpolicy.law.facts import field_path

from .body import JSON, JSONBodyParser, RejectedBody, content_type_error
from .common import Errors

CSRF_FAILED = "CSRF check Failed"  # the message of the HttpError ninja.security.apikey raises
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
DESCRIPTIONS = {
    400: "The body is not valid JSON",
    401: "Not signed in",
    403: "Refused: the CSRF check failed (session sign-in) or the user may not do this",
    404: "Nothing at this address",
    413: "The body is too large",
    415: "The body is not sent as application/json",
    422: "A parameter or the body is invalid; each error names its field",
    429: "Too many requests (writes without a session are limited per network address)",
    500: "Unexpected error (logged; the answer carries no internals)",
}


def errors(status: int, field: str, message: str) -> tuple[int, dict[str, Any]]:
    return status, {"detail": [{"field": field, "message": message}]}


def _parameter_field(loc: tuple) -> str:
    """("query", "offset") -> "offset"; ("body", "payload", "items", 0) -> "payload.items[0]"."""
    source, rest = loc[0], tuple(loc[1:])
    return field_path(rest) if rest else f"({source})"


def _validation(exc: ValidationError) -> tuple[int, dict[str, Any]]:
    return 422, {"detail": [{"field": _parameter_field(tuple(e.get("loc", ("request",)))),
                             "message": str(e.get("msg", ""))} for e in exc.errors]}


def _http_error(exc: HttpError) -> tuple[int, dict[str, Any]]:
    cause = exc.__cause__
    if isinstance(cause, RejectedBody):  # ninja's body parser failed on one of our checks
        return errors(cause.status, cause.field, cause.message)
    if isinstance(exc, AuthenticationError):
        return errors(401, "(user)", _("Sign in first: this operation needs a signed-in session."))
    if exc.status_code == 403 and str(exc) == CSRF_FAILED:
        return errors(403, "(csrf)", _("The CSRF check failed: send the value of the csrftoken cookie in the "
                                       "X-CSRFToken header."))
    if isinstance(exc, Throttled):
        return errors(429, "(request)", _("Too many requests: try again later."))
    if exc.status_code == 400:  # ninja could not read the body: the parser's own error is the cause
        return errors(400, "(body)", _("The body could not be read."))
    return errors(exc.status_code, "(request)", str(exc))


def _unexpected(request: HttpRequest, exc: Exception) -> tuple[int, dict[str, Any]]:
    if isinstance(exc, RejectedBody):
        return errors(exc.status, exc.field, exc.message)
    if isinstance(exc, Http404):
        return errors(404, "(path)", _("Nothing was found at this address."))
    if isinstance(exc, PermissionDenied):
        return errors(403, "(user)", str(exc) or _("You may not do this."))
    if isinstance(exc, MultiPartParserError):  # the CSRF check of a session reads a form body first
        return errors(415, "(body)", content_type_error(request) or _("The body could not be read."))
    if isinstance(exc, RequestDataTooBig):
        return errors(413, "(body)", _("The body is too large."))
    if isinstance(exc, SuspiciousOperation):
        return errors(400, "(request)", _("The request was refused as malformed."))
    if settings.DEBUG_PROPAGATE_EXCEPTIONS:
        raise exc
    # As Django does for an uncaught exception: tell the listeners (error reporting, the test
    # client), the traceback goes to the log in `_respond`, the answer names nothing internal.
    signals.got_request_exception.send(sender=None, request=request)
    return errors(500, "(server)", _("An unexpected error occurred; it has been logged."))


class TechPolicyAPI(NinjaAPI):
    """NinjaAPI with the body checks of `api.body`, the error handlers and the documented statuses."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(parser=JSONBodyParser(), **kwargs)

    def set_default_exception_handlers(self) -> None:
        answers = {ValidationError: lambda request, exc: _validation(exc),
                   HttpError: lambda request, exc: _http_error(exc),
                   Exception: _unexpected}  # the most specific class of an exception wins
        for exc_class, answer in answers.items():
            self.add_exception_handler(exc_class, partial(self._respond, answer=answer))

    def _respond(self, request: HttpRequest, exc: Exception, *, answer) -> HttpResponse:
        status, body = answer(request, exc)
        response = self.create_response(request, body, status=status)
        if status >= 500:
            log_response("%s: %s", "Internal Server Error", request.path, response=response, request=request,
                         exception=exc)
            response._has_been_logged = True  # logged with its traceback; Django need not log it again
        return response

    def get_openapi_schema(self, *, path_prefix: str | None = None,
                           path_params: dict[str, Any] | None = None) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return DocumentedSchema(api=self, path_prefix=path_prefix)


def takes_json_body(operation: Operation) -> bool:
    """The operation reads a JSON body: a declared body schema, or one it reads itself and describes
    in `openapi_extra` (the law-layer endpoints)."""
    declared = any(m.__ninja_param_source__ == "body" for m in operation.models)
    described = JSON in ((operation.openapi_extra or {}).get("requestBody", {}).get("content", {}))
    return declared or described


def shared_statuses(operation: Operation, path: str) -> list[int]:
    """The statuses the shared machinery can answer for `operation`, whatever its own code does."""
    has_parameters = any(m.model_fields for m in operation.models) or "{" in path
    statuses = [500]
    if has_parameters or takes_json_body(operation):
        statuses.append(422)
    if takes_json_body(operation):
        statuses += [400, 413, 415]
    if operation.auth_callbacks:
        statuses.append(401)
        csrf = any(isinstance(a, APIKeyCookie) and a.csrf for a in operation.auth_callbacks)
        if csrf and UNSAFE_METHODS & set(operation.methods):
            statuses.append(403)
    if "{" in path:  # a path parameter names something that may not exist
        statuses.append(404)
    # Writes without a session are limited per network address before the API sees them
    # (site.throttle), and an operation may carry ninja throttles of its own.
    if UNSAFE_METHODS & set(operation.methods) or operation.throttle_objects:
        statuses.append(429)
    return sorted(statuses)


class DocumentedSchema(OpenAPISchema):
    """The OpenAPI schema with the shared statuses added to every operation's responses."""

    def responses(self, operation: Operation) -> dict[int, dict[str, Any]]:
        result = super().responses(operation)
        errors_schema = self._create_schema_from_model(operation._create_response_model(Errors),
                                                       mode="serialization")[0]
        for status in shared_statuses(operation, operation.path):
            result.setdefault(status, {"description": DESCRIPTIONS[status],
                                       "content": {self.api.renderer.media_type: {"schema": errors_schema}}})
        return dict(sorted(result.items()))


class DjangoErrorsInTheAPIShape:
    """Middleware: the 404 of an address under /api/ that no operation serves and the 405 of a method
    an operation does not take come from Django, not from an operation, as HTML; they are answered
    in the `Errors` shape too (the Allow header kept), so a client reads every refusal one way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (not request.path_info.startswith("/api/") or response.status_code not in (404, 405)
                or response.get("Content-Type", "").startswith(JSON)):
            return response
        if response.status_code == 404:
            status, body = errors(404, "(path)", _("Nothing was found at this address."))
        else:
            status, body = errors(405, "(method)", _("The method %(method)s is not accepted here; use %(allowed)s.")
                                  % {"method": request.method, "allowed": response.get("Allow", "")})
        answer = JsonResponse(body, status=status)
        if "Allow" in response:
            answer["Allow"] = response["Allow"]
        return answer


class LanguageOfTheQuery:
    """Middleware, after the locale middleware: an API request's `lang` query parameter (kk, ru, en)
    is the language of everything the answer says, the refusals of input validation included, which
    are written before the operation that reads `lang` runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lang = request.GET.get("lang", "") if request.path_info.startswith("/api/") else ""
        if lang not in LANGUAGES:
            return self.get_response(request)
        with translation.override(lang):
            request.LANGUAGE_CODE = lang
            return self.get_response(request)
