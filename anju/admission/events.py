"""Audit records of admission writes (one domain event per service call)."""

from __future__ import annotations

from typing import Any

from anju.core.services.auditing import audit_record

APPLICATION_CREATED = "RECORD_CREATED"
APPLICATION_UPDATED = "RECORD_UPDATED"
APPLICATION_DELETED = "RECORD_DELETED"


def audit(action: str, *, user: Any, obj: Any, detail: dict | None = None) -> None:
    """Write one audit event (action is an `AuditAction` member name)."""
    audit_record(action=action, user=user, obj=obj, detail=detail)
