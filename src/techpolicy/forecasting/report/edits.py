"""Where the list of key technologies departs from the computed ranking, and the reason recorded for it.

The list of paragraph 12(1) is a human decision: analysts publish it with each draft version and
correct it after the broad discussion (paragraph 12(2)) before it goes to the HSTC (12(4)). The
ranking of paragraph 11(7) is computed. A reader who sees the two disagree must be told which version
of the draft set each difference and what its author wrote about it (the version's note), or that
nothing was written.

Pure: no Django; a caller passes the computed order and the draft versions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple


class DraftList(NamedTuple):
    """One published version of the draft: its number, its list of codes in rank order, its note."""

    number: int
    codes: tuple[str, ...]
    note: str = ""


class ListEdit(NamedTuple):
    """One difference: the technology's computed rank (None: not ranked), its place in the list
    (None: left out), the draft version that set that place and the note of that version."""

    code: str
    name: str
    computed: int | None
    listed: int | None
    version: int
    reason: str


def _place(codes: Sequence[str], code: str) -> int | None:
    return list(codes).index(code) + 1 if code in codes else None


def _setting_version(versions: Sequence[DraftList], code: str) -> DraftList:
    """The earliest version from which `code` has held its final place (or absence) without a change."""
    final = _place(versions[-1].codes, code)
    setting = versions[-1]
    for version in reversed(versions[:-1]):
        if _place(version.codes, code) != final:
            break
        setting = version
    return setting


def list_edits(computed_order: Sequence[str], versions: Sequence[DraftList],
               names: Mapping[str, str] | None = None) -> tuple[ListEdit, ...]:
    """Every technology whose place in the latest list differs from its computed rank, and every
    technology the ranking puts within the list's length that the list leaves out; in the order of
    the list, then of the ranking."""
    if not versions:
        return ()
    names = names or {}
    listed = list(versions[-1].codes)
    computed = list(computed_order)
    candidates = listed + [c for c in computed[: len(listed)] if c not in listed]
    edits = []
    for code in candidates:
        rank, place = _place(computed, code), _place(listed, code)
        if rank == place:
            continue
        setting = _setting_version(versions, code)
        edits.append(ListEdit(code, names.get(code, code), rank, place, setting.number, setting.note.strip()))
    return tuple(edits)
