"""Staff pages: lists with filters and export, details with the e-archive panel, forms through services, import, scoping."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

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


@pytest.fixture
def officer_client(client, district_officer):
    """The 谯城区 officer, logged in."""
    client.force_login(district_officer)
    return client


LIST_NAMES = ["project_list", "building_list", "unit_list", "land_reserve_list", "participant_list", "person_list", "certificate_list",
              "construction_contract_list", "resettlement_contract_list", "progress_log_list", "handover_list"]


@pytest.mark.parametrize("name", LIST_NAMES)
def test_every_list_renders_and_exports(officer_client, project, name):
    # when
    page = officer_client.get(reverse(f"housing:{name}"))
    export = officer_client.get(reverse(f"housing:{name}") + "?export=xlsx")
    # then
    assert page.status_code == 200
    assert export.status_code == 200
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_unit_list_filters_and_exports_rows(officer_client, project):
    # when
    page = officer_client.get(reverse("housing:unit_list"), {"state": "undelivered", "q": "102"})
    export = officer_client.get(reverse("housing:unit_list"), {"export": "xlsx"})
    # then
    assert [u.room_number for u in page.context["object_list"]] == ["102"]
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("房屋编号", "所属楼栋", "单元", "房号")
    assert len(rows) >= 3


def test_project_detail_shows_sections_and_the_archive_panel(officer_client, project):
    # when
    response = officer_client.get(reverse("housing:project_detail", args=[project.pk]))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "建设进度（由进度日志生成）" in html
    assert "电子档案" in html
    assert reverse("housing:building_grid", args=[project.buildings.get().pk]) in html


def test_another_district_gets_404(client, project, other_district_clerk):
    # given
    client.force_login(other_district_clerk)
    # when / then
    assert client.get(reverse("housing:project_detail", args=[project.pk])).status_code == 404
    assert client.get(reverse("housing:project_edit", args=[project.pk])).status_code == 404
    assert client.get(reverse("housing:building_detail", args=[project.buildings.get().pk])).status_code == 404
    assert project.number not in client.get(reverse("housing:project_list")).content.decode()


def test_a_reader_without_the_role_is_refused(client, project, applicant_user):
    # given
    client.force_login(applicant_user)
    # when / then
    assert client.get(reverse("housing:project_list")).status_code == 403


@pytest.fixture
def applicant_user(demo_regions):
    """A user with the applicant role only."""
    from conftest import make_user

    return make_user("applicant_x", "applicant", "341602001001")


def test_creating_a_project_through_the_form(officer_client):
    # when
    response = officer_client.post(reverse("housing:project_create"), {
        "region": "341602000000", "proposed_name": "城南公租房", "category": "public_rental", "construction_mode": "new",
        "year": "2026", "land_area": "0", "planned_floor_area": "0", "planned_residential_area": "0",
        "planned_residential_units": "120", "total_investment": "0", "residential_investment": "0",
        "demolition_households_total": "0", "demolition_floor_area_total": "0", "demolition_residential_area_total": "0",
        "demolition_residential_units_total": "0", "resettlement_households_total": "0", "resettlement_floor_area_total": "0",
        "resettlement_residential_area_total": "0", "resettlement_residential_units_total": "0", "land_supply_total": "0",
    })
    # then
    project = Project.objects.get(proposed_name="城南公租房")
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.number.startswith("XM3416022026")


def test_unit_form_never_offers_the_state(officer_client, project):
    # given
    unit = Unit.objects.first()
    # when
    response = officer_client.get(reverse("housing:unit_edit", args=[unit.pk]))
    # then
    assert response.status_code == 200
    assert "state" not in response.context["form"].fields
    assert 'name="state"' not in response.content.decode()


def test_progress_form_errors_stay_on_the_page(officer_client, project):
    # given: the building is already completed
    building = project.buildings.get()
    # when
    response = officer_client.post(reverse("housing:progress_log_create", args=[project.pk]),
                                   {"kind": "start", "recorded_on": "2026-08-01", "building": building.pk})
    # then
    assert response.status_code == 200
    assert "当前为“已竣工”，不能登记开工" in response.content.decode()


def test_handover_form_delivers_units(officer_client, project):
    # when
    response = officer_client.post(reverse("housing:handover_create", args=[project.pk]), {
        "buildings": [project.buildings.get().pk], "handed_over_on": date(2026, 7, 1).isoformat(), "handed_over_by": "李建设",
    })
    # then
    assert response.status_code == 302
    assert set(Unit.objects.values_list("state", flat=True)) == {"delivered"}


def test_import_upload_runs_and_the_job_page_shows_the_report(officer_client, project):
    # given
    content = workbook([], [{"单体工程名称": "1号楼", "单元": "1", "房号": "201", "所在起始层": 2, "建筑面积": 60},
                            {"单体工程名称": "1号楼", "单元": "1", "房号": "202", "所在起始层": 99, "建筑面积": 60}])
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("units.xlsx", content)
    # when
    response = officer_client.post(reverse("housing:units_import", args=[project.pk]), {"file": upload})
    job_page = officer_client.get(response["Location"])
    # then
    html = job_page.content.decode()
    assert "存在错误，未导入任何数据" in html
    assert "所在终止层超过楼栋地上层数（6层）。" in html
    assert officer_client.get(reverse("housing:import_template")).status_code == 200


def test_every_detail_page_renders(officer_client, project, district_officer):
    # given
    from decimal import Decimal

    from anju.housing import services
    from anju.housing.models import Handover

    building = project.buildings.get()
    developer = services.participant_save(data={"name": "亳州城投", "category": "developer", "id_number": "91341600MA2T000019"},
                                          region_code="341602000000", acting_user=district_officer)
    from stdnum.cn import uscc

    second_code = "91341600MA2T0000" + "2" + uscc.calc_check_digit("91341600MA2T00002")
    contractor = services.participant_save(data={"name": "亳州建工", "category": "contractor", "id_number": second_code},
                                           region_code="341602000000", acting_user=district_officer)
    contract = services.construction_contract_save(project=project, acting_user=district_officer, data={
        "party_a": developer, "party_b": contractor, "category": "general", "contract_number": "SG-001", "name": "施工总承包合同",
        "amount": Decimal("3000.00"), "signed_on": date(2026, 1, 10)})
    certificate = services.certificate_save(project=project, acting_user=district_officer, data={
        "number": "建字001", "name": "construction", "issued_on": date(2026, 1, 5), "issuer": "谯城区住建局"})
    resettlement = services.resettlement_contract_save(project=project, acting_user=district_officer, data={
        "contract_number": "AZ001", "signed_on": date(2026, 2, 1), "compensation_mode": "monetary", "displaced_person": "王某",
        "compensation_amount": Decimal("12.50")})
    land = services.land_reserve_save(region_code="341602000000", acting_user=district_officer, data={
        "plot_number": "TD001", "parcel_name": "城南地块", "planned_use": "public_rental", "plan_year": 2026})
    services.handover_create(project=project, units=list(building.units.all()), handed_over_on=date(2026, 7, 1),
                             handed_over_by="李建设", acting_user=district_officer)
    handover = Handover.objects.get()
    pages = {
        reverse("housing:building_detail", args=[building.pk]): reverse("housing:building_grid", args=[building.pk]),
        reverse("housing:certificate_detail", args=[certificate.pk]): "电子档案",
        reverse("housing:participant_detail", args=[developer.pk]): "91341600MA2T000019",
        reverse("housing:construction_contract_detail", args=[contract.pk]): "施工总承包合同",
        reverse("housing:land_reserve_detail", args=[land.pk]): "城南地块",
        reverse("housing:handover_detail", args=[handover.pk]): "李建设",
        reverse("housing:resettlement_contract_detail", args=[resettlement.pk]): "王某",
        reverse("housing:project_list"): reverse("housing:map"),
    }
    for url, expected in pages.items():
        # when
        response = officer_client.get(url)
        # then
        assert response.status_code == 200, url
        assert expected in response.content.decode(), url


def test_the_project_reserve_library_is_the_unapproved_projects(officer_client, project):
    # given: 希望家园 is completed; another project is only proposed
    from anju.housing.tests.factories import project_for

    reserve = project_for(name="城北储备项目")
    # when
    reserve_page = officer_client.get(reverse("housing:project_list"), {"stage": "reserve"})
    building_page = officer_client.get(reverse("housing:project_list"), {"stage": "completed"})
    # then
    assert [p.pk for p in reserve_page.context["object_list"]] == [reserve.pk]
    assert [p.pk for p in building_page.context["object_list"]] == [project.pk]
    assert "储备（未立项）" in reserve_page.content.decode()
