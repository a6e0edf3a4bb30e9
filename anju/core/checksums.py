"""Data checksums: one SHA-256 per table over every row in primary-key order, and one over all tables.

Used by the restore drill (security.md #17, `deploy/postgresql/restore_drill.sh`): a database
restored to a point in time must give the checksum the original gave at that time. The value is
independent of the database vendor: every column is rendered as text in a fixed way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.utils import timezone

BATCH = 5000


@dataclass(frozen=True)
class TableChecksum:
    """One table's row count and digest."""

    table: str
    rows: int
    digest: str


def _text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value else "NaN"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def table_checksums(*, using: str = "default", app_prefix: str = "anju.") -> list[TableChecksum]:
    """The checksum of every concrete table of the project's apps (and Django's auth/contenttypes)."""
    results: list[TableChecksum] = []
    for model in sorted(apps.get_models(), key=lambda m: m._meta.db_table):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if not (model.__module__.startswith(app_prefix) or meta.app_label in {"auth", "contenttypes"}):
            continue
        columns = [f.attname for f in meta.concrete_fields]
        digest = hashlib.sha256()
        rows = 0
        queryset = model._base_manager.using(using).order_by("pk").values_list(*columns)
        for row in queryset.iterator(chunk_size=BATCH):
            digest.update("\x1f".join(_text(v) for v in row).encode())
            digest.update(b"\x1e")
            rows += 1
        results.append(TableChecksum(meta.db_table, rows, digest.hexdigest()))
    return results


def database_checksum(tables: list[TableChecksum]) -> str:
    """One digest over all table digests."""
    digest = hashlib.sha256()
    for table in tables:
        digest.update(f"{table.table}:{table.rows}:{table.digest}\n".encode())
    return digest.hexdigest()
