"""The staff navigation: every CJJ/T 196 subsystem, public services and data exchange.

Subsystems that are not built yet are listed and marked 建设中, never hidden. The navigation is
role-aware only in emphasis: the subsystems a role works in most are marked 常用 and become the
role's quick links on the workbench. The only section shown by role is 系统管理, which belongs to
the three administrators (security.md #5) and is not a business subsystem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from anju.accounts.roles import ADMIN_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    """One navigation entry; `roles` are the roles for whom it is a daily task (emphasis only)."""

    label: str
    url_name: str | None = None
    icon: str = "circle"
    clause: str = ""
    children: tuple[NavItem, ...] = field(default_factory=tuple)
    roles: frozenset[str] = frozenset()
    admin_only: bool = False
    match_prefix: bool = True

    def url(self) -> str | None:
        """The entry's address, or None while the subsystem is not built."""
        if not self.url_name:
            return None
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


@dataclass(frozen=True)
class NavEntry:
    """A navigation item as shown to one user: resolved address, emphasis and active state."""

    item: NavItem
    url: str | None
    emphasised: bool
    active: bool
    children: tuple[NavEntry, ...] = ()

    @property
    def label(self) -> str:
        """The Chinese label."""
        return self.item.label

    @property
    def icon(self) -> str:
        """The bootstrap-icons name."""
        return self.item.icon

    @property
    def clause(self) -> str:
        """The CJJ/T 196 clause the entry implements."""
        return self.item.clause

    @property
    def is_built(self) -> bool:
        """False while the subsystem is 建设中."""
        return self.url is not None


def _roles(*roles: Role) -> frozenset[str]:
    return frozenset(str(r) for r in roles)


R = Role
SUBSYSTEM_LABELS = (
    "保障规则",
    "对象调查",
    "准入登记",
    "保障资金",
    "建设项目",
    "资源配置",
    "配给管理",
    "配后管理",
    "规划计划",
    "监督管理",
    "统计分析",
)

