"""Pieces chapters 3 and 4 of act 000 share: the wordings in force, counting years of experience,
the proposal of a state body or local executive body (p.19, p.27), and the published lists.

Wordings. Chapters 3 and 4 are of Order No. 133/НҚ as published, except paragraphs 15, 19, 20,
27 and 28, which are in the new wording of Order No. 198 of 20.04.2026 (in force ten calendar days
after its first official publication, not before 2026-04-30). The source holds only the new
wording of those paragraphs: on an earlier date their rules say so (`InForce.replaces`) instead
of deciding from a text that was not yet law.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import polars as pl

from ...citation import Citation
from ...dates import add_years, add_years_expr
from ...rules import InForce, Messages, wording
from .facts_designation import LEGAL_ENTITY_KINDS, Proposal
from .forecasting import ACT
from .forecasting import IN_FORCE as ORDER_133

__all__ = ["ORDER_133", "ORDER_198"]

ORDER_198 = InForce(
    start_parameter="tp.order198_published_on",
    start_offset_days=10,
    earliest=dt.date(2026, 4, 30),  # signed 20.04.2026 + 10 days: publication cannot precede signing
    replaces=ORDER_133,
)

LEAP_DAY_READING = "an anniversary of 29 February in a year without it falls on 28 February"


def cite(paragraph: str, sub: str | None = None, note: str | None = None) -> Citation:
    return Citation(ACT, paragraph, sub, note)


# Rules of chapters 3 and 4 in the Order 133 wording, and those Order No. 198 restated.
rule = wording(ORDER_133)
rule_198 = wording(ORDER_198)


@dataclass(frozen=True)
class Listed:
    """An item of a fixed list of the act (a task, a function, a role, an activity)."""

    code: str
    label: Messages
    citation: Citation
    in_force: InForce = ORDER_133

    def as_dict(self, lang: str = "en") -> dict:
        return {"code": self.code, "label": self.label[lang], "citation": self.citation.as_dict(lang)}


def same_text(a: str, b: str) -> bool:
    """Names of sectors and directions compare without case and extra white space."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def among(value: str, values: Iterable[str]) -> bool:
    return any(same_text(value, other) for other in values)


# `same_text` over columns. Python's `str.split()` splits on the Unicode White_Space characters
# and on the separators U+001C-U+001F; polars lower-cases as Python does, and the case folding
# that goes beyond lower case (ß -> ss, final ς -> σ, ...) is the table below, one character each.
_SPACES = r"[\s\x1c-\x1f]+"


@cache
def _folds() -> tuple[list[str], list[str]]:
    """The characters whose case folding is not their lower case, lower-cased, and their folding."""
    found: dict[str, str] = {}
    for block in range(0, 0x110000, 256):
        chars = "".join(map(chr, range(block, block + 256)))
        if chars.lower() == chars.casefold():
            continue  # most blocks: no character folds beyond its lower case
        for char in chars:
            lower, folded = char.lower(), char.casefold()
            if lower != folded:
                found[lower] = folded
    return list(found), list(found.values())


def text_key(expr: pl.Expr) -> pl.Expr:
    """`" ".join(text.split()).casefold()` of a text column: what `same_text` compares."""
    spaced = expr.str.replace_all(_SPACES, " ").str.strip_chars(" ").str.to_lowercase()
    lowered, folded = _folds()
    return spaced.str.replace_many(lowered, folded)


def among_expr(value: pl.Expr, values: pl.Expr) -> pl.Expr:
    """`among` over columns: `value` (a text column) is one of `values` (a list column)."""
    return values.list.eval(text_key(pl.element())).list.contains(text_key(value))


# --- years of experience (p.17(1), p.25(2)) ----------------------------------------------------------


def full_years(start: dt.date, end: dt.date) -> tuple[int, int]:
    """Full years from `start` to `end` and the days after the last anniversary. Exactly five
    years after 2021-12-02 is 2026-12-02; an anniversary of 29 February falls on 28 February in a
    year without it (the civil-law rule for terms in years: a month without the day ends on its
    last day)."""
    years = end.year - start.year
    if years > 0 and add_years(start, years) > end:
        years -= 1
    years = max(years, 0)
    return years, (end - add_years(start, years)).days


