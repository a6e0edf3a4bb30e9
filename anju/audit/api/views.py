"""API v1 of the audit log: read-only, for the audit administrator only."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets

from anju.audit import selectors
from anju.audit.api.serializers import AuditEventSerializer
from anju.audit.filtersets import AuditEventFilterSet
from anju.audit.permissions import AUDIT_API_ROLES


class IsAuditAdministrator(permissions.BasePermission):
    """Only the audit administrator reads the log through the API."""

    message = "只有审计管理员可以通过接口读取审计日志。"

    def has_permission(self, request: Any, view: Any) -> bool:
        """An active audit administrator."""
        user = request.user
        return bool(user and user.is_authenticated and user.is_active and user.has_role(*AUDIT_API_ROLES))


@extend_schema_view(
    list=extend_schema(operation_id="audit_events_list", summary="审计事件列表", description="按时间倒序列出审计事件，可按日期、用户、操作、结果、对象类型筛选。仅审计管理员。"),
    retrieve=extend_schema(operation_id="audit_events_retrieve", summary="审计事件详情", description="一条审计事件及其哈希链校验值。仅审计管理员。"),
)
class AuditEventViewSet(viewsets.ReadOnlyModelViewSet):
    """审计事件 (只读)."""

    serializer_class = AuditEventSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuditAdministrator]
    filterset_class = AuditEventFilterSet
    ordering_fields = ["sequence", "occurred_at"]

    def get_queryset(self) -> Any:
        """The selector's events for this user."""
        return selectors.event_list(user=self.request.user)
