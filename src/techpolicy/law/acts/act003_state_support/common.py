"""Pieces of act 003 (the Law on state support of industrial-innovative activity, "Индустриялық-
инновациялық қызметті мемлекеттік қолдау туралы Заң") shared by its modules.

- citations: a law numbers its paragraphs within each article, so a citation names the article
  (`cite("27", "2", "3")` is article 27, paragraph 2, sub-paragraph 3); an indent (абзац) of a
  paragraph is the note "indent N";
- when the law is in force (X.003.inforce): article 34(1) puts it in force ten calendar days after
  its first official publication, which the seed does not date, and nothing in the seed dates a
  repeal. Both dates are parameters with no value (`iil.published_on`, `iil.repealed_on`); until an
  administrator enters them every verdict carries the note that the start is only the earliest
  possible one;
- a ratified treaty that sets other rules prevails (article 2(2), X.003.treaty): every rule of the
  act built with `rule` does not apply to a case whose facts record a treaty displacing it, and the
  verdict names the treaty (`TreatyApplied`, `treaty_notes`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from ...citation import LANGUAGES, Citation
from ...columnar import Fields
from ...procedure import with_note
from ...rules import InForce, Messages, Rule, Test, Verdict, wording

ACT = "003"

# The seed gives no date of its own. Article 34(2) repeals the Law of 23 March 2006 "On state
# support of innovation activity" as amended up to the 2009 Vedomosti (№ 4-5, item 29), so this law
# cannot have been published before 2009: the certain lower bound is 2009-01-01 plus the ten days.
OFFSET_DAYS = 10  # "алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен соң"
PUBLISHED_NOT_BEFORE = dt.date(2009, 1, 1)
EARLIEST = PUBLISHED_NOT_BEFORE + dt.timedelta(days=OFFSET_DAYS)
PUBLISHED_PARAMETER = "iil.published_on"
REPEALED_PARAMETER = "iil.repealed_on"

LAW_IN_FORCE = InForce(
    start_parameter=PUBLISHED_PARAMETER,
    start_offset_days=OFFSET_DAYS,
    earliest=EARLIEST,
    end_parameter=REPEALED_PARAMETER,
)


def cite(article: str, paragraph: str = "", sub: str | None = None, note: str | None = None) -> Citation:
    """A place in the law: article, paragraph within it, sub-paragraph, and a note ("indent 3")."""
    return Citation(ACT, paragraph, sub, note, article=article)


def indent(number: int) -> str:
    """The note of a paragraph's indent (абзац): "indent 3" reads "3-абзац" / "абзац 3"."""
    return f"indent {number}"


VALIDITY_CITATION = cite("34", "1")
TREATY_CITATION = cite("2", "2")


class TreatyApplied(BaseModel):
    """A ratified international treaty whose rules displace a rule of this law for the case
    (article 2(2)): the rule's id and the treaty as the operator names it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: Annotated[str, Field(min_length=1, max_length=100, description="the id of the displaced rule")]
    treaty: Annotated[str, Field(min_length=1, max_length=300, description="the treaty, e.g. its name and date")]


class LawFacts(BaseModel):
    """What every set of facts under this law carries besides its own: the treaties recorded for
    the case (article 2(2))."""

    model_config = ConfigDict(extra="forbid")

    treaties: Annotated[list[TreatyApplied], Field(default_factory=list, max_length=50)]


_rule = wording(LAW_IN_FORCE)


def rule(
    rule_id: str,
    citation: Citation,
    requirement: Messages,
    failure: Messages,
    test: Test,
    applies: Callable[[Fields], pl.Expr] | None = None,
    explain=None,
) -> Rule:
    """A rule of this law: in force with the law, and not applicable where a recorded treaty
    displaces it (article 2(2)). The facts model must derive from `LawFacts`."""

    def where(f: Fields) -> pl.Expr:
        displaced = f.treaties.any(lambda t: t.rule_id == rule_id)
        own = applies(f) if applies is not None else pl.lit(True)
        return own & ~displaced

    return _rule(rule_id, citation, requirement, failure, test, where, explain)


_TREATY_NOTE: Messages = {
    "kk": "{rule} ережесінің орнына ратификацияланған халықаралық шарт қолданылды: {treaty} (Заңның 2-бабының "
    "2-тармағы).",
    "ru": "Вместо правила {rule} применён ратифицированный международный договор: {treaty} (п. 2 ст. 2 Закона).",
    "en": "A ratified international treaty was applied instead of rule {rule}: {treaty} (article 2(2) of the Law).",
}


def treaty_notes(facts: LawFacts) -> tuple[Messages, ...]:
    """The notes a verdict carries for the treaties applied to the case."""
    return tuple({lang: _TREATY_NOTE[lang].format(rule=t.rule_id, treaty=t.treaty) for lang in LANGUAGES}
                 for t in facts.treaties)


def with_treaty_notes(verdict: Verdict, facts: LawFacts) -> Verdict:
    """The verdict with the notes of the treaties applied to the case (a procedure's `finish`)."""
    for note in treaty_notes(facts):
        verdict = with_note(verdict, note)
    return verdict
