"""Forms of the 资源配置 pages (Chinese labels; services do the checks)."""

from __future__ import annotations

from typing import Any

from django import forms

from anju.allocation.choices import PeriodType
from anju.allocation.selectors_monitoring import DEMAND_DIMENSIONS, SUPPLY_DIMENSIONS


def _security_modes() -> list[tuple[str, str]]:
    from anju.core.selectors import dictionary_names

    return [("", "请选择"), *sorted(dictionary_names("security_mode", include_inactive=False).items())]


def region_choices(user: Any) -> list[tuple[str, str]]:
    """The city, district and county regions of the user's jurisdiction (a plan or ledger belongs to one)."""
    from anju.core.models import Region
    from anju.core.scoping import jurisdiction_prefix

    prefix = jurisdiction_prefix(user)
    if prefix is None:
        return []
    rows = Region.objects.filter(code__startswith=prefix, level__lte=3, is_active=True).order_by("code")
    return [(code, f"{name}（{code}）") for code, name in rows.values_list("code", "name")[:200]]


class PlanForm(forms.Form):
    """新建资源配置方案."""

    region_code = forms.ChoiceField(label="所属区划")
    program = forms.ModelChoiceField(label="保障项目", queryset=None)
    mode = forms.ChoiceField(label="保障方式")
    name = forms.CharField(label="方案名称", max_length=100)
    period_type = forms.ChoiceField(label="期别类型", choices=PeriodType.choices, initial=PeriodType.QUARTER)
    period = forms.CharField(label="方案周期", max_length=10, help_text="月填 2026-11，季填 2026-Q4，年填 2026。")
    target_type = forms.CharField(
        label="保障对象类型", max_length=40, required=False, help_text="如 城镇中等偏下收入住房困难家庭"
    )
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        from anju.rules.selectors import program_list

        super().__init__(*args, **kwargs)
        self.fields["region_code"].choices = region_choices(user)
        self.fields["program"].queryset = program_list(user=user).filter(is_enabled=True)
        self.fields["mode"].choices = _security_modes()


class PlanEditForm(forms.Form):
    """修改草稿方案."""

    name = forms.CharField(label="方案名称", max_length=100)
    period_type = forms.ChoiceField(label="期别类型", choices=PeriodType.choices)
    period = forms.CharField(label="方案周期", max_length=10, help_text="月填 2026-11，季填 2026-Q4，年填 2026。")
    target_type = forms.CharField(label="保障对象类型", max_length=40, required=False)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class HouseholdFilterForm(forms.Form):
    """Filters of the household picker (bulk add uses the same filters)."""

    district = forms.CharField(label="区划代码", required=False, max_length=12)
    household_size = forms.ChoiceField(
        label="家庭人口", required=False, choices=[("", "全部"), ("1", "1人"), ("2", "2人"), ("3", "3人及以上")]
    )
    security_mode = forms.ChoiceField(label="申请保障方式", required=False)
    income_class = forms.CharField(label="收入分类代码", required=False, max_length=2)
    special_group = forms.CharField(label="特殊人群分类代码", required=False, max_length=2)
    q = forms.CharField(label="关键字", required=False, max_length=50, help_text="登记编号或申请人姓名")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["security_mode"].choices = [("", "全部"), *_security_modes()[1:]]


class UnitFilterForm(forms.Form):
    """Filters of the unit picker."""

    district = forms.CharField(label="区划代码", required=False, max_length=12)
    layout = forms.ChoiceField(label="户型", required=False)
    area_min = forms.DecimalField(label="面积不小于", required=False, min_value=0)
    area_max = forms.DecimalField(label="面积小于", required=False, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from anju.housing.choices import Layout

        super().__init__(*args, **kwargs)
        self.fields["layout"].choices = [("", "全部"), *Layout.choices]


class FundForm(forms.Form):
    """加入资金（补贴类方案）."""

    amount = forms.DecimalField(label="金额（元）", max_digits=16, decimal_places=2, min_value=0)
    resource_number = forms.CharField(label="资源编号", max_length=64, required=False, help_text="留空自动编号")


class SupportPlanForm(forms.Form):
    """新建支持项目配置方案."""

    region_code = forms.ChoiceField(label="所属区划")
    support_program = forms.ModelChoiceField(label="支持项目", queryset=None)
    support_mode = forms.ModelChoiceField(label="支持方式", queryset=None, required=False)
    name = forms.CharField(label="方案名称", max_length=100)
    period_type = forms.ChoiceField(label="期别类型", choices=PeriodType.choices, initial=PeriodType.YEAR)
    period = forms.CharField(label="方案周期", max_length=10, help_text="月填 2026-11，季填 2026-Q4，年填 2026。")
    target_type = forms.CharField(label="支持对象类型", max_length=40, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        from anju.rules.models import SupportMode
        from anju.rules.selectors import support_program_list

        super().__init__(*args, **kwargs)
        self.fields["region_code"].choices = region_choices(user)
        self.fields["support_program"].queryset = support_program_list(user=user).filter(is_enabled=True)
        self.fields["support_mode"].queryset = SupportMode.objects.filter(
            program__in=self.fields["support_program"].queryset, is_enabled=True
        )


class SupportTargetForm(forms.Form):
    """加入支持对象."""

    target_number = forms.CharField(label="支持对象编号", max_length=40)
    target_name = forms.CharField(label="支持对象名称", max_length=200, required=False)
    land_area = forms.DecimalField(
        label="土地面积（平方米）", max_digits=14, decimal_places=2, min_value=0, required=False, initial=0
    )
    amount = forms.DecimalField(
        label="补贴金额（元）", max_digits=16, decimal_places=2, min_value=0, required=False, initial=0
    )


class LedgerComputeForm(forms.Form):
    """计算台账."""

    period_type = forms.ChoiceField(label="周期类型", choices=PeriodType.choices, initial=PeriodType.MONTH)
    period = forms.CharField(label="统计周期", max_length=10, help_text="月填 2026-11，季填 2026-Q4，年填 2026。")
    region_code = forms.ChoiceField(label="区划")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].choices = region_choices(user)


class LedgerCollectForm(forms.Form):
    """归集收支明细."""

    since = forms.DateField(label="起始日期", required=False, help_text="留空则归集全部尚未入账的业务。",
                            widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip


class CustomMeasureForm(forms.Form):
    """自定义测算: subject and two dimensions."""

    subject = forms.ChoiceField(label="测算对象", choices=[("demand", "需求（户）"), ("supply", "供给（套）")])
    rows = forms.ChoiceField(label="行维度")
    columns = forms.ChoiceField(label="列维度")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = {**DEMAND_DIMENSIONS, **SUPPLY_DIMENSIONS}
        self.fields["rows"].choices = list(every.items())
        self.fields["columns"].choices = list(every.items())

    def clean(self) -> dict[str, Any]:
        """Both dimensions must exist for the subject and differ."""
        data = super().clean()
        allowed = DEMAND_DIMENSIONS if data.get("subject") == "demand" else SUPPLY_DIMENSIONS
        for name in ("rows", "columns"):
            if data.get(name) and data[name] not in allowed:
                every = {**DEMAND_DIMENSIONS, **SUPPLY_DIMENSIONS}
                self.add_error(name, f"“{every[data[name]]}”不适用于该测算对象。")
        if data.get("rows") and data.get("rows") == data.get("columns"):
            self.add_error("columns", "行维度和列维度不能相同。")
        return data
