"""Printed documents as PDF and DOCX from one list of format-neutral blocks.

A caller (the forecasting report, a targeted programme, …) builds its content once as a list of
`blocks` (Title, Heading, Text, Bullets, Table, Figure, PageBreak) in one language and hands it to
`blocks_pdf` (`pdf.py`, reportlab with DejaVu Sans so every Kazakh letter shows, an outline of the
headings, numbered pages, an optional draft mark) or `blocks_docx` (`docx.py`, python-docx with
Word heading styles, a PAGE field in the footer and the text tagged with its language). The
renderers decide only how a block looks, never what a document says.

Pure: no Django, so batch tools and workers outside the web application print with it too.
"""

# The media type each format is served with.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
