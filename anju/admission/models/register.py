"""保障对象准入登记簿交换信息 (CJJ/T 196 A.3.16): the register of admitted households."""

from __future__ import annotations

from django.db import models
from django.urls import NoReverseMatch, reverse

from anju.admission.models.applications import AREA, MONEY
from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_id_number, mask_mobile
from anju.core.models import DictionaryCodeField, RegionScopedModel
from anju.core.scoping import RegionScopedQuerySet

# 保障状态 code of a household that has left housing security (security_state dictionary).
SECURITY_STATE_EXITED = "06"


class RegisterEntryQuerySet(RegionScopedQuerySet):
    """Queries over the register (jurisdiction scoping included)."""

    def active(self) -> RegisterEntryQuerySet:
        """Entries still under housing security (not exited)."""
        return self.filter(exited_at__isnull=True).exclude(security_state=SECURITY_STATE_EXITED)


class RegisterEntry(RegionScopedModel):
    """准入登记簿 (A.3.16): one registered household, a snapshot of its application at registration."""

    number = models.CharField("登记编号", max_length=40, unique=True)
    application = models.OneToOneField(
        "admission.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="register_entry"
    )
    survey_number = models.CharField("调查编号", max_length=40, blank=True)
    applicant_name = models.CharField("申请人姓名", max_length=50, db_index=True)
    id_type = DictionaryCodeField("证件类别", dictionary="id_document_type", default="111")
    id_number = EncryptedTextField("证件号码")
    id_number_index = models.CharField("证件号码索引", max_length=64, db_index=True, editable=False)
    phone = EncryptedTextField("联系电话", blank=True, default="")
    phone_index = models.CharField("联系电话索引", max_length=64, blank=True, db_index=True, editable=False)
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
    assets_per_capita = models.DecimalField("家庭人均资产", default=0, **MONEY)
    assets_total = models.DecimalField("家庭总资产", default=0, **MONEY)
    floor_area_per_capita = models.DecimalField("家庭人均建筑面积", default=0, **AREA)
    floor_area_total = models.DecimalField("家庭总建筑面积", default=0, **AREA)
    in_shantytown = models.BooleanField("是否居住在棚户区", default=False)
    is_minimum_living = models.BooleanField("是否为最低生活保障家庭", default=False)
    minimum_living_certificate = models.CharField("最低生活保障证号", max_length=40, blank=True)
    applied_at = models.DateTimeField("申请时间", null=True, blank=True)
    income_class = DictionaryCodeField("申请家庭收入层次类别", dictionary="income_class", blank=True)
    special_group = DictionaryCodeField("特定群体类别", dictionary="special_group", blank=True)
    project_category = DictionaryCodeField("申请保障项目类别", dictionary="housing_type", blank=True)
    security_mode = DictionaryCodeField("申请保障方式", dictionary="security_mode", blank=True)
    registered_at = models.DateTimeField("登记时间")
    security_started_at = models.DateField("实施保障时间", null=True, blank=True)
    implemented_mode = DictionaryCodeField("实施住房保障方式", dictionary="security_mode", blank=True)
    exited_at = models.DateField("保障退出时间", null=True, blank=True)
    security_state = DictionaryCodeField("保障状态", dictionary="security_state", default="01")
    last_annual_review_year = models.PositiveSmallIntegerField("最后年审年度", null=True, blank=True)

    objects = RegisterEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "准入登记簿"
        verbose_name_plural = "准入登记簿"
        ordering = ["-registered_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    @property
    def application_number(self) -> str:
        """申请编号."""
        return self.application.number

    @property
    def is_active(self) -> bool:
        """True while the household is under housing security."""
        return self.exited_at is None and self.security_state != SECURITY_STATE_EXITED

    @property
    def id_number_masked(self) -> str:
        """证件号码, masked."""
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        """联系电话, masked."""
        return mask_mobile(self.phone)

    def get_absolute_url(self) -> str:
        """The application's detail page (the register page if AD2 adds one)."""
        try:
            return reverse("admission:register_detail", args=[self.pk])
        except NoReverseMatch:
            return self.application.get_absolute_url()
