"""End to end, in headless Chromium and mostly in Kazakh (URLs under /kk/): a technology forecast
under seed 000, Order No. 133/НҚ "Methodology of technology forecasting", from the new study to the
approved list of key technologies and the report to the HSTC.

- an analyst (signed in through the login form) creates the study (two covered sectors, horizon
  2040, the three methods of paragraph 8, a stop rule), adds three candidate technologies and a
  thematic-plan activity (paragraph 10(4));
- "start the main stage" is refused: no engaged experts, so paragraphs 7(1) and 10(1) fail and
  the page's message cites them; the study stays in the preparatory stage;
- the analyst invites a domestic (KZ, Kazakh) and a foreign (DE, English) expert on the groups
  page; the invitation links are read from the e-mails (`django.core.mail.outbox`: the live server
  runs in this process with the locmem backend; the notices are queued on the database task
  backend and sent by the worker, run here in batch mode between the steps, `tests/tasks.py`);
- each expert opens the link in a browser context of their own (the domestic one on a phone-sized,
  touch viewport), declares no conflict of interest, sets a password and lands signed in;
- the main stage now starts (paragraph 11) and round 1 of the Delphi survey opens (paragraph 8(2));
- the domestic expert answers in Kazakh on the phone: the first try has a year out of range and an
  unanswered question. The browser's own check stops it first; the test then switches that check
  off (`novalidate`), as a browser without it would send the form, and the server's errors come
  back beside the questions with everything typed kept. Corrected, the answers are recorded, and
  opening the questionnaire again says they already answered. The foreign expert answers in
  English (/en/) with the questionnaire open in two tabs: the second tab's answers are refused with
  the same message;
- round 1 closes, round 2 opens; each expert sees the group's median and quartiles of round 1
  beside their own answer; both answer; round 2 closes; the round results show the answers under
  the pseudonyms E-01 and E-02, never a name or an e-mail;
- the analyst imports an indicator series (a CSV made here from a known logistic curve, linked to a
  technology): the logistic trend is chosen and forecast to the horizon; an expert correction of
  one year is recorded with its reason (paragraph 8(1)); a ragged CSV is refused naming its row and
  nothing is stored;
- the analysis settings (weights entered, scenario assumptions and SWOT thresholds from the
  illustrative examples); the analysis ranks the technologies by weighted sum and TOPSIS and shows
  the four scenarios of paragraph 11(8) and the SWOT of paragraph 11(6);
- the final stage (paragraph 12): the draft results are published for public discussion
  (paragraph 12(1)-(2)); an anonymous visitor comments, which the public sees only once the analyst
  has published it from the moderation queue; the analyst records a response;
- submitting to the HSTC is refused while the discussion is open; "today" then moves past its
  closing date (see below), the results are submitted (paragraph 12(4)) and the approval recorded
  (paragraph 13(1)) with an in-force date after the closing date;
- the public list of key technologies (anonymous) lists the approved technologies from that date
  with the study as their source, and none the day before;
- the HSTC report downloads from the study's navigation as PDF and DOCX, both readable: each link
  leads to the report's status page ("being prepared"), the worker renders it, and the page's
  download link gives the file.

The study's stage is checked on its page after every stage action. Expected texts are the
application's own messages translated with gettext into the page's language, so the test follows
the catalogues (where a text has no Kazakh translation yet, the page and the test both fall back
to English). The pages the domestic expert uses on the phone must not scroll sideways.

"Today" is moved by patching `django.utils.timezone.localdate` (as the `Today` helper of
tests/studies/conftest.py does): the live server is a thread of this process, so the patch applies to it too, and both
`casework.law_context.today()` and the HSTC guard of `stages` read the date through it.

Needs Debian's Chromium at /usr/bin/chromium (Playwright's own browser downloads are not used).
Without it the test is skipped, except under CI (the CI environment variable set), where it fails.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
import numpy as np
import pytest
from django.core import mail
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from techpolicy.accounts.roles import ANALYST, EXPERT
from techpolicy.casework.models import Notification
from techpolicy.forecasting.studies.models import Expert, IndicatorSeries, Study
from tests import factories
from tests.e2e.browser import TIMEOUT_MS, login, messages, open_page
from tests.tasks import run_queued_beside

pytestmark = pytest.mark.browser


ANALYST_USERNAME = "talday"
PASSWORD = factories.PASSWORD

TITLE = "Ауыл шаруашылығын цифрландыру 2040"
DIRECTION = "Ауыл шаруашылығы және ақпараттық-коммуникациялық технологиялар"
ORGANISING_BODY = "Қазақстан Республикасы Ауыл шаруашылығы министрлігі"
SECTORS = ("Agriculture", "ICT")
HORIZON = 2040
TECHNOLOGIES = (  # code, kk, ru, en, sector
    ("AG-01", "Дәлме-дәл егіншілік", "Точное земледелие", "Precision farming", "Agriculture"),
    ("AG-02", "Ауыл шаруашылығы дрондары", "Сельскохозяйственные дроны", "Agricultural drones", "Agriculture"),
    ("ICT-01", "Топырақтың IoT датчиктері", "IoT-датчики почвы", "IoT soil sensors", "ICT"),
)


@dataclass(frozen=True)
class Person:
    full_name: str
    email: str
    country: str
    organisation: str
    years: int
    language: str
    password: str
    pseudonym: str


DOMESTIC = Person("Айгерім Нұрланқызы", "aigerim@agro.example.kz", "KZ",
                  "Қазақ ұлттық аграрлық зерттеу университеті", 12, "kk", "Dala-Zhuldyz-2040!", "E-01")
FOREIGN = Person("Hans Becker", "hans.becker@agrar.example.de", "DE",
                 "Leibniz-Institut für Agrartechnik", 20, "en", "Feld-Sensor-2040!", "E-02")

# Round 1 answers per technology: importance, year, levels against leaders and competitors,
# barriers, competence. Round 2 keeps them (the form is filled with them) except where noted.
ANSWERS = {
    DOMESTIC: {
        "AG-01": {"importance": 5, "year": 2030, "level_vs_leader": -1, "level_vs_competitor": 0,
                  "barriers": ["funding", "skills"], "competence": 4},
        "AG-02": {"importance": 4, "year": 2029, "level_vs_leader": -2, "level_vs_competitor": -1,
                  "barriers": ["regulation"], "competence": 3},
        "ICT-01": {"importance": 4, "year": 2028, "level_vs_leader": 0, "level_vs_competitor": 1,
                   "barriers": ["infrastructure"], "competence": 4},
    },
    FOREIGN: {
        "AG-01": {"importance": 5, "year": 2034, "level_vs_leader": -1, "level_vs_competitor": 1,
                  "barriers": ["funding"], "competence": 5},
        "AG-02": {"importance": 4, "year": 2031, "level_vs_leader": -2, "level_vs_competitor": -2,
                  "barriers": ["regulation", "demand"], "competence": 4},
        "ICT-01": {"importance": 3, "year": 2027, "level_vs_leader": 0, "level_vs_competitor": 1,
                   "barriers": [], "competence": 3},
    },
}
BARRIERS = ("funding", "skills", "regulation", "infrastructure", "demand", "access")
SCALE_QUESTIONS = ("importance", "level_vs_leader", "level_vs_competitor", "competence")

# The indicator series: a logistic curve K / (1 + exp(-r (year - t_mid))) with a small known wobble.
SERIES_NAME = "Дәлме-дәл егіншілік патенттері (әлем)"
LOGISTIC = {"K": 1000.0, "r": 0.45, "t_mid": 2016}
SERIES_YEARS = range(2005, 2025)
CORRECTED_YEAR = 2030
CORRECTION_REASON = "Сарапшылар: субсидиялар қысқаратындықтан өсу баяулайды."

COMMENT_TEXT = "Ауыл шаруашылығы дрондарын да түйінді технологиялар тізбесіне қосуды ұсынамыз."
RESPONSE_TEXT = "Ескерілді: дрондар келесі болжауда қайта қаралады."
DECISION = "ЖҒТК шешімі № 7"


# --- helpers --------------------------------------------------------------------------------


def tr(lang: str, message: str, **params) -> str:
    """`message` as the application shows it in `lang` (gettext, then the parameters)."""
    with translation.override(lang):
        text = translation.gettext(message)
    return text % params if params else text


def kk(message: str, **params) -> str:
    return tr("kk", message, **params)


def lead(message: str) -> str:
    """The Kazakh text of `message` up to its first parameter (the fixed start of a message)."""
    return kk(message).split("%(")[0].strip()


def figure(lang: str, value: float) -> str:
    """A figure as the questionnaire's feedback shows it (`floatformat:"-1"` in `lang`)."""
    with translation.override(lang):
        return floatformat(value, "-1")


