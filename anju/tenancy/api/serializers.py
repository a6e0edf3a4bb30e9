"""Serializers of the 配后管理 API (reads show codes and Chinese labels; writes only parse)."""

from __future__ import annotations

from rest_framework import serializers

from anju.tenancy.choices import ExitGround, PaymentMethod, ReviewOutcome, VacateKind
from anju.tenancy.models import (
    ExitCase,
    FixedCost,
    MoveIn,
    RentCharge,
    RentPayment,
    RentReceipt,
    RentReminder,
    Resale,
    Return,
    ReviewResult,
    ReviewRound,
    Vacate,
)
from anju.tenancy.models.review import AdjustKind

TRACKED = ["created_at", "updated_at"]


class MoveInSerializer(serializers.ModelSerializer):
    """入住 (A.8.3)."""

    applicant_number = serializers.CharField(read_only=True, help_text="申请人编号（登记编号）")
    unit_number = serializers.CharField(read_only=True, help_text="房源编号")

    class Meta:
        model = MoveIn
        fields = [
            "id",
            "lease",
            "register_entry",
            "applicant_number",
            "unit",
            "unit_number",
            "region_code",
            "moved_in_on",
            "rent",
            "has_reduction",
            "reduction_amount",
            "reduction_reason",
            "deposit",
            "status",
            "is_printed",
            *TRACKED,
        ]


class MoveInWriteSerializer(serializers.Serializer):
    """办理入住."""

    lease = serializers.IntegerField(help_text="配租合同 id")
    moved_in_on = serializers.DateField(help_text="入住时间")
    rent = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, help_text="租金（元/月），缺省按合同"
    )
    reduction_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, default=0, help_text="租金减免金额（元/月）"
    )
    reduction_reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="减免原因")


class RentChargeSerializer(serializers.ModelSerializer):
    """租金应收 (A.8.5)."""

    applicant_number = serializers.CharField(read_only=True)
    unit_number = serializers.CharField(read_only=True)

    class Meta:
        model = RentCharge
        fields = [
            "id",
            "number",
            "lease",
            "register_entry",
            "applicant_number",
            "unit",
            "unit_number",
            "amount",
            "year",
            "month",
            "due_on",
            "paid_amount",
            "region_code",
            *TRACKED,
        ]


class RentReminderSerializer(serializers.ModelSerializer):
    """催缴记录 (Anju extension of A.8.5)."""

    channel_display = serializers.CharField(source="get_channel_display", read_only=True)

    class Meta:
        model = RentReminder
        fields = [
            "id",
            "register_entry",
            "move_in",
            "amount_owed",
            "months_owed",
            "channel",
            "channel_display",
            "sent_at",
            "sent_by",
            "message",
            "region_code",
        ]


class RentRemindersSendSerializer(serializers.Serializer):
    """发送催缴提醒: the households' minimum months owed and an optional region prefix."""

    min_months = serializers.IntegerField(label="欠租月数不少于", min_value=1, default=1)
    region_prefix = serializers.CharField(label="区划代码前缀", max_length=12, required=False, default="")


class RentRemindersResultSerializer(serializers.Serializer):
    """Counts of one sending run."""

    sms = serializers.IntegerField(label="已发送短信户数")
    paper = serializers.IntegerField(label="纸质通知户数")
    skipped = serializers.IntegerField(label="今日已提醒户数")
    message = serializers.CharField(label="结果说明")


class RentPaymentSerializer(serializers.ModelSerializer):
    """租金实收 (A.8.6)."""

    charge_number = serializers.CharField(read_only=True)

    class Meta:
        model = RentPayment
        fields = [
            "id",
            "number",
            "receipt",
            "charge",
            "charge_number",
            "register_entry",
            "unit",
            "amount",
            "year",
            "month",
            "is_full",
            "shortfall_reason",
            "paid_at",
            "method",
            "region_code",
            *TRACKED,
        ]


class RentReceiptSerializer(serializers.ModelSerializer):
    """收据 with its A.8.6 rows."""

    payments = RentPaymentSerializer(many=True, read_only=True)

    class Meta:
        model = RentReceipt
        fields = [
            "id",
            "number",
            "register_entry",
            "total",
            "method",
            "paid_at",
            "payer_name",
            "shortfall_reason",
            "note",
            "payments",
        ]


