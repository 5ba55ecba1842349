"""Issue 10, item 3: every page in Kazakh and in Russian, Django's own strings included.

The demo world (`load_demo`) is loaded once; for each demo role the test walks the pages that role
can reach (every URL pattern without arguments, then the links found on pages, GET only, bounded per
kind of page) in English, and renders each again in Kazakh and in Russian. A Kazakh or Russian
rendering fails when it shares English with the English one: a text node identical to one of the
English rendering that holds a Latin letter, or a run of three or more Latin words the English
rendering holds too. Names and codes the data gives in Latin letters (organisation and user names,
case and certificate numbers, BINs, the brand, file formats) are allowed; nothing else is."""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter, deque
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import models, transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import translation

from techpolicy.accounts.models import User

from .page_text import read, shared_english

pytestmark = [pytest.mark.django_db, pytest.mark.presentation]

# One demo login per role and service (the applicants of each service see their own pages).
PERSONAS = [
    "anonymous",
    "admin",  # administrator
    "secretariat",  # technopark secretariat
    "member1",  # technopark selection commission
    "aruzhan",  # technopark applicant, registered participant
    "erlan",  # technopark applicant, remarks to answer
    "kidi",  # "Productivity 2020" programme operator
    "kdbleasing",  # leasing operator
    "asel",  # "Productivity 2020" applicant
    "analyst",  # policy analyst (what-if, monitoring, forecasts)
    "ministry",  # state body applying for a competence centre
    "satbayev",  # competence-centre applicant
    "ab",  # authorized body
    "ni",  # national institute
    "ministry_agri",  # technology-platform proposer
    "hstc_secretary",  # HSTC working body
    "hstc1",  # HSTC member
    "expert-kz",  # forecast-study expert
    "grant-operator",  # operator of innovation grants (panels, what-if, ledger)
    "grant-expert-kz",  # expert of the grants' independent expertise
    "grant-commission-1",  # grant commission member
    "grant-awarded",  # grantee with a signed agreement
    "support-operator",  # operator of the other support measures (decides with article 20(6))
    "measure-applicant",  # applicant for a guarantee and a loan
]
PER_KIND = 3  # pages of one kind (one URL name) per role: cases in different states meet different strings
PER_ROLE = 100
# Files, not pages; and the switches that only answer POST.
NOT_PAGES = re.compile(r"\.(pdf|csv|json|xlsx|docx|png|jpg|zip)$|/download/|/logout/|/i18n/|/admin/autocomplete/")
# Fixed names and codes in Latin letters that every language writes the same way.
ALWAYS_ALLOWED = [
    r"(?<!\w)[\w-]+\.(pdf|csv|json|xlsx|docx|png|jpg)(?!\w)",  # file names (first: a name may start like a code)
    r"TechPolicy KZ", r"\bTechPolicy\b", r"\b(KK|RU|EN)\b",
    r"^English$",  # a language named in itself where one chooses it (accounts.models.LANGUAGES)
    r"\b(PDF|CSV|JSON|PNG|JPEG|DOCX|REST|API|OpenAPI|HTMX)\b",
    # Statistical notation and method names the methodology writes in Latin letters in every language.
    r"(?<!\w)(Δ?AICc|IQR|CV|Q1|Q3|W|n|TOPSIS)(?!\w)",
    r"\b[A-Z]{1,4}(-[A-Z]{1,4})*-\d{4}-\d{4,6}\b",  # case, certificate and study numbers (AH-C-2026-000001)
    r"\b[A-Z]{1,3}-\d{2,3}\b",  # codes of reference-list items (AG-01, S-01)
    r"\S+@\S+\.\w+",  # e-mail addresses
    r"\bhttps?://\S+",
]
# What Django's administration writes into its templates without a translation: the alt text of its
# search icon and of its yes/no icons (Python's True and False).
ADMIN_UNTRANSLATABLE = re.compile(r"^(Search|True|False)$")
CODE = re.compile(r"[a-z0-9_.:-]+")
FILE_NAME = re.compile(r"[\w.-]+\.[A-Za-z0-9]{2,4}")
SHORT_ID = re.compile(r"[a-z]{1,10}-?\d{1,3}")  # what an applicant numbers its people and owners by (welder-1, c1)
LATIN = re.compile(r"[A-Za-z]")


def data_texts() -> set[str]:
    """What the demo's people wrote, in whatever language they wrote it: every text a model of the
    project stores (names, titles, remarks, file names, the strings inside submitted facts). A stored
    value that looks like a code (lower case, no space: a state or kind) is not data but a key the
    page must label, so it is left out; a file name, a short id the applicant chose, a login and a
    role's key (the administration lists groups by it) are kept."""
    texts: set[str] = set()

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    for model in apps.get_models():
        if not model.__module__.startswith("techpolicy."):
            continue
        fields = [f.name for f in model._meta.concrete_fields if not f.choices
                  and isinstance(f, (models.CharField, models.TextField, models.JSONField))]
        for row in model.objects.values_list(*fields) if fields else ():
            for value in row:
                texts.update(t.strip() for t in strings(value))
    texts = {t for t in texts if not CODE.fullmatch(t) or FILE_NAME.fullmatch(t) or SHORT_ID.fullmatch(t)}
    texts |= set(User.objects.values_list("username", flat=True)) | set(Group.objects.values_list("name", flat=True))
    return {t for t in texts if LATIN.search(t) and len(t) <= 500}


def allowed_texts() -> re.Pattern:
    """One pattern for the fixed names and codes and for the demo's data, longest first."""
    words = sorted(data_texts(), key=len, reverse=True)
    data = [rf"(?<!\w){re.escape(w)}(?!\w)" for w in words]
    return re.compile("|".join(ALWAYS_ALLOWED + data))


