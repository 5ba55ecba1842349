"""Import the official list of priority ICT activity types (Order No. 37/НҚ of 11 April 2019).

The seed does not contain the list, so the system ships a marked sample. The operator imports the
official list from a CSV file with the columns code,name_kk,name_ru,name_en (UTF-8, header row)
or from a YAML file in the format of the shipped sample. The import replaces the list in one
transaction; a malformed file changes nothing."""

import csv
from importlib import resources
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from techpolicy.casework.models import ReferenceItem
from techpolicy.services.technopark.law import ACTIVITY_TYPES

LIMITS = {"code": 40, "name_kk": 500, "name_ru": 500, "name_en": 500}
OFFICIAL_SOURCE = "Order No. 37/НҚ of 11 April 2019 (list of priority ICT activity types)"


def read_rows(path: Path) -> tuple[list[dict], bool, str]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return rows, False, OFFICIAL_SOURCE
    data = yaml.safe_load(path.read_text("utf-8"))
    items = [
        {"code": entry.get("code"), **{f"name_{k}": entry.get("name", {}).get(k) for k in ("kk", "ru", "en")}}
        for entry in data.get("types") or []
    ]
    return items, bool(data.get("sample")), data.get("source", OFFICIAL_SOURCE)


def replace_list(rows: list[dict], sample: bool, source: str) -> int:
    required = ("code", "name_kk", "name_ru", "name_en")
    for number, row in enumerate(rows, start=2):
        missing = [k for k in required if not str(row.get(k) or "").strip()]
        if missing:
            raise CommandError(f"row {number}: missing {', '.join(missing)}")
        too_long = [k for k in required if len(str(row[k]).strip()) > LIMITS[k]]
        if too_long:
            raise CommandError(f"row {number}: {', '.join(too_long)} longer than allowed "
                               f"({', '.join(str(LIMITS[k]) for k in too_long)} characters)")
    codes = [row["code"].strip() for row in rows]
    if len(set(codes)) != len(codes):
        raise CommandError("duplicate codes in the file")
    if not rows:
        raise CommandError("the file lists no activity types")
    with transaction.atomic():
        ReferenceItem.objects.filter(list_key=ACTIVITY_TYPES).delete()
        ReferenceItem.objects.bulk_create(
            ReferenceItem(list_key=ACTIVITY_TYPES, code=row["code"].strip(), name_kk=row["name_kk"].strip(),
                          name_ru=row["name_ru"].strip(), name_en=row["name_en"].strip(), source=source,
                          sample=sample)
            for row in rows
        )
    return len(rows)


def sample_path() -> Path:
    return Path(str(resources.files("techpolicy.legal").joinpath("technopark_activity_types_sample.yaml")))


class Command(BaseCommand):
    help = "Import the list of priority ICT activity types from CSV (code,name_kk,name_ru,name_en) or YAML."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="CSV or YAML file; without it the shipped SAMPLE is loaded")

    def handle(self, *args, **options):
        path = Path(options["file"]) if options["file"] else sample_path()
        if not path.exists():
            raise CommandError(f"no such file: {path}")
        try:
            rows, sample, source = read_rows(path)
        except (yaml.YAMLError, csv.Error, UnicodeDecodeError, AttributeError) as exc:
            raise CommandError(f"cannot read {path.name}: {exc}") from None
        count = replace_list(rows, sample, source)
        note = " (SAMPLE, not the official list)" if sample else ""
        self.stdout.write(f"{count} priority ICT activity types loaded{note}")