class PaymentWriteSerializer(serializers.Serializer):
    """收取租金."""

    amount = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="实收金额（元）")
    method = serializers.ChoiceField(choices=PaymentMethod.choices, help_text="实收方式")
    payer_name = serializers.CharField(required=False, allow_blank=True, default="")
    shortfall_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="未足额收取原因（少于欠缴总额时必填）"
    )
    idempotency_key = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="幂等键：同一键只记一次"
    )


class ArrearsSerializer(serializers.Serializer):
    """One household's arrears with ageing."""

    register_entry = serializers.IntegerField()
    register_number = serializers.CharField(source="entry.number")
    applicant_name = serializers.CharField(source="entry.applicant_name")
    unit_number = serializers.CharField()
    months = serializers.IntegerField(help_text="欠租月数")
    total = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="欠缴总额")
    b1 = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="1个月")
    b2 = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="2个月")
    b3 = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="3–5个月")
    b6 = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="6个月及以上")


class RentRunWriteSerializer(serializers.Serializer):
    """生成租金应收."""

    month = serializers.RegexField(r"^\d{4}-\d{2}$", help_text="租金月份 YYYY-MM")


class VacateSerializer(serializers.ModelSerializer):
    """腾退 (A.8.4)."""

    vacate_kind = serializers.ChoiceField(
        source="kind", choices=VacateKind.choices, read_only=True, help_text="腾退方式"
    )

    class Meta:
        model = Vacate
        fields = [
            "id",
            "move_in",
            "register_entry",
            "unit",
            "vacate_kind",
            "reason",
            "notified_on",
            "move_out_deadline",
            "vacated_on",
            "inspected_on",
            "inspection_note",
            "rent_owed",
            "damage_amount",
            "deposit",
            "balance",
            "status",
            "is_printed",
            *TRACKED,
        ]


class VacateWriteSerializer(serializers.Serializer):
    """办理腾退."""

    vacate_kind = serializers.ChoiceField(choices=VacateKind.choices, help_text="腾退方式")
    reason = serializers.CharField()
    notified_on = serializers.DateField(required=False, allow_null=True)
    move_out_deadline = serializers.DateField(required=False, allow_null=True)


class MoveOutWriteSerializer(serializers.Serializer):
    """登记搬离."""

    vacated_on = serializers.DateField(help_text="腾退时间（不早于入住时间，不晚于今天）")


class VacateInspectionWriteSerializer(serializers.Serializer):
    """验房结算."""

    inspected_on = serializers.DateField(help_text="验房日期（不早于腾退时间）")
    inspection_note = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=300, help_text="验房情况"
    )
    damage_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=0, help_text="损坏赔偿（元）"
    )


class FixedCostWriteSerializer(serializers.Serializer):
    """登记每月固定发生款项."""

    project = serializers.IntegerField(help_text="小区（项目）id")
    description = serializers.CharField(max_length=200, allow_blank=True, help_text="发生款项说明")
    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="发生年份")
    month = serializers.IntegerField(help_text="发生月份 1–12")
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="款项金额（元），大于0")


class FixedCostSerializer(serializers.ModelSerializer):
    """每月固定发生款项 (A.8.7)."""

    class Meta:
        model = FixedCost
        fields = ["id", "number", "project", "description", "year", "month", "amount", "region_code", *TRACKED]


class ReviewRoundSerializer(serializers.ModelSerializer):
    """年审 (A.8.8)."""

    class Meta:
        model = ReviewRound
        fields = [
            "id",
            "number",
            "year",
            "scope_date",
            "region_code",
            "status",
            "total",
            "eligible_count",
            "ineligible_count",
            "arrears_count",
            "flagged_count",
            "evaluated_at",
            "job",
        ]
        extra_kwargs = {"job": {"help_text": "评估任务 id（后台评估的进度）"}}


class ReviewRoundWriteSerializer(serializers.Serializer):
    """发起年审."""

    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="年审年度")
    scope_date = serializers.DateField(help_text="年审范围时间节点（此日已入住的家庭参加年审）")


class ReviewResultSerializer(serializers.ModelSerializer):
    """年审结果."""

    reasons = serializers.CharField(read_only=True)

    class Meta:
        model = ReviewResult
        fields = [
            "id",
            "round",
            "register_entry",
            "region_code",
            "eligible",
            "arrears_amount",
            "arrears_months",
            "violations",
            "flagged",
            "reasons",
            "outcome",
            "opinion",
            "decided_at",
            "notice_number",
            "process_instance",
        ]


