"""Forms of the round pages: they parse input for the services (rounds, order, lottery, selection)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from anju.distribution.choices import RoundMethod

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class ServiceErrorsMixin:
    """Put a service's ValidationError on the matching fields (the rest above the form)."""

    def service_errors(self, exc: ValidationError) -> None:
        """Attach the service's Chinese messages to the form."""
        if hasattr(exc, "error_dict"):
            for field, errors in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, errors)  # type: ignore[attr-defined]
        else:
            self.add_error(None, exc.messages)  # type: ignore[attr-defined]


class RoundCreateForm(ServiceErrorsMixin, forms.Form):
    """新建配给批次."""

    plan = forms.ModelChoiceField(label="资源配置方案", queryset=None, empty_label="请选择已发布的方案")
    method = forms.ChoiceField(label="配给方式", choices=RoundMethod.choices, initial=RoundMethod.WAITLIST)
    name = forms.CharField(label="批次名称", max_length=100, required=False, help_text="留空则按方案名称生成")
    window_minutes = forms.IntegerField(label="每户选房时限（分钟）", min_value=1, max_value=24 * 60, initial=30)

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda plan: f"{plan.number} {plan.name}（{plan.period}）"


class ReorderForm(ServiceErrorsMixin, forms.Form):
    """调整轮候顺序（须有决定）."""

    to_position = forms.IntegerField(label="新顺序（组内）", min_value=1)
    decision_number = forms.CharField(label="决定文号", max_length=60)
    reason = forms.CharField(label="调整原因", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class LotteryCommitForm(ServiceErrorsMixin, forms.Form):
    """公布摇号名单和种子承诺."""

    winners_count = forms.IntegerField(
        label="正选名额", min_value=1, required=False, help_text="留空则等于本批次房源套数"
    )
    substitutes_count = forms.IntegerField(label="候补名额", min_value=0, initial=0)
    draw_at = forms.DateTimeField(
        label="计划摇号时间", required=False, widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS
    )
    notary = forms.CharField(label="公证/监督人员", max_length=200, required=False)


class LotteryDrawForm(ServiceErrorsMixin, forms.Form):
    """摇号."""

    seed = forms.CharField(
        label="种子（可选）",
        max_length=128,
        required=False,
        help_text="由公证人员保存种子时在此输入，须与公布的种子承诺一致；留空则公开系统密封保存的种子。",
    )


class SelectionsOpenForm(ServiceErrorsMixin, forms.Form):
    """开始选房."""

    starts_at = forms.DateTimeField(label="选房开始时间", widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS)
    window_minutes = forms.IntegerField(label="每户选房时限（分钟）", min_value=1, max_value=24 * 60)


class ChooseForm(ServiceErrorsMixin, forms.Form):
    """登记选房结果."""

    unit = forms.ModelChoiceField(label="住房", queryset=None, empty_label="请选择住房")

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda unit: (
            f"{unit.building.name} {unit.entrance}单元 {unit.room_number}（{unit.floor_area} 平方米）"
        )


class ReasonForm(ServiceErrorsMixin, forms.Form):
    """A reason (放弃选房, 退回住房)."""

    reason = forms.CharField(label="原因", max_length=200, widget=forms.Textarea(attrs={"rows": 2}))
