"""What every supervision service shares: audit calls, business numbers, actor handling."""

from __future__ import annotations

from typing import Any

from anju.core.services.numbers import business_number_next


def number_next(*, kind: str, region_code: str) -> str:
    """The next business number of a supervision kind in the region's county and this year."""
    return business_number_next(kind=kind, region_code=region_code)


def actor(user: Any) -> Any:
    """The user to store as recorder/handler (None for system jobs and anonymous callers)."""
    return user if getattr(user, "is_authenticated", False) else None


def audit(*, action: str, user: Any, obj: Any, event: str, detail: dict | None = None) -> None:
    """Record one audit event (action = AuditAction name) with the supervision event id in detail."""
    from anju.core.services.auditing import audit_record

    audit_record(action=action, user=actor(user), obj=obj, detail={"event": str(event), **(detail or {})})
