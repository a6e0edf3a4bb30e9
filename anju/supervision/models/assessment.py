"""住房保障工作规范化考核 (A.10.5), 考核结果通报和备案 (A.10.6), 行政机关工作人员考核评价信息 (A.10.7)
and 行政机关工作人员行政奖罚及通报 (A.10.8).

The staff member's name (被考核对象名称 / 工作人员姓名) is personal data: SM4-encrypted at rest,
masked (surname + *) on lists, exports and the API.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_name
from anju.core.models import RegionScopedModel


class AssessmentResult(models.TextChoices):
    """考核结果 (A.10.5, A.10.6, A.10.8)."""

    EXCELLENT = "excellent", "优秀"
    GOOD = "good", "良好"
    PASSED = "passed", "合格"
    FAILED = "failed", "不合格"


class StaffSanctionKind(models.TextChoices):
    """奖罚类别 of a staff member."""

    REWARD = "reward", "奖励"
    PENALTY = "penalty", "处罚"


def score_field(verbose_name: str, **kwargs: object) -> models.DecimalField:
    """A 0–100 score with one decimal."""
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=1,
        validators=[
            MinValueValidator(Decimal("0"), message="分值不能小于 0。"),
            MaxValueValidator(Decimal("100"), message="分值不能大于 100。"),
        ],
        **kwargs,
    )


class DeletableAssessmentRecord(RegionScopedModel):
    """Number, recorder and soft delete (删除原因, 恢复) shared by the four assessment records."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_deleted = models.BooleanField("已删除", default=False, db_index=True, editable=False)
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="删除人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    delete_reason = models.CharField("删除原因", max_length=200, blank=True, editable=False)

    url_name = ""

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse(f"supervision:{self.url_name}_detail", args=[self.pk])


class UnitAssessment(DeletableAssessmentRecord):
    """住房保障工作规范化考核 (A.10.5): one assessment of a unit's housing security work."""

    url_name = "unit_assessment"

    number = models.CharField("考核编号", max_length=40, unique=True)
    assessed_on = models.DateField("考核日期")
    unit_number = models.CharField("被考核单位编号", max_length=40)
    unit_name = models.CharField("被考核单位名称", max_length=200)
    department = models.CharField("考核部门", max_length=100)
    content = models.TextField("考核内容")
    score = score_field("考核得分")
    result = models.CharField("考核结果", max_length=16, choices=AssessmentResult.choices)
    assessor = models.CharField("考核人", max_length=50)

    class Meta:
        verbose_name = "住房保障工作规范化考核"
        verbose_name_plural = "住房保障工作规范化考核"
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.unit_name}"


class AssessmentBulletin(DeletableAssessmentRecord):
    """住房保障工作规范化考核结果通报和备案 (A.10.6): the notice and filing of an A.10.5 assessment."""

    url_name = "assessment_bulletin"

    number = models.CharField("通报备案编号", max_length=40, unique=True)
    assessment = models.ForeignKey(
        UnitAssessment, verbose_name="规范化考核", on_delete=models.PROTECT, related_name="bulletins"
    )
    unit_number = models.CharField("被考核单位编号", max_length=40)
    unit_name = models.CharField("被考核单位名称", max_length=200)
    total_score = score_field("考核总分")
    result = models.CharField("考核结果", max_length=16, choices=AssessmentResult.choices)
    opinion = models.TextField("考核意见")
    notified_on = models.DateField("通报日期")
    filed_on = models.DateField("备案日期", null=True, blank=True)

    class Meta:
        verbose_name = "规范化考核结果通报和备案"
        verbose_name_plural = "规范化考核结果通报和备案"
        ordering = ["-notified_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.unit_name}"


class StaffAssessment(DeletableAssessmentRecord):
    """行政机关工作人员考核评价信息 (A.10.7): one assessment of an administrative staff member."""

    url_name = "staff_assessment"

    number = models.CharField("考核编号", max_length=40, unique=True)
    assessed_on = models.DateField("考核日期")
    department = models.CharField("考核部门", max_length=100)
    leader = models.CharField("考核负责人", max_length=50)
    staff_number = models.CharField("被考核对象编号", max_length=40, help_text="工作人员编号。")
    staff_name = EncryptedTextField("被考核对象名称")
    content = models.TextField("考核内容")
    score = score_field("考核分值")
    assessor = models.CharField("考核人", max_length=50)

    class Meta:
        verbose_name = "行政机关工作人员考核评价"
        verbose_name_plural = "行政机关工作人员考核评价"
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.staff_name_masked}"

    @property
    def staff_name_masked(self) -> str:
        """Surname + *."""
        return mask_name(self.staff_name)


class StaffSanction(DeletableAssessmentRecord):
    """行政机关工作人员行政奖罚及通报 (A.10.8): a reward or penalty of a staff member, from an A.10.7 assessment."""

    url_name = "staff_sanction"

    number = models.CharField("奖罚通报编号", max_length=40, unique=True)
    staff_assessment = models.ForeignKey(
        StaffAssessment,
        verbose_name="工作人员考核评价",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sanctions",
    )
    staff_number = models.CharField("工作人员编号", max_length=40)
    staff_name = EncryptedTextField("工作人员姓名")
    total_score = score_field("考核总分")
    result = models.CharField("考核结果", max_length=16, choices=AssessmentResult.choices)
    kind = models.CharField("奖罚类别", max_length=16, choices=StaffSanctionKind.choices)
    reason = models.TextField("奖罚原因")
    sanction_result = models.TextField("奖罚结果")
    decided_on = models.DateField("奖罚日期")
    notified_on = models.DateField("通报日期", null=True, blank=True)

    class Meta:
        verbose_name = "行政机关工作人员行政奖罚及通报"
        verbose_name_plural = "行政机关工作人员行政奖罚及通报"
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.staff_name_masked}"

    @property
    def staff_name_masked(self) -> str:
        """Surname + *."""
        return mask_name(self.staff_name)
