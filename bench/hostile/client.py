"""An HTTP client of the site: signs in over the login form, reads a page's form with its CSRF
token and default values, and sends one request the way a browser would (the redirect is
followed so the message the page shows can be read)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import requests

PASSWORD = "demo-2026"
TIMEOUT = 60
# base.html renders each Django message as <li class="{{ m.tags }}" role="status">.
FIRST = object()  # in Form.data overrides: the first non-empty option of a select
MESSAGE = re.compile(r'<li class="(?P<tags>[^"]*)" role="status">(?P<text>.*?)</li>', re.S)


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)
    options: dict[str, list[str]] = field(default_factory=dict)

    def value(self, name: str) -> str:
        return next((v for k, v in self.fields if k == name), "")

    def data(self, overrides: dict | None = None, button: str | None = None) -> list[tuple[str, str]]:
        """The fields as a browser would send them, `overrides` replacing (or adding) values; a list
        value gives a multi-valued field, FIRST the first non-empty option of a select."""
        overrides = overrides or {}
        out = [(k, v) for k, v in self.fields if k not in overrides]
        for key, value in overrides.items():
            if value is FIRST:
                value = next((o for o in self.options.get(key, []) if o), "")
            out.extend((key, str(v)) for v in (value if isinstance(value, list) else [value]))
        if button:
            out.extend(b for b in self.buttons if b[0] == button)
        return out


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._multiple = False
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
        if not self.forms:
            return
        form = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image", "button"):
                form.buttons.append((name, a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    form.fields.append((name, a.get("value", "on")))
            elif kind != "file":
                form.fields.append((name, a.get("value", "")))
        elif tag == "button" and name:
            form.buttons.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select, self._options = name, []
            self._multiple = "multiple" in a
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None and self.forms:
            self.forms[-1].options[self._select] = [v for v, _selected in self._options]
            chosen = [v for v, selected in self._options if selected]
            if not chosen and self._options and not self._multiple:
                chosen = [self._options[0][0]]
            self.forms[-1].fields.extend((self._select, v) for v in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self.forms:
            self.forms[-1].fields.append((self._textarea, self._text.strip("\n")))
            self._textarea = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def messages_of(html: str) -> list[tuple[str, str]]:
    return [(m["tags"], re.sub(r"\s+", " ", m["text"]).strip()) for m in MESSAGE.finditer(html)]


class Client:
    """One signed-in (or anonymous) browser; `clone()` copies its cookies for a parallel request."""

    def __init__(self, base: str, session: requests.Session | None = None):
        self.base = base
        self.session = session or requests.Session()

    def clone(self) -> Client:
        session = requests.Session()
        session.cookies.update(self.session.cookies)
        return Client(self.base, session)

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base + path

    def get(self, path: str, **kw) -> requests.Response:
        return self.session.get(self.url(path), timeout=TIMEOUT, **kw)

    def csrf(self) -> str:
        if "csrftoken" not in self.session.cookies:
            self.get("/kk/login/")
        return self.session.cookies.get("csrftoken", "")

    def form(self, path: str, match: str = "", having: dict | None = None) -> tuple[Form, str]:
        """The first form on the page whose action contains `match` and whose fields have the values
        `having` (None: has the field at all), never the language switcher or the sign-out form; the
        page's URL is the action of a form without one."""
        response = self.get(path)
        response.raise_for_status()
        for form in forms_of(response.text):
            action = form.action or response.url
            names = {k for k, _v in form.fields}
            wanted = all(k in names if v is None else form.value(k) == v for k, v in (having or {}).items())
            if match in action and wanted and "/i18n/" not in action and "logout" not in action:
                form.action = requests.compat.urljoin(response.url, action)
                return form, response.text
        raise LookupError(f"no form matching {match!r} on {path}")

    def login(self, username: str, password: str = PASSWORD) -> Client:
        form, _html = self.form("/kk/login/", "login")
        answer = self.session.post(form.action, data=form.data({"username": username, "password": password}),
                                   headers={"Referer": form.action}, timeout=TIMEOUT, allow_redirects=False)
        if answer.status_code != 302:
            raise RuntimeError(f"sign-in of {username} failed: HTTP {answer.status_code}")
        return self

    def post(self, path: str, data=None, files=None, json_body=None, headers=None) -> tuple[int, str, list]:
        """POST, then follow a redirect: (first status, final page text, messages on the final page).
        A 5xx on the page the redirect leads to is reported as that 5xx."""
        headers = {"Referer": self.url(path), "X-CSRFToken": self.csrf(), **(headers or {})}
        answer = self.session.post(self.url(path), data=data, files=files, json=json_body, headers=headers,
                                   timeout=TIMEOUT, allow_redirects=False)
        status, text = answer.status_code, answer.text
        if answer.is_redirect:
            landing = self.get(answer.headers["Location"])
            text = landing.text
            if landing.status_code >= 500:
                status = landing.status_code
        return status, text, messages_of(text)
