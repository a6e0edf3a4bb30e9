"""Serializers of the allocation API: reads show every field (codes plus Chinese names); writes go through the services.

Choice fields are plain strings in the schema (with their Chinese names beside them) so that no enum of this app
collides with another app's enum of the same field name.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from anju.allocation.models import (
    AllocationPlan,
    PlanHousehold,
    PlanResource,
    ProgramLedger,
    ProgramLedgerEntry,
    SupportLedger,
    SupportLedgerEntry,
    SupportPlan,
    SupportPlanTarget,
)

HIDDEN = {"created_by", "published_by"}


def read_serializer(
    model: type, extra: dict[str, serializers.Field] | None = None
) -> type[serializers.ModelSerializer]:
    """A read-only serializer of every concrete field (FKs as ids; choices as code + name) plus extra fields."""
    names = [f.name for f in model._meta.concrete_fields if f.name not in HIDDEN]
    attrs: dict[str, Any] = {"__doc__": f"{model._meta.verbose_name}（只读）."}
    for name in names:
        field = model._meta.get_field(name)
        if getattr(field, "choices", None):
            attrs[name] = serializers.CharField(read_only=True, help_text=f"{field.verbose_name}代码")
            attrs[f"{name}_display"] = serializers.CharField(
                source=f"get_{name}_display", read_only=True, help_text=f"{field.verbose_name}名称"
            )
    attrs.update(extra or {})
    fields = [*names, *[k for k in attrs if k.endswith("_display")], *(extra or {})]
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": fields, "read_only_fields": fields})
    name = model.__name__ if model.__name__.startswith("Allocation") else f"Allocation{model.__name__}"
    return type(f"{name}Serializer", (serializers.ModelSerializer,), attrs)


PlanSerializer = read_serializer(
    AllocationPlan,
    {"program_name": serializers.CharField(source="program.name", read_only=True, help_text="保障项目名称")},
)
PlanHouseholdSerializer = read_serializer(PlanHousehold, {
    "register_number": serializers.CharField(source="register_entry.number", read_only=True, help_text="登记编号"),
    "applicant_name": serializers.CharField(source="register_entry.applicant_name", read_only=True, help_text="申请人姓名"),
    "household_size": serializers.IntegerField(source="register_entry.household_size", read_only=True, help_text="家庭人口数"),
})  # fmt: skip
PlanResourceSerializer = read_serializer(PlanResource, {
    "floor_area": serializers.DecimalField(source="unit.floor_area", max_digits=12, decimal_places=2, read_only=True,
                                           allow_null=True, help_text="住房建筑面积"),
})  # fmt: skip
SupportPlanSerializer = read_serializer(SupportPlan)
SupportPlanTargetSerializer = read_serializer(SupportPlanTarget)
LedgerSerializer = read_serializer(
    ProgramLedger,
    {"program_name": serializers.CharField(source="program.name", read_only=True, help_text="保障项目名称")},
)
LedgerEntrySerializer = read_serializer(ProgramLedgerEntry)
SupportLedgerSerializer = read_serializer(SupportLedger)
SupportLedgerEntrySerializer = read_serializer(SupportLedgerEntry)

PERIOD_HELP = "周期类型 month（月，如 2026-11）、quarter（季，如 2026-Q4）、year（年，如 2026）"


class AllocationPlanWriteSerializer(serializers.Serializer):
    """新建资源配置方案."""

    region_code = serializers.CharField(max_length=12, help_text="方案所属区划代码（管辖范围内）")
    program = serializers.IntegerField(help_text="保障项目 id")
    mode = serializers.CharField(
        max_length=8, help_text="保障方式代码（security_mode 代码表，如 12 公共租赁住房配租、30 租赁补贴）"
    )
    name = serializers.CharField(max_length=100, help_text="方案名称")
    period_type = serializers.CharField(max_length=8, help_text=PERIOD_HELP)
    period = serializers.CharField(max_length=10, help_text="方案周期")
    target_type = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default="", help_text="保障对象类型"
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", help_text="说明")


class AllocationPlanUpdateSerializer(serializers.Serializer):
    """修改草稿方案（只传要改的字段）."""

    name = serializers.CharField(max_length=100, required=False)
    period_type = serializers.CharField(max_length=8, required=False, help_text=PERIOD_HELP)
    period = serializers.CharField(max_length=10, required=False)
    target_type = serializers.CharField(max_length=40, required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)


class AllocationHouseholdFilterSerializer(serializers.Serializer):
    """按条件批量加入的筛选条件."""

    district = serializers.CharField(required=False, allow_blank=True, help_text="区划代码")
    household_size = serializers.IntegerField(
        required=False, min_value=1, max_value=3, help_text="家庭人口：1、2、3（3 表示 3 人及以上）"
    )
    security_mode = serializers.CharField(required=False, allow_blank=True, help_text="申请保障方式代码")
    income_class = serializers.CharField(required=False, allow_blank=True, help_text="收入分类代码")
    special_group = serializers.CharField(required=False, allow_blank=True, help_text="特殊人群分类代码")
    q = serializers.CharField(required=False, allow_blank=True, help_text="登记编号或申请人姓名")


class AllocationHouseholdsAddSerializer(serializers.Serializer):
    """加入保障对象：register_entries（逐户，全部通过才加入）或 filters（按条件批量加入，冲突的家庭自动排除）."""

    register_entries = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="准入登记簿记录 id"
    )
    filters = AllocationHouseholdFilterSerializer(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """One of the two."""
        if not attrs.get("register_entries") and "filters" not in attrs:
            raise serializers.ValidationError("请提供 register_entries 或 filters。")
        return attrs


class AllocationUnitsAddSerializer(serializers.Serializer):
    """配置住房."""

    units = serializers.ListField(child=serializers.IntegerField(), min_length=1, help_text="可配置住房 id")


class AllocationFundAddSerializer(serializers.Serializer):
    """加入资金."""

    amount = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="金额（元）")
    resource_number = serializers.CharField(
        max_length=64, required=False, allow_blank=True, default="", help_text="资源编号，留空自动编号"
    )


class AllocationCountSerializer(serializers.Serializer):
    """加入或测算的条数."""

    count = serializers.IntegerField(help_text="条数")


class AllocationCloseSerializer(serializers.Serializer):
    """关闭原因."""

    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="关闭原因")


class AllocationSupportPlanWriteSerializer(serializers.Serializer):
    """新建支持项目配置方案."""

    region_code = serializers.CharField(max_length=12)
    support_program = serializers.IntegerField(help_text="支持项目 id")
    support_mode = serializers.IntegerField(required=False, allow_null=True, help_text="支持方式 id")
    name = serializers.CharField(max_length=100)
    period_type = serializers.CharField(max_length=8, help_text=PERIOD_HELP)
    period = serializers.CharField(max_length=10)
    target_type = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class AllocationSupportTargetWriteSerializer(serializers.Serializer):
    """加入支持对象."""

    target_number = serializers.CharField(max_length=40)
    target_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    land_area = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, default=0)
    amount = serializers.DecimalField(max_digits=16, decimal_places=2, required=False, default=0)


class AllocationCollectSerializer(serializers.Serializer):
    """归集收支明细."""

    since = serializers.DateField(required=False, allow_null=True, help_text="起始日期；不填则归集全部尚未入账的业务")


class AllocationCollectResultSerializer(serializers.Serializer):
    """归集结果（立即完成时）或后台任务（job）."""

    handovers = serializers.IntegerField(required=False)
    contracts = serializers.IntegerField(required=False)
    subsidies = serializers.IntegerField(required=False)
    exits = serializers.IntegerField(required=False)
    unassigned = serializers.IntegerField(required=False, help_text="无法确定保障项目而未入账的业务数")
    total = serializers.IntegerField(required=False)
    job = serializers.IntegerField(required=False, help_text="后台任务 id（业务较多时）")


class AllocationComputeSerializer(serializers.Serializer):
    """计算台账."""

    period_type = serializers.CharField(max_length=8, help_text=PERIOD_HELP)
    period = serializers.CharField(max_length=10)
    region_code = serializers.CharField(max_length=12, help_text="台账区划代码")


class AllocationComputeResultSerializer(serializers.Serializer):
    """计算结果或后台任务."""

    program_ledgers = serializers.IntegerField(required=False)
    support_ledgers = serializers.IntegerField(required=False)
    job = serializers.IntegerField(required=False)


class AllocationCheckResultSerializer(serializers.Serializer):
    """台账校验结果."""

    balanced = serializers.BooleanField(help_text="全部台账平衡且与明细一致")
    problems = serializers.ListField(child=serializers.CharField(), help_text="差异说明（中文）")


class AllocationTableSerializer(serializers.Serializer):
    """一张测算表."""

    title = serializers.CharField()
    row_label = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.SerializerMethodField()
    totals = serializers.ListField(
        child=serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)
    )
    grand_total = serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)

    def get_rows(self, table: Any) -> list[dict[str, Any]]:
        """[{label, values, total}]."""
        return [{"label": label, "values": values, "total": total} for label, values, total in table.rows]


class AllocationFundsRowSerializer(serializers.Serializer):
    """一个保障项目的资金收支."""

    name = serializers.CharField(help_text="保障项目")
    received = serializers.DecimalField(max_digits=20, decimal_places=2)
    spent = serializers.DecimalField(max_digits=20, decimal_places=2)
    balance = serializers.DecimalField(max_digits=20, decimal_places=2)


class AllocationMonitoringSerializer(serializers.Serializer):
    """供需监测的自动测算."""

    housing_demand = serializers.IntegerField(help_text="实物保障轮候户数")
    subsidy_demand = serializers.IntegerField(help_text="补贴保障轮候户数")
    funds_balance = serializers.DecimalField(max_digits=20, decimal_places=2, help_text="可用资金（元）")
    gap = AllocationTableSerializer()
    demand_by_mode = AllocationTableSerializer()
    demand_by_program = AllocationTableSerializer()
    demand_by_size = AllocationTableSerializer()
    supply_by_layout = AllocationTableSerializer()
    supply_by_band = AllocationTableSerializer()
    funds = AllocationFundsRowSerializer(many=True)