class MovableToday:
    """A movable "today" for the whole process, the live server's thread included."""

    def __init__(self, monkeypatch):
        original = timezone.localdate
        self.day = original()
        monkeypatch.setattr(timezone, "localdate",
                            lambda value=None, timezone=None: self.day if value is None else original(value, timezone))

    def move_to(self, day: dt.date) -> None:
        self.day = day


@dataclass
class World:
    base: str
    browser: Browser
    tmp_path: Path
    today: MovableToday
    number: str = ""
    key: list[str] = field(default_factory=list)  # the key technologies of the draft, in rank order
    closes_on: dt.date | None = None  # the last day of the public discussion
    in_force: dt.date | None = None  # the approved list's first day
    contexts: dict[str, BrowserContext] = field(default_factory=dict)
    phone_overflow: dict[str, int] = field(default_factory=dict)

    def url(self, path: str = "", lang: str = "kk") -> str:
        return f"{self.base}/{lang}/forecasting/{self.number}/{path}"


def form_errors(page: Page) -> list[str]:
    return page.locator(".errorlist").all_inner_texts()


def expect_message(page: Page, text: str, kind: str = "success") -> None:
    """The page's messages include `text`, of `kind` (success or error); else say what they are."""
    item = page.locator("ul.messages li", has_text=text)
    try:
        expect(item.first).to_be_visible()
        expect(item.first).to_have_class(re.compile(rf"\b{kind}\b"))
    except AssertionError as exc:
        raise AssertionError(f"expected the {kind} message {text!r}; the page says: {messages(page)!r}, "
                             f"form errors: {form_errors(page)!r}") from exc


def expect_stage(page: Page, stage: str) -> None:
    """The study page shows the study in `stage` (its display name in Kazakh)."""
    heading = page.locator("section.card h2", has_text=f"{kk('Stage')}: ")
    try:
        expect(heading).to_have_text(f"{kk('Stage')}: {kk(stage)}")
    except AssertionError as exc:
        raise AssertionError(f"expected the stage {stage!r}; the page says: {messages(page)!r}") from exc


def stage_action(page: Page, world: World, action: str, **fields: str) -> None:
    page.goto(world.url())
    form = page.locator("form", has=page.locator(f'[data-action="{action}"]'))
    for name, value in fields.items():
        form.locator(f'[name="{name}"]').fill(value)
    form.locator(f'[data-action="{action}"]').click()


def card_form(page: Page, field_name: str):
    """The page's form holding the field `field_name`."""
    return page.locator("form", has=page.locator(f'[name="{field_name}"]'))


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the viewport (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def invitation_links(outbox_from: int) -> dict[str, str]:
    """Recipient -> the invitation link of the e-mails sent since `outbox_from`."""
    links = {}
    for message in mail.outbox[outbox_from:]:
        found = re.search(r"https?://\S+/forecasting/invitation/[0-9a-f-]{36}/", message.body)
        assert found, message.body
        links[message.to[0]] = found.group(0)
    return links


def round_links(outbox_from: int, round_number: int) -> dict[str, str]:
    links = {}
    for message in mail.outbox[outbox_from:]:
        found = re.search(rf"https?://\S+/forecasting/FS-\d{{4}}-\d{{4}}/rounds/{round_number}/answer/", message.body)
        assert found, message.body
        links[message.to[0]] = found.group(0)
    return links


def logistic_csv() -> str:
    wobble = np.sin(np.arange(len(SERIES_YEARS)) * 1.7) * 6  # deterministic, a few units
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "value"])
    for year, noise in zip(SERIES_YEARS, wobble, strict=True):
        value = LOGISTIC["K"] / (1 + np.exp(-LOGISTIC["r"] * (year - LOGISTIC["t_mid"]))) + noise
        writer.writerow([year, f"{value:.2f}"])
    return out.getvalue()


