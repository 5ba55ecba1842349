"""DejaVu Sans for every PDF the system prints (certificates, decisions, minutes, reports),
from the copy matplotlib ships.

DejaVu Sans has a glyph for every Kazakh letter (ә ғ қ ң ө ұ ү һ і and their capitals), and taking
it from matplotlib's data path means nothing is downloaded at run time. The same file serves the
charts (matplotlib) and the PDF (reportlab), so both show the same letters. No Django here, so
pure report renderers outside the web application use it too.
"""

from __future__ import annotations

import os
from functools import cache

import matplotlib
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "DejaVu Sans"  # the name matplotlib knows it by
FONT = "DejaVuSans"  # the names registered with reportlab
FONT_BOLD = "DejaVuSans-Bold"


def font_path(bold: bool = False) -> str:
    """Path of DejaVu Sans (regular or bold) inside matplotlib's data directory."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return os.path.join(matplotlib.get_data_path(), "fonts", "ttf", name)


@cache
def register_pdf_fonts() -> tuple[str, str]:
    """Register DejaVu Sans with reportlab once; returns the (regular, bold) font names."""
    pdfmetrics.registerFont(TTFont(FONT, font_path()))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, font_path(bold=True)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return FONT, FONT_BOLD
