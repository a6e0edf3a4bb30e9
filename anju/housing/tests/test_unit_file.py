"""一房一档 (housing:unit_detail): the registry, the housing events in order, scoping."""

from datetime import date

import pytest
from django.urls import reverse

from anju.housing.choices import BuildingStatus, UnitState
from anju.housing.models import Building
from anju.housing.selectors_unit_file import unit_file_get
from anju.housing.services.units import MANAGEMENT, handover_create, unit_state_transition
from anju.housing.tests.grid_data import make_building, make_project, make_unit
from anju.housing.timeline import UnitEvent, register_unit_events, unit_event_providers, unregister_unit_events

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    """Archive files below a temporary directory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def handed_over_unit(demo_regions, city_officer):
    """A unit of a completed building, handed over, then locked and released to 空置."""
    building = make_building(make_project())
    Building.objects.filter(pk=building.pk).update(status=BuildingStatus.COMPLETED)
    unit = make_unit(building, 1, 1)
    handover_create(
        project=building.project, units=[unit], handed_over_on=date(2026, 7, 1), handed_over_by="张建设", acting_user=city_officer
    )
    unit.refresh_from_db()
    unit_state_transition(unit=unit, to_state=UnitState.LOCKED, reason="等待验收整改", acting_user=city_officer, source=MANAGEMENT)
    unit_state_transition(unit=unit, to_state=UnitState.VACANT, reason="整改完成", acting_user=city_officer, source=MANAGEMENT)
    return unit


@pytest.fixture
def extra_provider():
    """Remove test providers afterwards, whatever happens."""
    labels = []

    def add(label, func):
        labels.append(label)
        register_unit_events(label, func)

    yield add
    for label in labels:
        unregister_unit_events(label)


def test_housing_registers_its_providers():
    # then
    labels = [p.label for p in unit_event_providers()]
    assert labels[:4] == ["建设项目与单体工程", "竣工移交", "住房状态变更", "电子档案"]


def test_timeline_gathers_housing_events_oldest_first(handed_over_unit, city_officer, media_root):
    # given: an archive file on the unit
    from anju.archive.tests.factories import upload

    upload(handed_over_unit, city_officer, stage="other", file_type="99", title="房屋交付验收单")

    # when
    timeline = unit_file_get(user=city_officer, unit_id=handed_over_unit.pk).timeline

    # then: the handover dated 2026-07-01 comes before the records entered today
    titles = [event.title for event in timeline.events]
    assert titles[0] == "竣工移交：批次 YJXM341602-2026-001-01"
    assert titles[1].startswith("建设项目录入：XM341602-2026-001")
    assert titles[2].startswith("单体工程录入：")
    changes = [t for t in titles if t.startswith("住房状态：")]
    assert changes == ["住房状态：未交付 → 已交付", "住房状态：已交付 → 锁定", "住房状态：锁定 → 空置"]
    assert titles[-1] == "电子档案：房屋交付验收单"
    moments = [event.moment for event in timeline.events]
    assert moments == sorted(moments)
    assert timeline.failed == []


def test_a_later_app_plugs_in_and_a_failing_one_is_named(handed_over_unit, city_officer, extra_provider):
    # given: a contract provider (as distribution will add) and a broken provider
    def contracts(unit, user):
        return [UnitEvent(when=date(2026, 8, 1), title="签订配租合同 HT-001", source="配给管理")]

    def broken(unit, user):
        raise RuntimeError("boom")

    extra_provider("配租合同（测试）", contracts)
    extra_provider("损坏的来源（测试）", broken)

    # when
    timeline = unit_file_get(user=city_officer, unit_id=handed_over_unit.pk).timeline

    # then
    assert "签订配租合同 HT-001" in [event.title for event in timeline.events]
    assert timeline.failed == ["损坏的来源（测试）"]


def test_unit_file_page_shows_facts_and_timeline(client, handed_over_unit, city_officer):
    # given
    client.force_login(city_officer)

    # when
    response = client.get(reverse("housing:unit_detail", args=[handed_over_unit.pk]))

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert handed_over_unit.number in html
    assert 'data-testid="unit-state">空置<' in html
    assert html.count('data-testid="timeline-event"') == 6
    assert html.index("竣工移交：批次") < html.index("建设项目录入") < html.index("锁定 → 空置")
    assert reverse("housing:building_grid", args=[handed_over_unit.building_id]) in html
    assert "style=" not in html


def test_unit_file_of_another_district_is_404(client, handed_over_unit, other_district_clerk):
    # given
    client.force_login(other_district_clerk)

    # when
    response = client.get(reverse("housing:unit_detail", args=[handed_over_unit.pk]))

    # then
    assert response.status_code == 404


def test_new_unit_has_only_its_registration_events(client, demo_regions, city_officer):
    # given: nothing happened to the unit yet: no invented entries
    unit = make_unit(make_building(make_project()), 1, 1)

    # when
    timeline = unit_file_get(user=city_officer, unit_id=unit.pk).timeline

    # then
    assert [event.title.split("：")[0] for event in timeline.events] == ["建设项目录入", "单体工程录入"]


def test_unit_file_query_count_does_not_grow_with_history(client, handed_over_unit, city_officer):
    # given: a unit with a handover and three state changes, and a fresh one without history
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fresh = make_unit(handed_over_unit.building, 2, 1)
    client.force_login(city_officer)
    client.get(reverse("housing:unit_detail", args=[fresh.pk]))  # warm the session

    # when
    with CaptureQueriesContext(connection) as fresh_queries:
        client.get(reverse("housing:unit_detail", args=[fresh.pk]))
    with CaptureQueriesContext(connection) as busy_queries:
        client.get(reverse("housing:unit_detail", args=[handed_over_unit.pk]))

    # then
    assert len(busy_queries) == len(fresh_queries)
