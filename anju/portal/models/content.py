"""Policies and guides published on the portal (no Appendix A data set: public information, 16.1.1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class ArticleKind(models.TextChoices):
    """政策 or 指南."""

    POLICY = "policy", "政策文件"
    GUIDE = "guide", "办事指南"


class Article(models.Model):
    """政策/指南: one public text with its date; edited by an administrator, plain text only."""

    kind = models.CharField(
        "类别", max_length=16, choices=ArticleKind.choices, default=ArticleKind.POLICY, db_index=True
    )
    title = models.CharField("标题", max_length=200)
    issuer = models.CharField("发布机关", max_length=100, blank=True)
    document_number = models.CharField("文号", max_length=60, blank=True)
    published_on = models.DateField("发布日期")
    summary = models.CharField("摘要", max_length=300, blank=True)
    body = models.TextField("正文", help_text="纯文本，空行分段。")
    is_published = models.BooleanField("公开", default=True, db_index=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "政策指南"
        verbose_name_plural = "政策指南"
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The public page."""
        return reverse("portal:article", args=[self.pk])
