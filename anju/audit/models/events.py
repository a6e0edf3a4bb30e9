"""The domain event log: append-only, hash-chained (security.md #7, #8)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from anju.audit.events import AuditAction, AuditResult

APPEND_ONLY_MESSAGE = "审计日志只允许追加，不能修改或删除。"


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit row through the ORM."""


class AuditEventQuerySet(models.QuerySet):
    """Audit rows can be read and appended (`bulk_create`), never updated or deleted."""

    def update(self, **kwargs: Any) -> int:
        """Refused: the log is append-only."""
        raise AppendOnlyError(APPEND_ONLY_MESSAGE)

    def delete(self) -> tuple[int, dict[str, int]]:
        """Refused: the log is append-only."""
        raise AppendOnlyError(APPEND_ONLY_MESSAGE)

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        """Refused: the log is append-only."""
        raise AppendOnlyError(APPEND_ONLY_MESSAGE)

    def update_or_create(self, *args: Any, **kwargs: Any) -> Any:
        """Refused: the log is append-only."""
        raise AppendOnlyError(APPEND_ONLY_MESSAGE)


class AuditEvent(models.Model):
    """审计事件: one domain event (who, when, where from, what, on which object, with what result).

    Written only by `audit_event_record`; rows are chained by `prev_hash`/`row_hash`
    (HMAC-SM3) and protected by database triggers (migration 0002).
    """

    sequence = models.PositiveBigIntegerField("序号", unique=True)
    occurred_at = models.DateTimeField("发生时间", db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", db_index=True,
    )
    username = models.CharField("用户名", max_length=150, blank=True)
    role_codes = models.CharField("角色", max_length=300, blank=True, help_text="事件发生时用户持有的角色代码，逗号分隔。")
    organisation_name = models.CharField("所属机构", max_length=200, blank=True)
    ip = models.GenericIPAddressField("IP 地址", null=True, blank=True, unpack_ipv4=False)
    user_agent = models.CharField("客户端", max_length=300, blank=True)
    action = models.CharField("操作", max_length=64, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField("对象类型", max_length=100, blank=True)
    object_id = models.CharField("对象标识", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    region_code = models.CharField("行政区划代码", max_length=12, blank=True, db_index=True)
    result = models.CharField("结果", max_length=16, choices=AuditResult.choices, default=AuditResult.SUCCESS)
    detail = models.JSONField("详情", default=dict, blank=True)
    prev_hash = models.CharField("前一条校验值", max_length=64)
    row_hash = models.CharField("本条校验值", max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "审计事件"
        verbose_name_plural = "审计事件"
        ordering = ["-sequence"]
        default_permissions = ("view",)
        permissions = [("view_plain_personal_data", "查看个人信息明文")]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_event_object_idx")]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.get_action_display()} {self.username}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only; saving an existing row is refused."""
        if not self._state.adding:
            raise AppendOnlyError(APPEND_ONLY_MESSAGE)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The event's detail page."""
        from django.urls import reverse

        return reverse("audit:event_detail", args=[self.pk])

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        """Refused: the log is append-only."""
        raise AppendOnlyError(APPEND_ONLY_MESSAGE)

    @property
    def role_code_list(self) -> list[str]:
        """The role codes as a list."""
        return [code for code in self.role_codes.split(",") if code]

    @property
    def role_labels(self) -> str:
        """The roles in Chinese."""
        from anju.accounts.roles import Role

        labels = []
        for code in self.role_code_list:
            try:
                labels.append(Role(code).label)
            except ValueError:
                labels.append(code)
        return "、".join(labels)


class AuditChainHead(models.Model):
    """The head of the audit chain (a single row, id=1): last sequence and its hash.

    Taken with `select_for_update` by every writer, so sequences are gap-free and the chain is
    linear even with many processes; it also lets `audit_verify` detect a deleted tail.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.PositiveBigIntegerField("最后序号", default=0)
    row_hash = models.CharField("最后校验值", max_length=64, default="0" * 64)

    class Meta:
        verbose_name = "审计链头"
        verbose_name_plural = "审计链头"

    def __str__(self) -> str:
        return f"#{self.sequence}"
