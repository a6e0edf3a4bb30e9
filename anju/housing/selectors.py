"""Reads of the 建设项目 subsystem: every selector starts from `visible_to(user)` (style.md 3-4)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from anju.core.scoping import get_visible_or_404
from anju.housing.models import (
    Building,
    Certificate,
    ConstructionContract,
    Handover,
    LandReserve,
    Participant,
    ParticipantPerson,
    ProgressLog,
    Project,
    ResettlementContract,
    Unit,
)
from anju.housing.services.units import ALLOCATABLE_STATES


def project_list(*, user: Any) -> QuerySet[Project]:
    """Projects in the user's jurisdiction."""
    return Project.objects.visible_to(user)


def project_get(*, user: Any, pk: Any) -> Project:
    """One project in the user's jurisdiction, or 404."""
    return get_visible_or_404(Project.objects.all(), user, pk=pk)


def building_list(*, user: Any) -> QuerySet[Building]:
    """Buildings in the user's jurisdiction, with their project."""
    return Building.objects.visible_to(user).select_related("project", "handover")


def building_get(*, user: Any, pk: Any) -> Building:
    """One building in the user's jurisdiction, or 404."""
    return get_visible_or_404(Building.objects.select_related("project"), user, pk=pk)


def unit_list(*, user: Any) -> QuerySet[Unit]:
    """Units in the user's jurisdiction, with building and project."""
    return Unit.objects.visible_to(user).select_related("building", "building__project", "handover")


def unit_get(*, user: Any, pk: Any) -> Unit:
    """One unit in the user's jurisdiction, or 404."""
    return get_visible_or_404(Unit.objects.select_related("building", "building__project", "handover"), user, pk=pk)


def allocatable_units(*, user: Any, district: str | None = None, layout: str | None = None) -> QuerySet[Unit]:
    """The supply resource allocation reads: handed-over units that are 已交付 or 空置, in the user's jurisdiction."""
    queryset = unit_list(user=user).filter(state__in=ALLOCATABLE_STATES, handover__isnull=False)
    if district:
        queryset = queryset.within(district)
    if layout:
        queryset = queryset.filter(layout=layout)
    return queryset


def _live(queryset: QuerySet, include_deleted: bool) -> QuerySet:
    """Hide records deleted by `record_delete` unless asked (lists filter them, details show them to restore)."""
    return queryset if include_deleted else queryset.filter(is_deleted=False)


def land_reserve_list(*, user: Any, include_deleted: bool = False) -> QuerySet[LandReserve]:
    """Reserved plots in the user's jurisdiction."""
    return _live(LandReserve.objects.visible_to(user), include_deleted)


def participant_list(*, user: Any, include_deleted: bool = False) -> QuerySet[Participant]:
    """Participant organisations registered in the user's jurisdiction."""
    return _live(Participant.objects.visible_to(user), include_deleted)


def person_list(*, user: Any, include_deleted: bool = False) -> QuerySet[ParticipantPerson]:
    """Participant people (项目参与人员, A.5.5) in the user's jurisdiction, with their organisation."""
    return _live(ParticipantPerson.objects.visible_to(user).select_related("participant"), include_deleted)


def certificate_list(*, user: Any, include_deleted: bool = False) -> QuerySet[Certificate]:
    """Approval certificates in the user's jurisdiction."""
    return _live(Certificate.objects.visible_to(user).select_related("project"), include_deleted)


def construction_contract_list(*, user: Any, include_deleted: bool = False) -> QuerySet[ConstructionContract]:
    """Construction contract filings in the user's jurisdiction."""
    queryset = ConstructionContract.objects.visible_to(user).select_related("project", "building", "party_a", "party_b")
    return _live(queryset, include_deleted)


def resettlement_contract_list(*, user: Any, include_deleted: bool = False) -> QuerySet[ResettlementContract]:
    """Demolition and resettlement contract filings in the user's jurisdiction."""
    return _live(ResettlementContract.objects.visible_to(user).select_related("project"), include_deleted)


def progress_log_list(*, user: Any, include_deleted: bool = False) -> QuerySet[ProgressLog]:
    """Progress logs in the user's jurisdiction (revoked ones only when asked)."""
    return _live(ProgressLog.objects.visible_to(user).select_related("project", "building"), include_deleted)


def handover_list(*, user: Any) -> QuerySet[Handover]:
    """Handover batches in the user's jurisdiction."""
    return Handover.objects.visible_to(user).select_related("project", "received_by")
