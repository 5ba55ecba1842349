"""Citations: which act, paragraph and sub-paragraph a rule, parameter or deadline comes from."""

from __future__ import annotations

import re
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
_ARTICLE = {"kk": "{a}-бап", "ru": "статья {a}", "en": "article {a}"}
_PARAGRAPH = {"kk": "{p}-тармақ", "ru": "п. {p}", "en": "paragraph {p}"}
_SUB = {"kk": "{s}) тармақша", "ru": "пп. {s})", "en": "sub-paragraph {s})"}

# The short display form, as citations are written in each language's legal texts:
# "001, 13-тармақ" / "001, п. 13" / "001, p. 13"; "9-тармақтың 3) тармақшасы" / "пп. 3) п. 9" / "p. 9(3)".
_SHORT_SECTION = {"kk": "{s}-бөлім", "ru": "раздел {s}", "en": "s. {s}"}
# A law's paragraphs hang on the article: "27-баптың 2-тармағының 3) тармақшасы" / "пп. 3) п. 2 ст. 27" /
# "art. 27(2)(3)"; keyed by which of paragraph and sub-paragraph are given.
_SHORT_ARTICLE = {
    (False, False): {"kk": "{a}-бап", "ru": "ст. {a}", "en": "art. {a}"},
    (True, False): {"kk": "{a}-баптың {p}-тармағы", "ru": "п. {p} ст. {a}", "en": "art. {a}({p})"},
    (True, True): {"kk": "{a}-баптың {p}-тармағының {s}) тармақшасы", "ru": "пп. {s}) п. {p} ст. {a}",
                   "en": "art. {a}({p})({s})"},
    (False, True): {"kk": "{a}-баптың {s}) тармақшасы", "ru": "пп. {s}) ст. {a}", "en": "art. {a}({s})"},
}
_SHORT_PARAGRAPH = {"kk": "{p}-тармақ", "ru": "п. {p}", "en": "p. {p}"}
_SHORT_PARAGRAPH_SUB = {"kk": "{p}-тармақтың {s}) тармақшасы", "ru": "пп. {s}) п. {p}", "en": "p. {p}({s})"}
_SHORT_SUB = {"kk": "{s}) тармақша", "ru": "пп. {s})", "en": "sub-p. {s})"}


