"""Projects, buildings, progress logs and the project figures derived from them (A.5.1, A.5.2, A.5.6)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, DecimalField, Max, Min, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from anju.core.services.numbers import business_number_next
from anju.housing.choices import BUILDING_PROGRESS_KINDS, BuildingCategory, BuildingStatus, ProgressKind
from anju.housing.events import HousingEvent
from anju.housing.models import Building, ProgressLog, Project, Unit
from anju.housing.permissions import housing_edit_check
from anju.housing.services.common import audit, save_record

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=14, decimal_places=2))

# A building progress entry: the status it requires before, and the status it sets.
BUILDING_MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    ProgressKind.START: ((BuildingStatus.PLANNED,), BuildingStatus.UNDER_CONSTRUCTION),
    ProgressKind.SUSPENSION: ((BuildingStatus.UNDER_CONSTRUCTION,), BuildingStatus.SUSPENDED),
    ProgressKind.RESUMPTION: ((BuildingStatus.SUSPENDED,), BuildingStatus.UNDER_CONSTRUCTION),
    ProgressKind.COMPLETION: ((BuildingStatus.UNDER_CONSTRUCTION,), BuildingStatus.COMPLETED),
}


@transaction.atomic
def project_create(*, data: dict[str, Any], region_code: str, acting_user: Any) -> Project:
    """A new project in a district or street; 项目编号 XM + county + year + sequence."""
    housing_edit_check(acting_user, region_code)
    project = Project(created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
    year = data.get("year")
    project.number = business_number_next(kind="project", region_code=region_code, year=year)
    return save_record(instance=project, data=data, acting_user=acting_user, event=HousingEvent.PROJECT_CREATED, region_code=region_code)


@transaction.atomic
def project_update(*, project: Project, data: dict[str, Any], acting_user: Any) -> Project:
    """Change a project's typed data (derived figures are not accepted here)."""
    derived = {f.name for f in Project._meta.fields if not f.editable}
    refused = derived & set(data)
    if refused:
        raise ValidationError(f"以下数据由进度日志生成，不能直接修改：{'、'.join(sorted(refused))}。")
    project = save_record(instance=project, data=data, acting_user=acting_user, event=HousingEvent.PROJECT_UPDATED)
    project_figures_refresh(project=project)
    return project


@transaction.atomic
def building_save(*, project: Project, data: dict[str, Any], acting_user: Any, building: Building | None = None) -> Building:
    """Create or change a building of a project; 单体工程编号 = project number + sequence."""
    if building is None:
        building = Building(project=project)
        building.number = f"{project.number}-{Building.objects.filter(project=project).count() + 1:03d}"
    elif building.project_id != project.pk:
        raise ValidationError("楼栋不属于该项目。")
    building = save_record(
        instance=building, data=data, acting_user=acting_user, event=HousingEvent.BUILDING_SAVED, region_code=project.region_code
    )
    project_figures_refresh(project=project)
    return building


@transaction.atomic
def unit_save(*, building: Building, data: dict[str, Any], acting_user: Any, unit: Unit | None = None) -> Unit:
    """Create or change a unit's data (never its state); 房屋编号 = building number + 单元 + 房号."""
    if "state" in data:
        raise ValidationError("住房状态只能通过移交、配给、入住、腾退等业务办理变更。")
    if unit is None:
        unit = Unit(building=building)
    elif unit.building_id != building.pk:
        raise ValidationError("住房不属于该楼栋。")
    entrance = data.get("entrance", unit.entrance) or "0"
    room = data.get("room_number", unit.room_number)
    data = {**data, "number": f"{building.number}-{entrance}-{room}"}
    return save_record(
        instance=unit, data=data, acting_user=acting_user, event=HousingEvent.UNIT_SAVED, region_code=building.region_code
    )


