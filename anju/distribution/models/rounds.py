"""Distribution rounds (配给批次): a published allocation plan's waitlist order (A.7.1), lottery and house selection (A.7.2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from anju.core.fields import EncryptedTextField
from anju.distribution.choices import LotteryState, RoundMethod, RoundState, SelectionStatus
from anju.distribution.models.base import TrackedModel


class AllocationRound(TrackedModel):
    """配给批次: one published allocation plan (A.6.5) being distributed, by waitlist order or by lottery."""

    number = models.CharField("批次编号", max_length=40, unique=True)
    plan = models.ForeignKey(
        "allocation.AllocationPlan", verbose_name="资源配置方案", on_delete=models.PROTECT, related_name="rounds"
    )
    name = models.CharField("批次名称", max_length=100)
    method = models.CharField("配给方式", max_length=12, choices=RoundMethod.choices, default=RoundMethod.WAITLIST)
    ordering_scheme = models.ForeignKey(
        "rules.OrderingScheme",
        verbose_name="轮候排队规则",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField("批次状态", max_length=12, choices=RoundState.choices, default=RoundState.DRAFT)
    selection_starts_at = models.DateTimeField("选房开始时间", null=True, blank=True)
    window_minutes = models.PositiveIntegerField("每户选房时限（分钟）", default=30)
    tie_break_seed = models.CharField(
        "同分摇号种子", max_length=64, blank=True, help_text="排队规则以摇号决定同分先后时使用，排序后公开"
    )
    ordered_at = models.DateTimeField("排序时间", null=True, blank=True)

    class Meta:
        verbose_name = "配给批次"
        verbose_name_plural = "配给批次"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        from django.urls import reverse

        return reverse("distribution:round_detail", args=[self.pk])


class QueueEntry(TrackedModel):
    """保障对象配给顺序 (A.7.1): a household's place in its group, with the points that put it there."""

    round = models.ForeignKey(
        AllocationRound, verbose_name="配给批次", on_delete=models.CASCADE, related_name="queue_entries"
    )
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="queue_entries",
    )
    group = models.CharField("配给分组", max_length=40, default="")
    group_rank = models.PositiveSmallIntegerField("分组先后", default=0, help_text="数字小的分组先选房")
    position = models.PositiveIntegerField("配给顺序")
    computed_position = models.PositiveIntegerField("计算顺序", default=0, help_text="按规则计算的顺序（调整决定前）")
    points = models.DecimalField("积分", max_digits=10, decimal_places=2, default=0)
    explanation = models.JSONField("排序依据", default=dict, blank=True, help_text="各因素得分、优先组、同分排序依据")
    tie_breaker_value = models.CharField("同分排序值", max_length=64, blank=True)

    class Meta:
        verbose_name = "保障对象配给顺序"
        verbose_name_plural = "保障对象配给顺序"
        ordering = ["round_id", "group", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "register_entry"], name="distribution_queue_household_once"),
            models.UniqueConstraint(fields=["round", "group", "position"], name="distribution_queue_position_once"),
        ]

    def __str__(self) -> str:
        return f"{self.group} #{self.position}"


class QueueReorder(models.Model):
    """A recorded decision that moves a household in the order (reason, decision number, who, when)."""

    entry = models.ForeignKey(QueueEntry, verbose_name="配给顺序", on_delete=models.CASCADE, related_name="reorders")
    from_position = models.PositiveIntegerField("原顺序")
    to_position = models.PositiveIntegerField("新顺序")
    reason = models.CharField("调整原因", max_length=500)
    decision_number = models.CharField("决定文号", max_length=60)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField("决定时间", auto_now_add=True)

    class Meta:
        verbose_name = "配给顺序调整决定"
        verbose_name_plural = "配给顺序调整决定"
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.from_position} → {self.to_position}"


