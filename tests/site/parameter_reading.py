"""The visible text of a page split into what stands inside `<code>` (an internal name shown beside
its label) and everything else a reader reads, for the law-text tests of issue 10, item 3."""

from __future__ import annotations

import re
from html.parser import HTMLParser

SILENT = {"script", "style", "template"}
# Unit words of the parameter files and the English a unit used to be shown in.
ENGLISH_UNITS = re.compile(r"\b(working days?|calendar days?|percent|months?|years?|KZT|MCI|memoranda|projects|"
                           r"employees|specialists|round trips?|times|persons|centres)\b")


class _Split(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.code: list[str] = []
        self.text: list[str] = []
        self._code = self._silent = 0

    def handle_starttag(self, tag, attrs):
        self._code += tag == "code"
        self._silent += tag in SILENT
        for name, value in attrs:
            if name in ("title", "aria-label") and value:
                self.text.append(value)

    def handle_endtag(self, tag):
        if tag == "code" and self._code:
            self._code -= 1
        if tag in SILENT and self._silent:
            self._silent -= 1

    def handle_data(self, data):
        if self._silent or not data.strip():
            return
        (self.code if self._code else self.text).append(data)


def split(html: str) -> tuple[str, list[str]]:
    """(the page's readable text outside `<code>`, the texts inside `<code>`)."""
    reader = _Split()
    reader.feed(html)
    return " ".join(reader.text), [c.strip() for c in reader.code]


def bare_names(text: str, names) -> list[str]:
    """The internal names that stand in the readable text (not inside a `<code>` beside a label)."""
    return sorted(n for n in names if re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", text))
