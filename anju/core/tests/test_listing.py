"""The staff list pattern (anju.core.listing) on a real model: filters, pages, export, roles."""

import io

import django_filters
import pytest
from django.urls import path
from openpyxl import load_workbook

from anju.core.listing import Column, StaffListView, cell_text, excel_value
from anju.core.models import Region
from anju.core.signals import data_exported
from config.urls import urlpatterns as root_urlpatterns


class RegionFilterSet(django_filters.FilterSet):
    """Filter regions by name and level."""

    name = django_filters.CharFilter(label="名称", lookup_expr="icontains")

    class Meta:
        model = Region
        fields = ["name", "level"]


def region_list(*, user):
    """All regions (reference data, not region-scoped)."""
    return Region.objects.all()


class RegionListView(StaffListView):
    """行政区划 list for the tests."""

    title = "行政区划"
    selector = staticmethod(region_list)
    filterset_class = RegionFilterSet
    columns = [Column("区划代码", "code"), Column("名称", "name"), Column("级别", "level"), Column("有效", "is_active")]


class DistrictOnlyRegionListView(RegionListView):
    """The same list restricted to district officers."""

    required_roles = ("district_officer",)


urlpatterns = [
    path("test-listing/regions/", RegionListView.as_view(), name="test_region_list"),
    path("test-listing/district-regions/", DistrictOnlyRegionListView.as_view(), name="test_district_region_list"),
    *root_urlpatterns,
]
pytestmark = pytest.mark.urls("anju.core.tests.test_listing")


@pytest.fixture
def many_regions(demo_regions):
    """The demo regions plus 45 communities of 白布 street."""
    Region.objects.bulk_create(
        Region(code=f"341602001{n:03d}", name=f"测试社区{n:02d}", level=5, parent_id="341602001000", prefix=f"341602001{n:03d}")
        for n in range(100, 145)
    )
    return Region.objects.count()


def test_list_requires_login(client, db):
    # when
    response = client.get("/test-listing/regions/")
    # then
    assert response.status_code == 302


def test_list_renders_rows_total_and_choice_labels(client, community_clerk):
    # given
    client.force_login(community_clerk)
    # when
    response = client.get("/test-listing/regions/")
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "共 8 条" in html
    assert "亳州市" in html and "地级" in html  # get_level_display
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


def test_filter_narrows_the_rows(client, community_clerk):
    # given
    client.force_login(community_clerk)
    # when
    response = client.get("/test-listing/regions/", {"name": "社区"})
    # then
    names = [obj.name for obj, _ in response.context["rows"]]
    assert sorted(names) == ["北关社区", "白布社区"]
    assert response.context["total_count"] == 2
    assert 'value="社区"' in response.content.decode()  # the filter keeps its input


def test_invalid_filter_shows_nothing_rather_than_everything(client, community_clerk):
    # given
    client.force_login(community_clerk)
    # when
    response = client.get("/test-listing/regions/", {"level": "9"})
    # then
    assert response.context["total_count"] == 0
    assert "没有符合条件的记录" in response.content.decode()


@pytest.mark.parametrize(("asked", "expected"), [(None, 20), ("5", 10), ("50", 50), ("5000", 200), ("abc", 20)])
def test_page_size_is_bounded(client, community_clerk, many_regions, asked, expected):
    # given
    client.force_login(community_clerk)
    params = {"page_size": asked} if asked else {}
    # when
    response = client.get("/test-listing/regions/", params)
    # then
    assert response.context["paginator"].per_page == expected
    assert len(response.context["rows"]) == min(expected, many_regions)


def test_pages_cover_every_row_once_and_keep_the_filter(client, community_clerk, many_regions):
    # given
    client.force_login(community_clerk)
    seen = []
    # when
    for page in (1, 2, 3):
        response = client.get("/test-listing/regions/", {"name": "测试", "page": page})
        seen += [obj.code for obj, _ in response.context["rows"]]
    # then
    assert len(seen) == len(set(seen)) == 45
    assert 'href="?name=%E6%B5%8B%E8%AF%95&amp;page=2"' in response.content.decode()


def test_page_out_of_range_shows_last_page_not_404(client, community_clerk, many_regions):
    # given
    client.force_login(community_clerk)
    # when
    response = client.get("/test-listing/regions/", {"page": "999"})
    # then
    assert response.status_code == 200
    assert response.context["page_obj"].number == response.context["paginator"].num_pages == 3


def test_export_xlsx_contains_the_filtered_rows_and_is_signalled(client, community_clerk):
    # given
    client.force_login(community_clerk)
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    data_exported.connect(receiver)
    try:
        # when
        response = client.get("/test-listing/regions/", {"name": "社区", "export": "xlsx"})
    finally:
        data_exported.disconnect(receiver)
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment; filename*=UTF-8''" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("区划代码", "名称", "级别", "有效")
    assert sorted(rows[1:]) == [("341602001001", "白布社区", "村级（社区）", "是"), ("341621001001", "北关社区", "村级（社区）", "是")]
    assert len(received) == 1
    assert received[0]["user"] == community_clerk
    assert received[0]["model_label"] == "core.Region"
    assert received[0]["row_count"] == 2
    assert received[0]["filters"]["name"] == "社区"


def test_export_never_turns_text_into_a_formula(client, community_clerk):
    # given
    Region.objects.create(code="341602001999", name='=HYPERLINK("http://evil","点我")', level=5, prefix="341602001999")
    client.force_login(community_clerk)
    # when
    response = client.get("/test-listing/regions/", {"name": "HYPERLINK", "export": "xlsx"})
    # then
    cell = load_workbook(io.BytesIO(response.content)).active["B2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://evil","点我")'


def test_role_restricted_list_is_403_for_other_roles(client, community_clerk, district_officer):
    # given
    client.force_login(community_clerk)
    # when
    denied = client.get("/test-listing/district-regions/")
    denied_export = client.get("/test-listing/district-regions/", {"export": "xlsx"})
    client.force_login(district_officer)
    allowed = client.get("/test-listing/district-regions/")
    # then
    assert denied.status_code == 403
    assert "没有访问权限" in denied.content.decode()
    assert denied_export.status_code == 403
    assert allowed.status_code == 200


def test_first_column_links_to_detail_when_the_record_has_one(rf, community_clerk):
    # given
    class Linked:
        code = "X1"

        def get_absolute_url(self):
            return "/x/1/"

    view = RegionListView()
    view.request = rf.get("/")
    # when
    rows = view.build_rows([Linked()], [Column("代码", "code"), Column("又一个代码", "code")])
    # then
    assert rows[0][1] == [("X1", "/x/1/"), ("X1", "")]


def test_cell_and_excel_values():
    from datetime import date
    from decimal import Decimal

    assert cell_text(True) == "是"
    assert cell_text(date(2026, 1, 2)) == "2026-01-02"
    assert excel_value(Decimal("12.50")) == Decimal("12.50")
    assert excel_value(None) == ""
    assert excel_value("a\x01b") == "ab"
