"""Issue 10, item 7: at 390 px wide (a common phone) no page of the list in `tests.e2e.pages` scrolls
sideways, checked in Chromium for every list page of the core and of every service, each signed in
as the demo role that uses it. A table either becomes cards (the lists of cases: the work queue,
the agenda, "My cases") with every field, the deadline too, inside the screen, or scrolls inside
its own box with its first column kept in view when the box is scrolled to its far end.

Needs Debian's Chromium at /usr/bin/chromium (skipped without it, except under CI)."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.browser import open_page
from tests.e2e.pages import demo_pages, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.presentation]

PHONE = {"width": 390, "height": 844}

# What does not fit, in words: the page's own width, a table outside any scroll box, a field of a
# card cut off, a scroll box whose first column leaves the view when scrolled.
LAYOUT_PROBLEMS = """() => {
  const problems = [], width = innerWidth;
  const page = document.documentElement.scrollWidth;
  if (page > width) problems.push(`the page is ${page} px wide`);
  for (const table of document.querySelectorAll('main table')) {
    const box = table.closest('.table-scroll');
    if (table.classList.contains('cards')) {
      for (const cell of table.querySelectorAll('td[data-label]')) {
        const r = cell.getBoundingClientRect();
        if (r.left < -1 || r.right > width + 1) problems.push(`card field "${cell.dataset.label}" is cut off`);
      }
    } else if (!box) {
      if (table.getBoundingClientRect().right > width + 1) problems.push('a table outside a scroll box is too wide');
    } else if (box.scrollWidth > box.clientWidth + 1) {
      box.scrollLeft = box.scrollWidth;
      const outer = box.getBoundingClientRect();
      for (const cell of table.querySelectorAll('tr > :first-child:not([colspan])')) {
        const r = cell.getBoundingClientRect();
        if (r.left < outer.left - 1 || r.right > outer.right + 1) {
          const what = cell.innerText.trim().slice(0, 30), where = box.getAttribute('aria-label');
          problems.push(`first column "${what}" leaves the view of box "${where}"`);
          break;
        }
      }
      box.scrollLeft = 0;
    }
  }
  return problems;
}"""


@pytest.mark.django_db(transaction=True)
def test_item7_every_list_page_fits_a_phone_width(live_server, chromium):
    """Issue 10, item 7: no horizontal scrolling of the page at 390 px; tables are cards or scroll in
    their own box with the key columns visible; the queue's deadline is on every card."""
    names = load_demo()
    problems: list[str] = []
    seen = 0
    with sync_playwright() as playwright:
        browser, _ = open_page(playwright, chromium)
        try:
            for role, path, page in demo_pages(browser, live_server.url, names, viewport=PHONE):
                seen += 1
                problems += [f"{role} {path}: {p}" for p in page.evaluate(LAYOUT_PROBLEMS)]
                if path.endswith("/cases/queue/"):
                    deadlines = page.locator('table.cards td[data-label]:nth-child(5)')
                    if deadlines.count() == 0:
                        problems.append(f"{role} {path}: no case card with its deadline")
                    elif not deadlines.first.is_visible():
                        problems.append(f"{role} {path}: the deadline of the first case is hidden")
        finally:
            browser.close()
    assert seen > 40
    assert not problems, "\n".join(problems)
