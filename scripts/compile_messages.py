"""Compile the .po translation catalogues to .mo with polib (no GNU gettext needed).

The compiled .mo files are committed, so running the system never needs this step; run it after
editing a .po file (`make messages`)."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "techpolicy"

for po_path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/*.po")):
    catalogue = polib.pofile(str(po_path))
    catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"{po_path.relative_to(ROOT)}: {catalogue.percent_translated()} % translated")
