"""Who may do what on the portal."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role

# 政策/指南 are edited by the city department and the system administrator (journeys.md: 管理员 edits them).
ARTICLE_EDITOR_ROLES = (Role.CITY_OFFICER, Role.SYSTEM_ADMIN)


def is_applicant(user: Any) -> bool:
    """An active account holding the applicant role."""
    return bool(getattr(user, "is_authenticated", False)) and user.is_active and user.has_role(Role.APPLICANT)


def can_edit_articles(user: Any) -> bool:
    """True for the roles that edit policies and guides."""
    return bool(getattr(user, "is_authenticated", False)) and user.is_active and user.has_role(*ARTICLE_EDITOR_ROLES)


def article_edit_check(user: Any) -> None:
    """Raise PermissionDenied unless the user edits policies and guides."""
    if not can_edit_articles(user):
        raise PermissionDenied("只有市住房保障部门或系统管理员可以编辑政策和办事指南。")
