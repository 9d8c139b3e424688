import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from ..errors import MunicipalityImportError
from ..models import Municipality

DEFAULT_MUNICIPALITIES_CSV = Path(__file__).resolve().parent.parent / "data" / "municipalities.csv"
REQUIRED_COLUMNS = {"number", "name", "county"}


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def _read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise MunicipalityImportError(
                _("The file lacks the column(s): %(columns)s.")
                % {"columns": ", ".join(sorted(missing))},
                code="columns",
            )
        rows = []
        for line, row in enumerate(reader, start=2):
            number = (row["number"] or "").strip().zfill(4)
            name = (row["name"] or "").strip()
            county = (row["county"] or "").strip()
            if not (number.isdigit() and len(number) == 4 and name and county):
                raise MunicipalityImportError(
                    _("Line %(line)s needs a four-digit number, a name and a county.")
                    % {"line": line},
                    code="row",
                )
            rows.append({"number": number, "name": name, "county": county})
    numbers = [row["number"] for row in rows]
    if len(numbers) != len(set(numbers)):
        raise MunicipalityImportError(
            _("The file lists a municipality number more than once."), code="duplicate"
        )
    return rows


@transaction.atomic
def import_municipalities(*, path: Path = DEFAULT_MUNICIPALITIES_CSV) -> ImportResult:
    """Create or update municipalities from a CSV file (number,name,county).
    Running it twice changes nothing; municipalities not in the file are kept,
    since profiles and teams may point at them."""
    rows = _read_rows(path)
    existing = {m.number: m for m in Municipality.objects.select_for_update()}
    to_create, to_update = [], []
    for row in rows:
        current = existing.get(row["number"])
        if current is None:
            to_create.append(Municipality(**row))
        elif (current.name, current.county) != (row["name"], row["county"]):
            current.name, current.county = row["name"], row["county"]
            to_update.append(current)
    Municipality.objects.bulk_create(to_create)
    Municipality.objects.bulk_update(to_update, ["name", "county"])
    return ImportResult(
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(rows) - len(to_create) - len(to_update),
    )
