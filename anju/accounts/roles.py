"""The roles of Anju (journeys.md) and the three-role separation (security.md #5).

Roles are stored as `RoleGrant` rows; code refers to roles by these constants only.
"""

from django.db import models


class Role(models.TextChoices):
    """System roles."""

    APPLICANT = "applicant", "申请人"
    COMMUNITY_CLERK = "community_clerk", "社区经办人"
    STREET_REVIEWER = "street_reviewer", "街道审核人"
    DISTRICT_OFFICER = "district_officer", "区县保障科"
    CITY_OFFICER = "city_officer", "市保障处"
    OPERATOR = "operator", "运营单位"
    PARTNER = "partner", "协同部门"
    SYSTEM_ADMIN = "system_admin", "系统管理员"
    SECURITY_ADMIN = "security_admin", "安全管理员"
    AUDIT_ADMIN = "audit_admin", "审计管理员"


ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
STAFF_ROLES = frozenset(
    {
        Role.COMMUNITY_CLERK,
        Role.STREET_REVIEWER,
        Role.DISTRICT_OFFICER,
        Role.CITY_OFFICER,
        Role.OPERATOR,
        Role.PARTNER,
    }
)


def roles_conflict(roles: set[str]) -> str | None:
    """Why a set of roles breaks the three-role separation, or None if it is allowed.

    The three administrator roles are mutually exclusive, and an administrator holds no
    business role (an administrator who also approves would check their own work).
    """
    admin = {r for r in roles if r in ADMIN_ROLES}
    if len(admin) > 1:
        names = "、".join(Role(r).label for r in sorted(admin))
        return f"三权分立：{names} 不能由同一账号担任。"
    if admin and (set(roles) - admin):
        return f"三权分立：{Role(next(iter(admin))).label} 不能同时担任业务角色。"
    return None
