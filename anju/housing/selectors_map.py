"""Data of the 建设项目 map (3.4.4): projects and their units (空置 by default, or another state) inside the user's jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from anju.core.models import Region
from anju.core.models.regions import RegionLevel
from anju.core.scoping import jurisdiction_prefix, significant_prefix
from anju.housing.boundaries import city_code6
from anju.housing.choices import HousingKind, UnitState
from anju.housing.models import Building, Project, Unit
from anju.housing.services.units import ALLOCATABLE_STATES

MAX_VACANT_UNITS = 5000


class ProjectStage:
    """建设阶段 filter of the map, read from the derived start/completion dates."""

    PLANNED = "planned"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"
    choices = ((PLANNED, "未开工"), (UNDER_CONSTRUCTION, "在建"), (COMPLETED, "已竣工"))


class UnitFilter:
    """住房状态 filter of the map: which units are drawn (空置 by default; 可配置 = the allocatable supply)."""

    VACANT = UnitState.VACANT.value
    ALLOCATABLE = "allocatable"
    choices = (
        (VACANT, "空置"),
        (ALLOCATABLE, "可配置（已移交的已交付、空置住房）"),
        *((state.value, state.label) for state in UnitState if state != UnitState.VACANT),
    )

    @staticmethod
    def condition(value: str, prefix: str = "") -> Q:
        """The Q of the units this filter shows (prefix = the path to Unit, e.g. "units__")."""
        if value == UnitFilter.ALLOCATABLE:
            return Q(**{f"{prefix}state__in": ALLOCATABLE_STATES, f"{prefix}handover__isnull": False})
        return Q(**{f"{prefix}state": value})

    @staticmethod
    def label(value: str) -> str:
        """The short Chinese name of a filter value (空置, 可配置, 维修 …)."""
        return "可配置" if value == UnitFilter.ALLOCATABLE else dict(UnitFilter.choices).get(value, "")


@dataclass(frozen=True)
class MapFilters:
    """The map's filters as parsed from the query string (invalid values are ignored)."""

    district: str = ""
    kind: str = ""
    stage: str = ""
    units: str = UnitFilter.VACANT

    @classmethod
    def from_query(cls, query: Any) -> MapFilters:
        """Keep only well-formed values: a 6/12-digit code, a known kind and stage."""
        district = (query.get("district") or "").strip()
        if not (district.isdigit() and len(district) in (6, 12)):
            district = ""
        kind = query.get("kind") or ""
        stage = query.get("stage") or ""
        units = query.get("units") or UnitFilter.VACANT
        return cls(
            district=district.ljust(12, "0") if district else "",
            kind=kind if kind in HousingKind.values else "",
            stage=stage if stage in dict(ProjectStage.choices) else "",
            units=units if units in dict(UnitFilter.choices) else UnitFilter.VACANT,
        )


def map_district_choices(*, user: Any) -> list[Region]:
    """The county-level regions the user may filter by (the ones inside or containing the jurisdiction)."""
    prefix = jurisdiction_prefix(user)
    if prefix is None:
        return []
    regions = Region.objects.filter(level=RegionLevel.COUNTY, is_active=True)
    if len(prefix) >= 6:
        return list(regions.filter(code=prefix[:6].ljust(12, "0")))
    return list(regions.filter(code__startswith=prefix).order_by("code"))


def map_focus_district(*, user: Any) -> str:
    """The 12-digit county whose outline the map highlights and fits: a district (or street, community) user's own; else ""."""
    prefix = jurisdiction_prefix(user)
    if not prefix or len(prefix) < 6:
        return ""
    return prefix[:6].ljust(12, "0")


def map_boundary_city_allowed(*, user: Any, city: str, default: str) -> str:
    """The 6-digit city the boundaries endpoint serves: the asked one only inside the user's jurisdiction, else the user's own."""
    own = map_boundary_city(user=user, default=default)
    prefix = jurisdiction_prefix(user)
    if not (city.isdigit() and len(city) in (6, 12)) or prefix is None:
        return own
    asked = city_code6(city)
    if len(prefix) >= 4:  # a city, district or lower: its own city only
        return own
    return asked if asked.startswith(prefix) else own


def map_boundary_city(*, user: Any, default: str) -> str:
    """The 6-digit city whose boundaries the user's map shows (its jurisdiction's city)."""
    code = getattr(user, "jurisdiction_id", "") or ""
    if code and len(significant_prefix(code)) >= 4:
        return city_code6(code)
    return city_code6(default)


