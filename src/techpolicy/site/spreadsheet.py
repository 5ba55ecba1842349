"""CSV exports that spreadsheet programs open safely and in the right encoding, for every public list."""

# A cell a spreadsheet would run as a formula is exported with a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The byte-order mark makes spreadsheet programs read the file, and its Kazakh letters, as UTF-8.
BOM = "\ufeff"


def spreadsheet_cell(value) -> str:
    """`value` as the text of a CSV cell: empty for None, never a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text
