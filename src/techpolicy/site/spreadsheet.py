"""CSV exports that spreadsheet programs open safely and in the right encoding, for every public list."""

import csv
from collections.abc import Iterable, Iterator, Sequence

# A cell a spreadsheet would run as a formula is exported with a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The byte-order mark makes spreadsheet programs read the file, and its Kazakh letters, as UTF-8.
BOM = "\ufeff"


def spreadsheet_cell(value) -> str:
    """`value` as the text of a CSV cell: empty for None, never a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


class _Echo:
    """csv.writer writes into this and gets the line back, so rows can be streamed."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """A streamed CSV download, line by line: the byte-order mark with the header, then each row's
    cells as `spreadsheet_cell` writes them."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(header)
    for row in rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])
