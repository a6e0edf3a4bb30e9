"""Forms of the 配后管理 pages: parse input only; the services check the business rules."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from anju.tenancy.choices import ExitGround, PaymentMethod, ReviewOutcome, VacateKind
from anju.tenancy.models.review import AdjustKind

DATE = {"widget": forms.DateInput(attrs={"type": "date"})}
MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class MoveInForm(forms.Form):
    """办理入住."""

    lease = forms.ModelChoiceField(label="配租合同", queryset=None, empty_label="请选择已签约未入住的合同")
    moved_in_on = forms.DateField(label="入住时间", initial=timezone.localdate, **DATE)
    rent = forms.DecimalField(label="租金（元/月）", required=False, help_text="空则按合同月租金", **MONEY)
    reduction_amount = forms.DecimalField(label="租金减免金额（元/月）", required=False, initial=0, **MONEY)
    reduction_reason = forms.CharField(label="减免原因", required=False, max_length=200)
    is_printed = forms.BooleanField(label="已打印入住单据", required=False)

    def __init__(self, *args, leases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lease"].queryset = leases
        self.fields["lease"].label_from_instance = lambda c: (
            f"{c.number} {c.register_entry.applicant_name} {c.unit.number}"
        )


class RentRunForm(forms.Form):
    """生成租金应收."""

    month = forms.CharField(
        label="租金月份",
        max_length=7,
        help_text="格式 YYYY-MM，例如 2026-11；重复生成不会产生重复应收",
        initial=lambda: f"{timezone.localdate():%Y-%m}",
    )


class PaymentForm(forms.Form):
    """收取租金."""

    amount = forms.DecimalField(label="实收金额（元）", max_digits=14, decimal_places=2, min_value=0.01)
    method = forms.ChoiceField(label="实收方式", choices=PaymentMethod.choices)
    payer_name = forms.CharField(label="缴款人", max_length=50, required=False)
    shortfall_reason = forms.CharField(
        label="未足额收取原因", max_length=200, required=False, help_text="少于欠缴总额时必填"
    )
    note = forms.CharField(label="备注", max_length=200, required=False)
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)


class VacateForm(forms.Form):
    """办理腾退."""

    kind = forms.ChoiceField(label="腾退方式", choices=VacateKind.choices)
    reason = forms.CharField(label="腾退原因", max_length=300)
    notified_on = forms.DateField(label="通知日期", initial=timezone.localdate, **DATE)
    move_out_deadline = forms.DateField(label="搬离期限", required=False, help_text="空则按参数规定的天数", **DATE)


class MoveOutForm(forms.Form):
    """登记搬离."""

    vacated_on = forms.DateField(label="腾退时间", initial=timezone.localdate, **DATE)


class InspectionForm(forms.Form):
    """验房结算."""

    inspected_on = forms.DateField(label="验房日期", initial=timezone.localdate, **DATE)
    inspection_note = forms.CharField(label="验房情况", max_length=300, required=False)
    damage_amount = forms.DecimalField(label="损坏赔偿（元）", required=False, initial=0, **MONEY)


class FixedCostForm(forms.Form):
    """登记每月固定发生款项."""

    project = forms.ModelChoiceField(label="小区（项目）", queryset=None)
    description = forms.CharField(label="发生款项说明", max_length=200)
    year = forms.IntegerField(
        label="发生年度", min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )
    month = forms.IntegerField(label="发生月份", min_value=1, max_value=12, initial=lambda: timezone.localdate().month)
    amount = forms.DecimalField(label="款项金额（元）", **MONEY)

    def __init__(self, *args, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects


class ReviewRoundForm(forms.Form):
    """发起年审."""

    year = forms.IntegerField(
        label="年审年度", min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )
    scope_date = forms.DateField(
        label="年审范围时间节点", help_text="此日期前登记的保障家庭参加年审，规则按此日期判定", **DATE
    )


class ReviewDecisionForm(forms.Form):
    """年审复核结论."""

    outcome = forms.ChoiceField(
        label="年审结论",
        choices=[(v, label) for v, label in ReviewOutcome.choices if v in ("continue", "adjust", "exit")],
    )
    opinion = forms.CharField(label="复核意见", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    adjust_kind = forms.ChoiceField(
        label="调整对象",
        required=False,
        choices=[("", "（结论为调整时选择）"), *AdjustKind.choices],
        help_text="调整租金：改变在租合同今后各月的租金；调整补贴标准：改变租赁补贴合同今后各月的补贴金额",
    )
    new_amount = forms.DecimalField(label="调整后金额", required=False, help_text="元/月", **MONEY)
    effective_month = forms.CharField(
        label="调整起始月份", required=False, max_length=7, help_text="YYYY-MM；已计收（已生成）的月份不改",
        widget=forms.TextInput(attrs={"placeholder": "2026-07", "pattern": r"\d{4}-\d{2}"}),
    )  # fmt: skip
    adjust_reason = forms.CharField(
        label="调整理由", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict:
        """An adjust decision needs the kind, the new amount, the month and a reason."""
        data = super().clean()
        if data.get("outcome") == ReviewOutcome.ADJUST:
            required = {
                "adjust_kind": "请选择调整租金或调整补贴标准。",
                "new_amount": "请填写调整后的金额（元/月）。",
                "effective_month": "请填写调整起始月份（YYYY-MM）。",
                "adjust_reason": "请填写调整理由。",
            }
            for name, message in required.items():
                if data.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, message)
        return data


class ExitCaseForm(forms.Form):
    """发起退出."""

    register_entry = forms.CharField(label="登记编号", max_length=40)
    ground = forms.ChoiceField(label="退出事由", choices=ExitGround.choices)
    facts = forms.CharField(label="事实与证据", widget=forms.Textarea(attrs={"rows": 3}))
    measured_months = forms.IntegerField(
        label="闲置月数", required=False, min_value=0, help_text="事由为闲置时填写核实的月数"
    )


class ExitDecisionForm(forms.Form):
    """退出决定."""

    approve = forms.TypedChoiceField(
        label="决定", choices=[("1", "决定退出"), ("0", "不予退出")], coerce=lambda v: v == "1"
    )
    opinion = forms.CharField(label="决定意见", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    move_out_deadline = forms.DateField(
        label="腾退（退出）期限", required=False, help_text="空则按参数规定的天数", **DATE
    )


class ReturnForm(forms.Form):
    """登记已配售房源退回."""

    contract = forms.ModelChoiceField(label="配售合同", queryset=None)
    reason = forms.CharField(label="回退原因", max_length=300)
    due_on = forms.DateField(label="应回退时间", **DATE)
    is_printed = forms.BooleanField(label="已打印单据", required=False)

    def __init__(self, *args, contracts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts


class ReturnCompleteForm(forms.Form):
    """实回退."""

    returned_on = forms.DateField(label="实回退时间", initial=timezone.localdate, **DATE)


class ResaleForm(forms.Form):
    """再上市登记."""

    contract = forms.ModelChoiceField(label="配售合同", queryset=None)
    certificate_number = forms.CharField(label="产权证号", max_length=60)
    certificate_date = forms.DateField(label="房屋所有权证日期", **DATE)
    deed_tax_date = forms.DateField(label="契税完税凭证日期", required=False, **DATE)
    applied_on = forms.DateField(label="再上市申请时间", initial=timezone.localdate, **DATE)
    asking_price = forms.DecimalField(label="预售价格（元）", **MONEY)
    guide_price = forms.DecimalField(label="指导价格（元）", required=False, **MONEY)
    contract_amount = forms.DecimalField(label="签约金额（元）", required=False, **MONEY)
    is_first_purchase = forms.BooleanField(label="政府行使优先回购权", required=False)
    is_printed = forms.BooleanField(label="已打印单据", required=False)

    def __init__(self, *args, contracts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts


class ParameterForm(forms.Form):
    """配后管理参数."""

    resale_years = forms.IntegerField(label="再上市年限（年）", min_value=0, max_value=50)
    depreciation_rate = forms.DecimalField(label="年折旧率", max_digits=5, decimal_places=4, min_value=0, max_value=1)
    gain_share = forms.DecimalField(label="差价收益缴纳比例", max_digits=5, decimal_places=4, min_value=0, max_value=1)
    arrears_exit_months = forms.IntegerField(label="欠租退出月数", min_value=1, max_value=60)
    vacant_exit_months = forms.IntegerField(label="闲置退出月数", min_value=1, max_value=60)
    move_out_days = forms.IntegerField(label="腾退期限（天）", min_value=1, max_value=365)
