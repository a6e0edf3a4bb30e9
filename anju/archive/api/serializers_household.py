"""Serializers of the 一户一档 API (read only; identifiers masked)."""

from rest_framework import serializers


class HouseholdEventSerializer(serializers.Serializer):
    """One entry of the household's timeline."""

    at = serializers.DateTimeField(source="moment", help_text="发生时间（仅有日期的记录为当日 0 时）")
    date_only = serializers.BooleanField(source="is_date_only", help_text="来源只记录了日期")
    title = serializers.CharField(help_text="事项")
    source = serializers.CharField(help_text="来源")
    detail = serializers.CharField(help_text="说明")
    url = serializers.CharField(help_text="详情页地址（无页面时为空）")
    icon = serializers.CharField(help_text="图标名（Bootstrap Icons）")


class HouseholdMemberSerializer(serializers.Serializer):
    """A member; the ID number is always masked."""

    sequence = serializers.IntegerField(help_text="序号")
    name = serializers.CharField(help_text="家庭成员姓名")
    relation = serializers.CharField(help_text="与户主关系")
    id_number_masked = serializers.CharField(help_text="身份证件号码（脱敏）")
    is_applicant = serializers.BooleanField(help_text="是否申请人")


class HouseholdFileSerializer(serializers.Serializer):
    """一户一档: the household's application, register entry, members and timeline (oldest first)."""

    application_id = serializers.IntegerField(source="application.pk", help_text="申请主键")
    application_number = serializers.CharField(source="application.number", help_text="申请编号")
    applicant_name = serializers.CharField(source="application.applicant_name", help_text="申请人姓名")
    id_number_masked = serializers.CharField(source="application.id_number_masked", help_text="证件号码（脱敏）")
    region_code = serializers.CharField(source="application.region_code", help_text="行政区划代码（社区）")
    status = serializers.CharField(source="application.status", help_text="办理阶段代码")
    status_label = serializers.CharField(source="application.get_status_display", help_text="办理阶段")
    register_number = serializers.SerializerMethodField(help_text="登记编号（未登记时为空）")
    security_state = serializers.SerializerMethodField(help_text="保障状态代码（未登记时为空）")
    members = HouseholdMemberSerializer(many=True)
    events = HouseholdEventSerializer(source="timeline.events", many=True)
    sources = serializers.ListField(source="timeline.sources", child=serializers.CharField(), help_text="档案来源")
    unavailable = serializers.ListField(
        source="timeline.failed", child=serializers.CharField(), help_text="暂时无法读取的来源"
    )

    def get_register_number(self, obj) -> str:
        """登记编号."""
        return obj.register_entry.number if obj.register_entry is not None else ""

    def get_security_state(self, obj) -> str:
        """保障状态代码."""
        return obj.register_entry.security_state if obj.register_entry is not None else ""
