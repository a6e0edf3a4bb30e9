"""Who may read and change 资源配置 records (default deny; jurisdiction = region subtree)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role
from anju.core.scoping import jurisdiction_prefix

# District and city housing security officers make plans and run the ledgers; reviewers and operators read.
EDITOR_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER)
READER_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER, Role.STREET_REVIEWER, Role.OPERATOR)


def can_edit_allocation(user: Any) -> bool:
    """True if the user makes allocation plans and runs the ledgers (区县保障科, 市保障处)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*EDITOR_ROLES)


def can_read_allocation(user: Any) -> bool:
    """True if the user may open the 资源配置 pages."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*READER_ROLES)


def allocation_edit_check(user: Any, region_code: str) -> None:
    """Raise PermissionDenied unless the user may change allocation records of this region."""
    if user is None:  # system jobs (demo data, background collection) act without a user
        return
    if not can_edit_allocation(user):
        raise PermissionDenied("只有区县保障科或市保障处可以编制资源配置方案和台账。")
    prefix = jurisdiction_prefix(user)
    if prefix is None or not (region_code or "").startswith(prefix):
        raise PermissionDenied("该记录不在您的管辖范围内。")
