"""Progress logs are never edited: a wrong entry is revoked (kept, left out of the figures) and recorded anew."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from anju.housing.choices import BuildingStatus, ProgressKind
from anju.housing.models import Building, ProgressLog, Project
from anju.housing.services import handover_create, progress_log_create, progress_log_revoke
from anju.housing.tests.factories import building_for, complete, project_for, unit_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def building(demo_regions):
    """A 谯城区 building started 2026-01-10 and completed 2026-06-30, with one unit."""
    building = complete(building_for(project_for(year=2026), residential_units=24))
    unit_for(building)
    return building


def _logs(building):
    return {log.kind: log for log in ProgressLog.objects.filter(building=building)}


def test_revoking_the_latest_completion_puts_the_building_back_and_refreshes_the_figures(building, district_officer):
    # given
    project = building.project
    assert Project.objects.get(pk=project.pk).residential_units_completed == 24
    # when
    revoked = progress_log_revoke(log=_logs(building)[ProgressKind.COMPLETION], reason="竣工日期录错", acting_user=district_officer)
    # then
    building.refresh_from_db()
    project.refresh_from_db()
    assert (revoked.is_deleted, revoked.delete_reason, revoked.deleted_by) == (True, "竣工日期录错", district_officer)
    assert (building.status, building.actual_completion, building.actual_start) == (BuildingStatus.UNDER_CONSTRUCTION, None, date(2026, 1, 10))
    assert (project.residential_units_completed, project.actual_completion) == (0, None)
    # and the right entry is recorded anew
    progress_log_create(project=project, acting_user=district_officer,
                        data={"building": building, "kind": ProgressKind.COMPLETION, "recorded_on": date(2026, 7, 15)})
    building.refresh_from_db()
    assert building.actual_completion == date(2026, 7, 15)


def test_only_the_latest_building_entry_can_be_revoked(building, district_officer):
    # when
    with pytest.raises(ValidationError) as excinfo:
        progress_log_revoke(log=_logs(building)[ProgressKind.START], reason="x", acting_user=district_officer)
    # then
    assert excinfo.value.messages == ["只能撤销楼栋“1号楼”最近一条进度记录（2026-06-30 竣工），请先撤销其后的记录。"]
    assert not ProgressLog.objects.filter(is_deleted=True).exists()
    assert Building.objects.get(pk=building.pk).status == BuildingStatus.COMPLETED


def test_a_handed_over_building_keeps_its_completion(building, district_officer):
    # given
    handover_create(project=building.project, units=list(building.units.all()), handed_over_on=date(2026, 7, 1),
                    handed_over_by="李建设", acting_user=district_officer)
    # when / then
    with pytest.raises(ValidationError, match="已有住房竣工移交，不能撤销竣工记录"):
        progress_log_revoke(log=_logs(building)[ProgressKind.COMPLETION], reason="x", acting_user=district_officer)


def test_a_revoked_investment_entry_leaves_the_sums_and_a_reason_is_required(building, district_officer):
    # given
    project = building.project
    log = progress_log_create(project=project, acting_user=district_officer, data={
        "kind": ProgressKind.INVESTMENT, "recorded_on": date(2026, 3, 31), "investment_completed": Decimal("800.00")})
    assert Project.objects.get(pk=project.pk).investment_completed == Decimal("800.00")
    # when
    with pytest.raises(ValidationError):
        progress_log_revoke(log=log, reason=" ", acting_user=district_officer)
    progress_log_revoke(log=log, reason="重复登记", acting_user=district_officer)
    # then
    assert Project.objects.get(pk=project.pk).investment_completed == Decimal("0.00")
    with pytest.raises(ValidationError, match="已撤销"):
        progress_log_revoke(log=log, reason="again", acting_user=district_officer)


def test_the_revoke_page_and_the_list(client, building, district_officer):
    # given
    client.force_login(district_officer)
    log = _logs(building)[ProgressKind.COMPLETION]
    # when
    detail = client.get(reverse("housing:progress_log_detail", args=[log.pk])).content.decode()
    refused = client.post(reverse("housing:progress_log_revoke", args=[_logs(building)[ProgressKind.START].pk]), {"reason": "录错"})
    done = client.post(reverse("housing:progress_log_revoke", args=[log.pk]), {"reason": "竣工日期录错"})
    # then
    assert reverse("housing:progress_log_revoke", args=[log.pk]) in detail
    assert "请先撤销其后的记录" in refused.content.decode()
    assert done.status_code == 302
    live = client.get(reverse("housing:progress_log_list")).context["object_list"]
    revoked = client.get(reverse("housing:progress_log_list"), {"deleted": "1"})
    assert [entry.kind for entry in live] == [ProgressKind.START]
    assert [entry.pk for entry in revoked.context["object_list"]] == [log.pk]
    assert "已撤销（竣工日期录错）" in revoked.content.decode()


def test_the_revoke_api(building, district_officer, other_district_clerk):
    # given
    log = _logs(building)[ProgressKind.COMPLETION]
    api, stranger = APIClient(), APIClient()
    api.force_authenticate(district_officer)
    stranger.force_authenticate(other_district_clerk)
    url = f"/api/v1/housing/progress-logs/{log.pk}/revoke/"
    # when
    outside = stranger.post(url, {"reason": "x"}, format="json")
    done = api.post(url, {"reason": "录错"}, format="json")
    listed = api.get("/api/v1/housing/progress-logs/", {"project": building.project_id})
    # then
    assert outside.status_code == 404
    assert done.status_code == 200 and done.json()["is_deleted"] is True
    assert [entry["kind"] for entry in listed.json()["results"]] == [ProgressKind.START]
