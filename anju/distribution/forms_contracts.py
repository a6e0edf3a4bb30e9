"""Forms of the contract, subsidy and support-object pages: they parse input for the services (Chinese errors)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from anju.distribution.choices import ContractType, SubsidyPaymentMethod
from anju.distribution.models import LandSupplyRecord, SupportDisbursementPlan
from anju.distribution.services.contracts import ContractTerms
from anju.housing.forms import RegionForm

DATE = {"widget": forms.DateInput(attrs={"type": "date"})}
MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class ServiceErrorsMixin:
    """Show a service's ValidationError on the fields it names (others on the form)."""

    def service_errors(self, exc: ValidationError) -> None:
        """Attach the messages."""
        if hasattr(exc, "error_dict"):
            for name, errors in exc.message_dict.items():
                for message in errors:
                    self.add_error(name if name in self.fields else None, message)  # type: ignore[attr-defined]
        else:
            for message in exc.messages:
                self.add_error(None, message)  # type: ignore[attr-defined]


class ContractTermsForm(ServiceErrorsMixin, forms.Form):
    """签约人、代理人、租金或售价或补贴、生效日期、有效期 (the terms of any contract)."""

    signer_name = forms.CharField(label="签约人", max_length=50)
    signer_id_number = forms.CharField(label="签约人身份证号", max_length=18)
    agent_name = forms.CharField(label="代理人", max_length=50, required=False)
    agent_id_number = forms.CharField(label="代理人身份证号", max_length=18, required=False)
    monthly_rent = forms.DecimalField(label="月租金（元）", required=False, **MONEY)
    deposit = forms.DecimalField(label="押金（元）", required=False, **MONEY)
    sale_price = forms.DecimalField(label="售价（元）", required=False, **MONEY)
    subsidy_amount = forms.DecimalField(label="每月补贴金额（元）", required=False, **MONEY)
    subsidy_payment_method = forms.ChoiceField(
        label="补贴发放方式", choices=[("", "—"), *SubsidyPaymentMethod.choices], required=False
    )
    subsidy_starts_on = forms.DateField(label="发放起始时间", required=False, **DATE)
    effective_on = forms.DateField(label="合同生效时间", required=False, help_text="留空为签约当日。", **DATE)
    term_months = forms.IntegerField(
        label="合同有效期（月）", required=False, min_value=0, max_value=120, help_text="留空按申请人类别确定。"
    )
    auto_renew = forms.BooleanField(label="是否自动续签", required=False)

    def terms(self) -> ContractTerms:
        """The cleaned terms for `contract_create`."""
        data = self.cleaned_data
        return ContractTerms(
            signer_name=data["signer_name"],
            signer_id_number=data["signer_id_number"],
            agent_name=data.get("agent_name") or "",
            agent_id_number=data.get("agent_id_number") or "",
            monthly_rent=data.get("monthly_rent"),
            deposit=data.get("deposit"),
            sale_price=data.get("sale_price"),
            subsidy_amount=data.get("subsidy_amount"),
            subsidy_payment_method=data.get("subsidy_payment_method") or "",
            subsidy_starts_on=data.get("subsidy_starts_on"),
            effective_on=data.get("effective_on"),
            term_months=data.get("term_months"),
            auto_renew=bool(data.get("auto_renew")),
        )


class ContractCreateForm(ContractTermsForm):
    """A contract for a registered household (by 登记编号), e.g. a rent subsidy or a unit outside a round."""

    register_number = forms.CharField(label="登记编号", max_length=40, help_text="准入登记簿中的登记编号。")
    contract_type = forms.ChoiceField(label="合同类型", choices=ContractType.choices)
    unit_number = forms.CharField(label="房屋编号", max_length=64, required=False, help_text="配租、配售合同必填。")

    field_order = ["register_number", "contract_type", "unit_number"]


class RenewalForm(ServiceErrorsMixin, forms.Form):
    """续签: the new term (empty = by applicant category); the rules re-check runs on submit."""

    term_months = forms.IntegerField(
        label="续签合同有效期（月）", required=False, min_value=1, max_value=120, help_text="留空按申请人类别确定。"
    )


class TerminationForm(ServiceErrorsMixin, forms.Form):
    """解除合同: reason and date."""

    reason = forms.CharField(label="解除原因", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    terminated_on = forms.DateField(label="解除日期", initial=timezone.localdate, **DATE)


class SubsidyRunForm(ServiceErrorsMixin, forms.Form):
    """生成补贴应发: which month."""

    year = forms.IntegerField(label="补贴年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="补贴月份", min_value=1, max_value=12)


class SubsidyPaymentForm(ServiceErrorsMixin, forms.Form):
    """补贴实发 of one due."""

    paid_amount = forms.DecimalField(label="实发金额（元）", **MONEY)
    paid_on = forms.DateField(label="实发时间", initial=timezone.localdate, **DATE)
    method = forms.ChoiceField(label="实发方式", choices=SubsidyPaymentMethod.choices)
    shortfall_reason = forms.CharField(label="不足额原因", max_length=200, required=False)


class PayOutstandingForm(ServiceErrorsMixin, forms.Form):
    """按清单发放: every due of the month without a payment, in full."""

    year = forms.IntegerField(label="补贴年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="补贴月份", min_value=1, max_value=12)
    paid_on = forms.DateField(label="实发时间", initial=timezone.localdate, **DATE)
    method = forms.ChoiceField(label="实发方式", choices=SubsidyPaymentMethod.choices)


class SupportPlanForm(RegionForm):
    """支持对象资金拨付配置计划 (A.7.7)."""

    model = SupportDisbursementPlan
    field_names = ("target_number", "target_name", "total_amount", "period_type", "period", "starts_on")


class LandSupplyForm(RegionForm):
    """土地供应记录信息 (A.7.8); the project is picked from the user's jurisdiction."""

    model = LandSupplyRecord
    field_names = (
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
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from anju.housing.models import Project

        self.fields["project"].queryset = Project.objects.visible_to(self.user).order_by("-id")
        self.fields["project"].required = False