@cache
def _notes() -> tuple[dict[str, dict], tuple[tuple[re.Pattern, dict], ...]]:
    text = resources.files("techpolicy.law").joinpath("citation_notes.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    patterns = tuple((re.compile(p["match"]), p) for p in data.get("patterns") or ())
    return data.get("notes") or {}, patterns


def note_text(note: str, lang: str = "en") -> str:
    """A citation's note in `lang`; a note the vocabulary does not know (an administrator's text)
    is shown as written."""
    known, patterns = _notes()
    if note in known:
        return known[note].get(lang) or note
    for pattern, forms in patterns:
        match = pattern.fullmatch(note)
        if match and forms.get(lang):
            return forms[lang].format(**match.groupdict())
    return note


def _language(lang: str | None) -> str:
    """"kk" for "kk", "ru" for "ru-ru"; English for a language the acts are not written in."""
    lang = (lang or "en").split("-")[0]
    return lang if lang in LANGUAGES else "en"


def note_is_known(note: str) -> bool:
    known, patterns = _notes()
    return note in known or any(p.fullmatch(note) for p, _ in patterns)


# The compact reference: `001 p.9(3)`, `004 s.5.4 p.2(1) [mechanism of instrument 1]`, `004 [Annex]`.
# Act, section and paragraph hold no space, "(" or "["; a sub-paragraph holds no ")"; the note
# comes last and may hold anything (an administrator's free text), so it is read to the final "]".
_WORD = r"[^\s(\[]+"
_SUB_TEXT = r"[^)]+"
_PIECES = {"act": _WORD, "section": _WORD, "article": _WORD, "paragraph": _WORD, "sub": _SUB_TEXT}
_REF = re.compile(
    rf"(?P<act>{_WORD})(?: s\.(?P<section>{_WORD}))?(?: a\.(?P<article>{_WORD}))?(?: p\.(?P<paragraph>{_WORD}))?"
    rf"(?:\((?P<sub>{_SUB_TEXT})\))?(?: \[(?P<note>.+)\])?",
    re.DOTALL,
)


@dataclass(frozen=True, order=True)
class Citation:
    """A place in a legal act: `Citation("001", "9", "3")` is paragraph 9, sub-paragraph 3).

    Empty pieces are kept as "" (paragraph) or None (sub, note, section), so that two spellings of
    one place are equal and `Citation.parse(c.ref) == c` holds for every citation."""

    act: str
    paragraph: str
    sub: str | None = None
    note: str | None = None  # e.g. "Annex 3" or the name of an outside source
    section: str | None = None  # for acts numbered by section (a programme's "5.4"), paragraphs restart
    article: str | None = None  # for a law: its paragraphs are numbered within the article (бап)

    def __post_init__(self) -> None:
        # Normalise the empty spellings (a YAML "" or None) before checking the pieces.
        object.__setattr__(self, "paragraph", self.paragraph or "")
        for name in ("sub", "note", "section", "article"):
            if getattr(self, name) == "":
                object.__setattr__(self, name, None)
        for name, pattern in _PIECES.items():
            value = getattr(self, name)
            if value and not re.fullmatch(pattern, value):
                raise ValueError(f"citation {name} {value!r} cannot be written in a compact reference")

    def text(self, lang: str = "en") -> str:
        lang = _language(lang)
        parts = [act_name(self.act, lang)]
        if self.section:
            parts.append(_SECTION[lang].format(s=self.section))
        if self.article:
            parts.append(_ARTICLE[lang].format(a=self.article))
        if self.paragraph:
            parts.append(_PARAGRAPH[lang].format(p=self.paragraph))
        if self.sub:
            parts.append(_SUB[lang].format(s=self.sub))
        if self.note:
            parts.append(note_text(self.note, lang))
        return ", ".join(parts)

    def short(self, lang: str = "en") -> str:
        """The citation as a reader of `lang` writes it briefly: "001, 13-тармақ", "001, п. 13",
        "001, p. 13" (the act by its number; `text` names it in full)."""
        lang = _language(lang)
        # An act is cited by its number; the parameters of no act ("general") by their name.
        parts = [self.act if self.act[:1].isdigit() else act_name(self.act, lang)]
        if self.section:
            parts.append(_SHORT_SECTION[lang].format(s=self.section))
        if self.article:
            form = _SHORT_ARTICLE[(bool(self.paragraph), bool(self.sub))][lang]
            parts.append(form.format(a=self.article, p=self.paragraph, s=self.sub))
            if self.note:
                parts.append(note_text(self.note, lang))
            return ", ".join(parts)
        if self.paragraph and self.sub:
            parts.append(_SHORT_PARAGRAPH_SUB[lang].format(p=self.paragraph, s=self.sub))
        elif self.paragraph:
            parts.append(_SHORT_PARAGRAPH[lang].format(p=self.paragraph))
        elif self.sub:
            # Without a paragraph the note says where the items are numbered (a programme's
            # "2-құрал" in section 5.3), so it comes before the item: "5.3-бөлім, 2-құрал, 1) тармақша".
            if self.note:
                parts.append(note_text(self.note, lang))
            parts.append(_SHORT_SUB[lang].format(s=self.sub))
            return ", ".join(parts)
        if self.note:
            parts.append(note_text(self.note, lang))
        return ", ".join(parts)

    @property
    def ref(self) -> str:
        """Compact stable reference, e.g. `001 p.9(3)`; `Citation.parse` reads it back.

        The note is part of it: a programme's paragraphs restart per procedure inside a section
        (`004 s.5.4 p.3 [mechanism of instrument 7]`), and an annex or an outside source is
        told apart from the paragraph it hangs on (`001 p.9(2) [Annex 3]`)."""
        ref = f"{self.act} s.{self.section}" if self.section else self.act
        ref = f"{ref} a.{self.article}" if self.article else ref
        ref = f"{ref} p.{self.paragraph}" if self.paragraph else ref
        ref = f"{ref}({self.sub})" if self.sub else ref
        return f"{ref} [{self.note}]" if self.note else ref

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "act": self.act,
            "section": self.section,
            "article": self.article,
            "paragraph": self.paragraph,
            "note": self.note,
            "sub": self.sub,
            "ref": self.ref,
            "text": self.text(lang),
        }

    @classmethod
    def parse(cls, data: dict | str) -> Citation:
        """Build from YAML (a mapping) or from a compact reference ("001 p.9(3)", see `ref`).
        Raises ValueError for a string that is not a compact reference."""
        if isinstance(data, dict):
            return cls(
                str(data["act"]),
                str(data.get("paragraph") or ""),
                str(data["sub"]) if data.get("sub") is not None else None,
                data.get("note"),
                str(data["section"]) if data.get("section") is not None else None,
                str(data["article"]) if data.get("article") is not None else None,
            )
        match = _REF.fullmatch(data)
        if match is None:
            raise ValueError(f"{data[:200]!r} is not a compact citation like '001 p.9(3)'")
        return cls(match["act"], match["paragraph"] or "", match["sub"], match["note"], match["section"],
                   match["article"])
