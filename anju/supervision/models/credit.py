"""保障对象信用管理 (CJJ/T 196 A.10.3): credit records, their ban periods and repairs."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_id_number, mask_name
from anju.core.models import DictionaryCodeField, RegionScopedModel, TimeStampedModel
from anju.core.scoping import RegionScopedQuerySet
from anju.supervision.choices import (
    CREDIT_LEVEL_NAMES,
    LEVEL_SEVERE,
    CreditGround,
    CreditState,
    RepairDecision,
    SubjectKind,
)


class CreditBanRule(TimeStampedModel):
    """失信惩戒期限 (A.10.3 policy table): the ban period and repair conditions of a level and ground.

    A blank ground is the level's default. Staff edit these rows; a record copies its rule's
    values when it is entered, so a later edit never changes a past record.
    """

    level = DictionaryCodeField("失信程度", dictionary="credit_level")
    ground = models.CharField(
        "失信行为类别",
        max_length=24,
        choices=CreditGround.choices,
        blank=True,
        help_text="留空表示该失信程度的默认规则。",
    )
    ban_years = models.PositiveSmallIntegerField("惩戒期限（年）", help_text="自列入日期起计算；0 表示不设惩戒期。")
    bans_application = models.BooleanField("惩戒期内禁止申请住房保障", default=True)
    repair_allowed = models.BooleanField("允许信用修复", default=True)
    repair_after_months = models.PositiveSmallIntegerField("列入后最短修复期限（月）", default=0)
    repair_conditions = models.TextField("信用修复条件", blank=True)
    note = models.CharField("说明", max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "失信惩戒期限"
        verbose_name_plural = "失信惩戒期限"
        ordering = ["level", "ground"]
        constraints = [models.UniqueConstraint(fields=["level", "ground"], name="supervision_ban_rule_unique")]

    def __str__(self) -> str:
        ground = self.get_ground_display() if self.ground else "默认"
        return f"{CREDIT_LEVEL_NAMES.get(self.level, self.level)}·{ground}：{self.ban_years} 年"

    def get_absolute_url(self) -> str:
        """The edit page."""
        return reverse("supervision:ban_rule_edit", args=[self.pk])


class CreditRecordQuerySet(RegionScopedQuerySet):
    """Queries over credit records."""

    def effective(self, day: date | None = None) -> CreditRecordQuerySet:
        """Records in force on a day: not repaired or revoked, and the ban period not over."""
        day = day or timezone.localdate()
        return self.filter(state=CreditState.ACTIVE, ban_until__gte=day)

    def banning(self, day: date | None = None) -> CreditRecordQuerySet:
        """Records in force on a day whose rule forbids applying for housing security."""
        return self.effective(day).filter(bans_application=True)

    def publishable(self, day: date | None = None) -> CreditRecordQuerySet:
        """What the portal's 失信名单 may show: 严重失信, marked for publication, in force."""
        return self.effective(day).filter(level=LEVEL_SEVERE, publish=True)


