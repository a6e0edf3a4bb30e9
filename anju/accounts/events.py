"""Domain events of accounts, written to the audit log (security.md #7).

Every login, failure, logout, lockout, password change, role change and account write goes
through `audit()`, which calls `anju.audit.services.audit_event_record` with the action code
named here (the audit app owns the codes; accounts only names them).
"""

from __future__ import annotations

from typing import Any

LOGIN = "LOGIN"
LOGIN_FAILED = "LOGIN_FAILED"
LOGOUT = "LOGOUT"
LOCKOUT = "LOCKOUT"
PASSWORD_CHANGED = "PASSWORD_CHANGED"  # noqa: S105 - an event code, not a secret
USER_DISABLED = "USER_DISABLED"
USER_ENABLED = "USER_ENABLED"
USER_CREATED = "USER_CREATED"
USER_UPDATED = "USER_UPDATED"
PASSWORD_RESET = "PASSWORD_RESET"  # noqa: S105 - an event code, not a secret
SESSION_EXPIRED = "SESSION_EXPIRED"
ROLE_GRANTED = "ROLE_GRANTED"
ROLE_REVOKED = "ROLE_REVOKED"
RECORD_CREATED = "RECORD_CREATED"
RECORD_UPDATED = "RECORD_UPDATED"


def audit(action: str, *, user: Any = None, obj: Any = None, result: str = "success", detail: dict | None = None, request: Any = None) -> Any:
    """Record one audit event (imported lazily: the audit app loads after accounts)."""
    from anju.audit.events import AuditAction
    from anju.audit.services import audit_event_record

    return audit_event_record(
        action=getattr(AuditAction, action), user=user, obj=obj, result=result, detail=detail or {}, request=request
    )
