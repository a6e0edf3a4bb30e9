"""Audit records of portal writes (one domain event per service call)."""

from __future__ import annotations

from typing import Any

from anju.core.services.auditing import audit_record

ACCOUNT_CREATED = "USER_CREATED"
PASSWORD_RESET = "PASSWORD_RESET"  # noqa: S105 - an audit action name, not a password
RECORD_CREATED = "RECORD_CREATED"
RECORD_UPDATED = "RECORD_UPDATED"


def audit(action: str, *, user: Any, obj: Any, detail: dict | None = None) -> None:
    """Write one audit event (action is an `AuditAction` member name)."""
    audit_record(action=action, user=user, obj=obj, detail=detail)
