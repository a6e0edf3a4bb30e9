"""Region pages and API: staff read, the system administrator writes, export, filters."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anju.core.models import Region

pytestmark = pytest.mark.django_db


def test_clerk_lists_regions_but_cannot_edit(login, community_clerk, demo_regions):
    client = login(community_clerk)
    # when the clerk opens the list / then all demo regions, no add button
    page = client.get(reverse("core:region_list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "谯城区" in html and "涡阳县" in html
    assert reverse("core:region_create") not in html
    # when the clerk tries to edit or create / then 403
    assert client.get(reverse("core:region_update", args=["341602000000"])).status_code == 403
    assert client.post(reverse("core:region_create"), {"code": "341602001099"}).status_code == 403


def test_list_filters(login, community_clerk, demo_regions):
    client = login(community_clerk)
    html = client.get(reverse("core:region_list"), {"level": 3}).content.decode()
    assert "谯城区" in html and "花戏楼街道" not in html
    html = client.get(reverse("core:region_list"), {"parent": "341602001000"}).content.decode()
    assert "白布社区" in html and "北关社区" not in html
    html = client.get(reverse("core:region_list"), {"prefix": "341621", "name": "北关"}).content.decode()
    assert "北关社区" in html and "白布社区" not in html


def test_export_has_the_header_row(login, community_clerk, demo_regions):
    client = login(community_clerk)
    response = client.get(reverse("core:region_list"), {"level": 3, "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("区划代码", "名称", "级别", "全称", "上级区划", "有效")
    assert {row[0] for row in rows[1:]} == {"341602000000", "341621000000"}
    assert rows[1][2] == "县级"


def test_detail_shows_children(login, community_clerk, demo_regions):
    client = login(community_clerk)
    html = client.get(reverse("core:region_detail", args=["341602000000"])).content.decode()
    assert "花戏楼街道" in html and "城关街道" not in html
    assert client.get(reverse("core:region_detail", args=["999999999999"])).status_code == 404


def test_admin_bad_code_keeps_typed_values_and_shows_chinese_error(login, system_admin, demo_regions):
    client = login(system_admin)
    # when the admin posts a community code outside its parent street
    response = client.post(
        reverse("core:region_create"),
        {"code": "341621001099", "name": "错挂社区", "level": "5", "parent": "341602001000"},
    )
    # then the form comes back with what was typed and the reason in Chinese
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="341621001099"' in html and 'value="错挂社区"' in html
    assert "区划代码应以上级区划的代码前缀 341602001 开头" in html
    assert not Region.objects.filter(code="341621001099").exists()


def test_admin_creates_and_edits(login, system_admin, demo_regions):
    client = login(system_admin)
    response = client.post(
        reverse("core:region_create"),
        {"code": "341602001099", "name": "新社区", "level": "5", "parent": "341602001000"},
    )
    assert response.status_code == 302
    assert Region.objects.get(code="341602001099").parent_id == "341602001000"
    response = client.post(reverse("core:region_update", args=["341602001099"]), {"name": "新建社区", "is_active": ""})
    assert response.status_code == 302
    region = Region.objects.get(code="341602001099")
    assert (region.name, region.is_active) == ("新建社区", False)


def test_api_lists_filters_and_children(login, community_clerk, demo_regions):
    client = login(community_clerk)
    body = client.get("/api/v1/regions/", {"level": 3}).json()
    assert {r["code"] for r in body["results"]} == {"341602000000", "341621000000"}
    body = client.get("/api/v1/regions/", {"q": "白布"}).json()
    assert [r["code"] for r in body["results"]] == ["341602001001"]
    body = client.get("/api/v1/regions/", {"parent": "341600000000"}).json()
    assert body["count"] == 2
    detail = client.get("/api/v1/regions/341602000000/").json()
    assert (detail["name"], detail["level_display"], detail["parent"]) == ("谯城区", "县级", "341600000000")
    children = client.get("/api/v1/regions/341602000000/children/").json()
    assert [r["code"] for r in children["results"]] == ["341602001000"]
    assert client.get("/api/v1/regions/999999999999/").status_code == 404


def test_api_requires_login(client, demo_regions):
    assert client.get("/api/v1/regions/").status_code in (401, 403)
