"""项目照片: photos of an estate for the public listings (an Anju extension, see ProjectPhoto)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from anju.core.models import RegionScopedModel
from anju.housing.models.base import DeletableRecord


class PhotoKind(models.TextChoices):
    """What a photo shows."""

    EXTERIOR = "exterior", "外景"
    LAYOUT = "layout", "户型"
    INTERIOR = "interior", "室内"
    AMENITY = "amenity", "配套"


def photo_upload_to(instance: ProjectPhoto, filename: str) -> str:
    """MEDIA_ROOT/housing/photos/<yyyy>/<mm>/<uuid>.jpg: never the user's file name on disk."""
    now = timezone.localtime()
    return f"housing/photos/{now:%Y}/{now:%m}/{instance.uid.hex}.jpg"


def thumbnail_upload_to(instance: ProjectPhoto, filename: str) -> str:
    """MEDIA_ROOT/housing/photos/<yyyy>/<mm>/<uuid>-t.jpg."""
    now = timezone.localtime()
    return f"housing/photos/{now:%Y}/{now:%m}/{instance.uid.hex}-t.jpg"


class ProjectPhoto(DeletableRecord, RegionScopedModel):
    """项目照片: a photo of a project (A.5.1 项目交换信息 related) shown on the portal's listings.

    Appendix A has no photo field: this is an Anju extension for 16.1.1 信息公开 (房源信息). The
    stored image is re-encoded JPEG (no EXIF, no GPS) under a random name; the portal serves it only
    while it is published (公开), not deleted and its project has allocatable units. region_code is
    the project's. Written only by `anju.housing.services.photos`.
    """

    uid = models.UUIDField("存储标识", default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey("housing.Project", verbose_name="项目", on_delete=models.PROTECT, related_name="photos")
    image = models.FileField("照片", upload_to=photo_upload_to, max_length=200, editable=False)
    thumbnail = models.FileField("缩略图", upload_to=thumbnail_upload_to, max_length=200, editable=False)
    caption = models.CharField(
        "说明", max_length=100, blank=True, help_text="公众页面作为图片的替代文字，请描述照片内容。"
    )
    kind = models.CharField("照片类别", max_length=16, choices=PhotoKind.choices, default=PhotoKind.EXTERIOR)
    sort_order = models.PositiveSmallIntegerField("排序", default=0, help_text="数字小的排在前面。")
    is_published = models.BooleanField("公开", default=False, help_text="公开后在门户房源页面显示。")
    width = models.PositiveIntegerField("宽度（像素）", default=0, editable=False)
    height = models.PositiveIntegerField("高度（像素）", default=0, editable=False)
    size = models.PositiveIntegerField("文件大小（字节）", default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "项目照片"
        verbose_name_plural = "项目照片"
        ordering = ["project_id", "sort_order", "id"]
        indexes = [models.Index(fields=["project", "is_published", "is_deleted"], name="housing_photo_public_idx")]

    def __str__(self) -> str:
        return self.caption or f"{self.get_kind_display()}照片 {self.pk or ''}".strip()

    def get_absolute_url(self) -> str:
        """The project's photo page (staff)."""
        return reverse("housing:project_photos", args=[self.project_id])

    @property
    def thumbnail_dimensions(self) -> tuple[int, int]:
        """(width, height) of the thumbnail (fits 480 × 360), for the img attributes that keep the layout steady."""
        if not self.width or not self.height:
            return (480, 360)
        scale = min(480 / self.width, 360 / self.height, 1)
        return (max(1, round(self.width * scale)), max(1, round(self.height * scale)))

    @property
    def thumbnail_width(self) -> int:
        """Thumbnail width in pixels."""
        return self.thumbnail_dimensions[0]

    @property
    def thumbnail_height(self) -> int:
        """Thumbnail height in pixels."""
        return self.thumbnail_dimensions[1]

    @property
    def alt_text(self) -> str:
        """The caption, or a description from the kind when none was given."""
        return self.caption or f"{self.get_kind_display()}照片"
