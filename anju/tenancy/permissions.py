"""Who may read and change 配后管理 records (default deny; jurisdiction = region subtree)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role
from anju.core.scoping import jurisdiction_prefix

# 运营单位 keeps move-ins, rent and vacating; 区县保障科 everything; decisions (exit, review) are the district's.
OPERATION_ROLES = (Role.DISTRICT_OFFICER, Role.OPERATOR)
DECISION_ROLES = (Role.DISTRICT_OFFICER,)
PARAMETER_ROLES = (Role.CITY_OFFICER, Role.DISTRICT_OFFICER)
READER_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER, Role.OPERATOR, Role.STREET_REVIEWER, Role.COMMUNITY_CLERK)


def has_roles(user: Any, roles: tuple[str, ...]) -> bool:
    """True if the user is signed in and holds one of the roles."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*roles)


def tenancy_check(user: Any, region_code: str, *, roles: tuple[str, ...] = OPERATION_ROLES) -> None:
    """Raise PermissionDenied unless the user holds a role and the region is in the jurisdiction (None = system job)."""
    if user is None:
        return
    if not has_roles(user, roles):
        raise PermissionDenied("您的角色无权办理此项配后管理业务。")
    prefix = jurisdiction_prefix(user)
    if prefix is None or not region_code.startswith(prefix):
        raise PermissionDenied("该记录不在您的管辖范围内。")
