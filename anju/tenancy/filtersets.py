"""Filters of the 配后管理 lists (GET forms and API query parameters)."""

from typing import Any, ClassVar

import django_filters

from anju.tenancy.choices import ExitGround, ExitStatus, OccupancyStatus, ReviewOutcome, VacateKind, VacateStatus
from anju.tenancy.models import (
    ExitCase,
    FixedCost,
    MoveIn,
    ReminderChannel,
    RentCharge,
    RentPayment,
    RentReminder,
    Resale,
    Return,
    ReviewResult,
    Vacate,
)


class HouseholdFilterMixin(django_filters.FilterSet):
    """申请人 (name or register number) and 房源编号."""

    applicant = django_filters.CharFilter(label="申请人/登记编号", method="filter_applicant")
    unit = django_filters.CharFilter(label="房源编号", field_name="unit__number", lookup_expr="icontains")

    def filter_applicant(self, queryset, name, value):
        """Name contains or register number starts with."""
        from django.db.models import Q

        return queryset.filter(
            Q(register_entry__applicant_name__icontains=value) | Q(register_entry__number__startswith=value)
        )


class MoveInFilterSet(HouseholdFilterMixin):
    """入住."""

    status = django_filters.ChoiceFilter(label="入住状态", choices=OccupancyStatus.choices)
    moved_in_after = django_filters.DateFilter(label="入住时间起", field_name="moved_in_on", lookup_expr="gte")
    moved_in_before = django_filters.DateFilter(label="入住时间止", field_name="moved_in_on", lookup_expr="lte")
    has_reduction = django_filters.BooleanFilter(label="租金是否减免")

    class Meta:
        model = MoveIn
        fields = ["applicant", "unit", "status", "has_reduction"]


class VacateFilterSet(HouseholdFilterMixin):
    """腾退."""

    kind = django_filters.ChoiceFilter(label="腾退方式", choices=VacateKind.choices)
    status = django_filters.ChoiceFilter(label="腾退进度", choices=VacateStatus.choices)

    class Meta:
        model = Vacate
        fields = ["applicant", "unit", "kind", "status"]


class ChargeFilterSet(HouseholdFilterMixin):
    """租金应收."""

    year = django_filters.NumberFilter(label="租金年度")
    month = django_filters.NumberFilter(label="租金月份")
    unpaid = django_filters.BooleanFilter(label="未缴清", method="filter_unpaid")

    def filter_unpaid(self, queryset, name, value):
        """Charges still owed (or fully paid when false)."""
        from django.db.models import F

        return queryset.filter(paid_amount__lt=F("amount")) if value else queryset.filter(paid_amount=F("amount"))

    class Meta:
        model = RentCharge
        fields = ["applicant", "unit", "year", "month"]


class PaymentFilterSet(HouseholdFilterMixin):
    """租金实收."""

    year = django_filters.NumberFilter(label="租金年度")
    month = django_filters.NumberFilter(label="租金月份")
    is_full = django_filters.BooleanFilter(label="是否足额收取")
    paid_after = django_filters.DateFilter(label="实收时间起", field_name="paid_at", lookup_expr="date__gte")

    class Meta:
        model = RentPayment
        fields = ["applicant", "unit", "year", "month", "is_full", "method"]


class FixedCostFilterSet(django_filters.FilterSet):
    """每月固定发生款项."""

    project = django_filters.NumberFilter(label="小区（项目）", field_name="project_id")
    year = django_filters.NumberFilter(label="发生年度")
    month = django_filters.NumberFilter(label="发生月份")

    class Meta:
        model = FixedCost
        fields = ["project", "year", "month"]


class ReviewResultFilterSet(HouseholdFilterMixin):
    """年审结果."""

    unit = None  # a review result is about a household, not a unit
    outcome = django_filters.ChoiceFilter(label="年审结论", choices=ReviewOutcome.choices)
    flagged = django_filters.BooleanFilter(label="需复核")
    eligible = django_filters.BooleanFilter(label="仍符合保障条件")

    class Meta:
        model = ReviewResult
        fields = ["applicant", "outcome", "flagged", "eligible"]


class ExitCaseFilterSet(HouseholdFilterMixin):
    """保障退出."""

    unit = None  # an exit case is about a household, not a unit
    ground = django_filters.ChoiceFilter(label="退出事由", choices=ExitGround.choices)
    status = django_filters.ChoiceFilter(label="办理状态", choices=ExitStatus.choices)

    class Meta:
        model = ExitCase
        fields = ["applicant", "ground", "status"]


class ReturnFilterSet(HouseholdFilterMixin):
    """已配售房源退回."""

    class Meta:
        model = Return
        fields = ["applicant", "unit", "status"]


class ResaleFilterSet(HouseholdFilterMixin):
    """已配售房源再上市."""

    class Meta:
        model = Resale
        fields = ["applicant", "unit", "route", "status"]


class ReminderFilterSet(HouseholdFilterMixin):
    """催缴记录: household, channel, date range."""

    channel = django_filters.ChoiceFilter(label="催缴方式", choices=ReminderChannel.choices)
    sent_after = django_filters.DateFilter(label="催缴日期起", field_name="sent_on", lookup_expr="gte")
    sent_before = django_filters.DateFilter(label="催缴日期止", field_name="sent_on", lookup_expr="lte")

    class Meta:
        model = RentReminder
        fields: ClassVar[list[str]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters.pop("unit", None)