def new_page(world: World, name: str, **options) -> Page:
    """A page in a fresh browser context (own cookies: a different person)."""
    context = world.browser.new_context(**({"viewport": {"width": 1280, "height": 900}, "locale": "kk-KZ"} | options))
    world.contexts[name] = context
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


# --- the journey ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_forecast_study_from_preparation_to_approved_key_technologies(live_server, chromium, monkeypatch,
                                                                      settings, tmp_path):
    settings.TECHPOLICY_PUBLIC_URL = live_server.url  # the e-mailed links lead to this test's server
    # a. The analyst, through the ORM; everything else through the pages.
    factories.make_user(ANALYST_USERNAME, roles=[ANALYST], password=PASSWORD, first_name="Дана",
                        last_name="Талдаушы", email="dana@minagri.example.kz", language="kk")
    today = MovableToday(monkeypatch)
    # No ORM calls below while the browser runs: Playwright's sync API keeps an event loop on
    # this thread, and Django refuses database access from a thread with a running loop.

    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        world = World(live_server.url, browser, tmp_path, today)
        try:
            journey(page, world)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            for name, context in world.contexts.items():
                for n, other in enumerate(context.pages):
                    other.screenshot(path=str(tmp_path / f"failure-{name}-{n}.png"), full_page=True)
            raise
        finally:
            browser.close()

    # z. What the pages do not show, through the ORM once the browser is closed.
    study = Study.objects.get(number=world.number)
    assert study.stage == "approved"
    assert list(study.series.values_list("name", flat=True)) == [SERIES_NAME]  # the ragged file stored nothing
    assert IndicatorSeries.objects.count() == 1
    for person in (DOMESTIC, FOREIGN):
        expert = Expert.objects.select_related("user").get(email=person.email)
        assert expert.user is not None and expert.user.username == person.email
        assert expert.user.groups.filter(name=EXPERT).exists()
        assert expert.user.check_password(person.password)
        # The invitation and the notices of the two rounds, each marked sent by the task.
        notices = Notification.objects.filter(recipient=person.email)
        assert notices.count() == 3 and not notices.filter(sent_at=None).exists()
    assert world.phone_overflow == dict.fromkeys(world.phone_overflow, 0), world.phone_overflow


def journey(page: Page, world: World) -> None:
    create_study(page, world)
    main_stage_refused(page, world)
    links = invite_experts(page, world)
    experts = {person: accept_invitation(world, person, links[person.email]) for person in (DOMESTIC, FOREIGN)}
    round_one = start_main_stage_and_open_round(page, world, 1)
    domestic_answers_round_one(experts[DOMESTIC], world, round_one[DOMESTIC.email])
    foreign_answers_round_one(experts[FOREIGN], world, round_one[FOREIGN.email])
    round_two = close_round_and_open_next(page, world)
    answer_round_two(experts, world, round_two)
    round_results(page, world)
    series_and_correction(page, world)
    analysis(page, world)
    publish_draft(page, world)
    public_comment_and_response(page, world)
    submit_and_approve(page, world)
    key_technologies_list(world)
    download_report(page, world)


def create_study(page: Page, world: World) -> None:
    """1. Sign in, create the study, add its technologies and a thematic-plan activity."""
    login(page, world.base, ANALYST_USERNAME, PASSWORD)
    page.goto(f"{world.base}/kk/forecasting/new/")
    form = card_form(page, "title")
    form.locator('[name="title"]').fill(TITLE)
    form.locator('[name="direction"]').fill(DIRECTION)
    form.locator('[name="covered_sectors"]').fill("\n".join(SECTORS))
    form.locator('[name="horizon_year"]').fill(str(HORIZON))
    form.locator('[name="organising_body"]').fill(ORGANISING_BODY)
    for method in ("foresight", "extrapolation", "cyclic"):
        form.locator(f'[name="methods"][value="{method}"]').check()
    form.locator('[name="max_rel_iqr"]').fill("0.5")
    form.locator('button[type="submit"]').click()
    try:
        expect(page).to_have_url(re.compile(r"/kk/forecasting/FS-\d{4}-\d{4}/$"))
    except AssertionError as exc:
        raise AssertionError(f"the study was not created: {form_errors(page)}") from exc
    world.number = page.url.rstrip("/").rsplit("/", 1)[1]
    expect_message(page, kk("Study %(number)s created.", number=world.number))
    expect(page.locator("h1")).to_have_text(TITLE)
    expect_stage(page, "Preparatory stage")
    details = page.locator("section.card dl").first
    expect(details).to_contain_text(", ".join(SECTORS))
    expect(details).to_contain_text(kk("Stop rule: largest relative IQR") + ": 0,5")  # a Kazakh decimal comma
    expect(details).to_contain_text("; ".join(kk(m) for m in (
        "Linear extrapolation with expert correction", "Foresight (Delphi survey)", "Cyclic regularities")))

    page.goto(world.url("technologies/"))
    for code, name_kk, name_ru, name_en, sector in TECHNOLOGIES:
        form = card_form(page, "code")
        form.locator('[name="code"]').fill(code)
        form.locator('[name="name_kk"]').fill(name_kk)
        form.locator('[name="name_ru"]').fill(name_ru)
        form.locator('[name="name_en"]').fill(name_en)
        form.locator('[name="sector"]').fill(sector)
        form.locator('button[type="submit"]').click()
        expect(page.locator("table tbody tr", has_text=code)).to_contain_text(name_kk)
    expect(page.locator("table tbody tr")).to_have_count(len(TECHNOLOGIES))

    page.goto(world.url("plan/"))
    form = card_form(page, "activity")
    form.locator('[name="stage"]').select_option("preparatory")
    form.locator('[name="activity"]').fill("Жұмыс және сараптама топтарын қалыптастыру")
    form.locator('[name="methods"][value="foresight"]').check()
    form.locator('[name="kind_of_work"]').fill("Шақырулар, мүдделер қақтығысы туралы декларациялар")
    form.locator('[name="starts_on"]').fill(world.today.day.isoformat())
    form.locator('[name="ends_on"]').fill((world.today.day + dt.timedelta(days=30)).isoformat())
    form.locator('button[type="submit"]').click()
    row = page.locator("table tbody tr", has_text="сараптама топтарын")
    expect(row).to_contain_text(kk("Preparatory stage"))
    ends_on = world.today.day + dt.timedelta(days=30)
    expect(row).to_contain_text(f"{world.today.day.isoformat()} – {ends_on.isoformat()}")


