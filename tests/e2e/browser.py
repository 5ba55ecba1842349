"""What the end-to-end journeys share: how Chromium is started and the steps every page offers
(sign in and out, a case's state, the page's messages)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import Page, expect
from reportlab.pdfgen import canvas

from techpolicy.services.technopark.demo import DEMO_PASSWORD

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright's own browser downloads are not used
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000  # generous: a shared CI machine can be slow to render the first page


LOOPBACK = ("localhost", "127.0.0.1", "[::1]")  # where the live server answers


def open_page(playwright, chromium: Path, *, served_as: str | None = None) -> tuple:
    """Chromium and a first page. `served_as` is a host name Chromium resolves to the loopback, for
    pages that behave differently off localhost. Closing the browser fails the test on any request to
    a host other than the live server (issue 10, item 8: nothing may load from another host)."""
    args = [*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {served_as} 127.0.0.1"] if served_as else CHROMIUM_ARGS
    browser = playwright.chromium.launch(executable_path=str(chromium), args=args)
    watch_content_security_policy(browser, hosts=(*LOOPBACK, *([served_as] if served_as else [])))
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="kk-KZ")
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    return browser, page


def other_hosts(hosts: tuple[str, ...]) -> re.Pattern:
    """Every http(s) or ws(s) address whose host is not one of `hosts`."""
    own = "|".join(re.escape(h) for h in hosts)
    return re.compile(rf"^(?:https?|wss?)://(?!(?:{own})(?::\d+)?(?:[/?#]|$))", re.IGNORECASE)


def watch_content_security_policy(browser, hosts: tuple[str, ...] = LOOPBACK) -> None:
    """Chromium reports on the console every script, style or handler the Content-Security-Policy
    blocked (security review finding 13), and every request for another host than `hosts` is refused
    and noted (issue 10, item 8); closing the browser then fails the journey, or adds them to the
    failure it already has."""
    blocked: list[str] = []
    foreign: list[str] = []

    def refuse(route) -> None:
        foreign.append(route.request.url)
        route.abort("blockedbyclient")

    def watch(context):
        context.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        context.route(other_hosts(hosts), refuse)
        return context

    def new_page(**options) -> Page:
        page = open_new_page(**options)
        watch(page.context)
        return page

    open_context, open_new_page, close = browser.new_context, browser.new_page, browser.close
    browser.new_context = lambda **options: watch(open_context(**options))
    browser.new_page = new_page

    def close_and_check() -> None:
        close()
        if blocked or foreign:
            report = " ; ".join(
                [*(["the Content-Security-Policy blocked: " + " | ".join(blocked)] if blocked else []),
                 *(["requests for another host: " + " | ".join(dict.fromkeys(foreign))] if foreign else [])])
            failing = sys.exc_info()[1]
            if failing is None:
                raise AssertionError(report)
            failing.add_note(report)

    browser.close = close_and_check


def make_pdf(path: Path, title: str) -> Path:
    page = canvas.Canvas(str(path))
    page.drawString(72, 760, title)
    page.save()
    return path


def messages(page: Page) -> str:
    return " | ".join(page.locator("ul.messages li").all_inner_texts())


def expect_state(page: Page, state: str) -> None:
    """The case page shows the case in `state`; on failure the page's messages say why."""
    try:
        expect(page.get_by_test_id("case-state")).to_have_attribute("data-state", state)
    except AssertionError as exc:
        raise AssertionError(f"expected state {state!r}; the page says: {messages(page)}") from exc


def fire(page: Page, action: str, state: str, reason: str = "", confirm: bool = False, **fields: str) -> None:
    """Click an action button of the case page (filling its form first) and expect `state`."""
    form = page.locator("form", has=page.locator(f'[data-action="{action}"]'))
    for name, value in fields.items():
        form.locator(f'[name="{name}"]').fill(value)
    if reason:
        form.locator('[name="reason"]').fill(reason)
    if confirm:
        form.locator('[name="confirm"]').check()
    form.locator(f'[data-action="{action}"]').click()
    expect_state(page, state)


def login(page: Page, base: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base}/kk/login/")
    page.locator('input[name="username"]').fill(username)
    page.locator('input[name="password"]').fill(password)
    page.get_by_test_id("login").click()
    expect(page.locator('header form[action$="/logout/"] button')).to_be_visible()


def logout(page: Page) -> None:
    page.locator('header form[action$="/logout/"] button').click()
    expect(page.locator('header a[href$="/login/"]')).to_be_visible()
