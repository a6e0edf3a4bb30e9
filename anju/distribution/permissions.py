"""Who may read and change 配给管理 records (default deny; jurisdiction = region subtree)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role
from anju.core.scoping import jurisdiction_prefix

# District housing security officers run the rounds (批次、摇号、选房); the city office may too.
EDITOR_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER)
READER_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER, Role.STREET_REVIEWER, Role.OPERATOR)


def can_edit_distribution(user: Any) -> bool:
    """True if the user runs distribution (区县保障科, 市保障处)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*EDITOR_ROLES)


def can_read_distribution(user: Any) -> bool:
    """True if the user may open the 配给管理 pages."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*READER_ROLES)


def distribution_edit_check(user: Any, region_code: str) -> None:
    """Raise PermissionDenied unless the user may change distribution records of this region."""
    if user is None:  # system jobs (demo data) act without a user
        return
    if not can_edit_distribution(user):
        raise PermissionDenied("只有区县保障科或市保障处可以办理配给业务。")
    prefix = jurisdiction_prefix(user)
    if prefix is None or not region_code.startswith(prefix):
        raise PermissionDenied("该批次不在您的管辖范围内。")
