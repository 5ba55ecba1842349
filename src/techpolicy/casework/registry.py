"""The service registry: each service declares itself once, from its `AppConfig.ready()`.

The core names no service. Menus, the home page, "My cases", the site context, the staff roles,
the API, the site's URLs and `load_demo` iterate `services()`; a new service is its own package
plus one line in `INSTALLED_APPS`.

A `Service` is data: what it is called, where it starts, which links it offers to whom, its
workflows (which carry their roles, document kinds and commissions), its certificate kinds and
public registers, the law-layer procedures it checks, its API router and its demo loader. Dotted
paths ("module:attribute") keep the declaration importable before URLs, routers and demo code are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from .workflow import Workflow

# Who a link is for: a predicate on the user. The common ones are named here; a service may pass
# its own (e.g. "may run the service's analyses").
Audience = Callable[[Any], bool]


def everyone(user) -> bool:
    return True


def signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def applicants(user) -> bool:
    return signed_in(user) and getattr(user, "organisation_id", None) is not None


@dataclass(frozen=True)
class Link:
    """A link a service offers: `url` is a URL name ("<namespace>:<name>", reversed in the page's
    language) or a path starting with "/". Links for `everyone` stand in the public part of the
    menu; the others after the signed-in user's own pages."""

    label: Any  # lazy translation
    url: str
    audience: Audience = everyone
    style: str = "primary"  # on pages with buttons: "primary" | "secondary"


@dataclass(frozen=True)
class Role:
    """A staff or expert role a service introduces: the group name (`accounts.roles`) and the label
    people read."""

    name: str
    label: Any  # lazy translation


@dataclass(frozen=True)
class CertificateKind:
    """A kind of certificate a service issues: its numbering prefix, the title printed on it in
    each language, the paragraph it rests on, its public verification page and its PDF (URL names;
    the PDF's takes the certificate number)."""

    key: str  # stored in Certificate.kind, unique across services ("<service>.<kind>")
    prefix: str  # numbers look like "<prefix>-2026-000001"
    title: dict[str, str]  # language -> title printed on the certificate
    citation: Any  # law.citation.Citation
    verify_url: str = ""
    pdf_url: str = ""


@dataclass(frozen=True)
class Service:
    key: str  # stable id, also the URL prefix of its pages ("<key>" -> /kk/<key>/) and of its API
    name: Any
    summary: Any  # one sentence on the home page
    start: str  # URL name of its start page
    urls: str = ""  # dotted module of its page URLs (included under /<key>/); "" for none
    url_namespace: str = ""  # the namespace of those URLs (defaults to the key)
    navigation: tuple[Link, ...] = ()  # links in the site's top menu
    home: tuple[Link, ...] = ()  # buttons on its home-page card
    registers_links: tuple[Link, ...] = ()  # entries of the home page's "public registers" card
    apply: tuple[Link, ...] = ()  # buttons on "My cases"
    workflows: tuple[Workflow, ...] = ()
    roles: tuple[Role, ...] = ()  # the roles it introduces, with their labels
    # Renders a stored verdict on the generic case page; a service extends the generic one to show
    # details of its own rules.
    verdict_template: str = "casework/_verdict.html"
    certificate_kinds: tuple[CertificateKind, ...] = ()
    registers: tuple[Any, ...] = ()  # casework.registers.Register declarations
    procedures: tuple[str, ...] = ()  # names in law.procedure.catalogue() it decides
    api: str = ""  # "module:router" of its django-ninja router (mounted at /api/v1/<key>/)
    demo: str = ""  # "module:function" returning lines to print; called by `load_demo` in order
    order: int = 100  # position on the home page and in menus
    extra: dict[str, Any] = field(default_factory=dict)
    # How its applications read on the case page, one per set of workflows (kit.presentation).
    application: tuple[Any, ...] = ()

    @property
    def namespace(self) -> str:
        return self.url_namespace or self.key


def resolve(dotted: str) -> Any:
    """The object a "module:attribute" path names."""
    module, _, attribute = dotted.partition(":")
    return getattr(import_module(module), attribute) if attribute else import_module(module)


_SERVICES: dict[str, Service] = {}


def register_service(service: Service) -> Service:
    """Declare a service (from its AppConfig.ready()); declaring the same key twice is an error
    unless it is the same declaration (ready() may run twice in tests)."""
    existing = _SERVICES.get(service.key)
    if existing is not None and existing != service:
        raise ValueError(f"two services are declared with the key {service.key!r}")
    kinds = {k.key for s in _SERVICES.values() if s.key != service.key for k in s.certificate_kinds}
    clash = kinds & {k.key for k in service.certificate_kinds}
    if clash:
        raise ValueError(f"certificate kinds declared by two services: {sorted(clash)}")
    _SERVICES[service.key] = service
    return service


def unregister_service(key: str) -> None:
    """Forget a declaration (a test's throwaway service); the URLs built before keep theirs."""
    _SERVICES.pop(key, None)


def services() -> list[Service]:
    """Every declared service, in their `order`."""
    return sorted(_SERVICES.values(), key=lambda s: (s.order, s.key))


def service(key: str) -> Service:
    return _SERVICES[key]


def service_of(workflow_id: str) -> Service | None:
    """The service whose declaration holds the workflow."""
    return next((s for s in _SERVICES.values() if any(w.id == workflow_id for w in s.workflows)), None)


def verdict_template(workflow_id: str) -> str:
    """The template that renders a stored verdict of the workflow's cases."""
    owner = service_of(workflow_id)
    return owner.verdict_template if owner else Service.verdict_template


def presentation(workflow_id: str):
    """How the workflow's applications read (`kit.presentation.Presentation`), None when undeclared."""
    owner = service_of(workflow_id)
    return next((p for p in (owner.application if owner else ()) if workflow_id in p.workflows), None)


def certificate_kind(key: str) -> CertificateKind | None:
    return next((k for s in _SERVICES.values() for k in s.certificate_kinds if k.key == key), None)


def role_labels() -> dict[str, Any]:
    """Every role's label: the shared roles of `accounts.roles` and those the services introduce."""
    from techpolicy.accounts.roles import ROLE_NAMES

    return {**ROLE_NAMES, **{r.name: r.label for s in services() for r in s.roles}}
