"""申请家庭基本信息 (CJJ/T 196 A.3.8)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from anju.admission.choices import EDITABLE_STATUSES, ApplicationStatus
from anju.admission.models.base import ReviewedRecord
from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_id_number, mask_mobile
from anju.core.models import DictionaryCodeField, RegionScopedModel

MONEY = {"max_digits": 14, "decimal_places": 2}
AREA = {"max_digits": 10, "decimal_places": 2}


class Application(RegionScopedModel, ReviewedRecord):
    """申请家庭基本信息 (A.3.8): one application of one household; region_code is its community."""

    number = models.CharField("申请编号", max_length=40, unique=True)
    registration_year = models.PositiveSmallIntegerField("准入登记年度", db_index=True)
    applicant_name = models.CharField("申请人姓名", max_length=50, db_index=True)
    id_type = DictionaryCodeField("证件类别", dictionary="id_document_type", default="111")
    id_number = EncryptedTextField("证件号码")
    id_number_index = models.CharField("证件号码索引", max_length=64, db_index=True, editable=False)
    phone = EncryptedTextField("联系电话", blank=True, default="")
    phone_index = models.CharField("联系电话索引", max_length=64, blank=True, db_index=True, editable=False)
    agent_name = models.CharField("代理人姓名", max_length=50, blank=True)
    agent_id_type = DictionaryCodeField("代理人证件类别", dictionary="id_document_type", blank=True)
    agent_id_number = EncryptedTextField("代理人证件号码", blank=True, default="")
    agent_id_number_index = models.CharField("代理人证件号码索引", max_length=64, blank=True, editable=False)
    agent_phone = EncryptedTextField("代理人联系电话", blank=True, default="")
    agent_phone_index = models.CharField("代理人联系电话索引", max_length=64, blank=True, editable=False)
    hukou_county = models.CharField("户籍所在地-县（市）-区", max_length=12, blank=True)
    hukou_street = models.CharField("户籍所在地-街道", max_length=12, blank=True)
    hukou_community = models.CharField("户籍所在地-社区", max_length=12, blank=True)
    hukou_road = models.CharField("户籍所在地-路（街、里、巷、小区）", max_length=100, blank=True)
    hukou_house_number = models.CharField("户籍所在地-号", max_length=20, blank=True)
    hukou_building = models.CharField("户籍所在地-座（栋）", max_length=20, blank=True)
    hukou_room = models.CharField("户籍所在地-室", max_length=20, blank=True)
    household_size = models.PositiveSmallIntegerField("家庭人口数", default=0)
    income_per_capita = models.DecimalField("家庭人均年收入", default=0, **MONEY)
    income_total = models.DecimalField("家庭年总收入", default=0, **MONEY)
    floor_area_per_capita = models.DecimalField("家庭人均建筑面积", default=0, **AREA)
    floor_area_total = models.DecimalField("家庭总建筑面积", default=0, **AREA)
    in_shantytown = models.BooleanField("是否居住在棚户区", default=False)
    shantytown_name = models.CharField("棚户区名称", max_length=100, blank=True)
    shantytown_type = DictionaryCodeField("棚户区类型", dictionary="shantytown_type", blank=True)
    shantytown_affiliation = DictionaryCodeField("国有棚户区隶属关系", dictionary="shantytown_affiliation", blank=True)
    is_low_income = models.BooleanField("是否低收入家庭", default=False)
    is_minimum_living = models.BooleanField("是否为最低生活保障家庭", default=False)
    minimum_living_certificate = models.CharField("最低生活保障证号", max_length=40, blank=True)
    had_housing_support = models.BooleanField("是否享受过住房保障待遇", default=False)
    housing_support_mode = DictionaryCodeField("享受住房保障待遇方式", dictionary="security_mode", blank=True)
    status = models.CharField(
        "办理阶段", max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applicant_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人账号",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="own_applications",
        help_text="网上申请的申请人账号：该账号可在草稿和退回补正阶段修改本申请；窗口受理的申请为空。",
    )
    source = models.CharField(
        "数据来源", max_length=40, blank=True, db_index=True, help_text="空为窗口或网上录入；批量生成或导入时为批次标识，如 demo:2026。"
    )
    is_deleted = models.BooleanField("已删除", default=False, db_index=True)
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True)

    class Meta:
        verbose_name = "申请家庭"
        verbose_name_plural = "申请家庭"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["region_code", "status"], name="admission_app_region_status")]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("admission:household_detail", args=[self.pk])

    @property
    def review_url(self) -> str:
        """The admission review page (rule check, verification, task actions); linked from workflow tasks."""
        return reverse("admission:application_review", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        """True while the application is a draft or returned for correction."""
        return self.status in EDITABLE_STATUSES

    def self_service_allows(self, user: Any, action: str) -> bool:
        """May `user` do `action` on this application as its own applicant (网上申请)? See admission.permissions.

        The archive (upload) and the workflow (starting the admission process) ask the record this,
        so they need not know about applicants or the portal.
        """
        from anju.admission.permissions import self_service_allows

        return self_service_allows(user, self, action)

    @property
    def id_number_masked(self) -> str:
        """证件号码, masked (first 6 + last 4)."""
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        """联系电话, masked (3 + 4)."""
        return mask_mobile(self.phone)

    @property
    def agent_id_number_masked(self) -> str:
        """代理人证件号码, masked."""
        return mask_id_number(self.agent_id_number)

    @property
    def agent_phone_masked(self) -> str:
        """代理人联系电话, masked."""
        return mask_mobile(self.agent_phone)
