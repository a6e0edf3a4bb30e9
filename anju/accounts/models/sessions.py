"""Which sessions belong to which user, so that disabling a user ends them (security.md #3)."""

from django.conf import settings
from django.db import models


class UserSession(models.Model):
    """登录会话: a session key opened by a login, removed at logout or when the user is disabled."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="login_sessions"
    )
    session_key = models.CharField("会话标识", max_length=40, unique=True)
    created_at = models.DateTimeField("登录时间", auto_now_add=True)
    ip_address = models.GenericIPAddressField("登录地址", null=True, blank=True)
    user_agent = models.CharField("浏览器", max_length=300, blank=True)

    class Meta:
        verbose_name = "登录会话"
        verbose_name_plural = "登录会话"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} @ {self.created_at:%Y-%m-%d %H:%M}"
