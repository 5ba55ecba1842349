"""Pieces of act 004 ("Productivity 2020" programme) shared by its modules.

- citations: the programme numbers paragraphs anew in each section, so a citation names the
  section ("5.1" ... "5.4"); inside 5.3 the items restart per instrument and inside 5.4 the
  paragraphs restart per mechanism, so the `note` names the instrument or mechanism;
- when the programme is in force: the wording of Resolution No. 440 from its signing on
  2015-06-17 until the repeal by Resolution No. 370 of 23.06.2016 takes effect (ten calendar days
  after a publication the seed does not date, so not before 2016-07-03);
- calendar-month arithmetic for the look-back windows and the accommodation limits;
- money formatting for the messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import polars as pl

from ... import units
from ...citation import LANGUAGES, Citation
from ...columnar import Fields
from ...rules import Context, InForce, Messages, wording

ACT = "004"

RESTATED_ON = dt.date(2015, 6, 17)  # Resolution No. 440, paragraph 2: in force on signing
REPEAL_SIGNED_ON = dt.date(2016, 6, 23)  # Resolution No. 370
REPEAL_OFFSET_DAYS = 10  # "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң"
REPEAL_EARLIEST = REPEAL_SIGNED_ON + dt.timedelta(days=REPEAL_OFFSET_DAYS)  # 2016-07-03
REPEAL_PARAMETER = "p2020.repeal_published_on"

# The period in force of the restated programme. Publication of Resolution No. 370 cannot precede
# its signing, so the repeal took effect on 2016-07-03 at the earliest; until an administrator
# enters the publication date the programme is treated as repealed from that date (with a note).
PROGRAMME_IN_FORCE = InForce(
    start=RESTATED_ON,
    end_parameter=REPEAL_PARAMETER,
    end_offset_days=REPEAL_OFFSET_DAYS,
    end_earliest=REPEAL_EARLIEST,
)

VALIDITY_CITATION = Citation(
    ACT,
    "",
    note="Resolution No. 440 of 17.06.2015, paragraph 2 (in force on signing); repealed by Resolution "
    "No. 370 of 23.06.2016 (in force ten calendar days after first official publication)",
)


def cite(section: str, paragraph: str = "", sub: str | None = None, note: str | None = None) -> Citation:
    return Citation(ACT, paragraph, sub, note, section)


def instrument_note(number: str) -> str:
    """The heading of an instrument in section 5.3: "instrument 3 (3-құрал)"."""
    return f"instrument {number} ({number}-құрал)"


MECHANISM_1 = "mechanism of instrument 1"
MECHANISM_2_5 = "mechanism of instruments 2-5"
MECHANISM_7 = "mechanism of instrument 7"
MECHANISM_8 = "mechanism of instrument 8"

# The last, unnumbered paragraph of 5.1: costs of measures financed from republican or local
# budgets under other programme documents are not reimbursed.
OTHER_BUDGET_CITATION = cite("5.1", note="closing paragraph: costs financed under other programme documents")
ANNEX_CITATION = Citation(ACT, "", note="Annex: list of priority sectors of the economy for applicants")


# A rule of the restated programme (in force from 2015-06-17 until the repeal).
rule = wording(PROGRAMME_IN_FORCE)


def kzt(amount: Decimal) -> Messages:
    """An amount in tenge with tiyn as each language writes it, for a text's details (`render` fills
    in each language's form): 2 000 000,00 in kk and ru, 2,000,000.00 in en (non-breaking groups)."""
    return {lang: units.number(amount, lang, places=2) for lang in LANGUAGES}


def repeal_effective(ctx: Context) -> tuple[dt.date, bool]:
    """The first day the programme is no longer in force, and whether it is only the earliest
    possible day (the publication date of Resolution No. 370 not being entered)."""
    end, unset = PROGRAMME_IN_FORCE.end_on(ctx)
    return end, unset is not None  # type: ignore[return-value]


def only(*instruments: str) -> Callable[[Fields], pl.Expr]:
    """`applies` of a rule that concerns only these instruments."""
    chosen = sorted(instruments)
    return lambda f: f.instrument.is_in(chosen)


def flag(name: str) -> Callable[[Fields, Context], pl.Expr]:
    """A test that a declared fact of the applicant is true (absent is not true)."""
    return lambda f, ctx: getattr(f.applicant, name).eq(True)


def in_priority_sector(codes: pl.Expr, ctx: Context) -> pl.Expr:
    """At least one code of the list column `codes` lies in a priority sector of the Annex
    (`ctx.reference["sectors"]`)."""
    return codes.list.eval(ctx.reference["sectors"].contains(pl.element())).list.any()


def sector_details(codes: list[str], ctx: Context) -> dict[str, Any]:
    """The codes and the Annex codes they lie under, for the texts."""
    matches = ctx.reference["sectors"].matches(codes)
    listed = [f"{code} → {match.code}" for code, match in matches.items() if match is not None]
    return {"codes": ", ".join(codes), "listed": "; ".join(listed)}
