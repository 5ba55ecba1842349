"""Finding 13 of the security review: with debug off the system refuses to start without a secret
key and host names, its settings are read strictly, transport security is on by default in
production, every page carries a Content-Security-Policy that no page needs to break, and
`manage.py check --deploy` reports no issues."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

import techpolicy

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path(techpolicy.__file__).resolve().parent
PRODUCTION = {"TECHPOLICY_DEBUG": "0", "TECHPOLICY_SECRET_KEY": secrets.token_urlsafe(50),
              "TECHPOLICY_ALLOWED_HOSTS": "techpolicy.example.kz"}
SECURITY_SETTINGS = ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
                     "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_PROXY_SSL_HEADER")


def run(tmp_path, args, **variables) -> subprocess.CompletedProcess:
    """Run Python in a fresh process with only the given TECHPOLICY_* variables (and an empty data
    directory, on SQLite), as a server would start."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TECHPOLICY_") and k != "DATABASE_URL"}
    env |= {"TECHPOLICY_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "techpolicy.site.settings"} | variables
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def settings_of(tmp_path, **variables) -> dict:
    names = json.dumps(SECURITY_SETTINGS)
    code = ("import json, django; django.setup(); from django.conf import settings; "
            f"print(json.dumps({{n: getattr(settings, n, None) for n in {names}}}))")
    done = run(tmp_path, ["-c", code], **variables)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_finding13_check_deploy_reports_no_issues_with_a_key_and_host_names(tmp_path):
    done = run(tmp_path, ["manage.py", "check", "--deploy"], **PRODUCTION)
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout + done.stderr


NEEDS_KEY = "TECHPOLICY_DEBUG=0 needs TECHPOLICY_SECRET_KEY"


@pytest.mark.parametrize(("missing", "message"), [
    ({"TECHPOLICY_SECRET_KEY": ""}, NEEDS_KEY),
    ({"TECHPOLICY_SECRET_KEY": "dev-only-insecure-key-change-in-production"}, NEEDS_KEY),
    ({"TECHPOLICY_ALLOWED_HOSTS": ""}, "TECHPOLICY_DEBUG=0 needs TECHPOLICY_ALLOWED_HOSTS"),
], ids=["no key", "development key", "no hosts"])
def test_finding13_debug_off_refuses_to_start_without_a_key_or_host_names(tmp_path, missing, message):
    done = run(tmp_path, ["manage.py", "check"], **(PRODUCTION | missing))
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and message in done.stderr


@pytest.mark.parametrize("variable", ["TECHPOLICY_DEBUG", "TECHPOLICY_SSL_REDIRECT"])
def test_finding13_an_unknown_boolean_value_refuses_to_start(tmp_path, variable):
    done = run(tmp_path, ["manage.py", "check"], **(PRODUCTION | {variable: "maybe"}))
    assert done.returncode != 0
    assert f"{variable}='maybe' is not a boolean" in done.stderr


def test_finding13_transport_security_is_on_by_default_with_debug_off(tmp_path):
    assert settings_of(tmp_path, **PRODUCTION) == {
        "SECURE_SSL_REDIRECT": True, "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31_536_000, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True, "SECURE_HSTS_PRELOAD": True,
        "SECURE_PROXY_SSL_HEADER": None}


def test_finding13_a_tls_terminating_proxy_is_declared_by_a_documented_switch(tmp_path):
    behind_proxy = settings_of(tmp_path, **(PRODUCTION | {"TECHPOLICY_PROXY_SSL_HEADER": "1",
                                                         "TECHPOLICY_HSTS_PRELOAD": "off"}))
    assert behind_proxy["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert behind_proxy["SECURE_HSTS_PRELOAD"] is False
    assert behind_proxy["SECURE_SSL_REDIRECT"] is True


PRODUCTION_TRANSPORT = {"SECURE_SSL_REDIRECT": True, "SECURE_HSTS_SECONDS": 31_536_000,
                        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True, "SECURE_HSTS_PRELOAD": True,
                        "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True}


@pytest.mark.django_db
@override_settings(**PRODUCTION_TRANSPORT, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_finding13_hsts_and_the_https_redirect_with_the_production_settings(client):
    plain = client.get("/kk/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    secure = client.get("/kk/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/kk/", "/en/login/", "/api/v1/technopark/facts-schema"])
def test_finding13_every_answer_carries_a_strict_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == directives["script-src"] == directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


def test_finding13_no_template_needs_what_the_policy_forbids():
    """No inline script, style element, style attribute or event handler in any template: the
    policy would block it (htmx's attributes, hx-headers included, are data, not script)."""
    offending = []
    for template in sorted(SOURCE.rglob("templates/**/*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if INLINE.search(line):
                offending.append(f"{template.relative_to(SOURCE)}:{number}: {line.strip()}")
    assert offending == []


@pytest.mark.django_db
def test_finding13_htmx_is_told_not_to_inject_styles_nor_evaluate_code(client):
    page = client.get("/kk/").content.decode()
    meta = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page)
    assert meta is not None
    assert json.loads(meta.group(1)) == {"includeIndicatorStyles": False, "allowEval": False, "allowScriptTags": False}
