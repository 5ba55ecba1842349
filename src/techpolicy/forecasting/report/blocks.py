"""The report's blocks are the shared document blocks (`techpolicy.documents.blocks`), named here too
so that code written against the report keeps its imports."""

from techpolicy.documents.blocks import Block, Bullets, Figure, Heading, PageBreak, Table, Text, Title

__all__ = ["Block", "Bullets", "Figure", "Heading", "PageBreak", "Table", "Text", "Title"]
