"""Sequence numbers per prefix and year (case numbers, study numbers), given out by one counter row.

Call `next_sequence` inside the transaction that creates the numbered record: the UPDATE locks the
counter row until that transaction ends, so concurrent creations queue for their number instead of
computing max()+1 and colliding (which gave 500s under load), and a rolled-back creation gives its
number back, so numbers stay consecutive."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import F

from .models.case import CaseNumberCounter


def last_in_use(numbers: Iterable[str]) -> int:
    """The highest sequence among numbers like "<prefix>-<year>-00042" (0 when there is none)."""
    return max((int(tail) for n in numbers if (tail := n.rsplit("-", 1)[-1]).isdigit()), default=0)


def next_sequence(prefix: str, year: int, in_use: Callable[[], int], taken: Callable[[int], bool]) -> int:
    """The next sequence of `prefix` in `year`. `in_use()` gives the highest sequence already used
    when the counter is first made (numbers given before it existed); `taken(n)` says whether n is
    already used (a number written past the counter, e.g. by a data import, is skipped)."""
    counter = CaseNumberCounter.objects.filter(prefix=prefix, year=year)
    if not counter.update(last=F("last") + 1):
        # The first number of the prefix this year: a concurrent first creation makes get_or_create
        # meet the unique (prefix, year) and read the other's row instead.
        CaseNumberCounter.objects.get_or_create(prefix=prefix, year=year, defaults={"last": in_use()})
        counter.update(last=F("last") + 1)
    while taken(sequence := counter.values_list("last", flat=True).get()):
        counter.update(last=F("last") + 1)
    return sequence