@transaction.atomic
def progress_log_create(*, project: Project, data: dict[str, Any], acting_user: Any) -> ProgressLog:
    """Record one progress entry; a start/completion/suspension/resumption moves its building; figures refresh."""
    housing_edit_check(acting_user, project.region_code)
    log = ProgressLog(project=project, region_code=project.region_code)
    log.created_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    for name, value in data.items():
        setattr(log, name, value)
    if log.building_id and log.building.project_id != project.pk:
        raise ValidationError({"building": ["单体工程不属于该项目。"]})
    if log.kind in BUILDING_PROGRESS_KINDS:
        if not log.building_id:
            raise ValidationError({"building": [f"{ProgressKind(log.kind).label}日志必须指定单体工程。"]})
        building = Building.objects.select_for_update(of=("self",)).get(pk=log.building_id)
        required, target = BUILDING_MOVES[log.kind]
        if building.status not in required:
            raise ValidationError(
                {"kind": [f"楼栋“{building.name}”当前为“{building.get_status_display()}”，不能登记{ProgressKind(log.kind).label}。"]}
            )
        previous = building.progress_logs.filter(kind__in=BUILDING_PROGRESS_KINDS, is_deleted=False).order_by("-recorded_on").first()
        if previous and log.recorded_on < previous.recorded_on:
            raise ValidationError({"recorded_on": [f"记录日期不能早于该楼栋上一次进度记录（{previous.recorded_on}）。"]})
        log.building_status = target
        building.status = target
        if log.kind == ProgressKind.START:
            building.actual_start = log.recorded_on
        if log.kind == ProgressKind.COMPLETION:
            building.actual_completion = log.recorded_on
        building.save(update_fields=["status", "actual_start", "actual_completion", "updated_at"])
    log.full_clean()
    log.save()
    audit(action="RECORD_CREATED", user=acting_user, obj=log, event=HousingEvent.PROGRESS_LOGGED, detail={"kind": log.kind})
    project_figures_refresh(project=project)
    return log


