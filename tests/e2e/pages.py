"""The pages the layout and accessibility checks walk (issue 10, items 7 and 11): every list page of
the core and of every service, and the pages a list leads to, each as the demo role that uses it.

The demo world (`manage.py load_demo`) is loaded once per test module; `demo_pages()` then names
the records it made (the study, a series, the meetings) by what the database holds, so a change of
the demo's numbering changes the addresses, not the test."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.management import call_command
from playwright.sync_api import Browser, Page

from tests.e2e.browser import TIMEOUT_MS, login

ANONYMOUS = ""

# role -> paths; ANONYMOUS is the public visitor. "{study}", "{series}", "{platform}" and
# "{meeting}" are filled in from the demo's records.
PAGES: dict[str, list[str]] = {
    ANONYMOUS: [
        "/kk/", "/kk/login/", "/kk/register/", "/kk/parameters/",
        "/kk/registers/", "/kk/registers/technopark.participants/",
        "/kk/registers/competence-centres.designated/", "/kk/registers/technology-platforms.organised/",
        "/kk/registers/verify/",
        "/kk/technopark/", "/kk/technopark/participants/", "/kk/technopark/precheck/",
        "/kk/productivity/", "/kk/productivity/calculator/",
        "/kk/competence-centres/", "/kk/competence-centres/register/", "/kk/competence-centres/precheck/",
        "/kk/technology-platforms/", "/kk/technology-platforms/register/",
        "/kk/technology-platforms/platforms/{platform}/", "/kk/technology-platforms/platforms/{platform}/road-map/",
        "/kk/forecasting/key-technologies/",
    ],
    "secretariat": ["/kk/cases/queue/", "/kk/cases/", "/kk/cases/AH-2026-00002/"],
    "daniyar": ["/kk/technopark/cases/AH-2026-00005/edit/"],
    "member1": ["/kk/cases/agenda/", "/kk/cases/AH-2026-00002/"],
    "aruzhan": ["/kk/cases/", "/kk/cases/AH-2026-00001/"],
    "kidi": ["/kk/cases/queue/", "/kk/cases/P20-2026-00001/", "/kk/productivity/cases/P20-2026-00001/aftercare/",
             "/kk/productivity/monitoring/", "/kk/productivity/what-if/"],
    "ab": ["/kk/cases/queue/", "/kk/competence-centres/cases/", "/kk/competence-centres/cases/CC-2026-00002/",
           "/kk/cases/TP-2026-00001/"],
    "hstc_secretary": ["/kk/cases/commissions/hstc/meetings/", "/kk/cases/commissions/hstc/meetings/{meeting}/"],
    "analyst": [
        "/kk/forecasting/", "/kk/forecasting/{study}/", "/kk/forecasting/{study}/plan/",
        "/kk/forecasting/{study}/experts/", "/kk/forecasting/{study}/technologies/",
        "/kk/forecasting/{study}/rounds/", "/kk/forecasting/{study}/rounds/1/", "/kk/forecasting/{study}/rounds/2/",
        "/kk/forecasting/{study}/series/", "/kk/forecasting/{study}/series/{series}/",
        "/kk/forecasting/{study}/analysis/", "/kk/forecasting/{study}/drafts/",
    ],
    "expert-kz": ["/kk/forecasting/expert/"],
}


def load_demo() -> dict[str, str]:
    """The demo world, and the numbers of its records the page list names."""
    from techpolicy.casework.models import Meeting
    from techpolicy.forecasting.studies.models import IndicatorSeries, Study
    from techpolicy.services.technology_platforms.models import Platform

    call_command("load_demo", verbosity=0)
    from techpolicy.forecasting.studies.demo import TITLE

    study = Study.objects.get(title=TITLE)  # the forecasting demo's (the grants demo has an approved one)
    return {
        "study": study.number,
        "series": str(IndicatorSeries.objects.filter(study=study).order_by("pk").first().pk),
        "platform": str(Platform.objects.order_by("pk").first().pk),
        "meeting": str(Meeting.objects.filter(commission__key="hstc").order_by("number").first().number),
    }


def demo_pages(browser: Browser, base: str, names: dict[str, str], **context) -> Iterator[tuple[str, str, Page]]:
    """Each page of PAGES opened in turn as its role: (role, path, page). One browser context per
    role, so each role signs in once."""
    for role, paths in PAGES.items():
        page = browser.new_context(locale="kk-KZ", **context).new_page()
        page.set_default_timeout(TIMEOUT_MS)
        if role != ANONYMOUS:
            login(page, base, role)
        for path in paths:
            path = path.format(**names)
            response = page.goto(base + path)
            status = response.status if response else None
            assert status == 200, f"{role or 'anonymous'} {path}: {status}"
            yield role or "anonymous", path, page
        page.context.close()
