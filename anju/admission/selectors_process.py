"""Reads of the admission process: review queues and verification requests, inside the user's jurisdiction."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from anju.accounts.roles import Role
from anju.admission.models import Application, Verification, VerificationReport
from anju.admission.permissions import READER_ROLES
from anju.admission.services.process import PROCESS_CODE


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def verification_list(*, user: Any) -> QuerySet[Verification]:
    """Verification requests: reviewers see their jurisdiction's; a 协同部门 user only those assigned to them or their department."""
    if not _authenticated(user):
        return Verification.objects.none()
    queryset = Verification.objects.visible_to(user).select_related(
        "application", "assignee", "assignee_organisation", "assigned_by"
    )
    if user.has_role(*READER_ROLES):
        return queryset.order_by("-assigned_at", "-id")
    if user.has_role(Role.PARTNER):
        mine = Q(assignee=user)
        if user.organisation_id:
            mine |= Q(assignee__isnull=True, assignee_organisation_id=user.organisation_id)
        return queryset.filter(mine).order_by("-assigned_at", "-id")
    return Verification.objects.none()


def verification_get(*, user: Any, pk: Any) -> Verification:
    """One verification request the user may see, or 404."""
    try:
        return verification_list(user=user).get(pk=pk)
    except (Verification.DoesNotExist, ValueError) as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc


def verification_report_get(*, user: Any, pk: Any) -> VerificationReport:
    """One verification report inside the reviewer's jurisdiction, or 404."""
    queryset = VerificationReport.objects.none()
    if _authenticated(user) and user.has_role(*READER_ROLES):
        queryset = VerificationReport.objects.visible_to(user).select_related("application", "concluded_by")
    try:
        return queryset.get(pk=pk)
    except (VerificationReport.DoesNotExist, ValueError) as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc


def review_queue(*, user: Any, node_code: str) -> QuerySet[Application]:
    """Applications whose admission task at this node is in the user's inbox (candidate or assigned)."""
    from django.contrib.contenttypes.models import ContentType

    from anju.workflow.selectors import task_inbox

    if not _authenticated(user) or not user.has_role(*READER_ROLES):
        return Application.objects.none()
    content_type = ContentType.objects.get_for_model(Application)
    object_ids = task_inbox(user=user).filter(
        instance__template__code=PROCESS_CODE,
        instance__content_type=content_type,
        node_instance__node__code=node_code,
    ).values_list("instance__object_id", flat=True)
    ids = [int(pk) for pk in object_ids if str(pk).isdigit()]
    return Application.objects.visible_to(user).filter(pk__in=ids, is_deleted=False).order_by("submitted_at", "id")
