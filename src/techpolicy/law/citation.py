"""Citations: which act, paragraph and sub-paragraph a rule, parameter or deadline comes from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

LANGUAGES = ("kk", "ru", "en")


@cache
def acts() -> dict[str, dict]:
    """Metadata of the legal acts, keyed by act id ("001", ...)."""
    text = resources.files("techpolicy.legal").joinpath("acts.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def act_name(act: str, lang: str = "en") -> str:
    meta = acts().get(act)
    if meta is None:
        return act
    return meta.get("short", {}).get(lang) or meta.get("short", {}).get("en") or act


_SECTION = {"kk": "{s}-бөлім", "ru": "раздел {s}", "en": "section {s}"}
_PARAGRAPH = {"kk": "{p}-тармақ", "ru": "п. {p}", "en": "paragraph {p}"}
_SUB = {"kk": "{s}) тармақша", "ru": "пп. {s})", "en": "sub-paragraph {s})"}


@dataclass(frozen=True, order=True)
class Citation:
    """A place in a legal act: `Citation("001", "9", "3")` is paragraph 9, sub-paragraph 3)."""

    act: str
    paragraph: str
    sub: str | None = None
    note: str | None = None  # e.g. "Annex 3" or the name of an outside source
    section: str | None = None  # for acts numbered by section (a programme's "5.4"), paragraphs restart

    def text(self, lang: str = "en") -> str:
        parts = [act_name(self.act, lang)]
        if self.section:
            parts.append(_SECTION[lang].format(s=self.section))
        if self.paragraph:
            parts.append(_PARAGRAPH[lang].format(p=self.paragraph))
        if self.sub:
            parts.append(_SUB[lang].format(s=self.sub))
        if self.note:
            parts.append(self.note)
        return ", ".join(parts)

    @property
    def ref(self) -> str:
        """Compact stable reference, e.g. `001 p.9(3)`."""
        ref = f"{self.act} s.{self.section}" if self.section else self.act
        ref = f"{ref} p.{self.paragraph}" if self.paragraph else ref
        ref = f"{ref}({self.sub})" if self.sub else ref
        # Where a section restarts its numbering per procedure, the note tells them apart.
        return f"{ref} [{self.note}]" if self.note and self.section else ref

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "act": self.act,
            "section": self.section,
            "paragraph": self.paragraph,
            "note": self.note,
            "sub": self.sub,
            "ref": self.ref,
            "text": self.text(lang),
        }

    @classmethod
    def parse(cls, data: dict | str) -> Citation:
        """Build from YAML: either a mapping or the compact form "001 p.9(3)"."""
        if isinstance(data, dict):
            return cls(
                str(data["act"]),
                str(data.get("paragraph", "")),
                str(data["sub"]) if data.get("sub") is not None else None,
                data.get("note"),
                str(data["section"]) if data.get("section") is not None else None,
            )
        act, _, rest = data.partition(" p.")
        paragraph, _, sub = rest.partition("(")
        return cls(act.strip(), paragraph.strip(), sub.rstrip(")") or None)