def _projects(*, user: Any, filters: MapFilters) -> QuerySet:
    """Visible projects after the filters."""
    projects = Project.objects.visible_to(user)
    if filters.district:
        projects = projects.within(filters.district)
    if filters.kind:
        projects = projects.filter(category=filters.kind)
    if filters.stage == ProjectStage.PLANNED:
        projects = projects.filter(actual_start__isnull=True)
    elif filters.stage == ProjectStage.UNDER_CONSTRUCTION:
        projects = projects.filter(actual_start__isnull=False, actual_completion__isnull=True)
    elif filters.stage == ProjectStage.COMPLETED:
        projects = projects.filter(actual_completion__isnull=False)
    return projects


def _float(value: Decimal | None) -> float | None:
    """A coordinate for JSON."""
    return float(value) if value is not None else None


def housing_map_data(*, user: Any, filters: MapFilters) -> dict[str, Any]:
    """Projects (with buildings and counts) and the units of the 住房状态 filter (空置 by default) for the map, in four queries."""
    vacant = Q(units__state=UnitState.VACANT)
    matching = UnitFilter.condition(filters.units, "units__")
    projects = list(
        _projects(user=user, filters=filters)
        .annotate(unit_total=Count("buildings__units"),
                  vacant_total=Count("buildings__units", filter=Q(buildings__units__state=UnitState.VACANT)),
                  matching_total=Count("buildings__units", filter=UnitFilter.condition(filters.units, "buildings__units__")))
        .only("id", "number", "proposed_name", "approved_name", "category", "region_code", "latitude", "longitude")
        .order_by("number")
    )
    project_ids = [p.pk for p in projects]
    buildings_by_project: dict[int, list[dict[str, Any]]] = {}
    building_rows = (
        Building.objects.visible_to(user)
        .filter(project_id__in=project_ids)
        .annotate(vacant_total=Count("units", filter=vacant), matching_total=Count("units", filter=matching))
        .values("id", "project_id", "name", "number", "vacant_total", "matching_total")
        .order_by("number")
    )
    for row in building_rows:
        buildings_by_project.setdefault(row["project_id"], []).append(
            {
                "id": row["id"],
                "name": row["name"],
                "number": row["number"],
                "vacant_count": row["vacant_total"],
                "matching_count": row["matching_total"],
                "grid_url": reverse("housing:building_grid", args=[row["id"]]),
            }
        )
    district_codes = {p.region_code[:6].ljust(12, "0") for p in projects}
    district_names = dict(Region.objects.filter(code__in=district_codes).values_list("code", "name"))
    project_rows = [
        {
            "id": p.pk,
            "number": p.number,
            "name": p.name,
            "kind": p.category,
            "kind_label": p.get_category_display(),
            "district_code": p.region_code[:6].ljust(12, "0"),
            "district_name": district_names.get(p.region_code[:6].ljust(12, "0"), ""),
            "lat": _float(p.latitude),
            "lng": _float(p.longitude),
            "unit_count": p.unit_total,
            "vacant_count": p.vacant_total,
            "matching_count": p.matching_total,
            "url": reverse("housing:project_detail", args=[p.pk]),
            "buildings": buildings_by_project.get(p.pk, []),
        }
        for p in projects
    ]
    unit_rows = list(
        Unit.objects.visible_to(user)
        .filter(UnitFilter.condition(filters.units), building__project_id__in=project_ids)
        .values(
            "id", "number", "entrance", "room_number", "floor_area", "layout", "state", "building_id", "building__name",
            "building__latitude", "building__longitude", "building__project__latitude", "building__project__longitude",
            "building__project__proposed_name", "building__project__approved_name",
        )
        .order_by("building__number", "floor_from", "entrance", "room_number")[: MAX_VACANT_UNITS + 1]
    )
    truncated = len(unit_rows) > MAX_VACANT_UNITS
    layouts = dict(Unit._meta.get_field("layout").choices)
    states = dict(UnitState.choices)
    units = [
        {
            "id": row["id"],
            "number": row["number"],
            "label": f"{row['building__name']} {row['entrance'] + '单元 ' if row['entrance'] else ''}{row['room_number']}",
            "project_name": row["building__project__approved_name"] or row["building__project__proposed_name"],
            "floor_area": str(row["floor_area"]),
            "layout_label": layouts.get(row["layout"], ""),
            "state": row["state"],
            "state_label": states.get(row["state"], ""),
            "lat": _float(row["building__latitude"] if row["building__latitude"] is not None else row["building__project__latitude"]),
            "lng": _float(row["building__longitude"] if row["building__longitude"] is not None else row["building__project__longitude"]),
            "url": reverse("housing:unit_detail", args=[row["id"]]),
            "grid_url": reverse("housing:building_grid", args=[row["building_id"]]),
        }
        for row in unit_rows[:MAX_VACANT_UNITS]
    ]
    return {"projects": project_rows, "units": units, "units_label": UnitFilter.label(filters.units), "truncated": truncated}
