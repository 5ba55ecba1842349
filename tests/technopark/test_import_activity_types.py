"""Importing the list of priority ICT activity types (p.7(7) refers to Order No. 37/НҚ, which the
seed does not contain): the sample loads marked as such, an official CSV replaces it, and a
malformed file changes nothing."""

import pytest
from django.core.management import CommandError, call_command

from techpolicy.casework.models import ReferenceItem
from techpolicy.services.technopark.law import ACTIVITY_TYPES, activity_types

pytestmark = pytest.mark.django_db

HEADER = "code,name_kk,name_ru,name_en\n"


def test_p7_7_without_a_file_the_marked_sample_is_loaded():
    call_command("import_activity_types", verbosity=0)
    items = ReferenceItem.objects.filter(list_key=ACTIVITY_TYPES)
    assert items.count() == 10
    assert all(item.sample for item in items)
    assert "SAMPLE" in items.first().source


def test_p7_7_an_official_csv_replaces_the_sample(tmp_path):
    call_command("import_activity_types", verbosity=0)
    official = tmp_path / "official.csv"
    official.write_text(HEADER + "1.1,Бағдарламалау,Программирование,Programming\n", encoding="utf-8")
    call_command("import_activity_types", str(official), verbosity=0)
    listed = activity_types()
    assert list(listed) == ["1.1"]
    assert listed["1.1"]["name"]["kk"] == "Бағдарламалау"
    assert listed["1.1"]["sample"] is False


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (HEADER + "1.1,,Программирование,Programming\n", "row 2: missing name_kk"),
        (HEADER + "1.1,А,Б,C\n1.1,А,Б,C\n", "duplicate codes"),
        (HEADER, "lists no activity types"),
        (HEADER + "1.1," + "а" * 501 + ",Б,C\n", "longer than allowed"),
    ],
    ids=["missing name", "duplicate code", "empty list", "name too long"],
)
def test_a_malformed_file_is_refused_and_changes_nothing(tmp_path, body, message):
    call_command("import_activity_types", verbosity=0)
    before = list(ReferenceItem.objects.values_list("code", flat=True))
    bad = tmp_path / "bad.csv"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_activity_types", str(bad), verbosity=0)
    assert list(ReferenceItem.objects.values_list("code", flat=True)) == before


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_activity_types", str(tmp_path / "absent.csv"), verbosity=0)
