"""The password and session policy as configured (security administrator and auditor read it)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.views.generic import TemplateView

from anju.accounts import permissions
from anju.accounts.permissions import RoleRequiredMixin
from anju.accounts.roles import ADMIN_ROLES, Role


def security_policy() -> list[tuple[str, str]]:
    """The policy in force, read from settings, as (名称, 取值) rows."""
    max_age = settings.PASSWORD_MAX_AGE_DAYS
    cooloff = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return [
        ("密码最小长度", f"{settings.PASSWORD_MIN_LENGTH} 个字符"),
        ("密码复杂度", "大写字母、小写字母、数字、符号中至少 3 类；不得为常见密码"),
        ("密码历史", f"不得与最近 {settings.PASSWORD_HISTORY} 次密码相同"),
        ("密码有效期", f"{max_age} 天（工作人员）" if max_age > 0 else "不限（ASVS 方案）"),
        ("登录失败锁定", f"连续失败 {settings.AXES_FAILURE_LIMIT} 次锁定 {cooloff} 分钟（按用户名和 IP 地址）"),
        ("会话空闲超时", f"{settings.SESSION_IDLE_SECONDS // 60} 分钟"),
        ("会话最长时间", f"{settings.SESSION_ABSOLUTE_SECONDS // 3600} 小时"),
        ("双因素认证", "、".join(Role(r).label for r in sorted(ADMIN_ROLES)) + "：登录后须验证动态口令（TOTP）"),
        ("三权分立", "系统管理员、安全管理员、审计管理员互斥，且不兼任业务角色；只有安全管理员可以授予角色"),
    ]


class SecurityPolicyView(RoleRequiredMixin, TemplateView):
    """安全策略: read-only; values come from the environment (config/integrations/security.py)."""

    template_name = "accounts/security_policy.html"
    required_roles = permissions.POLICY_READERS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The policy rows and the validators' help text."""
        context = super().get_context_data(**kwargs)
        context.update(
            policy=security_policy(),
            password_help=password_validators_help_text_html(),
            page_title="安全策略",
            breadcrumbs=[("安全策略", None)],
        )
        return context
