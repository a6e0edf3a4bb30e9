"""Progress logs move buildings and the project's figures are derived from them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anju.housing.choices import BuildingCategory, BuildingStatus, ProgressKind
from anju.housing.services import progress_log_create, project_update
from anju.housing.tests.factories import building_for, complete, project_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(demo_regions):
    """A 2026 project with two residential buildings and one amenity building."""
    project = project_for(year=2026)
    building_for(project, name="1号楼", floor_area="3600.00", residential_units=24, residential_area="3000.00")
    building_for(project, name="2号楼", floor_area="2400.00", residential_units=16, residential_area="2000.00")
    building_for(project, name="配套用房", category=BuildingCategory.AMENITY, floor_area="500.00", residential_units=2,
                 residential_area="0.00")
    return project


def _log(project, building, kind, day):
    return progress_log_create(project=project, acting_user=None, data={"building": building, "kind": kind, "recorded_on": day})


def test_figures_follow_the_logs(project):
    # given
    first, second, amenity = project.buildings.order_by("number")
    # when
    complete(first, started=date(2025, 11, 1), completed=date(2026, 6, 30))
    _log(project, second, ProgressKind.START, date(2026, 2, 1))
    _log(project, second, ProgressKind.SUSPENSION, date(2026, 3, 1))
    _log(project, amenity, ProgressKind.START, date(2026, 4, 1))
    project.refresh_from_db()
    # then
    assert project.floor_area_started == Decimal("6500.00")
    assert project.floor_area_completed == Decimal("3600.00")
    assert project.floor_area_suspended == Decimal("2400.00")
    assert project.floor_area_in_progress == Decimal("2900.00")
    assert project.floor_area_started_year == Decimal("2900.00")  # 1号楼 started in 2025
    assert project.residential_units_started == 40
    assert project.residential_units_completed == 24
    assert project.residential_units_completed_year == 24
    assert project.amenity_area_in_progress == Decimal("500.00")
    assert project.amenity_units_started == 2
    assert project.units_started == 42
    assert project.actual_start == date(2025, 11, 1)
    assert project.actual_completion is None  # not every building is completed


def test_completion_of_every_building_sets_the_project_completion(project):
    # when
    for building, day in zip(project.buildings.order_by("number"), (date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1)), strict=True):
        complete(building, started=date(2026, 1, 1), completed=day)
    project.refresh_from_db()
    # then
    assert project.actual_completion == date(2026, 7, 1)
    assert project.floor_area_completed_year == Decimal("6500.00")


def test_investment_demolition_and_land_supply_are_sums(project):
    # when
    progress_log_create(project=project, acting_user=None, data={"kind": ProgressKind.INVESTMENT, "recorded_on": date(2025, 12, 1),
                                                                 "investment_completed": Decimal("1000.00")})
    progress_log_create(project=project, acting_user=None, data={"kind": ProgressKind.INVESTMENT, "recorded_on": date(2026, 3, 1),
                                                                 "investment_completed": Decimal("500.50")})
    progress_log_create(project=project, acting_user=None, data={"kind": ProgressKind.DEMOLITION, "recorded_on": date(2026, 3, 2),
                                                                 "demolition_households": 30, "compensation_amount": Decimal("120.00")})
    progress_log_create(project=project, acting_user=None, data={"kind": ProgressKind.LAND_SUPPLY, "recorded_on": date(2026, 3, 3),
                                                                 "land_supplied_area": Decimal("8000.00")})
    project.refresh_from_db()
    # then
    assert project.investment_completed == Decimal("1500.50")
    assert project.investment_year == Decimal("500.50")
    assert project.demolition_households == 30
    assert project.compensation_amount == Decimal("120.00")
    assert project.land_supplied_area == Decimal("8000.00")


def test_an_out_of_order_building_move_is_refused(project):
    # given
    building = project.buildings.order_by("number").first()
    # when
    with pytest.raises(ValidationError) as excinfo:
        _log(project, building, ProgressKind.COMPLETION, date(2026, 1, 1))
    # then
    assert "当前为“未开工”，不能登记竣工" in str(excinfo.value)
    building.refresh_from_db()
    assert building.status == BuildingStatus.PLANNED
    assert not project.progress_logs.exists()


def test_a_building_move_needs_a_building(project):
    # when / then
    with pytest.raises(ValidationError, match="开工日志必须指定单体工程"):
        progress_log_create(project=project, acting_user=None, data={"kind": ProgressKind.START, "recorded_on": date(2026, 1, 1)})


def test_derived_figures_cannot_be_typed(project):
    # when / then
    with pytest.raises(ValidationError, match="由进度日志生成"):
        project_update(project=project, data={"floor_area_completed": Decimal(1)}, acting_user=None)


def test_a_project_can_be_edited_after_its_figures_are_refreshed(demo_regions):
    # given: areas whose float sum is not exact (0.1 + 0.2)
    project = project_for()
    complete(building_for(project, name="甲", floor_area="0.10", residential_area="0.10"))
    complete(building_for(project, name="乙", floor_area="0.20", residential_area="0.20"))
    # when
    project = project_update(project=project, data={"approved_name": "希望家园一期"}, acting_user=None)
    # then
    project.refresh_from_db()
    assert project.approved_name == "希望家园一期"
    assert project.floor_area_completed == Decimal("0.30")
