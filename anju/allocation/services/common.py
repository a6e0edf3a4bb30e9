"""What every allocation service does: audit through the core entry point."""

from __future__ import annotations

from typing import Any

from anju.core.services.numbers import business_number_next


def number_next(kind: str, region_code: str) -> str:
    """A readable business number (PZ3416022026000001) of an allocation kind."""
    return business_number_next(kind=kind, region_code=region_code)


def audit(*, action: str, user: Any, obj: Any, event: str, detail: dict | None = None) -> None:
    """Record one audit event (action = AuditAction name) with the allocation event id in detail."""
    from anju.core.services.auditing import audit_record

    actor = user if getattr(user, "is_authenticated", False) else None
    audit_record(action=action, user=actor, obj=obj, detail={"event": event, **(detail or {})})


def acting(user: Any) -> Any:
    """The user to store as 编制人/发布人 (None for system jobs)."""
    return user if getattr(user, "is_authenticated", False) else None
