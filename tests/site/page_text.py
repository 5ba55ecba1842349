"""What a reader sees of a page, and the English a Kazakh or Russian rendering shares with the English
one (issue 10, item 3): text nodes and the attributes read aloud or shown on hover, the links a
visitor can follow."""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

# Attributes a reader meets: shown on hover, read aloud, or written inside the field.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Elements whose content nobody reads as text.
SILENT = {"script", "style", "template", "datalist"}
LATIN = re.compile(r"[A-Za-z]")
# Three or more English words in a row ("Please enter a correct"); hyphens and apostrophes inside a word.
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")
SPACE = re.compile(r"\s+")
# A code shown beside its label, as the pages write it: in a <code> element, lower case, no space
# (p2020.i3a.share). Outside <code>, or with its label missing, the same text is English to be found.
CODE = re.compile(r"[a-z0-9_.:()-]+")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self._silent = 0
        self._code = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SILENT:
            self._silent += 1
        if tag == "code":
            self._code += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name in READ_ATTRIBUTES:
            if attributes.get(name):
                self.texts.append(attributes[name])
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.texts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in SILENT and self._silent:
            self._silent -= 1
        if tag == "code" and self._code:
            self._code -= 1

    def handle_data(self, data):
        if not self._silent and not (self._code and CODE.fullmatch(data.strip())):
            self.texts.append(data)


def read(page: str) -> tuple[list[str], list[str]]:
    """The page's text nodes (whitespace folded, empty ones dropped) and the hrefs of its links."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    texts = [SPACE.sub(" ", t).strip() for t in reader.texts]
    return [t for t in texts if t], reader.links


@lru_cache(maxsize=100_000)
def blank_out(text: str, allowed: re.Pattern) -> str:
    """The text with every allowed name or code replaced by a space (pages repeat their menus, so
    each text is blanked once)."""
    return SPACE.sub(" ", allowed.sub(" ", text)).strip()


def shared_english(translated: list[str], english: list[str], allowed: re.Pattern) -> list[str]:
    """The phrases of a kk or ru rendering that are English: a text node identical to one of the en
    rendering that still holds a Latin letter once the allowed names and codes are taken out, and any
    run of three or more Latin words that the en rendering also holds."""
    english_nodes = set(english)
    english_text = " \n ".join(english)
    found: list[str] = []
    for node in translated:
        if not LATIN.search(node):
            continue
        text = blank_out(node, allowed)
        if not LATIN.search(text):
            continue
        if node in english_nodes:
            found.append(node)
            continue
        found += [run for run in ENGLISH_RUN.findall(text) if run in english_text]
    return sorted(set(found))