def start_pages() -> list[str]:
    """Every URL pattern of the site that takes no argument, in English."""
    found: list[str] = []

    def walk(patterns, namespace: str = ""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.converters:
                with contextlib.suppress(NoReverseMatch):  # a pattern that needs extra kwargs
                    found.append(reverse(namespace + pattern.name))

    with translation.override("en"):
        walk(get_resolver().url_patterns)
    pages = {p for p in found if p.startswith("/en/") and not NOT_PAGES.search(p)}
    return sorted(pages, key=lambda p: (p.startswith("/en/admin/"), p))


def kind(path: str) -> str:
    """The URL name of an English path; the admin's pages of every model count as one kind each."""
    try:
        with translation.override("en"):
            name = resolve(urlsplit(path).path).view_name
    except Resolver404:
        return ""
    return re.sub(r"^admin:\w+?_(changelist|add|change|history|delete)$", r"admin:\1", name)


def in_language(path: str, lang: str) -> str:
    return f"/{lang}/{path[len('/en/'):]}"


def walk(client: Client, starts: list[str], errors: list[str]):
    """(path, English page) for each page the client reaches, bounded per kind and in all; the
    paths that answered with a server error are added to `errors`."""
    queue, seen, per_kind = deque(starts), set(starts), Counter()
    reached = 0
    while queue and reached < PER_ROLE:
        path = queue.popleft()
        name = kind(path)
        if not name or per_kind[name] >= PER_KIND:
            continue
        response = client.get(path)
        if response.status_code >= 500:
            errors.append(f"{path}: {response.status_code}")
        if response.status_code in (301, 302) and response["Location"].startswith("/en/"):
            links = [response["Location"]]
        elif response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            per_kind[name] += 1
            reached += 1
            page = response.content.decode()
            yield path, page
            links = read(page)[1]
        else:
            continue
        for link in links:
            link = link.split("#")[0]
            if link.startswith("/en/") and link not in seen and not NOT_PAGES.search(urlsplit(link).path):
                seen.add(link)
                queue.append(link)


def report(offenders: dict[str, list[str]]) -> str:
    """One line per phrase: the language, the phrase, the first page it is on and how many more."""
    lines = [f"{phrase}  <- {pages[0]}" + (f" (+{len(pages) - 1} more)" if len(pages) > 1 else "")
             for phrase, pages in sorted(offenders.items())]
    return f"{len(lines)} English phrases on Kazakh or Russian pages:\n" + "\n".join(lines)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo world, loaded once for the module and rolled back after it."""
    media = tmp_path_factory.mktemp("demo-media")
    # The demo's passwords are hashed with the fastest hasher: no test here signs in with one.
    fast = override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast, transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield media, allowed_texts()
        transaction.set_rollback(True)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_of_each_role_speaks_kazakh_and_russian(demo, settings, persona):
    """Issue 10, item 3: no page a demo role reaches shares English with its English rendering."""
    media, allowed = demo
    settings.MEDIA_ROOT = str(media)
    client = Client(raise_request_exception=False)
    if persona != "anonymous":
        client.force_login(User.objects.get(username=persona), backend="django.contrib.auth.backends.ModelBackend")
    offenders: dict[str, list[str]] = {}
    pages = 0
    errors: list[str] = []
    for path, english_page in walk(client, start_pages(), errors):
        pages += 1
        english = read(english_page)[0]
        for lang in ("kk", "ru"):
            response = client.get(in_language(path, lang))
            if response.status_code != 200:
                errors.append(f"{in_language(path, lang)}: {response.status_code}")
                continue
            texts = read(response.content.decode())[0]
            if path.startswith("/en/admin/"):
                texts = [t for t in texts if not ADMIN_UNTRANSLATABLE.match(t)]
            for phrase in shared_english(texts, english, allowed):
                offenders.setdefault(f"{lang}: {phrase}", []).append(in_language(path, lang))
    assert pages > 1, persona
    assert (errors, offenders) == ([], {}), "\n".join(errors) + "\n" + report(offenders)


# Bad input a visitor types into Django's own forms: an unknown sign-in, and a sign-up with a bad
# e-mail, BIN and a short, numeric password typed differently twice.
BAD_SIGN_IN = {"username": "nobody-at-all", "password": "wrong-password"}
BAD_SIGN_UP = {"username": "new user!", "email": "not-an-address", "first_name": "", "last_name": "",
               "organisation_name": "", "bin": "12", "language": "xx", "password1": "1234", "password2": "4321"}
KAZAKH = {  # one message of each kind, as the Kazakh page must say it
    "login": "мен құпиясөзді енгізіңіз.",  # "Please enter a correct %(username)s and password."
    "register": "Дұрыс электрондық пошта мекенжайын енгізіңіз.",
}


@pytest.mark.parametrize(("name", "data"), [("login", BAD_SIGN_IN), ("register", BAD_SIGN_UP)])
def test_django_form_errors_speak_kazakh_and_russian(client, name, data):
    """Issue 10, item 3: the errors of Django's own forms and validators (sign-in, e-mail, password
    rules, required fields, choices) are in the page's language, with no English shared with the
    English page."""
    def page(lang: str) -> str:
        with translation.override(lang):
            path = reverse(name)
        response = client.post(path, data)
        assert response.status_code == 200, (lang, response.status_code)
        return response.content.decode()

    english = read(page("en"))[0]
    allowed = re.compile("|".join([*ALWAYS_ALLOWED, *(re.escape(v) for v in data.values() if v)]))
    kazakh = page("kk")
    assert KAZAKH[name] in kazakh
    assert "Please enter" not in kazakh and "Enter a valid" not in kazakh
    for lang, translated in (("kk", kazakh), ("ru", page("ru"))):
        assert shared_english(read(translated)[0], english, allowed) == [], lang
