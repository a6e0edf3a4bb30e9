"""API v1 /api/v1/housing/: scoped reads with filters, writes through services, import and job status."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from anju.housing.models import Project, Unit
from anju.housing.tests.factories import building_for, complete, project_for, unit_for, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(demo_regions):
    """A 谯城区 project with a completed building and two units."""
    project = project_for(name="希望家园")
    building = complete(building_for(project))
    unit_for(building, room="101")
    unit_for(building, room="102")
    return project


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_lists_are_scoped_and_filtered(project, district_officer, other_district_clerk):
    # when
    mine = _api(district_officer).get("/api/v1/housing/units/", {"q": "101"})
    theirs = _api(other_district_clerk).get("/api/v1/housing/projects/")
    # then
    assert mine.status_code == 200
    assert [u["room_number"] for u in mine.json()["results"]] == ["101"]
    assert mine.json()["results"][0]["state_display"] == "未交付"
    assert theirs.json()["count"] == 0


@pytest.mark.parametrize("path", ["projects", "buildings", "units", "land-reserves", "participants", "people", "certificates",
                                  "construction-contracts", "resettlement-contracts", "progress-logs", "handovers",
                                  "units/allocatable"])
def test_every_list_answers(project, city_officer, path):
    # when
    response = _api(city_officer).get(f"/api/v1/housing/{path}/")
    # then
    assert response.status_code == 200
    assert "results" in response.json()


def test_another_district_gets_404(project, other_district_clerk):
    # when / then
    assert _api(other_district_clerk).get(f"/api/v1/housing/projects/{project.pk}/").status_code == 404
    unit = Unit.objects.first()
    assert _api(other_district_clerk).get(f"/api/v1/housing/units/{unit.pk}/").status_code == 404
    response = _api(other_district_clerk).post(f"/api/v1/housing/projects/{project.pk}/handovers/",
                                               {"buildings": [unit.building_id], "handed_over_on": "2026-07-01", "handed_over_by": "李"},
                                               format="json")
    assert response.status_code == 404


def test_create_and_update_a_project(district_officer):
    # when
    created = _api(district_officer).post("/api/v1/housing/projects/", {
        "region_code": "341602000000", "proposed_name": "城南公租房", "category": "public_rental", "construction_mode": "new",
        "year": 2026,
    }, format="json")
    refused = _api(district_officer).post("/api/v1/housing/projects/", {
        "region_code": "341621000000", "proposed_name": "涡阳项目", "category": "public_rental", "construction_mode": "new", "year": 2026,
    }, format="json")
    # then
    assert created.status_code == 201, created.json()
    assert created.json()["number"].startswith("XM341602")
    assert refused.status_code == 403
    patched = _api(district_officer).patch(f"/api/v1/housing/projects/{created.json()['id']}/", {"approved_name": "城南公租房一期"},
                                           format="json")
    assert patched.json()["approved_name"] == "城南公租房一期"


def test_progress_and_handover_endpoints(project, district_officer):
    # given
    client = _api(district_officer)
    # when
    log = client.post(f"/api/v1/housing/projects/{project.pk}/progress-logs/",
                      {"kind": "investment", "recorded_on": "2026-03-01", "investment_completed": "800.00"}, format="json")
    handover = client.post(f"/api/v1/housing/projects/{project.pk}/handovers/",
                           {"buildings": [project.buildings.get().pk], "handed_over_on": "2026-07-01", "handed_over_by": "李建设"},
                           format="json")
    supply = client.get("/api/v1/housing/units/allocatable/", {"district": "341602000000"})
    # then
    assert log.status_code == 201
    assert client.get(f"/api/v1/housing/projects/{project.pk}/").json()["investment_completed"] == "800.00"
    assert handover.status_code == 201 and handover.json()["unit_count"] == 2
    assert supply.json()["count"] == 2


def test_an_illegal_progress_entry_gets_the_error_shape(project, district_officer):
    # when
    response = _api(district_officer).post(f"/api/v1/housing/projects/{project.pk}/progress-logs/",
                                           {"kind": "start", "recorded_on": str(date(2026, 8, 1)), "building": project.buildings.get().pk},
                                           format="json")
    # then
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "不能登记开工" in str(response.json()["errors"])


def test_import_upload_and_job_status(project, district_officer):
    # given
    content = workbook([], [{"单体工程名称": "1号楼", "单元": "2", "房号": "101", "所在起始层": 1, "建筑面积": 60}])
    client = _api(district_officer)
    # when
    started = client.post(f"/api/v1/housing/projects/{project.pk}/import/", {"file": SimpleUploadedFile("u.xlsx", content)},
                          format="multipart")
    status = client.get(f"/api/v1/housing/import-jobs/{started.json()['id']}/")
    # then
    assert started.status_code == 202
    assert status.json()["status"] == "succeeded"
    assert status.json()["result"]["导入住房数"] == 1
    assert Project.objects.get().buildings.get().units.count() == 3
