"""The service registry (issue 9, part 1, item 1): each service declares itself once, from its
AppConfig.ready(); the core (casework, the site's templates and modules) names no service and
iterates the declarations. A throwaway service declared here shows up in the menu, on the home
page, on "My cases", in the site's URLs and in the API without any core file knowing it."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import clear_url_caches, reverse
from django.utils import translation
from django.utils.html import escape

import techpolicy
from techpolicy.casework.registry import (
    Link,
    Service,
    everyone,
    register_service,
    resolve,
    role_labels,
    service_of,
    services,
    unregister_service,
)
from techpolicy.casework.workflow import all_workflows
from techpolicy.law.procedure import catalogue
from tests import factories

pytestmark = pytest.mark.django_db

PACKAGE = Path(techpolicy.__file__).parent
LANGUAGES = ("kk", "ru", "en")


# --- the core names no service -----------------------------------------------------------------


def _core_files() -> list[Path]:
    """casework (without its migrations), the site's templates and the site's modules. The
    settings are left out: INSTALLED_APPS is the one line per service the core keeps."""
    casework = [p for p in (PACKAGE / "casework").rglob("*")
                if p.suffix in {".py", ".html", ".txt"} and "migrations" not in p.parts]
    templates = [p for p in (PACKAGE / "site" / "templates").rglob("*") if p.is_file()]
    modules = [p for p in (PACKAGE / "site").glob("*.py") if p.name != "settings.py"]
    return casework + templates + modules


def _names_of(service: Service) -> set[str]:
    """What would name the service: its key, its URL namespace and the label of its app."""
    module = (service.urls or service.demo or service.api).partition(":")[0]
    return {service.key, service.namespace, apps.get_containing_app_config(module).label}


def test_the_core_names_none_of_the_declared_services():
    names = set().union(*(_names_of(s) for s in services()))
    assert {"technopark", "productivity", "forecasting", "studies"} <= names
    pattern = re.compile("|".join(sorted(map(re.escape, names))), re.IGNORECASE)
    found = [f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
             for path in _core_files()
             for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1) if pattern.search(line)]
    assert found == []


def test_every_workflow_belongs_to_exactly_one_declared_service():
    for workflow in all_workflows():
        owners = [s.key for s in services() if any(w.id == workflow.id for w in s.workflows)]
        assert len(owners) == 1, (workflow.id, owners)
        assert service_of(workflow.id).key == owners[0]


def test_the_declarations_resolve():
    """Dotted paths name real objects, URL names reverse, certificate kinds are unique, roles are
    labelled and the procedures are in the law layer's catalogue."""
    kinds = [k.key for s in services() for k in s.certificate_kinds]
    assert len(kinds) == len(set(kinds))
    for s in services():
        reverse(s.start)
        for link in (*s.navigation, *s.home, *s.registers_links, *s.apply):
            assert link.url.startswith("/") or reverse(link.url)
        assert callable(resolve(s.demo)) if s.demo else True
        for kind in s.certificate_kinds:
            assert set(kind.title) == set(LANGUAGES)
            reverse(kind.verify_url)
            reverse(kind.pdf_url, args=[f"{kind.prefix}-2026-000001"])
    labels = role_labels()
    assert all(r.name in labels for s in services() for r in s.roles)
    assert {name for s in services() for name in s.procedures} <= set(catalogue())


def test_registering_a_second_declaration_under_a_taken_key_is_refused():
    taken = services()[0]
    with pytest.raises(ValueError, match="two services"):
        register_service(Service(key=taken.key, name="Other", summary="", start=taken.start))
    assert register_service(taken) is taken  # the same declaration again (ready() twice) is fine


# --- a throwaway service is picked up everywhere -----------------------------------------------


def _members_only(user) -> bool:
    return getattr(user, "username", "") == "throwaway-member"


THROWAWAY = Service(
    key="throwaway",
    name="Throwaway service",
    summary="A service declared by a test and removed after it.",
    start="throwaway:index",
    urls="tests.casework.throwaway_service",
    navigation=(Link("Throwaway public page", "throwaway:index"),
                Link("Throwaway members page", "throwaway:index", audience=_members_only)),
    home=(Link("Open the throwaway", "throwaway:index"),
          Link("Throwaway by path", "/api/v1/throwaway/ping", style="secondary")),
    registers_links=(Link("Throwaway register", "throwaway:index"),),
    apply=(Link("Apply to the throwaway", "throwaway:index", style="secondary"),),
    api="tests.casework.throwaway_service:router",
    order=999,
)


def _rebuild_urls() -> None:
    """The site's URLs and API are built from the registry when their modules load."""
    from techpolicy.api import urls as api_urls
    from techpolicy.site import urls as site_urls

    importlib.reload(api_urls)
    importlib.reload(site_urls)
    clear_url_caches()


@pytest.fixture
def throwaway():
    register_service(THROWAWAY)
    _rebuild_urls()
    yield THROWAWAY
    unregister_service(THROWAWAY.key)
    _rebuild_urls()


