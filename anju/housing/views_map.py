"""建设项目地图 (3.4.4): the page, its JSON data and the offline district boundaries."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from anju.housing.boundaries import boundary_geojson
from anju.housing.choices import HousingKind
from anju.housing.selectors_map import (
    MapFilters,
    ProjectStage,
    UnitFilter,
    housing_map_data,
    map_boundary_city,
    map_boundary_city_allowed,
    map_district_choices,
    map_focus_district,
)
from anju.housing.views_grid import HousingReaderMixin, project_list_url


class HousingMapView(HousingReaderMixin, View):
    """GET /housing/map/: Leaflet map of projects and vacant units (data loaded by static JS)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """Render the filters and the map container; configuration goes in data-* attributes."""
        filters = MapFilters.from_query(request.GET)
        city = map_boundary_city(user=request.user, default=settings.ANJU_DEMO_CITY)
        context = {
            "page_title": "建设项目地图",
            "breadcrumbs": [("建设项目", project_list_url()), ("地图", "")],
            "filters": filters,
            "districts": map_district_choices(user=request.user),
            "kinds": HousingKind.choices,
            "stages": ProjectStage.choices,
            "unit_filters": UnitFilter.choices,
            "focus_district": map_focus_district(user=request.user),
            "points_url": reverse("housing:map_data"),
            "boundaries_url": f"{reverse('housing:map_boundaries')}?city={city}",
            "tile_url": settings.ANJU_MAP_TILE_URL,
            "tile_attribution": settings.ANJU_MAP_TILE_ATTRIBUTION,
            "centre": settings.ANJU_MAP_CENTRE,
        }
        return render(request, "housing/grid/map.html", context)


class HousingMapDataView(HousingReaderMixin, View):
    """GET /housing/map/data.json?district=&kind=&stage=&units=: projects and their units (空置 by default) in the jurisdiction."""

    def get(self, request: HttpRequest) -> JsonResponse:
        """The selector's data as JSON (Chinese kept readable)."""
        data = housing_map_data(user=request.user, filters=MapFilters.from_query(request.GET))
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


class HousingMapBoundariesView(HousingReaderMixin, View):
    """GET /housing/map/boundaries.geojson?city=341600: the districts of the user's city from `load_boundaries`.

    A user inside a city gets that city whatever `city` says; a province user may ask for a city of the province.
    """

    def get(self, request: HttpRequest) -> HttpResponse:
        """The extracted GeoJSON, or an empty collection with a Chinese hint while it has not been loaded."""
        city = map_boundary_city_allowed(user=request.user, city=(request.GET.get("city") or "").strip(),
                                         default=settings.ANJU_DEMO_CITY)
        body = boundary_geojson(city)
        if body is None:
            # An empty collection, not a 404: the map simply shows no outlines (and says why).
            return JsonResponse(
                {"type": "FeatureCollection", "features": [], "loaded": False,
                 "detail": "尚未加载该市的区县边界：请运行 manage.py load_boundaries。"},
                json_dumps_params={"ensure_ascii": False},
            )
        response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
        response["Cache-Control"] = "private, max-age=3600"
        return response
