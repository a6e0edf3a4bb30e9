"""Data checksums (restore drill, security.md #17): stable for the same data, different after any change."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from anju.core.checksums import _text, database_checksum, table_checksums
from anju.core.models import BusinessSequence

pytestmark = pytest.mark.django_db


def _checksum() -> str:
    return database_checksum(table_checksums())


def test_same_data_gives_the_same_checksum_and_any_change_another():
    # given a few rows
    BusinessSequence.objects.create(kind="contract", region_code="341602", year=2026, last_value=7)
    first = _checksum()
    # when nothing changes / then the checksum is the same
    assert _checksum() == first
    # when one value changes / then the checksum differs, and only that table's digest
    before = {t.table: t.digest for t in table_checksums()}
    BusinessSequence.objects.filter(kind="contract").update(last_value=8)
    after = {t.table: t.digest for t in table_checksums()}
    assert _checksum() != first
    assert [name for name in before if before[name] != after[name]] == [BusinessSequence._meta.db_table]


def test_a_deleted_row_changes_the_row_count():
    BusinessSequence.objects.create(kind="contract", region_code="341602", year=2026, last_value=1)
    table = BusinessSequence._meta.db_table
    rows_before = next(t.rows for t in table_checksums() if t.table == table)
    BusinessSequence.objects.all().delete()
    assert next(t.rows for t in table_checksums() if t.table == table) == rows_before - 1


def test_values_render_the_same_whatever_the_database_returns():
    # Decimal('1.50') from PostgreSQL and Decimal('1.5') from SQLite are one value
    assert _text(Decimal("1.50")) == _text(Decimal("1.5")) == "1.5"
    assert _text(None) == "\\N"
    assert _text(True) == "t"


def test_command_prints_the_database_checksum(capsys):
    call_command("data_checksum")
    assert capsys.readouterr().out.strip() == _checksum()
