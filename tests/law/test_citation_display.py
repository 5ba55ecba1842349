"""Issue 10, item 3: a citation reads in the page's language ("001, 13-тармақ" on a Kazakh page,
"001, п. 13" on a Russian one, "001, p. 13" on an English one), its note too, while the compact ref
stays the stored key that `Citation.parse` reads back; parameter values read with their unit."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from techpolicy.law import display, units
from techpolicy.law.citation import Citation, note_is_known, note_text
from techpolicy.law.parameters import Parameters

FORMS = [
    # citation, kk, ru, en
    (Citation("001", "13"), "001, 13-тармақ", "001, п. 13", "001, p. 13"),
    (Citation("001", "9", "3"), "001, 9-тармақтың 3) тармақшасы", "001, пп. 3) п. 9", "001, p. 9(3)"),
    (Citation("001", "9", "2", "Annex 3"), "001, 9-тармақтың 2) тармақшасы, 3-қосымша",
     "001, пп. 2) п. 9, приложение 3", "001, p. 9(2), Annex 3"),
    (Citation("004", "10", None, "mechanism of instruments 2-5", "5.4"),
     "004, 5.4-бөлім, 10-тармақ, 2–5-құралдарды ұсыну тетігі",
     "004, раздел 5.4, п. 10, механизм предоставления инструментов 2–5",
     "004, s. 5.4, p. 10, mechanism of instruments 2-5"),
    (Citation("004", "", "1", "instrument 2 (2-құрал)", "5.3"), "004, 5.3-бөлім, 2-құрал, 1) тармақша",
     "004, раздел 5.3, инструмент 2, пп. 1)", "004, s. 5.3, instrument 2 (2-құрал), sub-p. 1)"),
    # A law (003): paragraphs are numbered within the article.
    (Citation("003", "2", "3", article="27"), "003, 27-баптың 2-тармағының 3) тармақшасы",
     "003, пп. 3) п. 2 ст. 27", "003, art. 27(2)(3)"),
    (Citation("003", "6", article="20"), "003, 20-баптың 6-тармағы", "003, п. 6 ст. 20", "003, art. 20(6)"),
    (Citation("003", "", "3", article="25"), "003, 25-баптың 3) тармақшасы", "003, пп. 3) ст. 25",
     "003, art. 25(3)"),
    (Citation("general", "", note="republican budget law for 2031"),
     "Жалпы параметрлер, 2031 жылға арналған республикалық бюджет туралы заң",
     "Общие параметры, закон о республиканском бюджете на 2031 год",
     "General parameters, republican budget law for 2031"),
]


@pytest.mark.parametrize(("citation", "kk", "ru", "en"), FORMS, ids=[f[0].ref for f in FORMS])
def test_the_short_form_in_each_language(citation, kk, ru, en):
    assert (citation.short("kk"), citation.short("ru"), citation.short("en")) == (kk, ru, en)
    assert Citation.parse(citation.ref) == citation  # the stored key is untouched


def test_the_full_form_names_the_act_and_translates_the_note():
    citation = Citation("004", "2", "1", "mechanism of instrument 1", "5.4")
    assert citation.text("kk") == ('"Өнімділік 2020" бағдарламасы, 5.4-бөлім, 2-тармақ, 1) тармақша, '
                                   "1-құралды ұсыну тетігі")
    assert citation.text("ru").endswith("механизм предоставления инструмента 1")
    assert "mechanism" not in citation.text("kk") + citation.text("ru")
    assert citation.ref == "004 s.5.4 p.2(1) [mechanism of instrument 1]"


def test_a_note_an_administrator_typed_is_shown_as_typed():
    assert note_text("Заң 2027 ж.", "kk") == "Заң 2027 ж."
    assert Citation("general", "", note="Заң 2027 ж.").short("ru") == "Общие параметры, Заң 2027 ж."


_WALK = """
import gc, json
import techpolicy.law.acts, techpolicy.simulation.runner
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters
Parameters.from_source()
print(json.dumps(sorted({o.note for o in gc.get_objects() if isinstance(o, Citation) and o.note})))
"""


def _declared_notes() -> set[str]:
    """Every note of a citation the acts, their parameters and the what-if declare, walked in a
    fresh interpreter so that no citation a test made up is counted."""
    done = subprocess.run([sys.executable, "-c", _WALK], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


def test_every_declared_note_has_its_kazakh_and_russian_wording():
    notes = _declared_notes()
    assert len(notes) > 50  # the walk found the acts' citations
    missing = sorted(n for n in notes if not note_is_known(n))
    assert missing == []
    for note in notes:
        kk, ru = note_text(note, "kk"), note_text(note, "ru")
        assert kk != note and ru != note, note
        assert not any(word in kk + ru for word in ("instrument", "mechanism", "paragraph", "Annex", "Order"))


@pytest.mark.parametrize(
    ("value", "unit", "kk", "ru", "en"),
    [
        (Decimal("40"), "percent", "40 %", "40 %", "40%"),
        (Decimal("9000000"), "KZT", "9\u00a0000\u00a0000\u00a0₸", "9\u00a0000\u00a0000\u00a0₸", "9,000,000\u00a0₸"),
        (10, "working days", "10 жұмыс күні", "10 рабочих дней", "10 working days"),
        (1, "years", "1 жыл", "1 год", "1 year"),
        (3, "months", "3 ай", "3 месяца", "3 months"),
        (6, "MCI", "6 АЕК", "6 МРП", "6 MCI"),
        (Decimal("1.5"), "times", "1,5 есе", "1,5 раза", "1.5 times"),
        (dt.date(2022, 9, 3), "date", "03.09.2022", "03.09.2022", "3 September 2022"),
    ],
)
def test_a_value_reads_with_its_unit_in_each_language(value, unit, kk, ru, en):
    assert [units.quantity(value, unit, lang) for lang in ("kk", "ru", "en")] == [kk, ru, en]


def test_every_unit_of_the_parameter_files_is_in_the_vocabulary():
    source = Parameters.from_source()
    used = {source.definition(name).unit for name in source.names()}
    assert used - set(units.UNITS) - units.PLAIN == set()


def test_a_note_names_a_parameter_by_its_label():
    named = display.named("p2020.repeal_published_on")
    assert "p2020" not in named["kk"] + named["ru"]
    assert named["kk"].startswith("«Қазақстан Республикасы Үкіметінің")
    assert named["en"].endswith(", p2020.repeal_published_on")
