"""Issue 10, item 9: the certificate's QR code pointed at 127.0.0.1:8000 whatever port `make run`
used. `manage.py serve host:port` now gives the web server and the worker the address it serves on
as TECHPOLICY_PUBLIC_URL, unless that is configured; the certificate prints and encodes it."""

import subprocess
import sys
from unittest import mock

import pytest
from django.core.management import call_command

from techpolicy.casework import documents_pdf
from techpolicy.casework.management.commands import serve
from techpolicy.services.technopark.certificate_pdf import render_certificate
from tests.factories import make_participant
from tests.forecasting.report.pdftext import text

SERVED = [  # what `serve` is given, the address a browser on this machine writes
    ("127.0.0.1:8010", "http://127.0.0.1:8010"),
    ("8010", "http://127.0.0.1:8010"),
    ("0.0.0.0:8010", "http://127.0.0.1:8010"),
    ("[::]:8010", "http://[::1]:8010"),
    ("localhost:9000", "http://localhost:9000"),
    ("techpolicy.example.kz:80", "http://techpolicy.example.kz:80"),
]


@pytest.mark.parametrize(("addrport", "url"), SERVED)
def test_issue10_item9_the_served_address(addrport, url):
    """Issue 10, item 9: the address runserver answers on, as a link would carry it."""
    assert serve.served_url(addrport) == url


def _environment_of_serve(monkeypatch, addrport: str, configured: str | None) -> dict:
    if configured is None:
        monkeypatch.delenv(serve.PUBLIC_URL, raising=False)
    else:
        monkeypatch.setenv(serve.PUBLIC_URL, configured)
    with mock.patch.object(serve, "run_together", return_value=0) as run:
        call_command("serve", addrport)
    return run.call_args.kwargs["env"]


def test_issue10_item9_the_public_address_follows_the_port_serve_runs_on(monkeypatch):
    """Issue 10, item 9: unconfigured, the web server and the worker get the served address."""
    assert _environment_of_serve(monkeypatch, "127.0.0.1:8765", None)[serve.PUBLIC_URL] == "http://127.0.0.1:8765"
    assert _environment_of_serve(monkeypatch, "8123", "  ")[serve.PUBLIC_URL] == "http://127.0.0.1:8123"


def test_issue10_item9_a_configured_public_address_wins(monkeypatch):
    """Issue 10, item 9: a deployment's configured address is never replaced by the served one."""
    env = _environment_of_serve(monkeypatch, "127.0.0.1:8765", "https://techpolicy.gov.kz")
    assert env[serve.PUBLIC_URL] == "https://techpolicy.gov.kz"


def test_issue10_item9_the_children_read_the_address_from_their_environment():
    """Issue 10, item 9: the settings of a process started with that environment (as the web server
    and the worker are) carry the served address."""
    env = serve.environment("127.0.0.1:8765", {k: v for k, v in serve.os.environ.items() if k != serve.PUBLIC_URL})
    shown = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                               "print(settings.TECHPOLICY_PUBLIC_URL)"],
        env=env, capture_output=True, text=True, check=True, timeout=120)
    assert shown.stdout.strip() == "http://127.0.0.1:8765"


@pytest.mark.django_db
@pytest.mark.parametrize("public", ["http://127.0.0.1:8765", "https://techpolicy.gov.kz"])
def test_issue10_item9_the_certificate_qr_code_encodes_the_public_address(settings, monkeypatch, public):
    """Issue 10, item 9: the QR code and the printed link of a certificate lead to the public address."""
    settings.TECHPOLICY_PUBLIC_URL = public
    encoded = []
    make_qr = documents_pdf.qr_png
    monkeypatch.setattr(documents_pdf, "qr_png", lambda data, *a, **k: encoded.append(data) or make_qr(data, *a, **k))
    _, _, certificate, _ = make_participant()
    pdf = render_certificate(certificate, "kk", activity_names={})
    (url,) = encoded
    assert url == f"{public}/kk/technopark/verify/?number={certificate.number}"
    assert url in text(pdf).replace(" ", "")
