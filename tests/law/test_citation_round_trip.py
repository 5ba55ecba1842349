"""A citation's compact reference (`Citation.ref`) is stored with verdicts, deadlines and decisions,
so `Citation.parse(c.ref) == c` must hold for every citation of every act: act 001's paragraphs and
sub-paragraphs ("001 p.9(3)"), act 004's section-numbered paragraphs whose numbering restarts per
mechanism ("004 s.5.4 p.2 [mechanism of instrument 1]"), annexes and outside sources kept in the
note ("001 p.9(2) [Annex 3]", "general [republican budget law for 2026]")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techpolicy.law.acts.act004_productivity2020.common import VALIDITY_CITATION
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS
from techpolicy.law.acts.act004_productivity2020.monitoring import TARGETS
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters
from techpolicy.law.procedure import catalogue
from techpolicy.law.terms import terms


def _rules() -> dict[str, Citation]:
    return {f"{name}:{rule.id}": rule.citation for name, p in catalogue().items() for rule in p.rules}


def _parameters() -> dict[str, Citation]:
    source = Parameters.from_source()
    return {
        f"{name}@{value.start}": value.citation
        for name in source.names()
        for value in source.definition(name).values
    }


def _programme() -> dict[str, Citation]:
    found = {"validity": VALIDITY_CITATION}
    found |= {f"instrument {key}": d.citation for key, d in INSTRUMENTS.items() if getattr(d, "citation", None)}
    found |= {f"target {t.id}": t.citation for t in TARGETS}
    return found


EVERY = {
    **{f"rule {key}": c for key, c in _rules().items()},
    **{f"term {key}": t.citation for key, t in terms().items()},
    **{f"parameter {key}": c for key, c in _parameters().items()},
    **_programme(),
}


def test_the_walk_covers_every_kind_of_citation():
    refs = [c.ref for c in EVERY.values()]
    assert any(r.startswith("001 p.") and "(" in r for r in refs)  # sub-paragraphs
    assert any(r.startswith("004 s.5.4 p.") and r.endswith("]") for r in refs)  # section + mechanism note
    assert any(r.startswith("004 s.5.3") and "(" in r and "[" in r for r in refs)  # section, sub, no paragraph
    assert "001 p.9(2) [Annex 3]" in refs  # a note without a section
    assert any(r.startswith("general [") for r in refs)
    assert len({key.split(" ")[0] for key in EVERY}) >= 3


@pytest.mark.parametrize("citation", EVERY.values(), ids=list(EVERY))
def test_parse_is_the_inverse_of_ref(citation):
    assert Citation.parse(citation.ref) == citation


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        # Refs stored by decisions and register entries before notes were part of every ref.
        pytest.param("001 p.13", Citation("001", "13"), id="001 p.13 (admission decisions)"),
        pytest.param("001 p.9-1", Citation("001", "9-1"), id="001 p.9-1 (activity change decisions)"),
        pytest.param("001 p.41", Citation("001", "41"), id="001 p.41 (end of a register entry)"),
        pytest.param("001 p.9(3)", Citation("001", "9", "3"), id="001 p.9(3)"),
        pytest.param("004 s.5.4 p.10 [mechanism of instruments 2-5]",
                     Citation("004", "10", None, "mechanism of instruments 2-5", "5.4"), id="004 s.5.4 p.10 [...]"),
        pytest.param("004 s.5.4 p.2(1) [note]", Citation("004", "2", "1", "note", "5.4"), id="004 s.5.4 p.2(1) [note]"),
        pytest.param("004", Citation("004", ""), id="an act alone"),
    ],
)
def test_stored_refs_stay_valid(ref, expected):
    assert Citation.parse(ref) == expected
    assert expected.ref == ref


@pytest.mark.parametrize("text", ["", "001 p.9 (3)", "001 p.", "001  p.9", "001 p.9(3) [", "001 x.9"])
def test_a_string_that_is_no_ref_is_refused(text):
    with pytest.raises(ValueError, match="compact citation"):
        Citation.parse(text)


@pytest.mark.parametrize(
    "pieces",
    [
        pytest.param({"act": "0 01", "paragraph": "9"}, id="a space in the act"),
        pytest.param({"act": "001", "paragraph": "9(3)"}, id="a bracket in the paragraph"),
        pytest.param({"act": "001", "paragraph": "9", "sub": "3)"}, id="a closing bracket in the sub-paragraph"),
        pytest.param({"act": "004", "paragraph": "2", "section": "5 4"}, id="a space in the section"),
    ],
)
def test_a_citation_that_no_ref_could_write_is_refused(pieces):
    with pytest.raises(ValueError, match="compact reference"):
        Citation(**pieces)


def test_empty_spellings_are_one_citation():
    assert Citation("001", "13", "", "") == Citation("001", "13")
    assert Citation.parse({"act": "001", "paragraph": None, "note": ""}) == Citation("001", "")


_WORD = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Cc"), blacklist_characters="([ "), min_size=1,
                max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    act=_WORD,
    section=st.none() | _WORD,
    article=st.none() | _WORD,
    paragraph=st.just("") | _WORD,
    sub=st.none() | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=")"), min_size=1,
                            max_size=12),
    note=st.none() | st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
)
def test_parse_inverts_ref_for_any_writable_citation(act, section, article, paragraph, sub, note):
    citation = Citation(act, paragraph, sub, note, section, article)
    assert Citation.parse(citation.ref) == citation
