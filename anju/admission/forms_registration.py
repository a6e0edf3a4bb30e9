"""Forms and list filters of publicity, objections, plans, registration and supplier approvals."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms

from anju.admission.models import (
    ObjectionStatus,
    PublicityStatus,
    SupplierApprovalStatus,
    SupportMode,
    SupportTargetCategory,
)
from anju.core.forms import DictionaryChoiceField, ResidentIdField
from anju.core.masking import mask_name

TEXT = {"class": "form-control"}
SELECT = {"class": "form-select"}
DATE = {"class": "form-control", "type": "date"}


def _text(label: str, *, required: bool = True, max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=max_length, widget=forms.TextInput(attrs=TEXT))


def _area(label: str, *, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={**TEXT, "rows": 3}))


def _money(label: str, *, required: bool = False) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=14,
        decimal_places=2,
        widget=forms.NumberInput(attrs={**TEXT, "step": "0.01"}),
    )


class ApplicationChoiceField(forms.ModelMultipleChoiceField):
    """Applications shown as number and masked name."""

    def label_from_instance(self, obj: Any) -> str:
        """申请编号 申请人（masked）."""
        return f"{obj.number} {mask_name(obj.applicant_name)}（{obj.household_size} 人）"


class PublicityForm(forms.Form):
    """A new publicity notice."""

    title = _text("公示标题")
    start_date = forms.DateField(label="公示开始时间", widget=forms.DateInput(attrs=DATE))
    end_date = forms.DateField(label="公示截止时间", widget=forms.DateInput(attrs=DATE))
    channel = DictionaryChoiceField(dictionary="publicity_channel", label="公示方式")
    place = _text("公示地点", required=False)
    applications = ApplicationChoiceField(label="公示名单", queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = candidates


class ObjectionForm(forms.Form):
    """A report logged against a listed application."""

    content = _area("举报内容")
    channel = DictionaryChoiceField(dictionary="complaint_channel", label="举报方式")
    reporter_name = _text("举报人", required=False, max_length=50)
    reporter_phone = _text("举报人联系电话", required=False, max_length=20)


class ObjectionVerifyForm(forms.Form):
    """查证."""

    verification_method = _text("查证方式", max_length=100)
    verification_result = DictionaryChoiceField(dictionary="verification_result", label="查证结果")
    verification_note = _area("查证说明", required=False)


class ObjectionDecideForm(forms.Form):
    """处理决定."""

    upheld = forms.TypedChoiceField(
        label="处理决定", choices=[("1", "举报成立（退回审核）"), ("0", "举报不成立")], coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )  # fmt: skip
    decision_note = _area("处理意见", required=False)


class PlanCreateForm(forms.Form):
    """The mode the plan is computed for."""

    security_mode = DictionaryChoiceField(dictionary="security_mode", label="拟住房保障方式")
    project_category = DictionaryChoiceField(dictionary="housing_type", label="拟保障项目类别", required=False)
    unit_layout = DictionaryChoiceField(dictionary="unit_layout", label="拟配给房屋户型", required=False)
    note = _area("方案说明", required=False)


class PlanAdjustForm(forms.Form):
    """The reviewer's adjustment (the computed values are kept)."""

    standard_amount = _money("标准额度（元）")
    subsidy_amount = _money("拟补贴额度（元）")
    allocated_area = forms.DecimalField(
        label="拟配给房屋面积（平方米）",
        required=False,
        max_digits=10,
        decimal_places=2,
        widget=forms.NumberInput(attrs={**TEXT, "step": "0.01"}),
    )
    adjustment_reason = _area("调整原因", required=False)


class RegisterForm(forms.Form):
    """准予登记."""

    opinion = _area("登记意见", required=False)


class RegisterDenyForm(forms.Form):
    """不予登记."""

    reason = _area("不予登记理由", required=False)


class SupplierBaseForm(forms.Form):
    """Fields shared by unit and person applications."""

    region_code = forms.ChoiceField(label="所属区县", widget=forms.Select(attrs=SELECT))
    target_category = forms.ChoiceField(
        label="申请支持对象类别", choices=SupportTargetCategory.choices, widget=forms.Select(attrs=SELECT)
    )
    project_category = DictionaryChoiceField(dictionary="housing_type", label="申请支持项目类别")
    support_mode = forms.ChoiceField(
        label="申请支持方式", choices=SupportMode.choices, widget=forms.Select(attrs=SELECT)
    )
    condition_number = _text("申请支持条件编号", required=False, max_length=40)
    standard_amount = _money("标准额度")
    subsidy_due = _money("应补贴额度")
    payable_amount = _money("应缴纳额度")
    deduction_amount = _money("核减额度")
    requested_amount = _money("申请额度", required=True)

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].choices = regions

    def service_data(self) -> dict[str, Any]:
        """Cleaned data with empty amounts as 0."""
        data = dict(self.cleaned_data)
        for name in ("standard_amount", "subsidy_due", "payable_amount", "deduction_amount"):
            if data.get(name) is None:
                data[name] = 0
        return data


class SupplierUnitForm(SupplierBaseForm):
    """保障住房供给单位登记 (A.3.17)."""

    organisation_number = _text("单位编号", max_length=40)
    organisation_name = _text("单位名称")
    project_number = _text("项目编号", required=False, max_length=40)
    project_name = _text("项目名称", required=False)


class SupplierPersonForm(SupplierBaseForm):
    """保障住房供给个人登记 (A.3.18)."""

    applicant_name = _text("申请人姓名", max_length=50)
    id_number = ResidentIdField(label="申请人证件证号（居民身份证）")


class SupplierReviewForm(forms.Form):
    """审核."""

    approve = forms.TypedChoiceField(
        label="审核结论",
        choices=[("1", "审核通过"), ("0", "审核不通过")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    approved_amount = _money("核定额度")
    opinion = _area("审核意见", required=False)


class PublicityFilterSet(django_filters.FilterSet):
    """公示 filters."""

    status = django_filters.ChoiceFilter(label="公示状态", choices=PublicityStatus.choices, empty_label="全部")
    number = django_filters.CharFilter(label="公示编号", lookup_expr="icontains")


class ObjectionFilterSet(django_filters.FilterSet):
    """举报 filters."""

    status = django_filters.ChoiceFilter(label="处理状态", choices=ObjectionStatus.choices, empty_label="全部")
    number = django_filters.CharFilter(label="举报编号", lookup_expr="icontains")


class RegisterFilterSet(django_filters.FilterSet):
    """准入登记簿 filters."""

    number = django_filters.CharFilter(label="登记编号", lookup_expr="icontains")
    applicant_name = django_filters.CharFilter(label="申请人姓名", lookup_expr="exact")
    security_state = django_filters.ChoiceFilter(label="保障状态", choices=[], empty_label="全部")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from anju.core.selectors import dictionary_choices

        super().__init__(*args, **kwargs)
        self.filters["security_state"].extra["choices"] = dictionary_choices("security_state")
        self.form.fields["security_state"].choices = [("", "全部"), *dictionary_choices("security_state")]


class SupplierFilterSet(django_filters.FilterSet):
    """供给审批 filters."""

    status = django_filters.ChoiceFilter(label="审批状态", choices=SupplierApprovalStatus.choices, empty_label="全部")
    number = django_filters.CharFilter(label="审批编号", lookup_expr="icontains")
