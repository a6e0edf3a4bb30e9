"""API v1 /api/v1/allocation/: plans end to end, scoping, ledgers, monitoring."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from anju.allocation.models import AllocationPlan
from anju.allocation.tests.factories import allocatable_units_for, register_entry_for

pytestmark = pytest.mark.django_db
BASE = "/api/v1/allocation"


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_plan_end_to_end(program, district_officer):
    api = _api(district_officer)
    # create
    response = api.post(f"{BASE}/plans/", {"region_code": "341602000000", "program": program.pk, "mode": "12", "name": "API 方案",
                                          "period_type": "quarter", "period": "2026-Q4"}, format="json")  # fmt: skip
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["status"] == "draft" and response.json()["status_display"] == "草稿"
    # households by id, then by filter
    entries = [register_entry_for(size=1), register_entry_for(size=3), register_entry_for(size=3)]
    assert api.post(f"{BASE}/plans/{pk}/households/", {"register_entries": [entries[0].pk]}, format="json").json() == {
        "count": 1
    }
    assert api.post(f"{BASE}/plans/{pk}/households/", {"filters": {"household_size": 3}}, format="json").json() == {
        "count": 2
    }
    rows = api.get(f"{BASE}/plans/{pk}/households/").json()
    assert {r["register_number"] for r in rows} == {e.number for e in entries}
    # units
    _h, units = allocatable_units_for(count=2)
    assert api.post(f"{BASE}/plans/{pk}/units/", {"units": [u.pk for u in units]}, format="json").status_code == 201
    assert len(api.get(f"{BASE}/plans/{pk}/resources/").json()) == 2
    # remove one household
    assert api.delete(f"{BASE}/plans/{pk}/households/{rows[0]['id']}/").status_code == 204
    # publish
    response = api.post(f"{BASE}/plans/{pk}/publish/")
    assert response.status_code == 200 and response.json()["status"] == "published"
    assert (response.json()["total_households"], response.json()["total_units"]) == (2, 2)
    # a published plan refuses changes with the one error shape
    response = api.patch(f"{BASE}/plans/{pk}/", {"name": "改名"}, format="json")
    assert response.status_code == 400 and "只有草稿方案可以修改" in str(response.json())


def test_duplicate_household_is_refused_in_chinese(program, district_officer):
    api = _api(district_officer)
    entry = register_entry_for()
    ids = []
    for period in ("2026-11", "2026-12"):
        ids.append(api.post(f"{BASE}/plans/", {"region_code": "341602000000", "program": program.pk, "mode": "12", "name": period,
                                              "period_type": "month", "period": period}, format="json").json()["id"])  # fmt: skip
    assert (
        api.post(f"{BASE}/plans/{ids[0]}/households/", {"register_entries": [entry.pk]}, format="json").status_code
        == 201
    )
    response = api.post(f"{BASE}/plans/{ids[1]}/households/", {"register_entries": [entry.pk]}, format="json")
    assert response.status_code == 400 and "不能重复加入" in str(response.json())


def _rows(data):
    return data["results"] if isinstance(data, dict) else data


def test_scoping_and_roles(rental_plan, other_district_clerk, operator, applicant):
    assert _api(other_district_clerk).get(f"{BASE}/plans/{rental_plan.pk}/").status_code == 404
    assert _api(other_district_clerk).post(f"{BASE}/plans/{rental_plan.pk}/publish/").status_code == 404
    assert _rows(_api(other_district_clerk).get(f"{BASE}/plans/").json()) == []
    # the city operator reads the plan but may not publish it
    assert [r["id"] for r in _rows(_api(operator).get(f"{BASE}/plans/").json())] == [rental_plan.pk]
    assert _api(operator).post(f"{BASE}/plans/{rental_plan.pk}/publish/").status_code == 403
    assert _api(applicant).get(f"{BASE}/plans/").status_code == 403
    assert AllocationPlan.objects.get().status == "draft"


def test_ledgers_collect_compute_check(program, district_officer):
    api = _api(district_officer)
    allocatable_units_for(count=4, handed_over_on=date(2026, 5, 2))
    assert api.post(f"{BASE}/ledgers/collect/", {}, format="json").json()["handovers"] == 1
    response = api.post(
        f"{BASE}/ledgers/compute/",
        {"period_type": "quarter", "period": "2026-Q2", "region_code": "341602000000"},
        format="json",
    )
    assert response.json() == {"program_ledgers": 1, "support_ledgers": 0}
    ledger = _rows(api.get(f"{BASE}/ledgers/").json())[0]
    assert (ledger["units_closing"], ledger["period"]) == (4, "2026-Q2")
    assert len(api.get(f"{BASE}/ledgers/{ledger['id']}/entries/").json()) == 1
    assert api.get(f"{BASE}/ledgers/check/").json() == {"balanced": True, "problems": []}


def test_monitoring_endpoints(program, district_officer):
    register_entry_for(size=2)
    allocatable_units_for(count=1, layout="3b1l")
    api = _api(district_officer)
    data = api.get(f"{BASE}/monitoring/").json()
    assert (data["housing_demand"], data["supply_by_layout"]["grand_total"]) == (1, 1)
    table = api.get(
        f"{BASE}/monitoring/custom/", {"subject": "supply", "rows": "district", "columns": "size_class"}
    ).json()
    assert table["columns"] == ["大户型（3人及以上户：三室）"]
    assert (
        api.get(f"{BASE}/monitoring/custom/", {"subject": "supply", "rows": "mode", "columns": "layout"}).status_code
        == 400
    )


def test_support_plan_api(district_officer, dictionaries, demo_regions):
    from anju.rules.models import SupportProgram

    program = SupportProgram.objects.create(
        code="SP1", name="支持", supplier_type="organisation", region_code="341600000000"
    )
    api = _api(district_officer)
    response = api.post(f"{BASE}/support-plans/", {"region_code": "341602000000", "support_program": program.pk, "name": "支持方案",
                                                  "period_type": "year", "period": "2026"}, format="json")  # fmt: skip
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    target = api.post(
        f"{BASE}/support-plans/{pk}/targets/", {"target_number": "GY1", "amount": "100.00"}, format="json"
    ).json()
    assert (
        api.post(
            f"{BASE}/support-plans/{pk}/targets/", {"target_number": "GY1", "amount": "1"}, format="json"
        ).status_code
        == 400
    )
    assert api.delete(f"{BASE}/support-plans/{pk}/targets/{target['id']}/").status_code == 204
    assert "没有支持对象" in str(api.post(f"{BASE}/support-plans/{pk}/publish/").json())
    assert api.post(f"{BASE}/support-plans/{pk}/close/").json()["status"] == "closed"
