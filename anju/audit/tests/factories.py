"""Test data for the audit log: a valid chain of generated events, built in Python."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.db import connection

from anju.audit.chain import CHAIN_COLUMNS, GENESIS_HASH, row_hasher
from anju.audit.events import AuditAction
from anju.audit.models import AuditChainHead, AuditEvent

ACTIONS = [AuditAction.LOGIN, AuditAction.RECORD_UPDATED, AuditAction.EXPORT, AuditAction.APPROVAL]
INSERT_COLUMNS = (*CHAIN_COLUMNS, "row_hash")


def build_chain(count: int, *, batch_size: int = 10_000) -> list[tuple[int, int]]:
    """Append `count` generated events after the current head; returns [(sequence, id)].

    The chain is computed in Python exactly as `audit_event_record` does; the rows go in with
    one multi-row INSERT per batch (values prepared by the model fields, no model instances),
    which is what makes 100,000 rows take seconds.
    """
    head, _ = AuditChainHead.objects.get_or_create(pk=1)
    sequence, previous = head.sequence, head.row_hash or GENESIS_HASH
    fields = [AuditEvent._meta.get_field(name) for name in INSERT_COLUMNS]
    occurred_at_field = AuditEvent._meta.get_field("occurred_at")
    detail_field = AuditEvent._meta.get_field("detail")
    quoted = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"INSERT INTO audit_auditevent ({quoted}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608 - fixed column names
    start = datetime(2026, 1, 1, tzinfo=UTC)
    row_hash = row_hasher()
    first = sequence + 1
    batch: list[list] = []
    with connection.cursor() as cursor:
        for n in range(count):
            sequence += 1
            values = [
                sequence, start + timedelta(seconds=n), f"user{n % 50}", "community_clerk",
                "白布社区居委会", f"10.0.{n % 250}.{n % 200 + 1}", "pytest", ACTIONS[n % len(ACTIONS)].value,
                "accounts.user", str(n), f"对象{n}", "341602001001", "success", {"n": n, "备注": "批量生成"}, previous,
            ]
            previous = row_hash(values)
            row = [*values, previous]
            row[1] = occurred_at_field.get_db_prep_save(row[1], connection)
            row[13] = detail_field.get_db_prep_save(row[13], connection)
            batch.append(row)
            if len(batch) >= batch_size:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    AuditChainHead.objects.filter(pk=1).update(sequence=sequence, row_hash=previous)
    return list(AuditEvent.objects.filter(sequence__gte=first).order_by("sequence").values_list("sequence", "id"))
