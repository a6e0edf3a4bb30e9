"""Archive files attached to any record."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from anju.archive.choices import Stage
from anju.core.scoping import RegionScopedQuerySet, jurisdiction_prefix


def archive_upload_to(instance: ArchiveFile, filename: str) -> str:
    """MEDIA_ROOT/archive/<yyyy>/<mm>/<uuid>: never the user's file name on disk."""
    now = timezone.localtime()
    return f"archive/{now:%Y}/{now:%m}/{instance.uid.hex}"


class ArchiveFileQuerySet(RegionScopedQuerySet):
    """Archive files, scoped by the owner's region copied onto each file."""

    def visible_to(self, user: Any) -> ArchiveFileQuerySet:
        """Files in the user's jurisdiction, plus files of region-less owners; business staff only."""
        from anju.archive.permissions import is_archive_user

        if not is_archive_user(user):
            return self.none()
        prefix = jurisdiction_prefix(user)
        if prefix == "":
            return self.all()
        return self.filter(Q(region_code__startswith=prefix) | Q(region_code=""))

    def active(self) -> ArchiveFileQuerySet:
        """Files that are not deleted."""
        return self.filter(is_deleted=False)

    def for_owner(self, owner: models.Model) -> ArchiveFileQuerySet:
        """Files attached to one record."""
        content_type = ContentType.objects.get_for_model(owner, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=str(owner.pk))


class ArchiveFile(models.Model):
    """电子档案 (A.3.15 / A.5.7 / A.7.4): one stored file of any record, with its SM3 digest.

    The owner is any record (generic relation; `object_id` is text so string keys such as a
    Region code work). The file is stored under a random name; the user's name is kept only
    as `original_name`. A deleted file is marked, never removed, and can be restored.
    """

    uid = models.UUIDField("存储标识", default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField("档案编号", max_length=32, unique=True)
    content_type = models.ForeignKey(ContentType, verbose_name="所属记录类型", on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField("所属记录标识", max_length=64)
    owner = GenericForeignKey("content_type", "object_id")
    owner_label = models.CharField("所属记录", max_length=200, blank=True)
    owner_number = models.CharField("业务编号", max_length=64, blank=True, help_text="所属记录的申请编号、合同编号等")
    application_number = models.CharField("申请编号", max_length=64, blank=True)
    region_code = models.CharField("行政区划代码", max_length=12, blank=True, db_index=True)

    file_type = models.CharField("档案类型", max_length=32)
    stage = models.CharField("办理阶段", max_length=32, choices=Stage.choices)
    title = models.CharField("档案名称", max_length=200)
    note = models.TextField("档案内容说明", blank=True)

    file = models.FileField("档案文件", upload_to=archive_upload_to, max_length=200)
    original_name = models.CharField("原始文件名", max_length=255)
    mime_type = models.CharField("内容类型", max_length=100)
    size = models.PositiveBigIntegerField("文件大小（字节）")
    sm3 = models.CharField("SM3 摘要", max_length=64)

    # A.5.7 项目建设审批电子档案: the paper-archive catalogue of scanned certificates (optional).
    certificate_number = models.CharField("证书编号", max_length=64, blank=True)
    volume_number = models.PositiveIntegerField("所属卷序号", null=True, blank=True)
    volume_code = models.CharField("所属卷编码", max_length=64, blank=True)
    volume_name = models.CharField("所属卷名称", max_length=200, blank=True)
    volume_page_count = models.PositiveIntegerField("所属卷总页数", null=True, blank=True)
    piece_number = models.PositiveIntegerField("宗序号", null=True, blank=True)
    piece_code = models.CharField("宗编码", max_length=64, blank=True)
    piece_name = models.CharField("宗名称", max_length=200, blank=True)
    piece_page_count = models.PositiveIntegerField("宗总页数", null=True, blank=True)
    start_page = models.PositiveIntegerField("图像起始页码", null=True, blank=True)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="最后更新人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField("最后更新时间", auto_now=True)

    is_deleted = models.BooleanField("已删除", default=False, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="删除人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True)
    delete_reason = models.CharField("删除原因", max_length=200, blank=True)

    verified_at = models.DateTimeField("最近校验时间", null=True, blank=True)
    verified_ok = models.BooleanField("最近校验结果", null=True, blank=True)

    objects = ArchiveFileQuerySet.as_manager()

    class Meta:
        verbose_name = "电子档案"
        verbose_name_plural = "电子档案"
        ordering = ["-uploaded_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="archive_file_owner_idx"),
            models.Index(fields=["region_code", "uploaded_at"], name="archive_file_region_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("archive:file_detail", args=[self.pk])

    @property
    def owner_ref(self) -> str:
        """`app_label.model:pk`, the form the upload page and API use to name an owner."""
        return f"{self.content_type.app_label}.{self.content_type.model}:{self.object_id}"

    @property
    def owner_type_label(self) -> str:
        """The owner's model name in Chinese."""
        model = self.content_type.model_class()
        return str(model._meta.verbose_name) if model else self.content_type.model

    @property
    def file_type_label(self) -> str:
        """The Chinese name of the file type (code table first, then the built-in list)."""
        from anju.archive.selectors import file_type_choices

        return dict(file_type_choices()).get(self.file_type, self.file_type)

    def get_file_type_display(self) -> str:
        """Like Django's get_FOO_display, so list columns show the Chinese name."""
        return self.file_type_label