def main_stage_refused(page: Page, world: World) -> None:
    """2. Without engaged experts the main stage is refused, citing paragraphs 7(1) and 10(1)."""
    page.goto(world.url())
    criteria = page.locator("#main-stage-criteria")
    expect(criteria.locator(".verdict-rule.failed")).to_have_count(2)
    stage_action(page, world, "start_main")
    refusal = page.locator("ul.messages li.error")
    expect(refusal).to_contain_text(lead("The main stage cannot start. %(reasons)s"))
    expect(refusal).to_contain_text("7-тармақ, 1) тармақша")
    expect(refusal).to_contain_text("10-тармақ, 1) тармақша")
    expect_stage(page, "Preparatory stage")


def invite_experts(page: Page, world: World) -> dict[str, str]:
    """3. Invite a domestic and a foreign expert; their links come by e-mail."""
    sent_before = len(mail.outbox)
    page.goto(world.url("experts/"))
    for person in (DOMESTIC, FOREIGN):
        form = card_form(page, "full_name")
        form.locator('[name="full_name"]').fill(person.full_name)
        form.locator('[name="email"]').fill(person.email)
        form.locator('[name="country"]').fill(person.country)
        form.locator('[name="organisation"]').fill(person.organisation)
        form.locator('[name="fields"]').fill("\n".join(SECTORS))
        form.locator('[name="experience_years"]').fill(str(person.years))
        form.locator('[name="language"]').select_option(person.language)
        form.locator('[name="group"]').select_option("expert")
        form.locator('button[type="submit"]').click()
        expect_message(page, kk("Invitation sent to %(email)s.", email=person.email))
        row = page.locator("table tbody tr", has_text=person.full_name)
        expect(row).to_contain_text(person.country)
        expect(row).to_contain_text(kk("Invited"))
    assert len(mail.outbox) == sent_before  # queued with the invitation, not sent inside the request
    run_queued_beside()  # the worker sends the two invitations
    assert len(mail.outbox) == sent_before + 2, [m.to for m in mail.outbox]
    links = invitation_links(sent_before)
    assert set(links) == {DOMESTIC.email, FOREIGN.email}
    # Each link is in the expert's own language.
    assert f"/{DOMESTIC.language}/forecasting/invitation/" in links[DOMESTIC.email]
    assert f"/{FOREIGN.language}/forecasting/invitation/" in links[FOREIGN.email]
    return links


def accept_invitation(world: World, person: Person, link: str) -> Page:
    """4. The expert opens the link in their own browser, accepts and is signed in."""
    if person is DOMESTIC:  # a phone: small viewport, touch, the page's meta viewport honoured
        page = new_page(world, "domestic", viewport={"width": 390, "height": 844}, device_scale_factor=3,
                        is_mobile=True, has_touch=True, locale="kk-KZ")
    else:
        page = new_page(world, "foreign", locale="en-GB")
    lang = person.language
    page.goto(link)
    expect(page.locator("h2").first).to_have_text(TITLE)
    expect(page.locator("form.card")).to_contain_text(person.email)  # the login to be
    page.locator('[name="no_conflict"]').check()
    page.locator('[name="password"]').fill(person.password)
    page.locator('[name="password_again"]').fill(person.password)
    page.locator('button[name="decision"][value="accept"]').click()
    expect(page).to_have_url(re.compile(rf"/{lang}/forecasting/expert/$"))
    with translation.override(lang):
        group = translation.gettext("Expert group")
    expect_message(page, tr(lang, "Thank you: you are now in the %(group)s of the study %(number)s.",
                            group=group, number=world.number))
    expect(page.locator("header .who")).to_have_text(person.full_name)
    expect(page.locator("main")).to_contain_text(tr(lang, "No round is open now; you will get an e-mail when one "
                                                          "opens."))
    if person is DOMESTIC:
        world.phone_overflow["my questionnaires"] = horizontal_overflow(page)
    return page


def start_main_stage_and_open_round(page: Page, world: World, number: int) -> dict[str, str]:
    """5. Both experts engaged: the criteria pass, the main stage starts, round 1 opens."""
    page.goto(world.url("experts/"))
    for person in (DOMESTIC, FOREIGN):
        row = page.locator("table tbody tr", has_text=person.full_name)
        expect(row).to_contain_text(kk("Accepted"))
        expect(row).to_contain_text(kk("none declared"))
    page.goto(world.url())
    expect(page.locator("#main-stage-criteria .verdict-rule.failed")).to_have_count(0)
    expect(page.locator("#main-stage-criteria .verdict-rule.passed")).to_have_count(3)
    stage_action(page, world, "start_main")
    expect_message(page, kk("Done."))
    expect_stage(page, "Main stage")
    return open_round(page, world, number)


def open_round(page: Page, world: World, number: int) -> dict[str, str]:
    sent_before = len(mail.outbox)
    page.goto(world.url("rounds/"))
    form = card_form(page, "closes_on")
    form.locator('[name="closes_on"]').fill((world.today.day + dt.timedelta(days=14)).isoformat())
    form.locator('button[type="submit"]').click()
    expect_message(page, kk("Round %(n)d is open; the experts were notified.", n=number))
    expect(page.locator(f"#round-{number}")).to_contain_text(kk("open"))
    run_queued_beside()  # the worker sends the round's notices
    assert len(mail.outbox) == sent_before + 2, [m.subject for m in mail.outbox]
    return round_links(sent_before, number)


def answer_card(page: Page, code: str, answers: dict, comment: str = "") -> None:
    """Fill one technology's card of the questionnaire; a question missing from `answers` is skipped."""
    card = page.locator(f"#technology-{code}")
    for name in SCALE_QUESTIONS:
        if name in answers:
            card.locator(f'input[name$="-{name}"][value="{answers[name]}"]').check()
    if "year" in answers:
        card.locator('input[name$="-year"]').fill(str(answers["year"]))
    for barrier in BARRIERS:
        card.locator(f'input[name$="-barriers"][value="{barrier}"]').set_checked(barrier in answers["barriers"])
    if comment:
        card.locator('textarea[name$="-comment"]').fill(comment)


