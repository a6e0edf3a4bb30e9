"""API writes of 配后管理 that the staff pages already had: vacate move-out and close, fixed costs,
annual review rounds, returns and resales of sold homes.

Each endpoint: success with its effect in the database and its audit event, a 400 with the service's
(or the serializer's) Chinese message and nothing changed, 403 for a role the staff page refuses,
404 for a record outside the district.
"""

from datetime import date
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from anju.audit.models import AuditEvent
from anju.housing.choices import UnitState
from anju.tenancy.models import FixedCost, MoveIn, Resale, Return, ReviewRound, Vacate
from anju.tenancy.services import occupancy, review, sold
from anju.tenancy.tests.factories import OTHER_REGION, building_make, entry_make, lease_make, tenancy_make, unit_make

API = "/api/v1/tenancy"
OTHER_DISTRICT = "341621000000"  # 涡阳县


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _audited(event):
    return AuditEvent.objects.filter(detail__event=event).count()


@pytest.fixture
def officer(district_officer):
    return _client(district_officer)


@pytest.fixture
def clerk(community_clerk):
    return _client(community_clerk)


def _vacate(region_code="341602001001", *, moved_out=False):
    move_in = tenancy_make(region_code=region_code)
    vacate = occupancy.vacate_create(move_in=move_in, kind="voluntary", reason="自愿退租", acting_user=None)
    if moved_out:
        vacate = occupancy.vacate_move_out(vacate=vacate, vacated_on=date(2026, 2, 1), acting_user=None)
    return vacate


def _sale_contract(region_code="341602001001"):
    unit = unit_make(building_make(region_code), state=UnitState.ALLOCATED)
    return lease_make(entry_make(region_code), unit, contract_type="sale")


# ---------------------------------------------------------------- vacate: move out


