"""Serializers of the rules API."""

from rest_framework import serializers

from anju.rules.models import (
    BenefitStandard,
    Condition,
    Mode,
    Program,
    RuleParameter,
    RuleSetVersion,
    SupportMode,
    SupportProgram,
)


class ProgramSerializer(serializers.ModelSerializer):
    """保障项目 (A.1.1)."""

    class Meta:
        model = Program
        fields = ["id", "code", "name", "region_code", "income_class", "special_group", "is_enabled", "enabled_at"]


class ModeSerializer(serializers.ModelSerializer):
    """保障方式 (A.1.2)."""

    program_code = serializers.CharField(read_only=True)
    mode_name = serializers.CharField(read_only=True)

    class Meta:
        model = Mode
        fields = ["id", "code", "program", "program_code", "mode", "mode_name", "is_enabled", "enabled_at"]


class ConditionSerializer(serializers.ModelSerializer):
    """One condition node (A.1.4–A.1.6)."""

    group_code = serializers.CharField(read_only=True)

    class Meta:
        model = Condition
        fields = [
            "id", "parent", "group_code", "kind", "code", "name", "category", "sequence", "logic", "factor", "measure",
            "start_relation", "start_value", "start_parameter", "end_relation", "end_value", "end_parameter",
            "logic_value", "member_quantifier", "count_relation", "count_value", "is_enabled",
        ]


class StandardSerializer(serializers.ModelSerializer):
    """保障标准 (A.1.7)."""

    class Meta:
        model = BenefitStandard
        fields = ["code", "factor", "measure", "household_size", "standard_value", "applied_value", "is_enabled"]


class VersionSerializer(serializers.ModelSerializer):
    """A rule-set version (list)."""

    rule_set_name = serializers.CharField(source="rule_set.name", read_only=True)
    program = serializers.CharField(source="rule_set.mode.program.name", read_only=True)
    mode = serializers.CharField(source="rule_set.mode.mode", read_only=True)
    region_code = serializers.CharField(source="rule_set.region_code", read_only=True)
    status_name = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = RuleSetVersion
        fields = ["id", "rule_set", "rule_set_name", "program", "mode", "region_code", "number", "status",
                  "status_name", "effective_from", "effective_to", "note"]


class VersionDetailSerializer(VersionSerializer):
    """A version with its conditions and standards."""

    conditions = ConditionSerializer(many=True, read_only=True)
    standards = StandardSerializer(many=True, read_only=True)

    class Meta(VersionSerializer.Meta):
        fields = [*VersionSerializer.Meta.fields, "conditions", "standards"]


class ParameterSerializer(serializers.ModelSerializer):
    """规则参数."""

    class Meta:
        model = RuleParameter
        fields = ["id", "code", "name", "region_code", "year", "value", "unit"]


class EnableSerializer(serializers.Serializer):
    """启用 input."""

    effective_from = serializers.DateField(label="生效日期")


class EvaluateSerializer(serializers.Serializer):
    """评估 input: an application, or facts with a version."""

    application = serializers.IntegerField(label="申请 ID", required=False)
    version = serializers.IntegerField(label="规则版本 ID", required=False)
    facts = serializers.DictField(label="家庭事实", required=False)
    as_of = serializers.DateField(label="判定基准日", required=False)
    record = serializers.BooleanField(label="保存判定", required=False, default=False)

    def validate(self, attrs):
        """Either an application, or facts with a version."""
        if not attrs.get("application") and not (attrs.get("facts") is not None and attrs.get("version")):
            raise serializers.ValidationError("请提供申请 ID，或同时提供规则版本 ID 和家庭事实。")
        return attrs


class SupportModeSerializer(serializers.ModelSerializer):
    """支持对象支持方式 (A.1.9) with its conditions (A.1.10) and standards (A.1.11), read-only."""

    conditions = serializers.SerializerMethodField(help_text="支持对象申请条件（A.1.10）")
    standards = serializers.SerializerMethodField(help_text="支持对象支持标准（A.1.11）")

    class Meta:
        model = SupportMode
        fields = ["id", "code", "name", "is_enabled", "enabled_at", "conditions", "standards"]
        read_only_fields = fields

    def get_conditions(self, obj: SupportMode) -> list[dict[str, str]]:
        """[{code, name, detail, is_enabled}]."""
        return [{"code": c.code, "name": c.name, "detail": c.detail, "is_enabled": c.is_enabled} for c in obj.conditions.all()]

    def get_standards(self, obj: SupportMode) -> list[dict[str, str]]:
        """[{code, current_standard, applied_standard, is_enabled}]."""
        return [
            {"code": s.code, "current_standard": s.current_standard, "applied_standard": s.applied_standard,
             "is_enabled": s.is_enabled}
            for s in obj.standards.all()
        ]


class SupportProgramSerializer(serializers.ModelSerializer):
    """支持项目 (A.1.8); writes go through `support_program_save` (city officer, within jurisdiction)."""

    supplier_type_name = serializers.CharField(source="get_supplier_type_display", read_only=True, help_text="支持对象类型名称")
    modes = SupportModeSerializer(many=True, read_only=True)

    class Meta:
        model = SupportProgram
        fields = ["id", "code", "name", "region_code", "supplier_type", "supplier_type_name", "is_enabled", "enabled_at",
                  "modes"]
        read_only_fields = ["id", "enabled_at", "modes"]
        extra_kwargs = {"code": {"validators": []}}
