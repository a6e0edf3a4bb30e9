"""Administrative divisions (行政区划)."""

from django.db import models
from django.urls import reverse


class RegionLevel(models.IntegerChoices):
    """Division level."""

    PROVINCE = 1, "省级"
    CITY = 2, "地级"
    COUNTY = 3, "县级"
    STREET = 4, "乡级（街道）"
    COMMUNITY = 5, "村级（社区）"


class Region(models.Model):
    """行政区划: 12-digit statistical division code (GB/T 2260 at 6 digits, NBS below)."""

    code = models.CharField("区划代码", max_length=12, primary_key=True)
    name = models.CharField("名称", max_length=100)
    level = models.PositiveSmallIntegerField("级别", choices=RegionLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name="上级区划", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    prefix = models.CharField("子树前缀", max_length=12, db_index=True)
    full_name = models.CharField("全称", max_length=300, blank=True)
    is_active = models.BooleanField("有效", default=True)
    valid_from = models.DateField("启用日期", null=True, blank=True)
    valid_to = models.DateField("停用日期", null=True, blank=True)

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("core:region_detail", args=[self.code])
