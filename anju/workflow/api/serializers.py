"""Serializers of the workflow API."""

from __future__ import annotations

from rest_framework import serializers

from anju.workflow.choices import Decision
from anju.workflow.models import NodeInstance, ProcessInstance, ProcessTemplate, Task, TaskAction


class ProcessTemplateSerializer(serializers.ModelSerializer):
    """业务流程模板 (A.3.2) header."""

    start_node = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="开始节点的节点模板编号")

    class Meta:
        model = ProcessTemplate
        fields = ["id", "code", "name", "description", "start_node", "category", "defined_at", "extra",
                  "precondition", "postcondition", "version", "is_active"]  # fmt: skip
        read_only_fields = fields


class DefinitionSerializer(serializers.Serializer):
    """A whole definition in the JSON export format (format anju.workflow/1)."""

    definition = serializers.JSONField(help_text="流程定义（与导出 JSON 格式相同）")
    activate = serializers.BooleanField(default=False, help_text="保存后立即激活")


class TaskActionSerializer(serializers.ModelSerializer):
    """办理记录."""

    user = serializers.StringRelatedField()
    node = serializers.CharField(source="node_instance.name", default="")

    class Meta:
        model = TaskAction
        fields = ["kind", "user", "at", "decision", "opinion", "node", "detail"]


class NodeInstanceSerializer(serializers.ModelSerializer):
    """业务节点实例 (A.3.7)."""

    node = serializers.CharField(source="node.code")
    previous = serializers.CharField(source="previous.number", default=None)
    instance = serializers.CharField(source="instance.number")

    class Meta:
        model = NodeInstance
        fields = ["number", "instance", "previous", "node", "name", "node_type", "extra", "state", "created_at", "finished_at",
                  "precondition", "postcondition", "priority", "description", "deadline", "decision"]  # fmt: skip


class ProcessInstanceSerializer(serializers.ModelSerializer):
    """业务流程实例 (A.3.6) with its current node(s)."""

    template_code = serializers.CharField(source="template.code")
    business_object = serializers.SerializerMethodField()
    current_nodes = serializers.SerializerMethodField()

    class Meta:
        model = ProcessInstance
        fields = ["id", "number", "template_code", "template_name", "name", "priority", "description", "category", "state",
                  "started_at", "finished_at", "process_type", "precondition", "postcondition", "extra", "template_version",
                  "region_code", "business_object", "business_label", "outcome", "current_nodes"]  # fmt: skip

    def get_business_object(self, obj: ProcessInstance) -> str:
        """"app.model:pk"."""
        return f"{obj.content_type.app_label}.{obj.content_type.model}:{obj.object_id}"

    def get_current_nodes(self, obj: ProcessInstance) -> list[str]:
        """Names of the nodes with open tasks."""
        tasks = getattr(obj, "open_tasks", None)
        if tasks is None:
            tasks = obj.tasks.filter(state__in=["open", "claimed"]).select_related("node_instance")
        return sorted({t.node_instance.name for t in tasks})


class ProcessInstanceDetailSerializer(ProcessInstanceSerializer):
    """An instance with its node instances and history."""

    node_instances = NodeInstanceSerializer(many=True, read_only=True)
    actions = TaskActionSerializer(many=True, read_only=True)

    class Meta(ProcessInstanceSerializer.Meta):
        fields = [*ProcessInstanceSerializer.Meta.fields, "node_instances", "actions"]


class InstanceStartSerializer(serializers.Serializer):
    """发起流程."""

    template_code = serializers.CharField(help_text="流程模板编号（使用已激活的版本）")
    business_object = serializers.CharField(help_text="业务记录，格式“应用.模型:主键”")
    name = serializers.CharField(required=False, allow_blank=True, default="")


class TaskSerializer(serializers.ModelSerializer):
    """待办."""

    instance_number = serializers.CharField(source="instance.number")
    node = serializers.CharField(source="node_instance.node.code")
    node_name = serializers.CharField(source="node_instance.name")
    assignee = serializers.StringRelatedField()
    completed_by = serializers.StringRelatedField()
    is_overdue = serializers.BooleanField()

    class Meta:
        model = Task
        fields = ["id", "title", "instance", "instance_number", "node", "node_name", "region_code", "roles", "level",
                  "assignee", "state", "created_at", "deadline", "is_overdue", "completed_at", "completed_by", "action",
                  "decision", "opinion", "lock_version"]  # fmt: skip


class _VersionedSerializer(serializers.Serializer):
    lock_version = serializers.IntegerField(required=False, help_text="读取待办时的版本号；他人已办理时返回 409")


class TaskCompleteSerializer(_VersionedSerializer):
    """提交."""

    decision = serializers.ChoiceField(choices=Decision.choices, default=Decision.APPROVE)
    opinion = serializers.CharField(required=False, allow_blank=True, default="", help_text="审核意见")
    form_data = serializers.DictField(required=False, default=dict)


class TaskReturnSerializer(_VersionedSerializer):
    """退回."""

    opinion = serializers.CharField(help_text="退回意见")
    target_node = serializers.CharField(required=False, help_text="退回到的节点模板编号；缺省为上一办理节点")


class TaskRejectSerializer(_VersionedSerializer):
    """驳回."""

    opinion = serializers.CharField(help_text="驳回意见")


class TaskTransferSerializer(_VersionedSerializer):
    """转办."""

    to_user = serializers.IntegerField(help_text="转给的用户 id")
    opinion = serializers.CharField(required=False, allow_blank=True, default="")
