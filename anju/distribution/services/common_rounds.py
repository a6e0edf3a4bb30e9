"""What every round service does: permission check and one audit event."""

from __future__ import annotations

from typing import Any

from anju.distribution.permissions import distribution_edit_check


def audit(*, action: str, user: Any, obj: Any, event: str, detail: dict | None = None) -> None:
    """Record one audit event (action = AuditAction name) with the distribution event id in detail."""
    from anju.core.services.auditing import audit_record

    actor = user if getattr(user, "is_authenticated", False) else None
    audit_record(action=action, user=actor, obj=obj, detail={"event": str(event), **(detail or {})})


def actor(user: Any) -> Any:
    """The user to store in 增加人/最后更新人 (None for system jobs)."""
    return user if getattr(user, "is_authenticated", False) else None


__all__ = ["actor", "audit", "distribution_edit_check"]
