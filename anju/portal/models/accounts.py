"""Verification codes sent by text message (no Appendix A data set: portal account support)."""

from __future__ import annotations

from django.db import models


class CodePurpose(models.TextChoices):
    """What a verification code is for."""

    REGISTER = "register", "注册"
    RESET = "reset", "找回密码"
    CONTRACT_SIGN = "contract_sign", "合同签约"


class VerificationCode(models.Model):
    """短信验证码: one code sent to one mobile number; only its hash is stored.

    The rows are also the rate-limit log of code sending (per number and per client address).
    """

    mobile_index = models.CharField("手机号码索引", max_length=64, db_index=True)
    purpose = models.CharField("用途", max_length=16, choices=CodePurpose.choices, default=CodePurpose.REGISTER)
    code_hash = models.CharField("验证码摘要", max_length=128)
    client_ip = models.CharField("请求地址", max_length=45, blank=True, db_index=True)
    created_at = models.DateTimeField("发送时间", auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField("失效时间")
    attempts = models.PositiveSmallIntegerField("校验次数", default=0)
    used_at = models.DateTimeField("使用时间", null=True, blank=True)

    class Meta:
        verbose_name = "短信验证码"
        verbose_name_plural = "短信验证码"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.created_at:%Y-%m-%d %H:%M}"
