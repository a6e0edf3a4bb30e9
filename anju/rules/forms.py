"""Forms of the rules app: condition nodes, enabling, parameters, 试算 facts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from anju.rules.choices import ConditionKind, Logic, MemberQuantifier, Relation
from anju.rules.factors import factor_choices
from anju.rules.models import (
    BenefitStandard,
    Condition,
    ConditionCategory,
    Mode,
    OrderingFactor,
    OrderingScheme,
    Program,
    SupportCondition,
    SupportMode,
    SupportProgram,
    SupportStandard,
)

BLANK = [("", "—")]


class ConditionForm(forms.ModelForm):
    """One node of the condition tree (group, quantitative or qualitative)."""

    class Meta:
        model = Condition
        fields = [
            "kind", "code", "name", "category", "sequence", "logic", "factor", "measure",
            "start_relation", "start_value", "start_parameter", "end_relation", "end_value", "end_parameter",
            "logic_value", "member_quantifier", "count_relation", "count_value", "is_enabled",
        ]
        help_texts = {
            "code": "留空自动编号。",
            "start_value": "选择参数时，此处填写倍数（留空为 1 倍）。",
            "end_value": "选择参数时，此处填写倍数（留空为 1 倍）。",
            "logic_value": "是/否因素填 true 或 false；代码因素填代码，多个用逗号分隔。定性条件的“与起始值逻辑关系”选“不等于”表示取反。",
            "member_quantifier": "成员因素（年龄、户口年限、学历、就业等）按成员判断后再汇总。",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        self.fields["factor"] = forms.ChoiceField(label="条件因素", choices=BLANK + factor_choices(), required=False)
        self.fields["category"].queryset = ConditionCategory.objects.all()
        from anju.rules.models import RuleParameter

        codes = dict(RuleParameter.objects.order_by("code").values_list("code", "name").distinct())
        for name in ("start_parameter", "end_parameter"):
            self.fields[name] = forms.ChoiceField(
                label=Condition._meta.get_field(name).verbose_name, choices=BLANK + sorted(codes.items()), required=False
            )
        self.fields["kind"].choices = ConditionKind.choices
        self.fields["logic"].choices = BLANK + list(Logic.choices)
        for name in ("start_relation", "end_relation", "count_relation"):
            self.fields[name].choices = BLANK + list(Relation.choices)
        self.fields["member_quantifier"].choices = BLANK + list(MemberQuantifier.choices)

    def cleaned_fields(self) -> dict[str, Any]:
        """The cleaned data as service keyword arguments."""
        return dict(self.cleaned_data)


class EnableForm(forms.Form):
    """启用: the date from which the version is in force."""

    effective_from = forms.DateField(label="生效日期", widget=forms.DateInput(attrs={"type": "date"}))


class ParameterForm(forms.Form):
    """A named parameter value for a region and year."""

    code = forms.CharField(label="参数代码", max_length=40, help_text="如 urban_disposable_income。")
    name = forms.CharField(label="参数名称", max_length=100)
    region_code = forms.CharField(label="行政区划代码", max_length=12, min_length=12)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    value = forms.DecimalField(label="数值", max_digits=16, decimal_places=4)
    unit = forms.CharField(label="单位", max_length=20, required=False)


BOOL_CHOICES = [("", "（不填）"), ("true", "是"), ("false", "否")]


class TryForm(forms.Form):
    """试算: an application number, or typed household facts and member lines."""

    application_number = forms.CharField(label="申请编号", required=False, help_text="填写申请编号时按该申请的实际数据试算，下列各项不必填写。")
    as_of = forms.DateField(label="判定基准日", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    household_size = forms.IntegerField(label="家庭人口数", required=False, min_value=0)
    income_total = forms.DecimalField(label="家庭年总收入（元）", required=False, min_value=0)
    income_per_capita = forms.DecimalField(label="家庭人均年收入（元）", required=False, min_value=0)
    floor_area_total = forms.DecimalField(label="家庭住房总建筑面积（平方米）", required=False, min_value=0)
    floor_area_per_capita = forms.DecimalField(label="家庭人均住房建筑面积（平方米）", required=False, min_value=0)
    owned_home_count = forms.IntegerField(label="家庭成员自有住房套数", required=False, min_value=0)
    assets_total = forms.DecimalField(label="家庭资产总额（元）", required=False, min_value=0)
    vehicle_count = forms.IntegerField(label="机动车辆数", required=False, min_value=0)
    vehicle_value = forms.DecimalField(label="机动车辆总价值（元）", required=False, min_value=0)
    is_minimum_living = forms.ChoiceField(label="是否最低生活保障家庭", choices=BOOL_CHOICES, required=False)
    credit_status = forms.ChoiceField(
        label="信用状况", required=False,
        choices=[("none", "无不良记录"), ("minor", "轻微失信"), ("serious", "较重失信"), ("severe", "严重失信")],
    )
    members = forms.CharField(
        label="家庭成员", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="每行一人：姓名,年龄,本地户口年限,文化程度代码,就业情况代码,是否外来务工(是/否),是否残疾(是/否),"
        "毕业年限,连续缴纳社保月数（后两项可不填）。例：张三,28,3,20,17,否,否,2,24",
    )

    def clean_members(self) -> list[dict[str, Any]]:
        """Parse member lines into member facts."""
        rows = []
        for number, line in enumerate(self.cleaned_data.get("members", "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.replace("，", ",").split(",")]
            parts += [""] * (9 - len(parts))
            try:
                age = int(parts[1]) if parts[1] else None
                hukou = int(parts[2]) if parts[2] else None
                graduated = int(parts[7]) if parts[7] else None
                insured = int(parts[8]) if parts[8] else None
            except ValueError as exc:
                raise ValidationError(f"第 {number} 行：年龄、户口年限、毕业年限和社保月数须为整数。") from exc
            rows.append({
                "name": parts[0] or f"成员{number}", "age": age, "hukou_years": hukou, "education": parts[3],
                "employment_status": parts[4],
                "is_employed": bool(parts[4]) and parts[4] not in {"31", "70", "80", "90"},
                "is_migrant_worker": parts[5] == "是", "is_disabled": parts[6] == "是",
                "years_since_graduation": graduated, "social_insurance_months": insured,
            })
        return rows

    def facts(self) -> dict[str, Any]:
        """Typed facts in the evaluator's shape (empty fields are left out; derived ones filled in)."""
        data = self.cleaned_data
        facts: dict[str, Any] = {}
        for name, value in data.items():
            if name in {"application_number", "as_of", "members"} or value in (None, ""):
                continue
            facts[name] = value == "true" if name == "is_minimum_living" else value
        members = data.get("members") or []
        facts["members"] = members
        facts.setdefault("household_size", len(members))
        facts["member_count"] = len(members)
        if "owned_home_count" in facts:
            facts["owns_home"] = facts["owned_home_count"] > 0
        if "income_per_capita" in facts:
            facts["income_per_capita_monthly"] = (Decimal(facts["income_per_capita"]) / 12).quantize(Decimal("0.01"))
        if "assets_total" in facts and facts.get("household_size"):
            facts["assets_per_capita"] = (Decimal(facts["assets_total"]) / facts["household_size"]).quantize(
                Decimal("0.01")
            )
        return facts


