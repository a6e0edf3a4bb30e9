"""Reads of publicity, objections, plans, the register and supplier approvals (always from `visible_to(user)`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404

from anju.admission.choices import ApplicationStatus
from anju.admission.models import (
    Application,
    Objection,
    ProposedPlan,
    Publicity,
    RegisterEntry,
    SupplierPersonApproval,
    SupplierUnitApproval,
)
from anju.admission.permissions import READER_ROLES


def _reader(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*READER_ROLES)


def _scoped(model: type[Model], user: Any) -> QuerySet:
    if not _reader(user):
        return model.objects.none()
    return model.objects.visible_to(user)


def _get(queryset: QuerySet, pk: int, message: str) -> Any:
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(message) from exc


def publicity_list(*, user: Any) -> QuerySet[Publicity]:
    """Publicity notices of the user's jurisdiction (a notice belongs to its county)."""
    from anju.core.scoping import jurisdiction_prefix

    prefix = jurisdiction_prefix(user) if _reader(user) else None
    if prefix is None:
        return Publicity.objects.none()
    # a notice belongs to its county: readers inside the county (street, community) and above it see it
    queryset = Publicity.objects.filter(region_code__startswith=prefix[:6])
    return queryset.order_by("-start_date", "-id")


def publicity_get(*, user: Any, pk: int) -> Publicity:
    """One notice in the jurisdiction, or 404."""
    return _get(publicity_list(user=user), pk, "公示不存在。")


def publicity_candidates(*, user: Any) -> QuerySet[Application]:
    """Applications at the 公示 node in the jurisdiction, not yet in an open notice."""
    from anju.admission.models import PublicityStatus

    return (
        _scoped(Application, user)
        .filter(status=ApplicationStatus.PUBLICITY, is_deleted=False)
        .exclude(
            publicity_entries__publicity__status__in=(PublicityStatus.DRAFT, PublicityStatus.PUBLISHED),
            publicity_entries__passed__isnull=True,
        )
        .order_by("number")
    )


def objection_list(*, user: Any) -> QuerySet[Objection]:
    """Objections of applications in the jurisdiction."""
    return _scoped(Objection, user).select_related("publicity", "application").order_by("-reported_at", "-id")


def objection_get(*, user: Any, pk: int) -> Objection:
    """One objection in the jurisdiction, or 404."""
    return _get(objection_list(user=user), pk, "举报不存在。")


def plan_for(*, user: Any, application: Application) -> ProposedPlan | None:
    """The proposed plan of an application the user can see."""
    return _scoped(ProposedPlan, user).filter(application=application).order_by("-id").first()


def registering_list(*, user: Any) -> QuerySet[Application]:
    """Applications at the 登记 node in the jurisdiction (the registration worklist)."""
    return _scoped(Application, user).filter(status=ApplicationStatus.REGISTERING, is_deleted=False).order_by("number")


def application_get(*, user: Any, pk: int) -> Application:
    """One application in the jurisdiction, or 404."""
    return _get(_scoped(Application, user).filter(is_deleted=False), pk, "申请不存在。")


def register_list(*, user: Any) -> QuerySet[RegisterEntry]:
    """准入登记簿 entries in the jurisdiction."""
    return _scoped(RegisterEntry, user).select_related("application").order_by("-registered_at", "-id")


def register_get(*, user: Any, pk: int) -> RegisterEntry:
    """One register entry in the jurisdiction, or 404."""
    return _get(register_list(user=user), pk, "登记记录不存在。")


def supplier_unit_list(*, user: Any) -> QuerySet[SupplierUnitApproval]:
    """Unit supplier approvals in the jurisdiction."""
    return _scoped(SupplierUnitApproval, user).order_by("-applied_at", "-id")


def supplier_person_list(*, user: Any) -> QuerySet[SupplierPersonApproval]:
    """Individual supplier approvals in the jurisdiction."""
    return _scoped(SupplierPersonApproval, user).order_by("-applied_at", "-id")


def supplier_get(*, user: Any, kind: str, pk: int) -> SupplierUnitApproval | SupplierPersonApproval:
    """One supplier approval (kind unit|person) in the jurisdiction, or 404."""
    queryset = supplier_unit_list(user=user) if kind == "unit" else supplier_person_list(user=user)
    return _get(queryset, pk, "审批记录不存在。")


def notice_files(*, user: Any, application: Application) -> QuerySet:
    """The notices (通知书, file type 08) in the application's e-archive."""
    from django.contrib.contenttypes.models import ContentType

    from anju.archive.models import ArchiveFile

    if not _reader(user):
        return ArchiveFile.objects.none()
    return ArchiveFile.objects.filter(
        content_type=ContentType.objects.get_for_model(Application), object_id=str(application.pk),
        file_type="08", is_deleted=False,
    ).order_by("-id")  # fmt: skip
