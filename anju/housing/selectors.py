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


def land_reserve_list(*, user: Any) -> QuerySet[LandReserve]:
    """Reserved plots in the user's jurisdiction."""
    return LandReserve.objects.visible_to(user)


def participant_list(*, user: Any) -> QuerySet[Participant]:
    """Participant organisations registered in the user's jurisdiction."""
    return Participant.objects.visible_to(user)


def person_list(*, user: Any) -> QuerySet[ParticipantPerson]:
    """Participant people in the user's jurisdiction."""
    return ParticipantPerson.objects.visible_to(user).select_related("participant")


def certificate_list(*, user: Any) -> QuerySet[Certificate]:
    """Approval certificates in the user's jurisdiction."""
    return Certificate.objects.visible_to(user).select_related("project")


def construction_contract_list(*, user: Any) -> QuerySet[ConstructionContract]:
    """Construction contract filings in the user's jurisdiction."""
    return ConstructionContract.objects.visible_to(user).select_related("project", "building", "party_a", "party_b")


def resettlement_contract_list(*, user: Any) -> QuerySet[ResettlementContract]:
    """Demolition and resettlement contract filings in the user's jurisdiction."""
    return ResettlementContract.objects.visible_to(user).select_related("project")


def progress_log_list(*, user: Any) -> QuerySet[ProgressLog]:
    """Progress logs in the user's jurisdiction."""
    return ProgressLog.objects.visible_to(user).select_related("project", "building")


def handover_list(*, user: Any) -> QuerySet[Handover]:
    """Handover batches in the user's jurisdiction."""
    return Handover.objects.visible_to(user).select_related("project", "received_by")