def test_a_new_service_has_its_pages_and_api_under_its_key(client, throwaway):
    assert reverse("throwaway:index") == "/kk/throwaway/"
    assert client.get("/en/throwaway/").content == b"throwaway start page"
    assert client.get("/api/v1/throwaway/ping").json() == {"service": "throwaway"}


def test_a_new_service_is_in_the_menu_for_its_audiences(client, throwaway):
    nav = _nav(client.get("/en/").content.decode())
    assert 'href="/en/throwaway/">Throwaway public page<' in nav
    assert "Throwaway members page" not in nav
    client.force_login(factories.make_user(username="throwaway-member"))
    nav = _nav(client.get("/en/").content.decode())
    assert "Throwaway members page" in nav
    # The public links stand before the signed-in user's own pages, the others after them.
    assert nav.index("Throwaway public page") < nav.index("/en/cases/") < nav.index("Throwaway members page")


def test_a_new_service_has_a_card_and_a_register_link_on_the_home_page(client, throwaway):
    page = client.get("/en/").content.decode()
    card = page[page.index("<h2>Throwaway service</h2>"):]
    card = card[: card.index("</div>")]
    assert "A service declared by a test and removed after it." in card
    assert '<a class="button" href="/en/throwaway/">Open the throwaway</a>' in card
    assert '<a class="button secondary" href="/api/v1/throwaway/ping">Throwaway by path</a>' in card
    registers = page[page.index("Public registers"):]
    assert '<a href="/en/throwaway/">Throwaway register</a>' in registers


def test_a_new_service_offers_its_apply_button_on_my_cases(client, throwaway):
    client.force_login(factories.make_applicant())
    page = client.get("/en/cases/").content.decode()
    assert '<a class="button secondary" href="/en/throwaway/">Apply to the throwaway</a>' in page


def test_after_removal_the_service_is_gone_from_the_pages(client):
    register_service(THROWAWAY)
    unregister_service(THROWAWAY.key)
    assert THROWAWAY.key not in {s.key for s in services()}
    assert "Throwaway" not in client.get("/en/").content.decode()


# --- the declared services' pages in every language --------------------------------------------


def _nav(page: str) -> str:
    return page[page.index('<nav class="main-nav"'): page.index("</nav>")]


def _users() -> dict[str, object]:
    """Anonymous, an applicant, an analyst and an expert: every audience a declared link has."""
    return {"anonymous": None, "applicant": factories.make_applicant(),
            "analyst": factories.make_user(roles=["analyst"]), "expert": factories.make_user(roles=["expert"])}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_and_menu_of_the_declared_services_render_in_every_language(client, lang):
    for who, user in _users().items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(f"/{lang}/")
        assert response.status_code == 200
        page = response.content.decode()
        with translation.override(lang):
            for s in services():
                assert f"<h2>{escape(str(s.name))}</h2>" in page, (who, s.key)
                assert escape(str(s.summary)) in page
                for link in s.home:
                    assert f'href="{reverse(link.url)}">{escape(str(link.label))}</a>' in page
                for link in s.registers_links:
                    assert f'href="{reverse(link.url)}">{escape(str(link.label))}</a>' in page
                for link in s.navigation:
                    shown = f'href="{reverse(link.url)}">{escape(str(link.label))}</a>' in _nav(page)
                    assert shown == bool(link.audience(user) if user else link.audience is everyone), (who, link)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_menu_link_opens_its_page_in_every_language(client, lang):
    for who, user in _users().items():
        client.logout()
        if user is not None:
            client.force_login(user)
        with translation.override(lang):
            links = [link for s in services() for link in s.navigation
                     if (link.audience(user) if user else link.audience is everyone)]
            urls = [reverse(link.url) for link in links]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (who, url, response.status_code)
            assert f'<html lang="{lang}">' in response.content.decode()


def test_my_cases_offers_the_declared_apply_buttons(client):
    applicant = factories.make_applicant()
    client.force_login(applicant)
    page = client.get("/kk/cases/").content.decode()
    with translation.override("kk"):
        for s in services():
            for link in s.apply:
                shown = f'href="{reverse(link.url)}">{escape(str(link.label))}</a>' in page
                assert shown == link.audience(applicant)  # a link for some users only is not offered to others


def test_load_demo_runs_each_services_demo_in_order():
    """Reference data first (the activity-type list the first service's demo needs), then every
    service's demo lines in the services' order, each service's logins among its own lines."""
    from io import StringIO

    out = StringIO()
    call_command("load_demo", stdout=out)
    lines = out.getvalue().splitlines()
    assert "activity types loaded" in lines[0]
    demo_logins = next(n for n, line in enumerate(lines) if line.startswith("Demo logins (password "))
    programme = next(n for n, line in enumerate(lines) if line.startswith("Programme operator (KIDI): kidi"))
    study = next(n for n, line in enumerate(lines) if line.startswith("Demo expert logins: "))
    platforms = next(n for n, line in enumerate(lines) if line.startswith("Technology platforms (password "))
    grants = next(n for n, line in enumerate(lines) if line.startswith("Innovation grants (password "))
    assert 0 < demo_logins < programme < study < platforms < grants == len(lines) - 1
