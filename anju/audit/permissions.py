"""Who may do what in the audit app (security.md #5, #10).

The audit administrator reads and verifies the log; the security administrator may read it;
nobody changes it. Plain personal data may be shown to district and city officers, or to
holders of the model permission `audit.view_plain_personal_data`, always with a reason.
"""

from __future__ import annotations

from typing import Any

from anju.accounts.roles import Role

AUDIT_READ_ROLES = (Role.AUDIT_ADMIN, Role.SECURITY_ADMIN)
AUDIT_VERIFY_ROLES = (Role.AUDIT_ADMIN,)
AUDIT_API_ROLES = (Role.AUDIT_ADMIN,)
REVEAL_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER)
PLAIN_VIEW_PERMISSION = "audit.view_plain_personal_data"


def _active(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def can_read_audit(user: Any) -> bool:
    """The audit and security administrators read the log."""
    return _active(user) and user.has_role(*AUDIT_READ_ROLES)


def can_verify_audit(user: Any) -> bool:
    """Only the audit administrator runs the verification from the web."""
    return _active(user) and user.has_role(*AUDIT_VERIFY_ROLES)


def can_reveal_personal_data(user: Any) -> bool:
    """District/city officers, or holders of `audit.view_plain_personal_data`."""
    return _active(user) and (user.has_role(*REVEAL_ROLES) or user.has_perm(PLAIN_VIEW_PERMISSION))