def experienced(started: pl.Expr, reference: pl.Expr, minimum: int) -> pl.Expr:
    """At least `minimum` full years from `started` to `reference` (`full_years`): the
    `minimum`-th anniversary, 28 February for 29 February in a common year, is not after the
    reference date."""
    return add_years_expr(started, minimum) <= reference


def experience_details(started: dt.date, reference: dt.date, minimum: int, **details: Any) -> dict[str, Any]:
    years, days = full_years(started, reference)
    return {
        "started_on": started,
        "reference_date": reference,
        "years": years,
        "days": days,
        "min_years": minimum,
        "counting": LEAP_DAY_READING,
        **details,
    }


# --- who the organisation is (p.18, p.26) ----------------------------------------------------------

KIND_LABELS: dict[str, Messages] = {
    "science_org": {"kk": "ғылыми ұйым", "ru": "научная организация", "en": "a science organisation"},
    "hei": {
        "kk": "жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру ұйымы",
        "ru": "организация высшего и (или) послевузовского образования",
        "en": "a higher and/or postgraduate education organisation",
    },
    "business_association": {"kk": "бизнес-қауымдастық", "ru": "бизнес-ассоциация", "en": "a business association"},
    "development_institution": {
        "kk": "саланы дамыту институты",
        "ru": "институт развития отрасли",
        "en": "a sector development institution",
    },
    "other_legal_entity": {"kk": "заңды тұлға", "ru": "юридическое лицо", "en": "a legal entity"},
    "natural_person": {"kk": "жеке тұлға", "ru": "физическое лицо", "en": "a natural person"},
    "individual_entrepreneur": {
        "kk": "жеке кәсіпкер",
        "ru": "индивидуальный предприниматель",
        "en": "an individual entrepreneur",
    },
}


def kind_details(kind: str) -> dict[str, str]:
    labels = KIND_LABELS[kind]
    return {"kind": kind, "kind_kk": labels["kk"], "kind_ru": labels["ru"], "kind_en": labels["en"]}


def legal_entity(kind: pl.Expr) -> pl.Expr:
    return kind.is_in(sorted(LEGAL_ENTITY_KINDS))


# --- the proposal of a state body or local executive body (p.19, p.27) ----------------------------

_NOT_A_PROPOSER: Messages = {
    "kk": "ұсыныс енгізуші мемлекеттік орган да, жергілікті атқарушы орган да емес",
    "ru": "внёсший предложение не является ни государственным органом, ни местным исполнительным органом",
    "en": "the proposer is neither a state body nor a local executive body",
}
_NOT_SUPERVISED: Messages = {
    "kk": "«{direction}» бағыты ұсыныс енгізуші жетекшілік ететін бағыттардың қатарында жоқ",
    "ru": "направление «{direction}» не входит в число курируемых внёсшим предложение направлений",
    "en": "the direction «{direction}» is not among the directions the proposer supervises",
}


def proposal_valid(proposer_kind: pl.Expr, supervised: pl.Expr, direction: pl.Expr) -> pl.Expr:
    """The proposer is a state body or local executive body and supervises `direction`."""
    return (proposer_kind != "other") & among_expr(direction, supervised)


def proposal_details(proposal: Proposal, direction: str, **details: Any) -> dict[str, Any]:
    """What `proposal_valid` found wrong, named in each language (empty when nothing)."""
    problems = []
    if proposal.proposer_kind == "other":
        problems.append(_NOT_A_PROPOSER)
    if not among(direction, proposal.supervised_directions):
        problems.append(_NOT_SUPERVISED)
    found = {
        "proposer": proposal.proposer,
        "proposer_kind": proposal.proposer_kind,
        "direction": direction,
        **details,
    }
    for lang in ("kk", "ru", "en"):
        found[f"problems_{lang}"] = "; ".join(p[lang].format(direction=direction) for p in problems)
    return found