NAVIGATION: tuple[NavItem, ...] = (
    NavItem("工作台", "core:workbench", "house-door", match_prefix=False),
    NavItem("保障规则", "rules:index", "sliders", "CJJ/T 196 第 4 章", roles=_roles(R.CITY_OFFICER, R.DISTRICT_OFFICER)),
    NavItem("对象调查", None, "clipboard-data", "第 5 章", roles=_roles(R.CITY_OFFICER, R.DISTRICT_OFFICER)),
    NavItem(
        "准入登记",
        "admission:household_list",
        "person-vcard",
        "第 6 章",
        roles=_roles(R.COMMUNITY_CLERK, R.STREET_REVIEWER, R.DISTRICT_OFFICER, R.PARTNER),
    ),
    NavItem("保障资金", None, "cash-coin", "第 7 章", roles=_roles(R.CITY_OFFICER, R.DISTRICT_OFFICER)),
    NavItem("建设项目", "housing:project_list", "buildings", "第 8 章", roles=_roles(R.CITY_OFFICER, R.DISTRICT_OFFICER, R.OPERATOR)),
    NavItem("资源配置", "allocation:index", "diagram-3", "第 9 章", roles=_roles(R.CITY_OFFICER, R.DISTRICT_OFFICER)),
    NavItem("配给管理", "distribution:index", "key", "第 10 章", roles=_roles(R.DISTRICT_OFFICER, R.CITY_OFFICER)),
    NavItem("配后管理", "tenancy:index", "house-check", "第 11 章", roles=_roles(R.DISTRICT_OFFICER, R.OPERATOR)),
    NavItem("规划计划", None, "calendar3", "第 12 章", roles=_roles(R.CITY_OFFICER)),
    NavItem("监督管理", "supervision:index", "shield-check", "第 13 章", roles=_roles(R.CITY_OFFICER, R.DISTRICT_OFFICER)),
    NavItem("统计分析", None, "bar-chart", "第 14 章", roles=_roles(R.CITY_OFFICER, R.DISTRICT_OFFICER)),
    NavItem(
        "工作流",
        "workflow:task_list",
        "bezier2",
        "6.2.2、16.1.4",
        roles=_roles(R.COMMUNITY_CLERK, R.STREET_REVIEWER, R.DISTRICT_OFFICER, R.CITY_OFFICER, R.SYSTEM_ADMIN),
    ),
    NavItem("网签备案", None, "file-earmark-check", "网签备案", roles=_roles(R.DISTRICT_OFFICER, R.OPERATOR)),
    NavItem("数据交换", None, "arrow-left-right", "3.4、第 15 章", roles=_roles(R.CITY_OFFICER, R.PARTNER)),
    NavItem("公众服务", "portal:home", "globe", "3.1.7、16.1.1", match_prefix=False),
    NavItem(
        "电子档案",
        "archive:file_list",
        "archive",
        "一户一档、一房一档",
        roles=_roles(R.COMMUNITY_CLERK, R.DISTRICT_OFFICER, R.OPERATOR),
    ),
    NavItem(
        "系统管理",
        None,
        "gear",
        "",
        (
            NavItem("行政区划", "core:region_list", roles=_roles(R.SYSTEM_ADMIN)),
            NavItem("代码表", "core:dictionary_list", roles=_roles(R.SYSTEM_ADMIN)),
            NavItem("机构", "accounts:organisation_list", roles=_roles(R.SYSTEM_ADMIN)),
            NavItem("用户", "accounts:user_list", roles=_roles(R.SYSTEM_ADMIN, R.SECURITY_ADMIN)),
            NavItem("审计日志", "audit:event_list", roles=_roles(R.AUDIT_ADMIN)),
            NavItem("后台任务", "core:job_list", roles=_roles(R.SYSTEM_ADMIN)),
            NavItem("政策指南", "portal:staff_articles", roles=_roles(R.SYSTEM_ADMIN, R.CITY_OFFICER)),
            NavItem("文书模板", "core:document_template_list", roles=_roles(R.SYSTEM_ADMIN)),
        ),
        admin_only=True,
    ),
)


def is_administrator(user: Any) -> bool:
    """True for the three administrators (and Django superusers)."""
    if getattr(user, "is_superuser", False):
        return True
    has_role = getattr(user, "has_role", None)
    return bool(has_role and has_role(*ADMIN_ROLES))


def _is_active(item: NavItem, url: str | None, path: str) -> bool:
    if url is None:
        return False
    if path == url:
        return True
    return item.match_prefix and path.startswith(url)


def _entry(item: NavItem, user_roles: set[str], path: str) -> NavEntry:
    url = item.url()
    children = tuple(_entry(child, user_roles, path) for child in item.children)
    return NavEntry(
        item=item,
        url=url,
        emphasised=bool(item.roles & user_roles),
        active=_is_active(item, url, path) or any(child.active for child in children),
        children=children,
    )


def navigation_for(request: HttpRequest) -> tuple[NavEntry, ...]:
    """The navigation shown to this request's user: every subsystem; 系统管理 for administrators."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ()
    roles = set(getattr(user, "role_codes", set()))
    admin = is_administrator(user)
    return tuple(_entry(item, roles, request.path) for item in NAVIGATION if admin or not item.admin_only)


def quick_links_for(user: Any) -> list[NavEntry]:
    """The entries marked for the user's roles (workbench quick links): built ones first, then 建设中."""
    roles = set(getattr(user, "role_codes", set()))
    admin = is_administrator(user)
    links: list[NavEntry] = []
    for item in NAVIGATION:
        if item.admin_only and not admin:
            continue
        candidates = item.children or (item,)
        links.extend(_entry(c, roles, "") for c in candidates if c.roles & roles)
    # What can be used today first; 建设中 entries after, in navigation order.
    return sorted(links, key=lambda entry: not entry.is_built)


__all__ = ["NAVIGATION", "SUBSYSTEM_LABELS", "NavEntry", "NavItem", "is_administrator", "navigation_for", "quick_links_for"]
