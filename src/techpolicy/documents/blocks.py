"""A document as a list of format-neutral blocks; `pdf` and `docx` each render every block type.

Keeping the content in one list of blocks (built once by the document's own builder, e.g. the
forecasting report's `sections.build_blocks`) is what keeps the two renderers from becoming twins:
they only decide how a heading, a table or a figure looks.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass


@dataclass(frozen=True)
class Title:
    """The title page's headline: `issuer` above, `text` large, `subtitle` below."""

    text: str
    subtitle: str = ""
    issuer: str = ""


@dataclass(frozen=True)
class Heading:
    """A section heading; level 1 is a chapter, 2 a section, 3 a subsection."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    """A paragraph; `style` is "body", "label" (a bold run-in heading), "note" (small print) or "statement".

    `keep_with_next` keeps it on the page of the block after it (an introduction to a chart or table).
    """

    text: str
    style: str = "body"
    keep_with_next: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table; without `header` it is a key-value table whose first column names the rows.

    `widths` are relative column widths (they need not add up to 1). A cell may hold line breaks.
    """

    header: tuple[str, ...] | None
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Figure:
    """A chart as PNG bytes with its caption."""

    png: bytes
    caption: str

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels, read from the PNG header."""
        width, height = struct.unpack(">II", self.png[16:24])
        return width, height


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Title | Heading | Text | Bullets | Table | Figure | PageBreak