def item_of(page: Page, code: str, name: str):
    """The question `name` of a technology's card (its fieldset or div, with its errors and feedback)."""
    card = page.locator(f"#technology-{code}")
    return card.locator(".q-item", has=page.locator(f'[name$="-{name}"]'))


def domestic_answers_round_one(page: Page, world: World, link: str) -> None:
    """6a. On the phone, in Kazakh: a refused first try, every typed value kept, then recorded."""
    page.goto(link)
    assert "/kk/" in link
    submit = page.locator(".q-submit")
    expect(submit).to_be_visible()
    world.phone_overflow["questionnaire"] = horizontal_overflow(page)
    answers = ANSWERS[DOMESTIC]
    answer_card(page, "AG-01", answers["AG-01"], comment="Субсидиялар бар, бірақ мамандар жетіспейді.")
    answer_card(page, "AG-02", {k: v for k, v in answers["AG-02"].items() if k != "competence"})
    answer_card(page, "ICT-01", answers["ICT-01"] | {"year": 2150})
    posts: list[str] = []

    def record_post(request) -> None:
        if request.method == "POST":
            posts.append(request.url)

    page.on("request", record_post)
    submit.tap()
    # The browser's own check stops the form: the year is above its maximum, a question unanswered.
    year = item_of(page, "ICT-01", "year").locator("input")
    assert year.evaluate("el => el.validity.rangeOverflow")
    competence = item_of(page, "AG-02", "competence").locator("input").first
    assert competence.evaluate("el => el.validity.valueMissing")
    page.wait_for_timeout(500)
    assert posts == [], posts  # nothing was sent
    # A browser without that check sends the form: the server refuses it the same way.
    page.locator(".questionnaire form").evaluate("form => { form.noValidate = true; }")
    submit.tap()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert posts == [link], posts
    page.remove_listener("request", record_post)
    expect(item_of(page, "ICT-01", "year").locator(".errorlist")).to_have_text(
        kk("Ensure this value is less than or equal to %(limit_value)s.", limit_value=2100))
    expect(item_of(page, "AG-02", "competence").locator(".errorlist")).to_have_text(kk("This field is required."))
    expect(page.locator(".errorlist")).to_have_count(2)
    # Nothing typed is lost.
    expect(item_of(page, "ICT-01", "year").locator("input")).to_have_value("2150")
    ag01 = page.locator("#technology-AG-01")
    expect(ag01.locator('input[name$="-importance"][value="5"]')).to_be_checked()
    expect(ag01.locator('input[name$="-barriers"][value="skills"]')).to_be_checked()
    expect(ag01.locator('textarea[name$="-comment"]')).to_have_value("Субсидиялар бар, бірақ мамандар жетіспейді.")
    expect(page.locator('#technology-AG-02 input[name$="-level_vs_leader"][value="-2"]')).to_be_checked()
    world.phone_overflow["questionnaire with errors"] = horizontal_overflow(page)
    page.screenshot(path=str(world.tmp_path / "phone-questionnaire-errors.png"), full_page=True)

    item_of(page, "ICT-01", "year").locator("input").fill(str(answers["ICT-01"]["year"]))
    item_of(page, "AG-02", "competence").locator(f'input[value="{answers["AG-02"]["competence"]}"]').check()
    page.locator(".q-submit").tap()
    expect(page).to_have_url(re.compile(r"/kk/forecasting/expert/$"))
    expect_message(page, kk("Thank you: your answers to round %(n)d are recorded.", n=1))
    expect(page.locator("main")).to_contain_text(kk("You have answered round %(n)s. Thank you.", n=1))

    # Answering again: a clear refusal, and no form.
    page.goto(link)
    expect(page.locator("#refusal")).to_have_text(
        kk("You have already answered this round; your answers are kept as submitted."))
    expect(page.locator(".q-submit")).to_have_count(0)
    world.phone_overflow["questionnaire refused"] = horizontal_overflow(page)


def foreign_answers_round_one(page: Page, world: World, link: str) -> None:
    """6b. In English, with the questionnaire open in two tabs: the second submission is refused."""
    assert "/en/" in link
    page.goto(link)
    second = page.context.new_page()
    second.set_default_timeout(TIMEOUT_MS)
    second.goto(link)
    # Each tab is brought to the front before it is used: Chromium throttles a background tab's
    # rendering, which makes every action there wait.
    for code, answers in ANSWERS[FOREIGN].items():
        answer_card(second, code, answers | {"importance": 1})
    page.bring_to_front()
    for code, answers in ANSWERS[FOREIGN].items():
        answer_card(page, code, answers)
    page.locator(".q-submit").click()
    expect_message(page, tr("en", "Thank you: your answers to round %(n)d are recorded.", n=1))
    second.bring_to_front()
    second.locator(".q-submit").click()
    expect(second.locator("#refusal")).to_have_text(
        tr("en", "You have already answered this round; your answers are kept as submitted."))
    # The refused answers stay on the page, so nothing typed is lost.
    expect(second.locator('#technology-AG-01 input[name$="-importance"][value="1"]')).to_be_checked()
    expect(second.locator(".q-submit")).to_have_count(0)
    second.close()
    page.bring_to_front()


def close_round(page: Page, world: World, number: int) -> None:
    page.goto(world.url("rounds/"))
    row = page.locator(f"#round-{number}")
    expect(row).to_contain_text("2 / 2")  # both experts answered
    row.locator('button[type="submit"]').click()
    expect_message(page, kk("Round %(n)d closed.", n=number))
    expect(page.locator(f"#round-{number} .badge.ok")).to_have_count(0)


def close_round_and_open_next(page: Page, world: World) -> dict[str, str]:
    """7a. Round 1 closes, round 2 opens."""
    close_round(page, world, 1)
    return open_round(page, world, 2)


