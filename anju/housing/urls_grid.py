"""Routes of the 楼盘表, map and one-house-one-file pages (helper HS2 owns this module)."""

from django.urls import path

from anju.housing.views_grid import BuildingGridView
from anju.housing.views_map import HousingMapBoundariesView, HousingMapDataView, HousingMapView
from anju.housing.views_unit_file import UnitFileView

urlpatterns: list = [
    path("buildings/<int:pk>/grid/", BuildingGridView.as_view(), name="building_grid"),
    path("units/<int:pk>/", UnitFileView.as_view(), name="unit_detail"),
    path("map/", HousingMapView.as_view(), name="map"),
    path("map/data.json", HousingMapDataView.as_view(), name="map_data"),
    path("map/boundaries.geojson", HousingMapBoundariesView.as_view(), name="map_boundaries"),
]
