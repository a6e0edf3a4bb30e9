"""Who may read and change 监督管理 records (default deny; jurisdiction = region subtree)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role
from anju.core.scoping import jurisdiction_prefix

# District and city housing security officers keep credit records, complaints, inspections and sanctions.
EDITOR_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER)
# Street reviewers and community clerks read them (a clerk checks a household's credit before entering it).
READER_ROLES = (Role.DISTRICT_OFFICER, Role.CITY_OFFICER, Role.STREET_REVIEWER, Role.COMMUNITY_CLERK)


def can_edit_supervision(user: Any) -> bool:
    """True if the user keeps supervision records (区县保障科, 市保障处)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*EDITOR_ROLES)


def can_read_supervision(user: Any) -> bool:
    """True if the user may open the 监督管理 pages."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*READER_ROLES)


def supervision_edit_check(user: Any, region_code: str) -> None:
    """Raise PermissionDenied unless the user may change records of this region (None = a system job)."""
    if user is None:
        return
    if not can_edit_supervision(user):
        raise PermissionDenied("只有区县保障科或市保障处可以办理监督管理业务。")
    prefix = jurisdiction_prefix(user)
    if prefix is None or not (region_code or "").startswith(prefix):
        raise PermissionDenied("该记录不在您的管辖范围内。")