class BenefitStandardForm(forms.ModelForm):
    """保障标准 (A.1.7) of a draft version."""

    class Meta:
        model = BenefitStandard
        fields = ["code", "factor", "measure", "household_size", "standard_value", "applied_value", "is_enabled"]
        help_texts = {"factor": "如 保障面积、公共租赁住房租金、租赁补贴。", "household_size": "按人户数区分时填写。"}


def _dictionary_field(label: str, dictionary: str, *, required: bool = False) -> forms.ChoiceField:
    """A select over a code table (代码表)."""

    def choices() -> list[tuple[str, str]]:
        from anju.core.selectors import dictionary_choices

        return [("", "——请选择——"), *dictionary_choices(dictionary)]

    return forms.ChoiceField(label=label, choices=choices, required=required)


class ServiceModelForm(forms.ModelForm):
    """A ModelForm whose cleaned data goes to a service (which validates and saves)."""

    def service_data(self) -> dict[str, Any]:
        """The edited fields as service keyword arguments."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}

    def _post_clean(self) -> None:
        """The service runs full_clean on the real instance; nothing is validated against a half-built copy."""


class ProgramForm(ServiceModelForm):
    """保障项目 (A.1.1)."""

    class Meta:
        model = Program
        fields = ["code", "name", "region_code", "income_class", "special_group", "description", "is_enabled"]
        help_texts = {"region_code": "12 位行政区划代码，如 341600000000（亳州市）。", "code": "全市唯一，如 BZ-P04。"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].min_length = 12
        self.fields["income_class"] = _dictionary_field("收入分类", "income_class")
        self.fields["special_group"] = _dictionary_field("特殊人群分类", "special_group")
        self.order_fields(self.Meta.fields)


class ModeForm(ServiceModelForm):
    """保障方式 (A.1.2)."""

    class Meta:
        model = Mode
        fields = ["program", "code", "mode", "is_enabled"]
        help_texts = {"code": "全市唯一，如 BZ-P01-M30。", "program": "新增保障方式时同时建立其保障规则（空白草稿第1版）。"}

    def __init__(self, *args: Any, programs: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if programs is not None:
            self.fields["program"].queryset = programs
        self.fields["mode"] = _dictionary_field("保障方式", "security_mode", required=True)
        if self.instance.pk:
            self.fields["program"].disabled = True
        self.order_fields(self.Meta.fields)


class SupportProgramForm(ServiceModelForm):
    """支持项目 (A.1.8)."""

    class Meta:
        model = SupportProgram
        fields = ["code", "name", "region_code", "supplier_type", "is_enabled"]
        help_texts = {"region_code": "12 位行政区划代码。"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].min_length = 12


class SupportModeForm(ServiceModelForm):
    """支持对象支持方式 (A.1.9)."""

    class Meta:
        model = SupportMode
        fields = ["program", "code", "name", "is_enabled"]
        help_texts = {"name": "如 税费减免、财政补助、土地划拨。"}

    def __init__(self, *args: Any, programs: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if programs is not None:
            self.fields["program"].queryset = programs
        if self.instance.pk:
            self.fields["program"].disabled = True


class SupportConditionForm(ServiceModelForm):
    """支持对象申请条件 (A.1.10)."""

    class Meta:
        model = SupportCondition
        fields = ["code", "name", "detail", "is_enabled"]


class SupportStandardForm(ServiceModelForm):
    """支持对象支持标准 (A.1.11)."""

    class Meta:
        model = SupportStandard
        fields = ["code", "current_standard", "applied_standard", "is_enabled"]


class OrderingSchemeForm(ServiceModelForm):
    """轮候排队规则 of a draft version."""

    class Meta:
        model = OrderingScheme
        fields = ["name", "tie_breaker", "description"]


class OrderingFactorForm(ServiceModelForm):
    """One line of an ordering scheme: points and/or a priority group when the household's factor matches."""

    class Meta:
        model = OrderingFactor
        fields = ["name", "factor", "relation", "value", "points", "priority_group", "sequence"]
        help_texts = {"value": "是/否因素：1 表示“是”，0 表示“否”。", "points": "满足时加的分数。"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from anju.rules.services.programs import ordering_factor_choices

        self.fields["factor"] = forms.ChoiceField(label="因素", choices=BLANK + ordering_factor_choices())
        self.order_fields(self.Meta.fields)
