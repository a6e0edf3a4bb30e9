"""一房一档 (one house, one file): a unit's facts and its timeline gathered from every app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from anju.housing.selectors_unit_file import unit_file_get
from anju.housing.views_grid import HousingReaderMixin, housing_breadcrumbs


class UnitFileView(HousingReaderMixin, View):
    """GET /housing/units/<pk>/: the unit's file (housing:unit_detail)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the unit's facts, its timeline and its e-archive panel."""
        unit_file = unit_file_get(user=request.user, unit_id=pk)
        unit = unit_file.unit
        building = unit.building
        project = building.project
        fields = [
            ("房屋编号", unit.number),
            ("住房状态", unit.get_state_display()),
            ("所属项目", f"{project.number} {project.name}"),
            ("所属单体工程", f"{building.number} {building.name}"),
            ("单元", unit.entrance),
            ("房号", unit.room_number),
            ("所在楼层", str(unit.floor_from) if unit.floor_from == unit.floor_to else f"{unit.floor_from}–{unit.floor_to}"),
            ("名义楼层", unit.nominal_floor),
            ("建筑面积（㎡）", unit.floor_area),
            ("套内建筑面积（㎡）", unit.inner_area),
            ("户型", unit.get_layout_display()),
            ("朝向", unit.get_orientation_display()),
            ("规划建设房屋分类", unit.get_housing_kind_display()),
            ("房屋来源", unit.get_source_display()),
            ("建成时装修程度", unit.get_decoration_display()),
            ("移交批次编号", unit.handover_batch_number),
        ]
        context = {
            "unit": unit,
            "building": building,
            "project": project,
            "fields": fields,
            "timeline": unit_file.timeline,
            "page_title": f"一房一档 · {building.name} {unit.entrance + '单元 ' if unit.entrance else ''}{unit.room_number}",
            "grid_url": reverse("housing:building_grid", args=[building.pk]),
            "breadcrumbs": [
                *housing_breadcrumbs(project=project, building=building),
                ("楼盘表", reverse("housing:building_grid", args=[building.pk])),
                (unit.number, ""),
            ],
        }
        return render(request, "housing/grid/unit_file.html", context)