class Lottery(TrackedModel):
    """摇号: participant list and SM3 commitment of the seed published before the draw; the seed revealed after.

    The result is a deterministic function of (seed, participant list); anyone can re-run it
    (`manage.py lottery_verify`, the public verification page). Once drawn it never changes.
    """

    number = models.CharField("摇号编号", max_length=40, unique=True)
    round = models.OneToOneField(
        AllocationRound, verbose_name="配给批次", on_delete=models.PROTECT, related_name="lottery"
    )
    algorithm = models.CharField("算法版本", max_length=40, default="anju-lottery-sm3-v1")
    participants_digest = models.CharField("参与名单摘要（SM3）", max_length=64)
    seed_commitment = models.CharField("种子承诺（SM3）", max_length=64)
    seed = models.CharField("种子", max_length=128, blank=True, help_text="摇号后公开")
    sealed_seed = EncryptedTextField(
        "密封的种子", blank=True, help_text="摇号前加密保存，任何页面和接口都不显示；摇号时公开"
    )
    participant_count = models.PositiveIntegerField("参与户数", default=0)
    winners_count = models.PositiveIntegerField("正选名额")
    substitutes_count = models.PositiveIntegerField("候补名额", default=0)
    state = models.CharField("摇号状态", max_length=12, choices=LotteryState.choices, default=LotteryState.COMMITTED)
    committed_at = models.DateTimeField("承诺公布时间")
    draw_at = models.DateTimeField("计划摇号时间", null=True, blank=True)
    drawn_at = models.DateTimeField("摇号时间", null=True, blank=True)
    result_digest = models.CharField("结果摘要（SM3）", max_length=64, blank=True)
    notary = models.CharField("公证/监督人员", max_length=200, blank=True)

    class Meta:
        verbose_name = "摇号"
        verbose_name_plural = "摇号"
        ordering = ["-committed_at", "-id"]

    def __str__(self) -> str:
        return self.number


class LotteryParticipant(models.Model):
    """A household in a lottery: its published ticket and, after the draw, its rank (winner or substitute)."""

    lottery = models.ForeignKey(Lottery, verbose_name="摇号", on_delete=models.CASCADE, related_name="participants")
    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="lottery_participations",
    )
    ticket = models.CharField("参与编号", max_length=64, help_text="公布的参与名单中的编号（登记编号）")
    rank = models.PositiveIntegerField("摇号顺序", null=True, blank=True)
    is_substitute = models.BooleanField("是否候补", default=False)

    class Meta:
        verbose_name = "摇号参与家庭"
        verbose_name_plural = "摇号参与家庭"
        ordering = ["lottery_id", "rank", "ticket"]
        constraints = [
            models.UniqueConstraint(fields=["lottery", "register_entry"], name="distribution_lottery_household_once"),
            models.UniqueConstraint(fields=["lottery", "ticket"], name="distribution_lottery_ticket_once"),
        ]

    def __str__(self) -> str:
        return self.ticket


class Selection(TrackedModel):
    """保障对象选房 (A.7.2): a household's selection window and the unit it chose; one unit never goes to two households."""

    round = models.ForeignKey(
        AllocationRound, verbose_name="配给批次", on_delete=models.CASCADE, related_name="selections"
    )
    register_entry = models.ForeignKey(
        "admission.RegisterEntry", verbose_name="申请人（登记簿）", on_delete=models.PROTECT, related_name="selections"
    )
    order = models.PositiveIntegerField("选房顺序")
    window_start = models.DateTimeField("选房开始时间", null=True, blank=True)
    window_end = models.DateTimeField("选房截止时间", null=True, blank=True)
    unit = models.ForeignKey(
        "housing.Unit", verbose_name="房屋", null=True, blank=True, on_delete=models.PROTECT, related_name="selections"
    )
    status = models.CharField(
        "选房状态", max_length=12, choices=SelectionStatus.choices, default=SelectionStatus.WAITING
    )
    status_reason = models.CharField("原因", max_length=200, blank=True)
    unit_prior_state = models.CharField("选房前住房状态", max_length=20, blank=True, help_text="退房时住房恢复到该状态")
    chosen_at = models.DateTimeField("选房时间", null=True, blank=True)
    is_reviewed = models.BooleanField("是否已审核", default=False)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "保障对象选房"
        verbose_name_plural = "保障对象选房"
        ordering = ["round_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["round", "register_entry"], name="distribution_selection_household_once"),
            models.UniqueConstraint(fields=["round", "order"], name="distribution_selection_order_once"),
            # the database itself refuses a second household for a unit that is chosen or confirmed
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(status__in=["chosen", "confirmed"]),
                name="distribution_selection_unit_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round_id} #{self.order}"
