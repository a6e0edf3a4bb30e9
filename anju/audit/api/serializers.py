"""API serializers of the audit log (read-only)."""

from __future__ import annotations

from rest_framework import serializers

from anju.audit.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer):
    """审计事件: who, when, from where, what, on which object, result, and chain values."""

    action_label = serializers.CharField(source="get_action_display", read_only=True, help_text="操作名称")
    result_label = serializers.CharField(source="get_result_display", read_only=True, help_text="结果名称")
    roles = serializers.ListField(source="role_code_list", child=serializers.CharField(), read_only=True, help_text="事件发生时的角色代码")

    class Meta:
        model = AuditEvent
        fields = [
            "id", "sequence", "occurred_at", "user", "username", "roles", "organisation_name", "ip", "user_agent",
            "action", "action_label", "object_type", "object_id", "object_repr", "region_code", "result",
            "result_label", "detail", "prev_hash", "row_hash",
        ]
        read_only_fields = fields