@transaction.atomic
def progress_log_revoke(*, log: ProgressLog, reason: str, acting_user: Any) -> ProgressLog:
    """撤销 a wrong progress entry (kept, marked, left out of the figures); the right one is then recorded anew.

    A building's entry can be revoked only if it is the building's latest one (its status and dates go
    back to what the previous entry set), and a completion only while no unit of the building has been
    handed over. Investment, demolition/resettlement and land-supply entries can be revoked any time.
    """
    housing_edit_check(acting_user, log.region_code)
    log = ProgressLog.objects.select_for_update(of=("self",)).select_related("building").get(pk=log.pk)
    if log.is_deleted:
        raise ValidationError("该进度记录已撤销。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["请填写撤销原因。"]})
    if log.kind in BUILDING_PROGRESS_KINDS and log.building_id:
        building = Building.objects.select_for_update(of=("self",)).get(pk=log.building_id)
        live = building.progress_logs.filter(kind__in=BUILDING_PROGRESS_KINDS, is_deleted=False).order_by("-recorded_on", "-id")
        latest = live.first()
        if latest is not None and latest.pk != log.pk:
            raise ValidationError(
                f"只能撤销楼栋“{building.name}”最近一条进度记录（{latest.recorded_on} {latest.get_kind_display()}），请先撤销其后的记录。"
            )
        if log.kind == ProgressKind.COMPLETION and building.units.filter(handover__isnull=False).exists():
            raise ValidationError(f"楼栋“{building.name}”已有住房竣工移交，不能撤销竣工记录。")
        previous = live.exclude(pk=log.pk).first()
        building.status = previous.building_status if previous else BuildingStatus.PLANNED
        if log.kind == ProgressKind.START:
            building.actual_start = None
        if log.kind == ProgressKind.COMPLETION:
            building.actual_completion = None
        building.save(update_fields=["status", "actual_start", "actual_completion", "updated_at"])
    log.is_deleted, log.deleted_at, log.delete_reason = True, timezone.now(), reason[:200]
    log.deleted_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    log.save(update_fields=["is_deleted", "deleted_at", "deleted_by", "delete_reason", "updated_at"])
    audit(action="RECORD_UPDATED", user=acting_user, obj=log, event=HousingEvent.PROGRESS_REVOKED,
          detail={"kind": log.kind, "reason": log.delete_reason})
    project_figures_refresh(project=log.project)
    return log


def _building_figures(project: Project) -> dict[str, Any]:
    """Areas and unit counts by category × progress, in one aggregate query over the buildings."""
    year = project.year
    started = Q(status__in=[BuildingStatus.UNDER_CONSTRUCTION, BuildingStatus.SUSPENDED, BuildingStatus.COMPLETED])
    states = {
        "started": started,
        "completed": Q(status=BuildingStatus.COMPLETED),
        "suspended": Q(status=BuildingStatus.SUSPENDED),
        "in_progress": Q(status__in=[BuildingStatus.UNDER_CONSTRUCTION, BuildingStatus.SUSPENDED]),
        "started_year": started & Q(actual_start__year=year),
        "completed_year": Q(status=BuildingStatus.COMPLETED, actual_completion__year=year),
    }
    residential, amenity = Q(category=BuildingCategory.RESIDENTIAL), Q(category=BuildingCategory.AMENITY)
    aggregates: dict[str, Any] = {}
    for key, condition in states.items():
        aggregates[f"floor_area_{key}"] = Coalesce(Sum("floor_area", filter=condition), ZERO)
        aggregates[f"residential_area_{key}"] = Coalesce(Sum("residential_area", filter=condition & residential), ZERO)
        aggregates[f"amenity_area_{key}"] = Coalesce(Sum("floor_area", filter=condition & amenity), ZERO)
        aggregates[f"residential_units_{key}"] = Coalesce(Sum("residential_units", filter=condition & residential), 0)
        aggregates[f"amenity_units_{key}"] = Coalesce(Sum("residential_units", filter=condition & amenity), 0)
    aggregates["first_start"] = Min("actual_start")
    aggregates["last_completion"] = Max("actual_completion")
    aggregates["buildings"] = Count("id")
    aggregates["completed_buildings"] = Count("id", filter=Q(status=BuildingStatus.COMPLETED))
    figures = Building.objects.filter(project=project).aggregate(**aggregates)
    total, completed = figures.pop("buildings"), figures.pop("completed_buildings")
    last_completion = figures.pop("last_completion")
    figures["actual_start"] = figures.pop("first_start")
    figures["actual_completion"] = last_completion if total and total == completed else None
    return figures


LOG_SUMS = {
    "investment_completed": "investment_completed",
    "demolition_households": "demolition_households",
    "demolition_floor_area": "demolition_floor_area",
    "demolition_residential_area": "demolition_residential_area",
    "demolition_residential_units": "demolition_residential_units",
    "compensation_amount": "compensation_amount",
    "resettlement_households": "resettlement_households",
    "resettlement_floor_area": "resettlement_floor_area",
    "resettlement_residential_area": "resettlement_residential_area",
    "resettlement_residential_units": "resettlement_residential_units",
    "land_supplied_area": "land_supplied_area",
}


def _log_figures(project: Project) -> dict[str, Any]:
    """Investment, demolition/resettlement and land-supply totals, in one aggregate query over the logs."""
    aggregates: dict[str, Any] = {
        f"sum_{target}": Coalesce(Sum(source), ZERO if "area" in source or "amount" in source or "investment" in source else Value(0))
        for target, source in LOG_SUMS.items()
    }
    aggregates["sum_investment_year"] = Coalesce(Sum("investment_completed", filter=Q(recorded_on__year=project.year)), ZERO)
    sums = ProgressLog.objects.filter(project=project, is_deleted=False).aggregate(**aggregates)
    return {key.removeprefix("sum_"): value for key, value in sums.items()}


def project_figures_refresh(*, project: Project) -> Project:
    """Recompute the derived figures of a project from its buildings and progress logs (two queries, one UPDATE).

    已开工 = started (在建, 停工 or 已竣工); 在建 = started, not completed (停工 included, also shown
    apart as 已停工); 年度 figures use the project's 年度; 实际竣工时间 is set once every building is
    completed. Investment, demolition, resettlement and land supply are the sums of the logs.
    """
    figures = {**_building_figures(project), **_log_figures(project)}
    cent = Decimal("0.01")
    # SQLite sums decimals as floats: round to the fields' two places before storing
    figures = {name: value.quantize(cent) if isinstance(value, Decimal) else value for name, value in figures.items()}
    figures = {name: Decimal(str(value)).quantize(cent) if isinstance(value, float) else value for name, value in figures.items()}
    Project.objects.filter(pk=project.pk).update(**figures)
    for name, value in figures.items():
        setattr(project, name, value)
    return project
