"""Importing a targeted technology programme document (seed 000 chapter 5, p.34-40) from a JSON file:
the example round-trips; a malformed, too large, too deep or mistyped file is refused with the
field named in the reader's language, never with another exception."""

import json
from pathlib import Path

import pytest
from django.utils import translation

from techpolicy.casework.kit import fact_errors
from techpolicy.law.acts.act000_methodology.programme_facts import ProgrammeFacts
from techpolicy.services.targeted_programmes.document_import import (
    MAX_FILE_BYTES,
    ProgrammeFileError,
    read_programme_file,
)

EXAMPLE_BYTES = (Path(__file__).resolve().parents[2] / "examples" / "programme.json").read_bytes()
EXAMPLE = json.loads(EXAMPLE_BYTES)


def _file(document) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _refused(data: bytes, filename: str = "programme.json") -> list[dict[str, str]]:
    with pytest.raises(ProgrammeFileError) as caught:
        read_programme_file(data, filename)
    return caught.value.errors


def _fields(data: bytes) -> list[str]:
    return [e["field"] for e in _refused(data)]


def test_p34_the_example_file_round_trips_without_its_review_date():
    """000 p.34-40: every section of the example comes back as the model reads it; the review date is
    the caller's (dropped), money stays exact tenge as a string, and importing the result again
    changes nothing."""
    facts = read_programme_file(EXAMPLE_BYTES, "programme.json")
    assert "checked_on" not in facts
    again = ProgrammeFacts.model_validate({**facts, "checked_on": EXAMPLE["checked_on"]})
    assert again == ProgrammeFacts.model_validate(EXAMPLE)
    assert facts["resources"]["items"][0]["amount"] == "1500000000.00"
    assert facts["passport"]["financing_volume_kzt"] == "4000000000.00"
    assert facts["action_plan"]["measures"][0]["deadline"] == "2028-12-31"
    assert read_programme_file(_file(facts), "again.JSON") == facts


def test_p34_a_file_without_a_review_date_imports():
    """The file need not carry `checked_on`; the importer sets none."""
    document = {k: v for k, v in EXAMPLE.items() if k != "checked_on"}
    facts = read_programme_file(_file(document), "programme.json")
    assert "checked_on" not in facts
    assert facts["passport"]["name"] == EXAMPLE["passport"]["name"]


def test_p34_a_draft_without_sections_imports_for_the_rules_to_refuse():
    """000 p.34: a missing section is for the p.34 rule to name, not invalid input."""
    facts = read_programme_file(_file({"sector": "S", "direction": "D", "developer": {"name": "C"}}), "draft.json")
    assert facts["passport"] is None and facts["resources"] is None


def test_p34_a_bad_review_date_in_the_file_is_named():
    assert _fields(_file({**EXAMPLE, "checked_on": "yesterday"})) == ["checked_on"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["passport"]["period"].update(end_year="soon"), "passport.period.end_year"),
        (lambda d: d["resources"]["items"][0].update(amount="lots"), "resources.items[0].amount"),
        (lambda d: d["goals_and_tasks"]["goals"][0]["indicators"][0]["values"][0].update(kind="maybe"),
         "goals_and_tasks.goals[0].indicators[0].values[0].kind"),
        (lambda d: d.pop("sector"), "sector"),
        (lambda d: d.update(participants={"name": "x"}), "participants"),
        (lambda d: d.update(unexpected=1), "unexpected"),
    ],
    ids=["p35-period-year-text", "p40-amount-text", "p38-value-kind", "p33-sector-missing", "p33-participants-object",
         "unknown-key"],
)
def test_p35_p38_p40_wrong_types_are_refused_naming_the_field(change, field):
    """000 p.35, p.38, p.40: a mistyped fact is refused with its path, as forms and the API name it."""
    document = json.loads(EXAMPLE_BYTES)
    change(document)
    assert field in _fields(_file(document))


def test_p35_a_period_ending_before_it_starts_is_named():
    """000 p.35(6): the model's own check, reported on the period."""
    document = json.loads(EXAMPLE_BYTES)
    document["passport"]["period"] = {"start_year": 2031, "end_year": 2027}
    assert _fields(_file(document)) == ["passport.period"]


