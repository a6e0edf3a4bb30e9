"""Django admin of the workflow module: read-only (writes go through the audited services)."""

from django.contrib import admin

from anju.workflow.models import Holiday, NodeInstance, ProcessInstance, ProcessTemplate, Task


class ReadOnlyAdmin(admin.ModelAdmin):
    """Look, never touch."""

    def has_add_permission(self, request, obj=None):
        """Writes go through the services."""
        return False

    def has_change_permission(self, request, obj=None):
        """Read-only."""
        return False

    def has_delete_permission(self, request, obj=None):
        """Read-only."""
        return False


@admin.register(ProcessTemplate)
class ProcessTemplateAdmin(ReadOnlyAdmin):
    """业务流程模板."""

    list_display = ["code", "name", "version", "is_active", "defined_at"]


@admin.register(ProcessInstance)
class ProcessInstanceAdmin(ReadOnlyAdmin):
    """业务流程实例."""

    list_display = ["number", "name", "template_name", "template_version", "state", "started_at", "finished_at"]
    list_filter = ["state"]
    search_fields = ["number", "name"]


@admin.register(NodeInstance)
class NodeInstanceAdmin(ReadOnlyAdmin):
    """业务节点实例."""

    list_display = ["number", "name", "state", "created_at", "finished_at"]


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    """待办."""

    list_display = ["title", "state", "assignee", "deadline", "completed_by", "completed_at"]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """节假日与调休 (maintained by the system administrator; no personal data)."""

    list_display = ["date", "name", "is_workday"]
