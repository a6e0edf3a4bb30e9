"""Editable document templates (通知书模板): the body of a notice, edited by the system administrator."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anju.core.models.base import TimeStampedModel


class DocumentTemplate(TimeStampedModel):
    """One version of a document template (no Appendix A data set; body is sandboxed Django template source)."""

    code = models.CharField("模板标识", max_length=64)
    name = models.CharField("模板名称", max_length=100)
    title = models.CharField("文书标题", max_length=100)
    body = models.TextField("正文模板", help_text="Django 模板语法，只能使用给定的变量和内置过滤器。")
    version = models.PositiveIntegerField("版本号")
    is_active = models.BooleanField("当前版本", default=True)
    change_reason = models.CharField("修改原因", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="core_doctemplate_code_version_uniq"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(is_active=True), name="core_doctemplate_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（第 {self.version} 版）"