def test_vacate_move_out(officer, demo_regions):
    vacate = _vacate()
    response = officer.post(f"{API}/vacates/{vacate.pk}/move-out/", {"vacated_on": "2026-02-01"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "moved_out" and response.json()["vacated_on"] == "2026-02-01"
    vacate.refresh_from_db()
    assert vacate.status == "moved_out" and vacate.vacated_on == date(2026, 2, 1)
    assert _audited("TENANCY_VACATE_MOVED_OUT") == 1


def test_vacate_move_out_before_moving_in_is_400(officer, demo_regions):
    vacate = _vacate()
    response = officer.post(f"{API}/vacates/{vacate.pk}/move-out/", {"vacated_on": "2025-12-01"}, format="json")
    assert response.status_code == 400 and "腾退时间应在入住时间之后且不晚于今天" in response.content.decode()
    vacate.refresh_from_db()
    assert vacate.status == "notified" and vacate.vacated_on is None
    assert _audited("TENANCY_VACATE_MOVED_OUT") == 0


def test_vacate_move_out_without_a_date_is_400_in_chinese(officer, demo_regions):
    vacate = _vacate()
    response = officer.post(f"{API}/vacates/{vacate.pk}/move-out/", {}, format="json")
    assert response.status_code == 400 and "该字段是必填项" in response.content.decode()


def test_vacate_move_out_refused_to_a_community_clerk(clerk, demo_regions):
    vacate = _vacate()
    response = clerk.post(f"{API}/vacates/{vacate.pk}/move-out/", {"vacated_on": "2026-02-01"}, format="json")
    assert response.status_code == 403 and "无权办理" in response.content.decode()
    vacate.refresh_from_db()
    assert vacate.status == "notified"


def test_vacate_move_out_of_another_district_is_404(officer, demo_regions):
    vacate = _vacate(OTHER_REGION)
    response = officer.post(f"{API}/vacates/{vacate.pk}/move-out/", {"vacated_on": "2026-02-01"}, format="json")
    assert response.status_code == 404
    vacate.refresh_from_db()
    assert vacate.status == "notified"


# ---------------------------------------------------------------- vacate: close (final account)


def test_vacate_close_settles_and_frees_the_unit(officer, demo_regions):
    vacate = _vacate(moved_out=True)
    response = officer.post(
        f"{API}/vacates/{vacate.pk}/close/",
        {"inspected_on": "2026-02-03", "inspection_note": "墙面轻微损坏", "damage_amount": "100"},
        format="json",
    )
    assert response.status_code == 200, response.content
    vacate.refresh_from_db()
    # rent owed 0 + damage 100 − deposit 600
    assert vacate.status == "closed" and vacate.balance == Decimal("-500.00")
    assert response.json()["balance"] == "-500.00"
    assert MoveIn.objects.get(pk=vacate.move_in_id).status == "vacated"
    assert vacate.unit.__class__.objects.get(pk=vacate.unit_id).state == UnitState.VACANT
    assert _audited("TENANCY_VACATE_CLOSED") == 1


def test_vacate_close_before_moving_out_is_400(officer, demo_regions):
    vacate = _vacate()
    response = officer.post(f"{API}/vacates/{vacate.pk}/close/", {"inspected_on": "2026-02-03"}, format="json")
    assert response.status_code == 400 and "登记搬离后才能验房结算" in response.content.decode()
    vacate.refresh_from_db()
    assert vacate.status == "notified" and vacate.inspected_on is None
    assert vacate.unit.__class__.objects.get(pk=vacate.unit_id).state == UnitState.OCCUPIED


def test_vacate_close_refused_to_a_community_clerk(clerk, demo_regions):
    vacate = _vacate(moved_out=True)
    response = clerk.post(f"{API}/vacates/{vacate.pk}/close/", {"inspected_on": "2026-02-03"}, format="json")
    assert response.status_code == 403
    assert Vacate.objects.get(pk=vacate.pk).status == "moved_out"


def test_vacate_close_of_another_district_is_404(officer, demo_regions):
    vacate = _vacate(OTHER_REGION, moved_out=True)
    response = officer.post(f"{API}/vacates/{vacate.pk}/close/", {"inspected_on": "2026-02-03"}, format="json")
    assert response.status_code == 404
    assert Vacate.objects.get(pk=vacate.pk).status == "moved_out"


# ---------------------------------------------------------------- fixed monthly cost


def _cost(project, **changes):
    return {"project": project.pk, "description": "物业管理费", "year": 2026, "month": 3, "amount": "1200", **changes}


def test_fixed_cost_create(officer, building):
    response = officer.post(f"{API}/fixed-costs/new/", _cost(building.project), format="json")
    assert response.status_code == 201, response.content
    cost = FixedCost.objects.get()
    assert cost.project == building.project and cost.amount == Decimal("1200.00") and cost.month == 3
    assert response.json()["id"] == cost.pk and cost.region_code == building.project.region_code
    assert _audited("TENANCY_FIXED_COST_SAVED") == 1


def test_fixed_cost_of_zero_is_400(officer, building):
    response = officer.post(f"{API}/fixed-costs/new/", _cost(building.project, amount="0"), format="json")
    assert response.status_code == 400 and "款项金额应大于0" in response.content.decode()
    assert not FixedCost.objects.exists()


def test_fixed_cost_refused_to_a_community_clerk(clerk, building):
    response = clerk.post(f"{API}/fixed-costs/new/", _cost(building.project), format="json")
    assert response.status_code == 403 and not FixedCost.objects.exists()


def test_fixed_cost_for_a_project_of_another_district_is_404(officer, demo_regions):
    other = building_make(OTHER_REGION)
    response = officer.post(f"{API}/fixed-costs/new/", _cost(other.project), format="json")
    assert response.status_code == 404 and not FixedCost.objects.exists()


# ---------------------------------------------------------------- annual review round: create, evaluate


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The 亳州市 demo programs the review evaluates with."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def test_review_round_create_evaluates_it(officer, district_officer, bozhou_rules, processes):
    response = officer.post(f"{API}/review-rounds/new/", {"year": 2026, "scope_date": "2026-06-30"}, format="json")
    assert response.status_code == 201, response.content
    review_round = ReviewRound.objects.get()
    assert review_round.region_code == district_officer.jurisdiction_id and review_round.year == 2026
    assert review_round.job_id is not None and response.json()["job"] == review_round.job_id
    assert review_round.status == "evaluated"  # the test settings run background tasks at once
    assert _audited("TENANCY_REVIEW_STARTED") == 1


def test_review_round_twice_a_year_is_400(officer, bozhou_rules, processes):
    assert officer.post(f"{API}/review-rounds/new/", {"year": 2026, "scope_date": "2026-06-30"}).status_code == 201
    response = officer.post(f"{API}/review-rounds/new/", {"year": 2026, "scope_date": "2026-07-31"}, format="json")
    assert response.status_code == 400 and "2026年度该区域已发起年审" in response.content.decode()
    assert ReviewRound.objects.count() == 1


def test_review_round_create_refused_to_an_operator(operator, bozhou_rules, processes):
    # 运营单位 operates (vacates, rent) but the annual review is the district's decision
    response = _client(operator).post(f"{API}/review-rounds/new/", {"year": 2026, "scope_date": "2026-06-30"})
    assert response.status_code == 403 and not ReviewRound.objects.exists()


def test_review_round_start(officer, district_officer, bozhou_rules, processes):
    review_round = review.review_round_create(
        year=2026, region_code=district_officer.jurisdiction_id, scope_date=date(2026, 6, 30), acting_user=None
    )
    response = officer.post(f"{API}/review-rounds/{review_round.pk}/start/")
    assert response.status_code == 202, response.content
    review_round.refresh_from_db()
    assert review_round.status == "evaluated" and response.json()["id"] == review_round.job_id
    again = officer.post(f"{API}/review-rounds/{review_round.pk}/start/")
    assert again.status_code == 400 and "该年审已评估" in again.content.decode()
    review_round.refresh_from_db()
    assert review_round.status == "evaluated"


def test_review_round_start_refused_to_an_operator(operator, bozhou_rules, processes):
    review_round = review.review_round_create(
        year=2026, region_code="341602000000", scope_date=date(2026, 6, 30), acting_user=None
    )
    response = _client(operator).post(f"{API}/review-rounds/{review_round.pk}/start/")
    assert response.status_code == 403
    review_round.refresh_from_db()
    assert review_round.status == "queued" and review_round.job_id is None


def test_review_round_start_of_another_district_is_404(officer, bozhou_rules, processes):
    review_round = review.review_round_create(
        year=2026, region_code=OTHER_DISTRICT, scope_date=date(2026, 6, 30), acting_user=None
    )
    assert officer.post(f"{API}/review-rounds/{review_round.pk}/start/").status_code == 404
    review_round.refresh_from_db()
    assert review_round.job_id is None


# ---------------------------------------------------------------- return of a sold home


def _return_body(contract, **changes):
    return {"contract": contract.pk, "reason": "购房人放弃购买", "due_on": "2026-12-31", **changes}


def test_return_create(officer, demo_regions):
    contract = _sale_contract()
    response = officer.post(f"{API}/returns/new/", _return_body(contract), format="json")
    assert response.status_code == 201, response.content
    record = Return.objects.get()
    assert record.contract == contract and record.status == "pending" and record.due_on == date(2026, 12, 31)
    assert response.json()["id"] == record.pk
    assert _audited("TENANCY_RETURN_SAVED") == 1


def test_return_without_a_reason_is_400(officer, demo_regions):
    contract = _sale_contract()
    response = officer.post(f"{API}/returns/new/", _return_body(contract, reason=""), format="json")
    assert response.status_code == 400 and "请填写回退原因" in response.content.decode()
    assert not Return.objects.exists()


def test_return_refused_to_a_community_clerk(clerk, demo_regions):
    response = clerk.post(f"{API}/returns/new/", _return_body(_sale_contract()), format="json")
    assert response.status_code == 403 and not Return.objects.exists()


def test_return_of_another_district_is_404(officer, demo_regions):
    response = officer.post(f"{API}/returns/new/", _return_body(_sale_contract(OTHER_REGION)), format="json")
    assert response.status_code == 404 and not Return.objects.exists()


def _pending_return(region_code="341602001001"):
    return sold.return_create(
        contract=_sale_contract(region_code), reason="购房人放弃购买", due_on=date(2026, 6, 30), acting_user=None
    )


def test_return_complete_frees_the_unit(officer, demo_regions):
    record = _pending_return()
    response = officer.post(f"{API}/returns/{record.pk}/complete/", {"returned_on": "2026-06-01"}, format="json")
    assert response.status_code == 200, response.content
    record.refresh_from_db()
    assert record.status == "returned" and record.returned_on == date(2026, 6, 1)
    assert record.unit.state == UnitState.VACANT and response.json()["status"] == "returned"
    assert _audited("TENANCY_RETURN_SAVED") == 2  # registered, then completed


def test_return_complete_in_the_future_is_400(officer, demo_regions):
    record = _pending_return()
    response = officer.post(f"{API}/returns/{record.pk}/complete/", {"returned_on": "2099-01-01"}, format="json")
    assert response.status_code == 400 and "实回退时间不能晚于今天" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "pending" and record.unit.state == UnitState.ALLOCATED


def test_return_complete_refused_to_a_community_clerk(clerk, demo_regions):
    record = _pending_return()
    response = clerk.post(f"{API}/returns/{record.pk}/complete/", {"returned_on": "2026-06-01"}, format="json")
    assert response.status_code == 403
    assert Return.objects.get(pk=record.pk).status == "pending"


def test_return_complete_of_another_district_is_404(officer, demo_regions):
    record = _pending_return(OTHER_REGION)
    response = officer.post(f"{API}/returns/{record.pk}/complete/", {"returned_on": "2026-06-01"}, format="json")
    assert response.status_code == 404
    assert Return.objects.get(pk=record.pk).status == "pending"


# ---------------------------------------------------------------- resale registration


def _resale_body(contract, **changes):
    return {
        "contract": contract.pk,
        "certificate_number": "皖(2022)亳州市不动产权第0001号",
        "certificate_date": "2022-05-01",
        "applied_on": "2026-05-01",
        "asking_price": "420000",
        "contract_amount": "400000",
        **changes,
    }


def test_resale_register(officer, demo_regions):
    contract = _sale_contract()
    response = officer.post(f"{API}/resales/new/", _resale_body(contract), format="json")
    assert response.status_code == 201, response.content
    resale = Resale.objects.get()
    assert resale.contract == contract and resale.original_price == Decimal("300000.00")
    assert resale.route and response.json()["route"] == resale.route
    assert _audited("TENANCY_RESALE_SAVED") == 1


def test_resale_without_an_asking_price_is_400(officer, demo_regions):
    response = officer.post(f"{API}/resales/new/", _resale_body(_sale_contract(), asking_price="0"), format="json")
    assert response.status_code == 400 and "请填写预售价格" in response.content.decode()
    assert not Resale.objects.exists()


def test_resale_refused_to_a_community_clerk(clerk, demo_regions):
    response = clerk.post(f"{API}/resales/new/", _resale_body(_sale_contract()), format="json")
    assert response.status_code == 403 and not Resale.objects.exists()


def test_resale_of_another_district_is_404(officer, demo_regions):
    response = officer.post(f"{API}/resales/new/", _resale_body(_sale_contract(OTHER_REGION)), format="json")
    assert response.status_code == 404 and not Resale.objects.exists()
