"""Serializers of the contract, subsidy and support-object API (reads with codes and Chinese names; writes for the services).

Coded values are plain strings with their allowed codes in the description (no OpenAPI enum components,
so no name collisions with other apps); identification numbers are always masked.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from anju.core.masking import mask_id_number
from anju.distribution.choices import (
    ContractStatus,
    ContractType,
    PaymentStatus,
    SubsidyPaymentMethod,
    SubsidyTargetType,
)
from anju.distribution.models import Contract, LandSupplyRecord, SubsidyDue, SubsidyPayment, SupportDisbursementPlan


def _codes(choices: Any) -> str:
    return "；".join(f"{value} {label}" for value, label in choices)


def coded(name: str, choices: Any, label: str) -> tuple[serializers.CharField, serializers.CharField]:
    """(code field, display field) of a choice field, read-only."""
    return (
        serializers.CharField(read_only=True, help_text=f"{label}代码：{_codes(choices)}"),
        serializers.CharField(source=f"get_{name}_display", read_only=True, help_text=f"{label}名称"),
    )


def code_field(choices: Any, label: str, *, required: bool = True) -> serializers.CharField:
    """A writable coded value checked against its choices (Chinese error)."""
    values = [value for value, _ in choices]

    class CodeField(serializers.CharField):
        def to_internal_value(self, data: Any) -> str:
            value = super().to_internal_value(data)
            if value and value not in values:
                raise serializers.ValidationError(f"{label}无效，可选：{_codes(choices)}。")
            return value

    return CodeField(required=required, allow_blank=not required, help_text=f"{label}代码：{_codes(choices)}")


class ContractSerializer(serializers.ModelSerializer):
    """保障对象合同签约 (A.7.3)（只读）；签约人、代理人身份证号脱敏."""

    contract_type, contract_type_display = coded("contract_type", ContractType.choices, "合同类型")
    status, status_display = coded("status", ContractStatus.choices, "合同状态")
    subsidy_payment_method = serializers.CharField(
        read_only=True, help_text=f"补贴发放方式代码：{_codes(SubsidyPaymentMethod.choices)}"
    )
    register_number = serializers.CharField(
        source="register_entry.number", read_only=True, help_text="申请人编号（登记编号）"
    )
    application_number = serializers.CharField(
        source="register_entry.application.number", read_only=True, help_text="申请编号"
    )
    applicant_name = serializers.CharField(
        source="register_entry.applicant_name", read_only=True, help_text="申请人姓名"
    )
    unit_number = serializers.SerializerMethodField(help_text="房屋编号")
    renewal_of_number = serializers.SerializerMethodField(help_text="续签自（原合同编号）")
    signer_id_number = serializers.SerializerMethodField(help_text="签约人身份证号（脱敏）")
    agent_id_number = serializers.SerializerMethodField(help_text="代理人身份证号（脱敏）")

    class Meta:
        model = Contract
        fields = [
            "id",
            "number",
            "contract_type",
            "contract_type_display",
            "status",
            "status_display",
            "region_code",
            "register_entry",
            "register_number",
            "application_number",
            "applicant_name",
            "selection",
            "unit",
            "unit_number",
            "floor_area",
            "monthly_rent",
            "deposit",
            "sale_price",
            "subsidy_amount",
            "subsidy_payment_method",
            "subsidy_starts_on",
            "signer_name",
            "signer_id_number",
            "agent_name",
            "agent_id_number",
            "signed_at",
            "effective_on",
            "term_months",
            "expires_on",
            "auto_renew",
            "renewal_of",
            "renewal_of_number",
            "renewal_requested_at",
            "terminated_on",
            "termination_reason",
            "template_version",
            "signed_pdf_digest",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = fields

    def get_unit_number(self, obj: Contract) -> str:
        """房屋编号."""
        return obj.unit.number if obj.unit_id else ""

    def get_renewal_of_number(self, obj: Contract) -> str:
        """原合同编号."""
        return obj.renewal_of.number if obj.renewal_of_id else ""

    def get_signer_id_number(self, obj: Contract) -> str:
        """Masked."""
        return mask_id_number(obj.signer_id_number)

    def get_agent_id_number(self, obj: Contract) -> str:
        """Masked."""
        return mask_id_number(obj.agent_id_number) if obj.agent_id_number else ""


class ContractTermsSerializer(serializers.Serializer):
    """合同条款: 签约人、代理人、租金/售价/补贴、生效日期、有效期（留空按申请人类别）."""

    signer_name = serializers.CharField(max_length=50, help_text="签约人")
    signer_id_number = serializers.CharField(max_length=18, help_text="签约人身份证号（18 位）")
    agent_name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="", help_text="代理人")
    agent_id_number = serializers.CharField(
        max_length=18, required=False, allow_blank=True, default="", help_text="代理人身份证号"
    )
    monthly_rent = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, help_text="月租金（配租）"
    )
    deposit = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, help_text="押金（配租）"
    )
    sale_price = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, help_text="售价（配售）"
    )
    subsidy_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, help_text="每月补贴金额（补贴）"
    )
    subsidy_payment_method = code_field(SubsidyPaymentMethod.choices, "补贴发放方式", required=False)
    subsidy_starts_on = serializers.DateField(required=False, allow_null=True, help_text="发放起始时间（补贴）")
    effective_on = serializers.DateField(required=False, allow_null=True, help_text="合同生效时间（留空为签约当日）")
    term_months = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=120, help_text="合同有效期（月）"
    )
    auto_renew = serializers.BooleanField(required=False, default=False, help_text="是否自动续签")


class ContractCreateSerializer(ContractTermsSerializer):
    """新建合同: 登记簿记录 id、合同类型、房屋 id（配租、配售）."""

    register_entry = serializers.IntegerField(help_text="准入登记簿记录 id")
    contract_type = code_field(ContractType.choices, "合同类型")
    unit = serializers.IntegerField(required=False, allow_null=True, help_text="房屋 id（配租、配售必填）")


class ContractFromSelectionSerializer(ContractTermsSerializer):
    """按选房结果签约: 选房记录 id 与合同条款."""

    selection = serializers.IntegerField(help_text="选房记录 id（已选房或已确认）")


class ContractTerminateSerializer(serializers.Serializer):
    """解除合同."""

    reason = serializers.CharField(max_length=500, help_text="解除原因")
    terminated_on = serializers.DateField(required=False, allow_null=True, help_text="解除日期（默认今天）")


class ContractRenewSerializer(serializers.Serializer):
    """申请续签."""

    term_months = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=120, help_text="续签合同有效期（月），留空按申请人类别"
    )


class SignatureReportSerializer(serializers.Serializer):
    """电子签章验证结果."""

    valid = serializers.BooleanField(help_text="签名有效且文件自签章后未被改动")
    digest_ok = serializers.BooleanField(help_text="电子档案中的文件与签约时的 SM3 摘要一致")
    message = serializers.CharField(help_text="结论（中文）")
    archive_number = serializers.CharField(allow_blank=True, help_text="档案编号（A.7.4）")
    signer = serializers.CharField(allow_blank=True, help_text="签章人（证书主体）")
    issuer = serializers.CharField(allow_blank=True, help_text="证书签发机构")
    signed_at = serializers.DateTimeField(allow_null=True, help_text="签章时间")
    problems = serializers.ListField(child=serializers.CharField(), help_text="问题")


class RenewalOutcomeSerializer(serializers.Serializer):
    """续签复核结果."""

    eligible = serializers.BooleanField(help_text="是否仍符合保障条件")
    decision = serializers.IntegerField(help_text="资格判定记录 id")
    lines = serializers.ListField(child=serializers.CharField(), help_text="复核依据（中文）")
    renewal = ContractSerializer(allow_null=True, help_text="续签合同（待签约），不符合时为空")


class SubsidyDueSerializer(serializers.ModelSerializer):
    """补贴应发 (A.7.5)（只读）."""

    target_type, target_type_display = coded("target_type", SubsidyTargetType.choices, "对象类型")
    paid_total = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True, help_text="已实发合计")
    contract_number = serializers.SerializerMethodField(help_text="补贴合同编号")

    class Meta:
        model = SubsidyDue
        fields = [
            "id",
            "number",
            "region_code",
            "contract",
            "contract_number",
            "target_number",
            "target_type",
            "target_type_display",
            "subsidy_program_number",
            "subsidy_type",
            "standard_amount",
            "amount",
            "paid_total",
            "year",
            "month",
            "due_on",
            "is_printed",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = fields

    def get_contract_number(self, obj: SubsidyDue) -> str:
        """合同编号."""
        return obj.contract.number if obj.contract_id else ""


class SubsidyPaymentSerializer(serializers.ModelSerializer):
    """补贴实发 (A.7.6)（只读）."""

    status, status_display = coded("status", PaymentStatus.choices, "发放状态")
    method, method_display = coded("method", SubsidyPaymentMethod.choices, "实发方式")
    due_number = serializers.CharField(source="due.number", read_only=True, help_text="应发编号")

    class Meta:
        model = SubsidyPayment
        fields = [
            "id",
            "number",
            "region_code",
            "due",
            "due_number",
            "status",
            "status_display",
            "paid_amount",
            "shortfall",
            "shortfall_reason",
            "paid_on",
            "method",
            "method_display",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = fields


class SubsidyRunSerializer(serializers.Serializer):
    """生成补贴应发的月份."""

    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="补贴年度")
    month = serializers.IntegerField(min_value=1, max_value=12, help_text="补贴月份")


class SubsidyPaymentWriteSerializer(serializers.Serializer):
    """登记一笔补贴实发."""

    paid_amount = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, help_text="实发金额")
    paid_on = serializers.DateField(help_text="实发时间")
    method = code_field(SubsidyPaymentMethod.choices, "实发方式")
    shortfall_reason = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="不足额原因（不足额时必填）"
    )


class PayOutstandingSerializer(SubsidyRunSerializer):
    """按清单足额发放一个月尚未登记实发的应发."""

    paid_on = serializers.DateField(help_text="实发时间")
    method = code_field(SubsidyPaymentMethod.choices, "实发方式")


class SupportPlanSerializer(serializers.ModelSerializer):
    """支持对象资金拨付配置计划 (A.7.7)."""

    period_type = code_field([("month", "月"), ("quarter", "季"), ("year", "年")], "期别类型")
    region_code = serializers.CharField(max_length=12, required=False, help_text="所在区县或街道代码（新增时必填）")

    class Meta:
        model = SupportDisbursementPlan
        fields = [
            "id",
            "number",
            "region_code",
            "target_number",
            "target_name",
            "total_amount",
            "period_type",
            "period",
            "starts_on",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = ["id", "number", "created_at", "created_by", "updated_at", "updated_by"]


class LandSupplySerializer(serializers.ModelSerializer):
    """土地供应记录信息 (A.7.8)."""

    region_code = serializers.CharField(max_length=12, required=False, help_text="所在区县或街道代码（新增时必填）")
    project = serializers.IntegerField(source="project_id", required=False, allow_null=True, help_text="建设项目 id")

    class Meta:
        model = LandSupplyRecord
        fields = [
            "id",
            "number",
            "region_code",
            "parcel_number",
            "project",
            "parcel_name",
            "approval_document",
            "approval_number",
            "approved_on",
            "acquisition_mode",
            "land_area",
            "land_value",
            "use_years",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = ["id", "number", "created_at", "created_by", "updated_at", "updated_by"]
