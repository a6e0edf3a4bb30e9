"""Who may enter and change household applications."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role
from anju.core.scoping import jurisdiction_prefix

EDITOR_ROLES = (Role.COMMUNITY_CLERK,)
READER_ROLES = (
    Role.COMMUNITY_CLERK,
    Role.STREET_REVIEWER,
    Role.DISTRICT_OFFICER,
    Role.CITY_OFFICER,
)


def can_edit_households(user: Any) -> bool:
    """True if the user enters applications (社区经办人)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*EDITOR_ROLES)


def region_in_jurisdiction(user: Any, region_code: str) -> bool:
    """True if a region code lies in the user's jurisdiction subtree."""
    prefix = jurisdiction_prefix(user)
    return prefix is not None and region_code.startswith(prefix)


def household_edit_check(user: Any, region_code: str) -> None:
    """Raise PermissionDenied unless the user may change applications of this community."""
    if not can_edit_households(user):
        raise PermissionDenied("只有社区经办人可以录入和修改申请。")
    if not region_in_jurisdiction(user, region_code):
        raise PermissionDenied("该社区不在您的管辖范围内。")
