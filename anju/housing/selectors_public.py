"""Public, read-only view of the housing stock for the portal's listings and public map (no login, no scoping).

What the public may see is limited to estates (projects) that have allocatable units: name, kind,
district, address, coordinates, how many units by layout and their area range, and a rent level
when another app provides one. Never unit numbers, occupants, contracts or any personal data.

"Allocatable" is the same supply resource allocation reads (`selectors.allocatable_units`):
handed-over units in state 已交付 or 空置.

Rent levels come from providers registered by the apps that know them (tenancy's rent rules,
the rules app's standards), like the 一房一档 registry::

    from anju.housing.selectors_public import register_rent_level_provider

    def rent_levels(project_ids):            # -> {project_id: "12.00 元/㎡·月"}
        ...

    register_rent_level_provider("租金标准", rent_levels)   # in AppConfig.ready()
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Min, Q

from anju.core.models import Region
from anju.housing.choices import HousingKind, Layout
from anju.housing.models import Project, Unit
from anju.housing.services.units import ALLOCATABLE_STATES

logger = logging.getLogger(__name__)

RentLevelProvider = Callable[[list[int]], dict[int, str]]
_RENT_LEVEL_PROVIDERS: dict[str, RentLevelProvider] = {}


def register_rent_level_provider(name: str, provider: RentLevelProvider) -> None:
    """Add (or replace) a provider of public rent levels by project id; the first one that knows a project wins."""
    _RENT_LEVEL_PROVIDERS[name] = provider


def unregister_rent_level_provider(name: str) -> None:
    """Remove a provider (tests)."""
    _RENT_LEVEL_PROVIDERS.pop(name, None)


def _rent_levels(project_ids: list[int]) -> dict[int, str]:
    """Rent level text per project from the registered providers; a failing provider is logged and skipped."""
    levels: dict[int, str] = {}
    for name, provider in _RENT_LEVEL_PROVIDERS.items():
        try:
            found = provider(project_ids) or {}
        except Exception:  # a broken provider must not take the public page down
            logger.exception("rent level provider %s failed", name)
            continue
        for project_id, level in found.items():
            levels.setdefault(project_id, level)
    return levels


@dataclass(frozen=True)
class LayoutCount:
    """Allocatable units of one layout in an estate."""

    layout: str
    label: str
    count: int


@dataclass(frozen=True)
class PublicEstate:
    """One estate as the public sees it."""

    id: int
    number: str
    name: str
    kind: str
    kind_label: str
    district_code: str
    district: str
    address: str
    latitude: float | None
    longitude: float | None
    allocatable_units: int
    area_min: Decimal | None
    area_max: Decimal | None
    layouts: tuple[LayoutCount, ...] = field(default=())
    rent_level: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (areas as strings, layouts as dicts)."""
        return {
            "id": self.id, "number": self.number, "name": self.name, "kind": self.kind, "kind_label": self.kind_label,
            "district_code": self.district_code, "district": self.district, "address": self.address,
            "latitude": self.latitude, "longitude": self.longitude, "allocatable_units": self.allocatable_units,
            "area_min": str(self.area_min) if self.area_min is not None else None,
            "area_max": str(self.area_max) if self.area_max is not None else None,
            "layouts": [{"layout": lc.layout, "label": lc.label, "count": lc.count} for lc in self.layouts],
            "rent_level": self.rent_level,
        }


def _district(code: str) -> str:
    return code[:6].ljust(12, "0")


def public_estates(
    *, district: str = "", kind: str = "", layout: str = "", region_prefix: str = "", project_ids: Iterable[int] | None = None
) -> list[PublicEstate]:
    """Estates with allocatable units, by district and number, in three queries (plus rent providers) whatever the size.

    Filters: `district` (6- or 12-digit county code), `kind` (项目类别, a HousingKind code), `layout`
    (only estates with allocatable units of that layout; the counts stay complete), `region_prefix`
    (a portal serving one city passes its prefix). Invalid values match nothing rather than everything.
    """
    allocatable = Q(buildings__units__state__in=ALLOCATABLE_STATES, buildings__units__handover__isnull=False)
    projects = Project.objects.all()
    if project_ids is not None:
        projects = projects.filter(pk__in=list(project_ids))
    if region_prefix:
        projects = projects.filter(region_code__startswith=region_prefix)
    if district:
        if not (district.isdigit() and len(district) in (6, 12)):
            return []
        projects = projects.filter(region_code__startswith=district[:6])
    if kind:
        if kind not in HousingKind.values:
            return []
        projects = projects.filter(category=kind)
    if layout:
        if layout not in Layout.values:
            return []
        with_layout = Unit.objects.filter(state__in=ALLOCATABLE_STATES, handover__isnull=False, layout=layout)
        projects = projects.filter(pk__in=with_layout.values("building__project_id"))  # a subquery: the counts stay complete
    rows = list(
        projects.annotate(
            allocatable_total=Count("buildings__units", filter=allocatable, distinct=True),
            area_min=Min("buildings__units__floor_area", filter=allocatable),
            area_max=Max("buildings__units__floor_area", filter=allocatable),
        )
        .filter(allocatable_total__gt=0)
        .only("id", "number", "proposed_name", "approved_name", "category", "region_code", "address", "latitude", "longitude")
        .order_by("region_code", "number")
    )
    ids = [p.pk for p in rows]
    layout_names = dict(Layout.choices)
    counts: dict[int, list[LayoutCount]] = {}
    for row in (
        Unit.objects.filter(building__project_id__in=ids, state__in=ALLOCATABLE_STATES, handover__isnull=False)
        .values("building__project_id", "layout")
        .annotate(total=Count("id"))
        .order_by("building__project_id", "layout")
    ):
        code = row["layout"] or ""
        counts.setdefault(row["building__project_id"], []).append(
            LayoutCount(layout=code, label=layout_names.get(code, "其他") if code else "未注明", count=row["total"])
        )
    districts = dict(Region.objects.filter(code__in={_district(p.region_code) for p in rows}).values_list("code", "name"))
    rents = _rent_levels(ids) if ids else {}
    return [
        PublicEstate(
            id=p.pk, number=p.number, name=p.name, kind=p.category, kind_label=p.get_category_display(),
            district_code=_district(p.region_code), district=districts.get(_district(p.region_code), ""), address=p.address,
            latitude=float(p.latitude) if p.latitude is not None else None,
            longitude=float(p.longitude) if p.longitude is not None else None,
            allocatable_units=p.allocatable_total, area_min=p.area_min, area_max=p.area_max,
            layouts=tuple(counts.get(p.pk, ())), rent_level=rents.get(p.pk, ""),
        )
        for p in rows
    ]


def public_estate_get(*, pk: int) -> PublicEstate | None:
    """One estate if it currently has allocatable units (else None: the portal shows 404)."""
    estates = public_estates(project_ids=[pk])
    return estates[0] if estates else None


def public_map_points(**filters: Any) -> list[dict[str, Any]]:
    """The estates that have coordinates, as JSON-ready dicts for the public map (same filters as `public_estates`)."""
    return [e.as_dict() for e in public_estates(**filters) if e.latitude is not None and e.longitude is not None]