def test_p34_messages_are_in_the_readers_language():
    """An objection reads as the site says it in the active language (the shared field-error texts)."""
    document = {k: v for k, v in EXAMPLE.items() if k != "sector"}
    messages = {}
    for lang in ("ru", "en"):
        with translation.override(lang):
            (error,) = _refused(_file(document))
            messages[lang] = error["message"]
            assert error["message"] == str(fact_errors.MESSAGES["missing"])
    assert messages["ru"] != messages["en"]


@pytest.mark.parametrize(
    "data",
    [b"{", b'{"sector": }', b"\xef\xbb\xbf{ nope", b"1e999999999999 x", b'{"a": NaN,}', b"[" * 5 + b"]" * 4],
    ids=["unclosed", "missing-value", "bom-then-garbage", "trailing-garbage", "trailing-comma", "unbalanced"],
)
def test_malformed_json_is_refused_as_the_file(data):
    assert _fields(data) == ["(file)"]


@pytest.mark.parametrize("data", [b"[]", b"null", b'"programme"', b"42"], ids=["list", "null", "string", "number"])
def test_a_file_that_is_not_one_object_is_refused_at_the_root(data):
    assert _fields(data) == ["(root)"]


def test_a_file_larger_than_the_bound_is_refused_before_it_is_read():
    padded = EXAMPLE_BYTES[:-2] + b" " * (MAX_FILE_BYTES - len(EXAMPLE_BYTES) + 10) + b"}"
    (error,) = _refused(padded)
    assert error["field"] == "(file)" and str(MAX_FILE_BYTES) in error["message"]
    # At the bound a file is read (white space is no error).
    assert read_programme_file(EXAMPLE_BYTES + b" " * (MAX_FILE_BYTES - len(EXAMPLE_BYTES)), "p.json")


@pytest.mark.parametrize("depth", [33, 100, 200_000])
def test_a_file_nested_too_deep_is_refused_without_recursion(depth):
    """A decoder recurses once per level; the depth is measured first, without recursing."""
    (error,) = _refused(b'{"sector": ' + b"[" * depth + b"]" * depth + b"}")
    assert error["field"] == "(file)" and str(depth + 1) in error["message"]  # the outer object is a level


def test_brackets_inside_strings_do_not_count_as_depth():
    document = {**EXAMPLE, "target_consumers": "[" * 100}
    assert read_programme_file(_file(document), "p.json")["target_consumers"] == "[" * 100


@pytest.mark.parametrize(
    ("data", "filename"),
    [(b"", "p.json"), (b"   \n", "p.json"), (b"\xff\xfe{}", "p.json"), (EXAMPLE_BYTES, "programme.pdf"),
     (EXAMPLE_BYTES, "programme")],
    ids=["empty", "blank", "not-utf8", "pdf-name", "no-extension"],
)
def test_empty_undecodable_or_misnamed_files_are_refused(data, filename):
    assert [e["field"] for e in _refused(data, filename)] == ["(file)"]


@pytest.mark.parametrize(
    "data",
    [
        b'{"sector": "\\u0000"}',
        b'{"sector": ' + b"9" * 5000 + b"}",
        b'{"passport": {"period": {"start_year": 1e400}}}',
        b'{"passport": {"financing_volume_kzt": "NaN"}}',
        b'{"resources": {"items": ' + b"[" + b"{}," * 20000 + b"{}]}}",
        b'{"goals_and_tasks": {"goals": [{"code": "G1", "title": "x"}, {"code": "G1", "title": "y"}]}}',
        b'{"developer": {"name": "' + b"x" * 600 + b'"}}',
    ],
    ids=["control-character", "huge-integer", "float-overflow", "nan-money", "too-many-items", "duplicate-goal",
         "name-too-long"],
)
def test_hostile_files_raise_only_the_file_error(data):
    """Whatever the file holds, the answer is a ProgrammeFileError naming fields, bounded in length."""
    errors = _refused(data)
    assert 0 < len(errors) <= 51
    assert all(e["field"] and e["message"] for e in errors)
