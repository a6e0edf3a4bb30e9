"""Verification of the audit chain (security.md #8): `manage.py audit_verify` and the verify page."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from hmac import compare_digest
from typing import Any

from django.http import HttpRequest

from anju.audit.chain import CHAIN_COLUMNS, GENESIS_HASH, row_hasher
from anju.audit.events import AuditAction, AuditResult
from anju.audit.models import AuditChainHead, AuditEvent

CHUNK_SIZE = 5000


@dataclass
class ChainReport:
    """The outcome of one verification."""

    ok: bool
    checked: int
    message: str
    broken_sequence: int | None = None
    broken_id: int | None = None
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Rows per second."""
        return self.checked / self.seconds if self.seconds > 0 else 0.0


def _broken(checked: int, sequence: int | None, row_id: Any, reason: str, started: float) -> ChainReport:
    where = f"第 {sequence} 号（ID {row_id}）" if row_id is not None else f"第 {sequence} 号"
    return ChainReport(
        ok=False,
        checked=checked,
        message=f"审计日志校验失败：{where}记录{reason}。已校验 {checked} 条。",
        broken_sequence=sequence,
        broken_id=row_id,
        seconds=time.perf_counter() - started,
    )


def audit_chain_check(*, chunk_size: int = CHUNK_SIZE) -> ChainReport:
    """Walk the chain in sequence order (keyset chunks of plain tuples) and find the first break.

    A row is broken when its sequence is not the next number (a deleted row leaves a gap),
    its prev_hash is not the previous row's row_hash, or its row_hash does not match its
    content. The head row must match the last row (a deleted tail).
    """
    started = time.perf_counter()
    head = AuditChainHead.objects.filter(pk=1).values_list("sequence", "row_hash").first() or (0, GENESIS_HASH)
    head_sequence, head_hash = head
    columns = ("id", *CHAIN_COLUMNS, "row_hash")
    expected_sequence = 1
    previous_hash = GENESIS_HASH
    checked = 0
    last_sequence = 0
    equal = compare_digest
    row_hash = row_hasher()
    while True:
        rows = list(
            AuditEvent.objects.filter(sequence__gt=last_sequence, sequence__lte=head_sequence)
            .order_by("sequence")
            .values_list(*columns)[:chunk_size]
        )
        if not rows:
            break
        for values in rows:
            row_id, sequence, stored_hash = values[0], values[1], values[-1]
            if sequence != expected_sequence:
                return _broken(checked, expected_sequence, None, f"缺失（下一条为第 {sequence} 号，ID {row_id}）", started)
            if values[-2] != previous_hash:
                return _broken(checked, sequence, row_id, "的前一条校验值与上一条不一致（记录被删除、插入或改动）", started)
            if not equal(row_hash(values[1:-1]), stored_hash):
                return _broken(checked, sequence, row_id, "的内容与校验值不符（记录被篡改）", started)
            checked += 1
            previous_hash = stored_hash
            expected_sequence += 1
        last_sequence = rows[-1][1]
    if checked != head_sequence:
        return _broken(checked, expected_sequence, None, f"缺失（链头记录共 {head_sequence} 条）", started)
    if head_sequence and not equal(previous_hash, head_hash):
        return _broken(checked, head_sequence, None, "与链头校验值不符（末尾记录被删除或改动）", started)
    return ChainReport(
        ok=True, checked=checked, message=f"审计日志校验通过：共 {checked} 条记录，哈希链完整。",
        seconds=time.perf_counter() - started,
    )


def audit_chain_verify(*, user: Any = None, request: HttpRequest | None = None) -> ChainReport:
    """Check the chain and record the check itself as an AUDIT_VERIFIED event."""
    from anju.audit.services.events import audit_event_record

    report = audit_chain_check()
    audit_event_record(
        action=AuditAction.AUDIT_VERIFIED,
        user=user,
        request=request,
        result=AuditResult.SUCCESS if report.ok else AuditResult.FAILURE,
        detail={
            "checked": report.checked,
            "broken_sequence": report.broken_sequence,
            "broken_id": report.broken_id,
            "message": report.message,
        },
    )
    return report
