"""The staff navigation: every CJJ/T 196 subsystem, public services and data exchange.

Subsystems that are not built yet are listed and marked 建设中, not hidden.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    """One navigation entry."""

    label: str
    url_name: str | None = None
    icon: str = "circle"
    clause: str = ""
    children: tuple["NavItem", ...] = field(default_factory=tuple)

    def url(self) -> str | None:
        """The entry's address, or None while the subsystem is not built."""
        if not self.url_name:
            return None
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


NAVIGATION: tuple[NavItem, ...] = (
    NavItem("工作台", "core:workbench", "house-door"),
    NavItem("保障规则", None, "sliders", "CJJ/T 196 第 4 章"),
    NavItem("对象调查", None, "clipboard-data", "第 5 章"),
    NavItem("准入登记", "admission:household_list", "person-vcard", "第 6 章"),
    NavItem("保障资金", None, "cash-coin", "第 7 章"),
    NavItem("建设项目", None, "buildings", "第 8 章"),
    NavItem("资源配置", None, "diagram-3", "第 9 章"),
    NavItem("配给管理", None, "key", "第 10 章"),
    NavItem("配后管理", None, "house-check", "第 11 章"),
    NavItem("规划计划", None, "calendar3", "第 12 章"),
    NavItem("监督管理", None, "shield-check", "第 13 章"),
    NavItem("统计分析", None, "bar-chart", "第 14 章"),
    NavItem("工作流", None, "bezier2", "6.2.2、16.1.4"),
    NavItem("网签备案", None, "file-earmark-check", "网签备案"),
    NavItem("数据交换", None, "arrow-left-right", "3.4、第 15 章"),
    NavItem("公众服务", "portal:home", "globe", "3.1.7、16.1.1"),
    NavItem("电子档案", "archive:file_list", "archive", "一户一档、一房一档"),
    NavItem(
        "系统管理",
        None,
        "gear",
        "",
        (
            NavItem("行政区划", "core:region_list"),
            NavItem("代码表", "core:dictionary_list"),
            NavItem("机构", "accounts:organisation_list"),
            NavItem("用户", "accounts:user_list"),
            NavItem("审计日志", "audit:event_list"),
            NavItem("后台任务", "core:job_list"),
        ),
    ),
)


def navigation_for(request: HttpRequest) -> tuple[NavItem, ...]:
    """The navigation shown to this request's user (everything, built or not)."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return ()
    return NAVIGATION