def answer_round_two(experts: dict[Person, Page], world: World, links: dict[str, str]) -> None:
    """7b. Each expert sees the group's median and quartiles of round 1 beside their own answer."""
    foreign = experts[FOREIGN]
    foreign.goto(links[FOREIGN.email])
    year = item_of(foreign, "AG-01", "year")
    # Years 2030 and 2034: median 2032, quartiles (type 7) 2031 and 2033; own answer 2034.
    group = tr("en", "Group in round %(n)s: median %(median)s, quartiles %(q1)s – %(q3)s (answers: %(count)s).",
               n=1, median=2032, q1=2031, q3=2033, count=2)
    expect(year.locator(".q-feedback")).to_contain_text(group)
    expect(year.locator(".q-feedback")).to_contain_text(tr("en", "Your answer: %(own)s.", own=2034))
    importance = item_of(foreign, "AG-01", "importance").locator(".q-feedback")
    expect(importance).to_contain_text(tr("en", "Group in round %(n)s: median %(median)s, quartiles %(q1)s – %(q3)s "
                                              "(answers: %(count)s).", n=1, median=5, q1=5, q3=5, count=2))
    expect(year.locator("input")).to_have_value("2034")  # the form is filled with the previous answers
    year.locator("input").fill("2032")
    item_of(foreign, "AG-01", "comment").locator("textarea").fill("Moved towards the group: pilots start in 2027.")
    foreign.locator(".q-submit").click()
    expect_message(foreign, tr("en", "Thank you: your answers to round %(n)d are recorded.", n=2))

    domestic = experts[DOMESTIC]
    domestic.goto(links[DOMESTIC.email])
    feedback = item_of(domestic, "AG-02", "year").locator(".q-feedback")
    # Years 2029 and 2031: median 2030, quartiles 2029.5 and 2030.5; own answer 2029.
    expect(feedback).to_contain_text(kk("Your answer: %(own)s.", own=2029))
    expect(feedback).to_contain_text(kk("Group in round %(n)s: median %(median)s, quartiles %(q1)s – %(q3)s "
                                        "(answers: %(count)s).", n=1, median=2030, q1=figure("kk", 2029.5),
                                        q3=figure("kk", 2030.5), count=2))
    world.phone_overflow["questionnaire round 2"] = horizontal_overflow(domestic)
    domestic.screenshot(path=str(world.tmp_path / "phone-round-2.png"), full_page=True)
    domestic.locator(".q-submit").tap()
    expect_message(domestic, kk("Thank you: your answers to round %(n)d are recorded.", n=2))


def round_results(page: Page, world: World) -> None:
    """7c. Round 2 closes; its results show pseudonyms, never names or e-mails."""
    close_round(page, world, 2)
    page.goto(world.url("rounds/2/"))
    answers = page.locator("#answers tbody tr")
    expect(answers).to_have_count(2 * len(TECHNOLOGIES))
    expect(page.locator("#answers tbody tr", has_text=DOMESTIC.pseudonym)).to_have_count(len(TECHNOLOGIES))
    expect(page.locator("#answers tbody tr", has_text=FOREIGN.pseudonym)).to_have_count(len(TECHNOLOGIES))
    expect(page.locator("#answers")).to_contain_text("Moved towards the group")
    body = page.locator("main").inner_text()
    for person in (DOMESTIC, FOREIGN):
        for secret in (person.full_name, person.email, person.organisation):
            assert secret not in body, f"the round results show {secret!r}"
    assert FOREIGN.full_name.split()[1] not in page.content()  # not even in the markup


def series_and_correction(page: Page, world: World) -> None:
    """8. A logistic series linked to AG-01: the logistic trend chosen, a correction, a ragged file refused."""
    good = world.tmp_path / "ag01-patents.csv"
    good.write_text(logistic_csv(), encoding="utf-8")
    page.goto(world.url("series/"))
    form = page.locator("form#import")
    form.locator('[name="name"]').fill(SERIES_NAME)
    form.locator('[name="unit"]').fill("дана")
    form.locator('[name="source"]').fill("Сынақ деректері: белгілі логистикалық қисық")
    form.locator('[name="technology"]').select_option(label="AG-01 Precision farming")
    form.locator('[name="file"]').set_input_files(str(good))
    form.locator('button[type="submit"]').click()
    expect_message(page, kk("The series “%(name)s” was imported.", name=SERIES_NAME))
    expect(page).to_have_url(re.compile(rf"/kk/forecasting/{world.number}/series/\d+/$"))
    detail_url = page.url

    chosen = page.locator("#trends tbody tr.passed")
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text(kk("logistic (S-curve)"))
    expect(chosen).to_contain_text(f"({kk('chosen')})")
    forecast = page.locator("#forecast [data-testid=forecast-rows] tbody tr")
    expect(forecast).to_have_count(HORIZON - SERIES_YEARS[-1])
    expect(forecast.first.locator("td").first).to_have_text(str(SERIES_YEARS[-1] + 1))
    expect(forecast.last.locator("td").first).to_have_text(str(HORIZON))
    expect(page.locator("#cycles")).to_contain_text(kk("Life cycle (logistic S-curve)"))

    row = page.locator("#forecast [data-testid=forecast-rows] tbody tr",
                       has=page.locator("td:first-child", has_text=str(CORRECTED_YEAR)))
    fitted = float(row.locator("td").nth(1).inner_text().replace(",", ".").replace("\u00a0", ""))
    corrected = round(fitted * 0.9, 1)
    correction = page.locator("form#correct")
    correction.locator('[name="year"]').select_option(str(CORRECTED_YEAR))
    correction.locator('[name="corrected"]').fill(str(corrected))
    correction.locator('[name="reason"]').fill(CORRECTION_REASON)
    correction.locator('button[type="submit"]').click()
    expect_message(page, kk("The correction was recorded."))
    history = page.locator("#corrections tbody tr", has_text=CORRECTION_REASON)
    expect(history).to_have_count(1)
    expect(history.locator("td").nth(2)).to_have_text(str(CORRECTED_YEAR))
    expect(history.locator("td").nth(3)).to_have_text(kk("logistic (S-curve)"))  # the model by its name
    row = page.locator("#forecast [data-testid=forecast-rows] tbody tr",
                       has=page.locator("td:first-child", has_text=str(CORRECTED_YEAR)))
    assert float(row.locator("td").nth(4).inner_text().replace(",", ".")) == pytest.approx(corrected)
    assert float(row.locator("td").nth(5).inner_text().replace(",", ".")) == pytest.approx(corrected)

    # A ragged file (a third cell on its third line) is refused naming the row; nothing is stored.
    ragged = world.tmp_path / "ragged.csv"
    ragged.write_text("year,value\n2005,10\n2006,12,99\n2007,15\n2008,19\n2009,24\n2010,30\n", encoding="utf-8")
    page.goto(world.url("series/"))
    form = page.locator("form#import")
    form.locator('[name="name"]').fill("Бұзылған файл")
    form.locator('[name="file"]').set_input_files(str(ragged))
    form.locator('button[type="submit"]').click()
    error = page.locator("form#import .field", has=page.locator('[name="file"]')).locator(".errorlist")
    expect(error).to_contain_text("row 3")
    expect(error).to_contain_text(lead("The file cannot be imported: %(detail)s"))
    expect(page.locator('form#import [name="name"]')).to_have_value("Бұзылған файл")
    expect(page.locator("table tbody tr")).to_have_count(1)  # only the logistic series
    expect(page.locator("table tbody tr")).to_contain_text(SERIES_NAME)
    page.goto(detail_url)
    expect(page.locator("#corrections tbody tr", has_text=CORRECTION_REASON)).to_have_count(1)


