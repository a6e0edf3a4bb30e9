"""Filters of the contract, subsidy and support-object lists and API (GET forms, Chinese labels)."""

from __future__ import annotations

import django_filters

from anju.distribution.choices import ContractStatus, ContractType, PaymentStatus, SubsidyTargetType
from anju.distribution.models import Contract, LandSupplyRecord, SubsidyDue, SubsidyPayment, SupportDisbursementPlan
from anju.housing.filtersets import RegionScopedFilterSet


class ContractFilterSet(RegionScopedFilterSet):
    """合同类型, 合同状态, 签署日期, 到期日期, 区划, 关键字 (合同编号、签约人、登记编号、房屋编号)."""

    contract_type = django_filters.ChoiceFilter(label="合同类型", choices=ContractType.choices, empty_label="全部")
    status = django_filters.ChoiceFilter(label="合同状态", choices=ContractStatus.choices, empty_label="全部")
    signed_from = django_filters.DateFilter(label="签署日期自", field_name="signed_at", lookup_expr="date__gte")
    signed_to = django_filters.DateFilter(label="签署日期至", field_name="signed_at", lookup_expr="date__lte")
    expires_before = django_filters.DateFilter(label="失效日期不晚于", field_name="expires_on", lookup_expr="lte")
    search_fields = (
        "number",
        "signer_name",
        "register_entry__number",
        "register_entry__applicant_name",
        "unit__number",
    )

    class Meta:
        model = Contract
        fields: list[str] = []


class SubsidyDueFilterSet(RegionScopedFilterSet):
    """补贴年度, 补贴月份, 对象类型, 是否已打印, 区划, 关键字."""

    year = django_filters.NumberFilter(label="补贴年度", field_name="year")
    month = django_filters.NumberFilter(label="补贴月份", field_name="month")
    target_type = django_filters.ChoiceFilter(label="对象类型", choices=SubsidyTargetType.choices, empty_label="全部")
    is_printed = django_filters.BooleanFilter(label="是否已打印单据", field_name="is_printed")
    search_fields = ("number", "target_number", "contract__number", "contract__signer_name")

    class Meta:
        model = SubsidyDue
        fields: list[str] = []


class SubsidyPaymentFilterSet(RegionScopedFilterSet):
    """发放状态, 实发时间, 补贴年月, 区划, 关键字."""

    status = django_filters.ChoiceFilter(label="发放状态", choices=PaymentStatus.choices, empty_label="全部")
    paid_from = django_filters.DateFilter(label="实发时间自", field_name="paid_on", lookup_expr="gte")
    paid_to = django_filters.DateFilter(label="实发时间至", field_name="paid_on", lookup_expr="lte")
    year = django_filters.NumberFilter(label="补贴年度", field_name="due__year")
    month = django_filters.NumberFilter(label="补贴月份", field_name="due__month")
    search_fields = ("number", "due__number", "due__target_number")

    class Meta:
        model = SubsidyPayment
        fields: list[str] = []


class SupportPlanFilterSet(RegionScopedFilterSet):
    """期别类型, 开始发放时间, 区划, 关键字."""

    starts_from = django_filters.DateFilter(label="开始发放时间自", field_name="starts_on", lookup_expr="gte")
    search_fields = ("number", "target_number", "target_name")

    class Meta:
        model = SupportDisbursementPlan
        fields = ["period_type"]


class LandSupplyFilterSet(RegionScopedFilterSet):
    """用地批准日期, 区划, 关键字 (记录编号、宗地编号、宗地名称、批准文号)."""

    approved_from = django_filters.DateFilter(label="用地批准日期自", field_name="approved_on", lookup_expr="gte")
    search_fields = ("number", "parcel_number", "parcel_name", "approval_number")

    class Meta:
        model = LandSupplyRecord
        fields: list[str] = []
