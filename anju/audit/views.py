"""Staff pages of the audit app: read-only for the auditors (security.md #5, #7, #8)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from anju.audit import selectors
from anju.audit.events import AuditAction
from anju.audit.filtersets import AuditEventFilterSet, ChangeFilterSet
from anju.audit.forms import RevealForm
from anju.audit.models import AuditEvent
from anju.audit.permissions import AUDIT_READ_ROLES, can_read_audit, can_verify_audit
from anju.audit.services import audit_chain_verify, personal_data_reveal
from anju.core.listing import Column, StaffListView
from anju.core.masking import mask_identifier


class EventListView(StaffListView):
    """审计日志: every domain event, filtered, exportable (the export is itself audited)."""

    anju_admin_only = True
    template_name = "audit/event_list.html"
    title = "审计日志"
    selector = staticmethod(selectors.event_list)
    filterset_class = AuditEventFilterSet
    required_roles = AUDIT_READ_ROLES
    export_filename = "审计日志"
    columns = [
        Column("序号", "sequence", link=True),
        Column("时间", "occurred_at"),
        Column("用户", "username"),
        Column("角色", "role_labels"),
        Column("机构", "organisation_name"),
        Column("IP 地址", "ip"),
        Column("操作", "action"),
        Column("对象类型", "object_type"),
        Column("对象", "object_repr"),
        Column("结果", "result"),
    ]


@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One event with its chain values."""
    if not can_read_audit(request.user):
        raise PermissionDenied("您没有查看审计日志的权限。")
    event = selectors.event_get(user=request.user, pk=pk)
    return render(
        request,
        "audit/event_detail.html",
        {"event": event, "page_title": f"审计事件 #{event.sequence}", "breadcrumbs": [("审计日志", reverse("audit:event_list")), (f"#{event.sequence}", None)]},
    )


event_detail.anju_admin_only = True  # type: ignore[attr-defined]


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Run the chain verification (audit administrator) and show the result and past runs."""
    if not can_verify_audit(request.user):
        raise PermissionDenied("只有审计管理员可以校验审计日志。")
    report = audit_chain_verify(user=request.user, request=request) if request.method == "POST" else None
    past = AuditEvent.objects.filter(action=AuditAction.AUDIT_VERIFIED).order_by("-sequence")[:10]
    return render(
        request,
        "audit/verify.html",
        {"report": report, "past": past, "page_title": "审计日志校验", "breadcrumbs": [("审计日志", reverse("audit:event_list")), ("校验", None)]},
    )


verify.anju_admin_only = True  # type: ignore[attr-defined]


def _change_text(entry: Any) -> str:
    parts = []
    for name, values in (entry.changes_dict or {}).items():
        if isinstance(values, list) and len(values) == 2:
            parts.append(f"{name}: {values[0]} → {values[1]}")
    return "；".join(parts)


class ChangeListView(StaffListView):
    """字段变更记录: django-auditlog entries (before/after of every tracked field)."""

    anju_admin_only = True
    title = "字段变更记录"
    selector = staticmethod(selectors.change_list)
    filterset_class = ChangeFilterSet
    required_roles = AUDIT_READ_ROLES
    export_filename = "字段变更记录"
    columns = [
        Column("时间", "timestamp"),
        Column("操作人", lambda e: e.actor.get_username() if e.actor else "系统"),
        Column("IP 地址", "remote_addr"),
        Column("操作", lambda e: selectors.CHANGE_ACTION_LABELS.get(e.action, e.action)),
        Column("对象类型", lambda e: e.content_type.name if e.content_type_id else ""),
        Column("对象", "object_repr"),
        Column("变更内容", _change_text),
    ]


@login_required
@require_POST
def reveal(request: HttpRequest) -> HttpResponse:
    """Show one personal identifier in plain text (htmx fragment); needs a permission and a reason."""
    form = RevealForm(request.POST)
    if not form.is_valid():
        return render(request, "audit/includes/reveal_result.html", {"error": "请求不完整。"}, status=400)
    data = form.cleaned_data
    obj = selectors.reveal_target(user=request.user, model_label=data["content_type"], pk=data["object_id"])
    context: dict[str, Any] = {"object": obj, "field": data["field"], "masked": mask_identifier(str(getattr(obj, data["field"], "") or ""))}
    try:
        context["value"] = personal_data_reveal(user=request.user, obj=obj, field=data["field"], reason=data["reason"], request=request)
    except PermissionDenied as exc:
        return render(request, "audit/includes/reveal_result.html", {**context, "error": str(exc)}, status=403)
    except ValidationError as exc:
        messages = [m for values in exc.message_dict.values() for m in values]
        return render(request, "audit/includes/reveal_result.html", {**context, "error": "；".join(messages)})
    return render(request, "audit/includes/reveal_result.html", context)
