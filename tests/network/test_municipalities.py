import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from network.errors import MunicipalityImportError
from network.models import Municipality
from network.services import import_municipalities

pytestmark = pytest.mark.django_db


def test_shipped_file_has_all_357_municipalities():
    result = import_municipalities()
    assert result.created == 357
    assert Municipality.objects.get(number="0301").name == "Oslo"
    assert Municipality.objects.get(number="5001").county == "Trøndelag"
    assert Municipality.objects.values("county").distinct().count() == 15


def test_import_is_idempotent_and_updates_names(tmp_path):
    import_municipalities()
    csv = tmp_path / "k.csv"
    csv.write_text("number,name,county\n301,Oslo kommune,Oslo\n", encoding="utf-8")

    result = import_municipalities(path=csv)

    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    assert Municipality.objects.get(number="0301").name == "Oslo kommune"
    assert Municipality.objects.count() == 357


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("nummer,navn\n0301,Oslo\n", "columns"),
        ("number,name,county\nabcd,Oslo,Oslo\n", "row"),
        ("number,name,county\n0301,Oslo,Oslo\n0301,Oslo,Oslo\n", "duplicate"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, code):
    csv = tmp_path / "bad.csv"
    csv.write_text(content, encoding="utf-8")
    with pytest.raises(MunicipalityImportError) as error:
        import_municipalities(path=csv)
    assert error.value.code == code
    assert not Municipality.objects.exists()


def test_command_reports_counts(capsys):
    call_command("load_municipalities")
    assert "357 created" in capsys.readouterr().out


def test_command_reports_missing_file():
    with pytest.raises(CommandError, match="No such file"):
        call_command("load_municipalities", "/nonexistent.csv")
