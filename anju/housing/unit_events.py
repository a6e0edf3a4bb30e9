"""The housing app's contributions to 一房一档: project, building, progress, handover, state changes, files.

Registered from `HousingConfig.ready()`; every event comes from a stored record (no placeholders).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from anju.housing.choices import UnitState
from anju.housing.models import ProgressLog, Unit, UnitStateChange
from anju.housing.timeline import UnitEvent, register_unit_events, url_or_blank

SOURCE = "建设项目"


def project_building_events(unit: Unit, user: Any) -> Iterable[UnitEvent]:
    """The project and building being registered, and the building's progress log entries."""
    building = unit.building
    project = building.project
    yield UnitEvent(
        when=project.created_at, title=f"建设项目录入：{project.number} {project.name}", source=SOURCE,
        detail=f"{project.get_category_display()} · {project.get_construction_mode_display()}",
        url=url_or_blank("housing:project_detail", project.pk), icon="buildings",
    )
    yield UnitEvent(
        when=building.created_at, title=f"单体工程录入：{building.number} {building.name}", source=SOURCE,
        url=url_or_blank("housing:building_detail", building.pk), icon="building",
    )
    logs = (
        ProgressLog.objects.visible_to(user)
        .filter(Q(building=building) | Q(project=project, building__isnull=True), is_deleted=False)
        .order_by("recorded_on", "id")
    )
    for log in logs:
        scope = "单体" if log.building_id else "项目"
        yield UnitEvent(
            when=log.recorded_on, title=f"{scope}进度：{log.get_kind_display()}", source=SOURCE,
            detail=log.note, icon="clipboard-check",
        )


def handover_events(unit: Unit, user: Any) -> Iterable[UnitEvent]:
    """The handover batch that brought the unit into the allocatable stock."""
    if unit.handover_id is None:
        return
    handover = unit.handover
    yield UnitEvent(
        when=handover.handed_over_on, title=f"竣工移交：批次 {handover.batch_number}", source=SOURCE,
        detail=f"移交人 {handover.handed_over_by}" + (f"，{handover.note}" if handover.note else ""),
        url=url_or_blank("housing:handover_detail", handover.pk), icon="box-arrow-in-right",
    )


def state_change_events(unit: Unit, user: Any) -> Iterable[UnitEvent]:
    """Every recorded state change of the unit."""
    labels = dict(UnitState.choices)
    changes = UnitStateChange.objects.filter(unit=unit).select_related("acting_user").order_by("changed_at", "id")
    for change in changes:
        who = (change.acting_user.full_name or change.acting_user.username) if change.acting_user_id else ""
        yield UnitEvent(
            when=change.changed_at,
            title=f"住房状态：{labels.get(change.from_state, change.from_state)} → {labels.get(change.to_state, change.to_state)}",
            source=SOURCE, detail="；".join(part for part in (change.reason, who) if part), icon="arrow-left-right",
        )


def archive_file_events(unit: Unit, user: Any) -> Iterable[UnitEvent]:
    """The unit's e-archive files (电子档案), by upload time."""
    from anju.archive.selectors import archive_files_for

    for file in archive_files_for(user=user, owner=unit).order_by("uploaded_at", "id"):
        yield UnitEvent(
            when=file.uploaded_at, title=f"电子档案：{file.title}", source="电子档案",
            detail=f"{file.number} · {file.get_stage_display()}", url=file.get_absolute_url(), icon="file-earmark-text",
        )


def register() -> None:
    """Register the housing providers (called from HousingConfig.ready)."""
    register_unit_events("建设项目与单体工程", project_building_events)
    register_unit_events("竣工移交", handover_events)
    register_unit_events("住房状态变更", state_change_events)
    register_unit_events("电子档案", archive_file_events)
