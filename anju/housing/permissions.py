"""Who may read and change 建设项目 records (default deny; jurisdiction = region subtree)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role
from anju.core.scoping import jurisdiction_prefix

# District and city housing security officers keep the construction records.
EDITOR_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER)
READER_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER, Role.STREET_REVIEWER, Role.COMMUNITY_CLERK, Role.OPERATOR)


def can_edit_housing(user: Any) -> bool:
    """True if the user keeps construction records (区县保障科, 市保障处)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*EDITOR_ROLES)


def can_read_housing(user: Any) -> bool:
    """True if the user may open the 建设项目 pages."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*READER_ROLES)


def housing_edit_check(user: Any, region_code: str) -> None:
    """Raise PermissionDenied unless the user may change records of this region."""
    if user is None:  # system jobs (demo data, background import) act without a user
        return
    if not can_edit_housing(user):
        raise PermissionDenied("只有区县保障科或市保障处可以维护建设项目数据。")
    prefix = jurisdiction_prefix(user)
    if prefix is None or not region_code.startswith(prefix):
        raise PermissionDenied("该项目不在您的管辖范围内。")
