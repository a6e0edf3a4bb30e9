"""年审 (A.8.8 保障对象年审): review rounds and their per-household results; 退出 cases."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from anju.tenancy.choices import ExitGround, ExitStatus, ReviewOutcome, ReviewStatus
from anju.tenancy.models.base import TrackedModel, money


class ReviewRound(TrackedModel):
    """保障对象年审 (A.8.8): one review round per year and region over every active beneficiary."""

    number = models.CharField("年审编号", max_length=40, unique=True)
    year = models.PositiveSmallIntegerField("年审年度")
    scope_date = models.DateField(
        "年审范围时间节点", help_text="在此日期前登记且仍在保障的家庭参加年审；规则按此日期判定"
    )
    status = models.CharField("状态", max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.QUEUED)
    job = models.ForeignKey(
        "core.JobProgress", verbose_name="后台任务", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    total = models.PositiveIntegerField("参审户数", default=0)
    eligible_count = models.PositiveIntegerField("符合条件户数", default=0)
    ineligible_count = models.PositiveIntegerField("不再符合条件户数", default=0)
    arrears_count = models.PositiveIntegerField("欠租户数", default=0)
    flagged_count = models.PositiveIntegerField("转复核户数", default=0)
    evaluated_at = models.DateTimeField("评估完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "年审批次"
        verbose_name_plural = "年审批次"
        ordering = ["-year", "region_code"]
        constraints = [models.UniqueConstraint(fields=["year", "region_code"], name="tenancy_reviewround_year_region")]

    def __str__(self) -> str:
        return f"{self.year}年度年审 {self.number}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("tenancy:review_round_detail", args=[self.pk])


class ReviewResult(models.Model):
    """年审结果: one household in a round — the rules verdict, arrears, violations and the outcome."""

    round = models.ForeignKey(ReviewRound, verbose_name="年审批次", on_delete=models.CASCADE, related_name="results")
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="review_results",
    )
    region_code = models.CharField("行政区划代码", max_length=12, db_index=True)
    eligible = models.BooleanField("仍符合保障条件")
    arrears_amount = money("欠缴租金")
    arrears_months = models.PositiveSmallIntegerField("欠租月数", default=0)
    violations = models.PositiveSmallIntegerField("违规记录数", default=0)
    flagged = models.BooleanField("需复核", default=False, db_index=True)
    outcome = models.CharField("年审结论", max_length=12, choices=ReviewOutcome.choices, default=ReviewOutcome.PASSED)
    opinion = models.CharField("复核意见", max_length=500, blank=True)
    decided_at = models.DateTimeField("结论时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="复核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notice_number = models.CharField("通知书编号", max_length=40, blank=True)
    process_instance = models.ForeignKey(
        "workflow.ProcessInstance",
        verbose_name="复核流程",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "年审结果"
        verbose_name_plural = "年审结果"
        ordering = ["round", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "register_entry"], name="tenancy_reviewresult_once")]

    def __str__(self) -> str:
        return f"{self.round.year}年度年审：{self.register_entry.applicant_name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("tenancy:review_result_detail", args=[self.pk])

    @property
    def reasons(self) -> str:
        """Why the household goes to review (Chinese)."""
        parts = []
        if not self.eligible:
            parts.append("不再符合保障条件")
        if self.arrears_amount > 0:
            parts.append(f"欠缴租金{self.arrears_amount}元（{self.arrears_months}个月）")
        if self.violations:
            parts.append(f"违规记录{self.violations}条")
        return "；".join(parts)


class ExitCase(TrackedModel):
    """退出: a ground for ending housing security, decided through the exit workflow, with notice and deadline."""

    number = models.CharField("退出编号", max_length=40, unique=True)
    register_entry = models.ForeignKey(
        "admission.RegisterEntry", verbose_name="申请人（登记簿）", on_delete=models.PROTECT, related_name="exit_cases"
    )
    ground = models.CharField("退出事由", max_length=16, choices=ExitGround.choices)
    facts = models.TextField("事实与证据")
    measured_months = models.PositiveSmallIntegerField("欠租/闲置月数", null=True, blank=True)
    review_result = models.ForeignKey(
        ReviewResult,
        verbose_name="来源年审",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exit_cases",
    )
    status = models.CharField("办理状态", max_length=12, choices=ExitStatus.choices, default=ExitStatus.OPEN)
    opinion = models.CharField("决定意见", max_length=500, blank=True)
    decided_at = models.DateTimeField("决定时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="决定人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    move_out_deadline = models.DateField("搬离（退出）期限", null=True, blank=True)
    notice_number = models.CharField("退出通知书编号", max_length=40, blank=True)
    process_instance = models.ForeignKey(
        "workflow.ProcessInstance",
        verbose_name="退出流程",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "保障退出"
        verbose_name_plural = "保障退出"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.get_ground_display()}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("tenancy:exit_case_detail", args=[self.pk])


class AdjustKind(models.TextChoices):
    """调整对象: the lease's rent or the household's rental subsidy standard."""

    RENT = "rent", "调整租金"
    SUBSIDY = "subsidy", "调整补贴标准"


class StandardAdjustment(TrackedModel):
    """年审调整 (A.8.8 保障对象年审 → A.8.5 租金 / A.7.5 补贴应发): a new monthly rent or subsidy from a month on.

    Rent: the rent run charges `new_amount` (less any reduction) for every month from `effective_from`,
    the latest adjustment in force winning; months before keep the old amount. Subsidy: the subsidy
    contract's standard is changed (`distribution.services.subsidy_adjust`) from the first month not yet due.
    """

    number = models.CharField("调整编号", max_length=40, unique=True)
    kind = models.CharField("调整对象", max_length=12, choices=AdjustKind.choices)
    register_entry = models.ForeignKey(
        "admission.RegisterEntry", verbose_name="申请人（登记簿）", on_delete=models.PROTECT, related_name="+"
    )
    review_result = models.ForeignKey(
        ReviewResult,
        verbose_name="来源年审",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adjustments",
    )
    move_in = models.ForeignKey(
        "tenancy.MoveIn",
        verbose_name="入住记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adjustments",
    )
    contract = models.ForeignKey(
        "distribution.Contract", verbose_name="合同", on_delete=models.PROTECT, related_name="+"
    )
    effective_from = models.DateField("调整起始月份", help_text="该月1日")
    old_amount = money("调整前金额", help_text="元/月")
    new_amount = money("调整后金额", help_text="元/月")
    reason = models.CharField("调整理由", max_length=500)

    class Meta:
        verbose_name = "年审调整"
        verbose_name_plural = "年审调整"
        ordering = ["-effective_from", "-id"]
        indexes = [models.Index(fields=["move_in", "effective_from"], name="tenancy_adjust_movein_from")]
        constraints = [
            models.CheckConstraint(condition=models.Q(new_amount__gte=0), name="tenancy_adjust_amount_nonnegative")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.old_amount}→{self.new_amount} 元/月"