def analysis(page: Page, world: World) -> None:
    """9. Weights entered, scenarios and SWOT from the examples; ranking, scenarios and SWOT shown."""
    page.goto(world.url("analysis/settings/"))
    weights = page.locator("#settings-weights")
    for name, value in (("importance", "0.4"), ("level_vs_leader", "0.2"), ("year", "0.2"), ("trend_growth", "0.2")):
        weights.locator(f'[name="{name}"]').fill(value)
    weights.locator('button[value="save"]').click()
    expect_message(page, kk("The settings were saved."))
    for key in ("scenarios", "swot"):
        page.locator(f'#settings-{key} button[value="example"]').click()
        expect_message(page, kk("The settings were saved."))
    for key in ("weights", "scenarios", "swot"):
        expect(page.locator(f"#settings-{key} p.failed")).to_have_count(0)  # none is "not set" any more
    expect(page.locator("#settings-swot .badge.overdue")).to_be_visible()  # marked as the example

    page.goto(world.url("analysis/"))
    ranking = page.locator("#ranking")
    expect(ranking.locator("p.failed")).to_have_count(0)
    ranks = ranking.locator("table").nth(1)
    expect(ranks.locator("thead")).to_contain_text(kk("Weighted sum"))
    expect(ranks.locator("thead")).to_contain_text(kk("TOPSIS"))
    expect(ranks.locator("tbody tr")).to_have_count(len(TECHNOLOGIES))
    scenarios = page.locator("#scenarios")
    expect(scenarios.locator("p.failed")).to_have_count(0)
    expect(scenarios.locator("h3")).to_contain_text(["AG-01"])
    for label in ("Technological stagnation", "Technological inertia", "New technological niches",
                  "Technological breakthrough"):
        expect(scenarios.locator("thead").first).to_contain_text(kk(label))
    # the page's own table (each chart beside it carries its data table too)
    expect(scenarios.locator("table:not([data-testid=chart-table]) tbody tr")).to_have_count(HORIZON - SERIES_YEARS[-1])
    swot = page.locator("#swot")
    expect(swot.locator("p.failed")).to_have_count(0)
    for key in ("strength", "weakness", "opportunity", "threat"):
        expect(swot.locator(f"#swot-{key}")).to_be_visible()
    # Round 2 medians: AG-01 importance 5, level against competitors 0.5 (a strength); AG-02 far
    # behind the leaders with "regulation" named by both (a threat).
    expect(swot.locator("#swot-strength")).to_contain_text("AG-01")
    expect(swot.locator("#swot-threat")).to_contain_text("AG-02")


def publish_draft(page: Page, world: World) -> None:
    """10. The final stage starts; the draft results are published with the top two of the ranking."""
    page.goto(world.url("analysis/"))
    ranked = page.locator("#ranking table").nth(1).locator("tbody tr td:first-child").all_inner_texts()
    key = [text.split()[0] for text in ranked[:2]]
    assert set(key) <= {code for code, *_rest in TECHNOLOGIES}, ranked

    stage_action(page, world, "start_final")
    expect_message(page, kk("Done."))
    expect_stage(page, "Final stage")

    closes_on = world.today.day + dt.timedelta(days=10)
    page.goto(world.url("drafts/"))
    form = card_form(page, "vision")
    form.locator('[name="vision"]').fill("2040 жылға қарай Қазақстанның ауыл шаруашылығы деректермен басқарылады.")
    form.locator('[name="goals"]').fill("Дәлме-дәл егіншілікті егістік алқаптың жартысына енгізу\n"
                                        "Отандық датчиктер өндірісін құру")
    form.locator('[name="key_technologies"]').fill("\n".join(key))
    form.locator('[name="grant_directions"]').fill("Топырақ ылғалдылығының датчиктері")
    form.locator('[name="programme_directions"]').fill("Ауыл шаруашылығын цифрландырудың нысаналы бағдарламасы")
    form.locator('[name="recommendations"]').fill(
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігі | Пилоттық фермаларды қаржыландыру")
    form.locator('[name="discussion_closes_on"]').fill(closes_on.isoformat())
    form.locator('button[type="submit"]').click()
    expect_message(page, kk("Version %(n)d is published for public discussion.", n=1))
    version = page.locator("#version-1")
    expect(version.locator("h2 .badge.ok")).to_contain_text(closes_on.isoformat())
    expect(version).to_contain_text(f"1. {key[0]}")
    world.key = key
    world.closes_on = closes_on


def public_comment_and_response(page: Page, world: World) -> None:
    """11. Anyone reads the draft and comments; the analyst publishes the comment, then records the response."""
    visitor = new_page(world, "visitor")
    visitor.goto(world.url("discussion/"))
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator("header .who")).to_have_count(0)  # not signed in
    draft = visitor.locator("#draft")
    expect(draft).to_contain_text("деректермен басқарылады")
    expect(draft.locator("ol li")).to_have_count(len(world.key))
    expect(draft.locator("ol li").first).to_contain_text(world.key[0])
    expect(draft).to_contain_text("Пилоттық фермаларды қаржыландыру")
    form = visitor.locator("form#comment-form")
    form.locator('[name="author_name"]').fill("Ерлан Ахметов")
    form.locator('[name="organisation"]').fill("Фермерлер қауымдастығы")
    form.locator('[name="author_email"]').fill("erlan@fermer.example.kz")
    form.locator('[name="text"]').fill(COMMENT_TEXT)
    form.locator('button[type="submit"]').click()
    expect_message(visitor, kk("Thank you: your comment is recorded. It is published once an analyst has reviewed "
                               "it, and it will receive a response."))
    expect(visitor.locator("#comments")).not_to_contain_text(COMMENT_TEXT)  # not public before moderation

    page.goto(world.url("drafts/"))
    queued = page.locator("#moderation .card[id^='moderate-']", has_text=COMMENT_TEXT)
    expect(queued).to_contain_text("erlan@fermer.example.kz")  # the analysts see who wrote
    comment_id = queued.get_attribute("id").removeprefix("moderate-")
    queued.locator("form.publish button[type='submit']").click()
    expect_message(page, kk("Comment #%(id)d is published.", id=int(comment_id)))
    expect(page.locator("#moderation")).to_have_count(0)  # the queue is empty again

    visitor.reload()
    comment = visitor.locator("#comments .verdict-rule", has_text=COMMENT_TEXT)
    expect(comment).to_contain_text("Ерлан Ахметов")
    expect(comment).to_contain_text(kk("Awaiting a response."))
    expect(visitor.locator("#comments")).not_to_contain_text("erlan@fermer.example.kz")  # the e-mail stays private

    card = page.locator("#version-1 .card[id^='comment-']", has_text=COMMENT_TEXT)
    card.locator('[name$="-resolution"]').select_option("noted")
    card.locator('[name$="-response"]').fill(RESPONSE_TEXT)
    card.locator("form.respond button[type='submit']").click()
    expect_message(page, kk("The response to comment #%(id)d is recorded.", id=int(comment_id)))
    expect(page.locator(f"#comment-{comment_id}")).to_contain_text(RESPONSE_TEXT)

    visitor.reload()
    expect(visitor.locator(f"#comment-{comment_id}")).to_contain_text(RESPONSE_TEXT)