class CreditRecord(RegionScopedModel):
    """保障对象信用管理 (A.10.3): one record of dishonest conduct of a household member or a supplier."""

    number = models.CharField("信用记录编号", max_length=40, unique=True)
    subject_kind = models.CharField(
        "对象类别", max_length=16, choices=SubjectKind.choices, default=SubjectKind.HOUSEHOLD
    )
    subject_number = models.CharField(
        "保障对象编号",
        max_length=40,
        blank=True,
        db_index=True,
        help_text="登记编号或申请编号；供给单位为统一社会信用代码。",
    )
    subject_name = models.CharField("对象名称", max_length=200, help_text="家庭为当事人姓名，供给单位为单位名称。")
    application = models.ForeignKey(
        "admission.Application",
        verbose_name="申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_records",
    )
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="准入登记",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_records",
    )
    id_number = EncryptedTextField("身份证件号码", blank=True, default="")
    id_number_index = models.CharField("身份证件号码索引", max_length=64, blank=True, db_index=True, editable=False)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True, db_index=True)
    level = DictionaryCodeField("失信程度", dictionary="credit_level")
    ground = models.CharField("失信行为类别", max_length=24, choices=CreditGround.choices)
    fact = models.TextField("列入原因（失信事实）")
    evidence = models.TextField("证据说明", blank=True, help_text="证据材料的扫描件作为电子档案附在本记录上。")
    listed_on = models.DateField("列入日期")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ban_years = models.PositiveSmallIntegerField("惩戒期限（年）")
    ban_until = models.DateField("惩戒截止日期", db_index=True)
    bans_application = models.BooleanField("惩戒期内禁止申请住房保障", default=True)
    publish = models.BooleanField(
        "向社会公开", default=False, help_text="只有严重失信记录可以在门户网站失信名单中公开。"
    )
    state = models.CharField(
        "信用状态", max_length=16, choices=CreditState.choices, default=CreditState.ACTIVE, db_index=True
    )
    repaired_on = models.DateField("修复日期", null=True, blank=True)
    revoked_on = models.DateField("撤销日期", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="撤销人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revocation_reason = models.TextField("撤销原因", blank=True)
    complaint = models.ForeignKey(
        "supervision.Complaint",
        verbose_name="来源投诉",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="credit_records",
    )
    inspection = models.ForeignKey(
        "supervision.Inspection",
        verbose_name="来源专项检查",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="credit_records",
    )

    objects = CreditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "信用记录"
        verbose_name_plural = "信用记录"
        ordering = ["-listed_on", "-id"]
        indexes = [models.Index(fields=["state", "ban_until"], name="supervision_credit_in_force")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(subject_kind=SubjectKind.SUPPLIER) | ~Q(credit_code=""),
                name="supervision_credit_supplier_code",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject_name_masked}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("supervision:credit_detail", args=[self.pk])

    @property
    def level_name(self) -> str:
        """失信程度 in words (轻微失信 / 较重失信 / 严重失信)."""
        return CREDIT_LEVEL_NAMES.get(self.level, self.level)

    @property
    def is_in_force(self) -> bool:
        """True while the record is active and its ban period not over."""
        return self.state == CreditState.ACTIVE and self.ban_until >= timezone.localdate()

    @property
    def credit_status(self) -> str:
        """信用状态 as shown: the level and whether it is in force (e.g. 严重失信（惩戒期内）)."""
        if self.state != CreditState.ACTIVE:
            return f"{self.level_name}（{self.get_state_display()}）"
        return f"{self.level_name}（{'惩戒期内' if self.is_in_force else '惩戒期满'}）"

    @property
    def id_number_masked(self) -> str:
        """身份证件号码, masked (first 6 + last 4)."""
        return mask_id_number(self.id_number)

    @property
    def subject_name_masked(self) -> str:
        """A person's name shows the surname only; an organisation's name is public."""
        return self.subject_name if self.subject_kind == SubjectKind.SUPPLIER else mask_name(self.subject_name)

    @property
    def subject_identifier_masked(self) -> str:
        """The masked ID number of a person or the credit code of a supplier."""
        return self.credit_code if self.subject_kind == SubjectKind.SUPPLIER else self.id_number_masked


class CreditRepair(TimeStampedModel):
    """信用修复 (A.10.3): an application to repair a credit record, the conditions met and the decision."""

    record = models.ForeignKey(CreditRecord, verbose_name="信用记录", on_delete=models.CASCADE, related_name="repairs")
    applied_on = models.DateField("申请修复日期")
    conditions = models.TextField(
        "修复条件履行情况", help_text="如已纠正失信行为、退还骗取的补贴、结清欠租、作出信用承诺等。"
    )
    decision = models.CharField("修复决定", max_length=16, choices=RepairDecision.choices)
    decided_on = models.DateField("决定日期")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="决定人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opinion = models.TextField("决定意见", blank=True)

    class Meta:
        verbose_name = "信用修复"
        verbose_name_plural = "信用修复"
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.record.number} {self.get_decision_display()}"

    @property
    def region_code(self) -> str:
        """The record's region (archive and audit scoping)."""
        return self.record.region_code