class ReviewDecisionSerializer(serializers.Serializer):
    """年审复核结论."""

    outcome = serializers.ChoiceField(
        choices=[c for c in ReviewOutcome.choices if c[0] in ("continue", "adjust", "exit")]
    )
    opinion = serializers.CharField()
    adjust_kind = serializers.ChoiceField(
        choices=AdjustKind.choices, required=False, help_text="结论为调整时必填：rent 调整租金，subsidy 调整补贴标准"
    )
    new_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, required=False, help_text="结论为调整时必填：调整后金额（元/月）"
    )
    effective_month = serializers.RegexField(
        r"^\d{4}-(0[1-9]|1[0-2])$", required=False, help_text="结论为调整时必填：调整起始月份 YYYY-MM",
        error_messages={"invalid": "月份格式应为 YYYY-MM，例如 2026-07。"},
    )  # fmt: skip
    adjust_reason = serializers.CharField(required=False, max_length=500, help_text="结论为调整时必填：调整理由")


class ExitCaseSerializer(serializers.ModelSerializer):
    """保障退出."""

    class Meta:
        model = ExitCase
        fields = [
            "id",
            "number",
            "register_entry",
            "ground",
            "facts",
            "measured_months",
            "status",
            "opinion",
            "decided_at",
            "move_out_deadline",
            "notice_number",
            "process_instance",
            *TRACKED,
        ]


class ExitCaseWriteSerializer(serializers.Serializer):
    """发起退出."""

    register_entry = serializers.IntegerField(help_text="登记簿 id")
    ground = serializers.ChoiceField(choices=ExitGround.choices)
    facts = serializers.CharField()
    measured_months = serializers.IntegerField(required=False, allow_null=True)


class ExitDecisionSerializer(serializers.Serializer):
    """退出决定."""

    approve = serializers.BooleanField()
    opinion = serializers.CharField()
    move_out_deadline = serializers.DateField(required=False, allow_null=True)


class ReturnSerializer(serializers.ModelSerializer):
    """已配售房源退回 (A.8.1)."""

    class Meta:
        model = Return
        fields = [
            "id",
            "register_entry",
            "unit",
            "contract",
            "reason",
            "due_on",
            "returned_on",
            "status",
            "is_printed",
            *TRACKED,
        ]


class ReturnWriteSerializer(serializers.Serializer):
    """登记已配售房源退回."""

    contract = serializers.IntegerField(help_text="配售合同 id")
    reason = serializers.CharField(max_length=300, allow_blank=True, help_text="回退原因")
    due_on = serializers.DateField(help_text="应回退时间")
    is_printed = serializers.BooleanField(required=False, default=False, help_text="已打印单据")


class ReturnCompleteWriteSerializer(serializers.Serializer):
    """实回退."""

    returned_on = serializers.DateField(help_text="实回退时间（不晚于今天）")


class ResaleWriteSerializer(serializers.Serializer):
    """再上市登记."""

    contract = serializers.IntegerField(help_text="配售合同 id")
    certificate_number = serializers.CharField(max_length=60, allow_blank=True, help_text="产权证号")
    certificate_date = serializers.DateField(help_text="房屋所有权证日期")
    deed_tax_date = serializers.DateField(required=False, allow_null=True, default=None, help_text="契税完税凭证日期")
    applied_on = serializers.DateField(help_text="再上市申请时间")
    asking_price = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="预售价格（元）")
    guide_price = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=0, help_text="指导价格（元）"
    )
    contract_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=0, help_text="签约金额（元）"
    )
    is_first_purchase = serializers.BooleanField(required=False, default=False, help_text="政府行使优先回购权")
    is_printed = serializers.BooleanField(required=False, default=False, help_text="已打印单据")


class ResaleSerializer(serializers.ModelSerializer):
    """已配售房源再上市 (A.8.2)."""

    class Meta:
        model = Resale
        fields = [
            "id",
            "register_entry",
            "unit",
            "contract",
            "certificate_number",
            "asking_price",
            "guide_price",
            "contract_amount",
            "certificate_date",
            "deed_tax_date",
            "applied_on",
            "is_first_purchase",
            "is_printed",
            "original_price",
            "years_held",
            "route",
            "buyback_price",
            "government_share",
            "status",
            *TRACKED,
        ]