def submit_and_approve(page: Page, world: World) -> None:
    """12. The HSTC submission waits for the end of the discussion; then submission and approval."""
    closes_on = world.closes_on
    stage_action(page, world, "submit_hstc")
    expect_message(page, "12-тармақ, 2) тармақша", kind="error")
    expect_message(page, closes_on.isoformat(), kind="error")
    expect_stage(page, "Final stage")

    # Time passes: "today" is now the day after the discussion closed (see the module docstring).
    world.today.move_to(closes_on + dt.timedelta(days=1))
    visitor = world.contexts["visitor"].pages[0]
    visitor.reload()
    expect(visitor.locator("#status p.failed")).to_contain_text(closes_on.isoformat())  # closed
    expect(visitor.locator("form#comment-form")).to_have_count(0)

    stage_action(page, world, "submit_hstc")
    expect_message(page, kk("Done."))
    expect_stage(page, "Submitted to the HSTC")

    in_force = closes_on + dt.timedelta(days=5)
    stage_action(page, world, "approve", in_force_from=in_force.isoformat(),
                 decision=f"{DECISION}, {(closes_on + dt.timedelta(days=3)).isoformat()}")
    expect_message(page, kk("Done."))
    expect_stage(page, "Results approved")
    expect(page.locator("section.card .actions")).to_contain_text(kk("No further stage."))
    world.in_force = in_force


def key_technologies_list(world: World) -> None:
    """13. The public list: in force from the approval's date with the study as source; none the day before."""
    in_force = world.in_force
    key: list[str] = world.key
    visitor = world.contexts["visitor"].pages[0]
    visitor.goto(f"{world.base}/kk/forecasting/key-technologies/?on={in_force.isoformat()}")
    rows = visitor.locator("table tbody tr")
    expect(rows).to_have_count(len(key))
    names = {code: name_kk for code, name_kk, *_rest in TECHNOLOGIES}
    for rank, code in enumerate(key, start=1):
        row = rows.nth(rank - 1)
        expect(row.locator("td").nth(0)).to_have_text(str(rank))
        expect(row.locator("td").nth(1)).to_have_text(code)
        expect(row.locator("td").nth(2)).to_have_text(names[code])
        expect(row.locator("td").nth(3).locator("a")).to_have_text(world.number)
        expect(row.locator("td").nth(3)).to_contain_text(TITLE)
        expect(row.locator("td").nth(3)).to_contain_text(DECISION)
        expect(row.locator("td").nth(4)).to_contain_text(in_force.isoformat())

    day_before = (in_force - dt.timedelta(days=1)).isoformat()
    visitor.goto(f"{world.base}/kk/forecasting/key-technologies/?on={day_before}")
    expect(visitor.locator("table tbody tr")).to_have_count(1)
    expect(visitor.locator("table tbody tr td.muted")).to_have_text(
        kk("No list of key technologies is in force on %(d)s.", d=day_before))


def download_report(page: Page, world: World) -> None:
    """14. The HSTC report from the study's navigation, as PDF and as DOCX: each link shows the
    report's status page while the worker renders it, then the page's download link gives the file."""
    pdf = fetch_report(page, world, 'a[href$="format=pdf"]')
    assert pdf.name == f"{world.number}-hstc-report-kk.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")

    path = fetch_report(page, world, 'a[href$="format=docx"]')
    assert path.name == f"{world.number}-hstc-report-kk.docx"
    document = docx.Document(str(path))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    assert TITLE in text


def fetch_report(page: Page, world: World, link: str) -> Path:
    page.goto(world.url())
    page.locator("nav.study-nav").locator(link).click()
    state = page.get_by_test_id("generated-file")
    expect(state).to_have_attribute("data-status", "pending")
    expect(state).to_contain_text(kk("Being prepared…"))
    status_url = page.url
    page.goto("about:blank")  # nothing polls the server while the worker writes to the database
    run_queued_beside()
    page.goto(status_url)
    expect(state).to_have_attribute("data-status", "ready")
    with page.expect_download() as info:
        page.get_by_test_id("file-download").click()
    path = world.tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path
