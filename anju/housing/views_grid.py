"""楼盘表 (8.2.1 item 6): a building's floors × unit positions coloured by state, and its print view."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from anju.housing.permissions import can_read_housing
from anju.housing.selectors_grid import building_grid
from anju.housing.timeline import url_or_blank


def project_list_url() -> str:
    """The project list (HS1's page), or "" while it does not exist."""
    return url_or_blank("housing:project_list")


def housing_breadcrumbs(*, project: Any, building: Any = None) -> list[tuple[str, str]]:
    """建设项目 › project › building, linked where the pages exist."""
    crumbs = [("建设项目", project_list_url()), (project.name, url_or_blank("housing:project_detail", project.pk))]
    if building is not None:
        crumbs.append((building.name, url_or_blank("housing:building_detail", building.pk)))
    return crumbs


class HousingReaderMixin(LoginRequiredMixin):
    """Staff of the housing security business; records outside the jurisdiction are 404 (selectors)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Default deny: only the business roles read housing stock."""
        if request.user.is_authenticated and not can_read_housing(request.user):
            raise PermissionDenied("您的角色无权查看房源信息。")
        return super().dispatch(request, *args, **kwargs)


class BuildingGridView(HousingReaderMixin, View):
    """GET /housing/buildings/<pk>/grid/ (?print=1 for the A4 landscape print view)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the grid of one building."""
        grid = building_grid(user=request.user, building_id=pk)
        building = grid.building
        printing = request.GET.get("print") == "1"
        context = {
            "grid": grid,
            "building": building,
            "project": building.project,
            "page_title": f"{building.name} 楼盘表",
            "breadcrumbs": [*housing_breadcrumbs(project=building.project, building=building), ("楼盘表", "")],
        }
        template = "housing/grid/building_grid_print.html" if printing else "housing/grid/building_grid.html"
        return render(request, template, context)
