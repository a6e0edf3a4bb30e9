"""URLs for the browser tests: the real site plus one region list built on StaffListView."""

from django.urls import path

from anju.core.listing import Column, StaffListView
from anju.core.models import Region
from config.urls import urlpatterns as root_urlpatterns


def region_list(*, user):
    """All regions (reference data)."""
    return Region.objects.all()


class BrowserRegionListView(StaffListView):
    """行政区划 list with an Excel export."""

    title = "行政区划"
    selector = staticmethod(region_list)
    columns = [Column("区划代码", "code"), Column("名称", "name"), Column("级别", "level")]


urlpatterns = [path("browser-test/regions/", BrowserRegionListView.as_view(), name="browser_region_list"), *root_urlpatterns]
