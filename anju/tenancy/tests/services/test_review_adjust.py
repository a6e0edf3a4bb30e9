"""年审结论“调整”: the lease's rent or the rental subsidy standard really changes from the given month on,
with the reason recorded and audited, shown in the household and unit files; past months never change."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from anju.rules.tests.factories import household
from anju.tenancy.models import MoveIn, RentCharge, ReviewResult, StandardAdjustment
from anju.tenancy.services import rent_run
from anju.tenancy.services.rent import rent_adjust, rent_in_force
from anju.tenancy.services.review import review_result_decide, review_round_create, review_round_evaluate
from anju.tenancy.tests.factories import building_make, entry_make, lease_make, tenancy_make, unit_make

SCOPE = date(2025, 6, 30)


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The three 亳州市 demo programs (enabled from 2025-01-01)."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def _charges(move_in):
    return {f"{c.period:%Y-%m}": c.amount for c in RentCharge.objects.filter(move_in=move_in)}


@pytest.fixture
def flagged_tenant(bozhou_rules, processes, district_officer):
    """A household over the income line renting a unit (300/月, reduction 20), charged April–June 2025, flagged."""
    entry = entry_make(application=household(members=[{"hukou_years": 5, "annual_income": 90000}]))
    unit = unit_make(building_make(), state="occupied")
    lease = lease_make(entry, unit, rent="300.00", effective_on=date(2025, 3, 1))
    move_in = MoveIn.objects.create(lease=lease, register_entry=entry, unit=unit, region_code=entry.region_code,
                                    moved_in_on=date(2025, 3, 5), rent=Decimal("300.00"), deposit=lease.deposit,
                                    reduction_amount=Decimal("20.00"), has_reduction=True, reduction_reason="低保")  # fmt: skip
    for month in ("2025-04", "2025-05", "2025-06"):
        rent_run(period=month, acting_user=None)
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    review_round_evaluate(review_round=review_round, acting_user=district_officer)
    result = ReviewResult.objects.get(round=review_round, register_entry=entry)
    assert result.flagged and result.process_instance_id
    return result, move_in


ADJUST = {"adjust_kind": "rent", "new_amount": Decimal("450"), "effective_month": "2025-08", "adjust_reason": "收入超标，按市场租金计收"}  # fmt: skip


def test_adjust_changes_the_rent_from_the_month_on_and_not_before(flagged_tenant, district_officer):
    result, move_in = flagged_tenant
    # when
    review_result_decide(result=result, outcome="adjust", opinion="调整租金", acting_user=district_officer, **ADJUST)
    # then: July (before the month) keeps 300, August on charges 450, each less the reduction of 20
    for month in ("2025-07", "2025-08", "2025-09"):
        rent_run(period=month, acting_user=None)
    assert _charges(move_in) == {
        "2025-04": Decimal("280.00"), "2025-05": Decimal("280.00"), "2025-06": Decimal("280.00"),
        "2025-07": Decimal("280.00"), "2025-08": Decimal("430.00"), "2025-09": Decimal("430.00"),
    }  # fmt: skip
    adjustment = StandardAdjustment.objects.get(review_result=result)
    assert (adjustment.kind, adjustment.old_amount, adjustment.new_amount) == (
        "rent",
        Decimal("300.00"),
        Decimal("450.00"),
    )
    assert adjustment.effective_from == date(2025, 8, 1) and adjustment.reason == ADJUST["adjust_reason"]
    assert rent_in_force(move_in, "2025-07") == Decimal("300.00") and rent_in_force(move_in, "2025-12") == Decimal(
        "450.00"
    )
    result.refresh_from_db()
    assert result.outcome == "adjust" and result.notice_number
    # audited with the amounts and the reason
    from anju.audit.models import AuditEvent

    details = [e.detail for e in AuditEvent.objects.order_by("pk") if e.detail.get("adjustment")]
    assert any(d.get("kind") == "rent" and d.get("reason") == ADJUST["adjust_reason"] for d in details)
    assert any(isinstance(d["adjustment"], dict) and d["adjustment"]["new"] == "450.00" for d in details)
    # the household file and the unit file show it
    from anju.archive.household_file import household_timeline_collect
    from anju.housing.timeline import unit_timeline_collect

    titles = [e.title for e in household_timeline_collect(application=result.register_entry.application,
                                                           user=district_officer).events]  # fmt: skip
    assert "调整租金：300.00 → 450.00 元/月" in titles
    unit_titles = [e.title for e in unit_timeline_collect(unit=move_in.unit, user=district_officer).events]
    assert any(t.startswith("调整租金：") and "450.00" in t for t in unit_titles)


def test_a_second_adjustment_wins_from_its_month(demo_regions, district_officer):
    move_in = tenancy_make(moved_in_on=date(2026, 1, 5))
    rent_run(period="2026-01", acting_user=None)
    rent_adjust(move_in=move_in, new_rent=Decimal("350"), effective_from="2026-03", reason="年审调整",
                acting_user=district_officer)  # fmt: skip
    rent_adjust(move_in=move_in, new_rent=Decimal("400"), effective_from="2026-05", reason="再次调整",
                acting_user=district_officer)  # fmt: skip
    for month in ("2026-02", "2026-03", "2026-04", "2026-05"):
        rent_run(period=month, acting_user=None)
    charges = _charges(move_in)
    assert [charges[m] for m in sorted(charges)] == [Decimal(x) for x in ("300", "300", "350", "350", "400")]


def test_adjust_cannot_reach_back_into_charged_months(flagged_tenant, district_officer):
    result, move_in = flagged_tenant
    with pytest.raises(ValidationError) as error:
        review_result_decide(result=result, outcome="adjust", opinion="调整", acting_user=district_officer,
                             **{**ADJUST, "effective_month": "2025-06"})  # fmt: skip
    assert error.value.message_dict["effective_month"] == [
        "租金已计收至2025年6月，调整起始月份应在此之后（已计收的月份不改）。"
    ]
    with pytest.raises(ValidationError) as error:
        review_result_decide(result=result, outcome="adjust", opinion="调整", acting_user=district_officer,
                             **{**ADJUST, "new_amount": Decimal("10")})  # fmt: skip
    assert "不能低于该户的租金减免金额20.00元" in error.value.message_dict["new_amount"][0]
    result.refresh_from_db()
    assert result.outcome == "pending" and not StandardAdjustment.objects.exists()  # nothing half-done
    assert _charges(move_in)["2025-06"] == Decimal("280.00")


def test_adjust_needs_kind_amount_month_and_reason(flagged_tenant, district_officer):
    result, _move_in = flagged_tenant
    with pytest.raises(ValidationError) as error:
        review_result_decide(result=result, outcome="adjust", opinion="调整", acting_user=district_officer)
    assert error.value.message_dict == {
        "adjust_kind": ["请选择调整租金或调整补贴标准。"],
        "new_amount": ["请填写调整后的金额（元/月）。"],
        "effective_month": ["请填写调整起始月份（YYYY-MM）。"],
        "adjust_reason": ["请填写调整理由。"],
    }
    with pytest.raises(ValidationError) as error:
        review_result_decide(result=result, outcome="adjust", opinion="调整", acting_user=district_officer,
                             **{**ADJUST, "effective_month": "八月", "new_amount": Decimal("-1")})  # fmt: skip
    assert "YYYY-MM" in error.value.message_dict["effective_month"][0]
    assert error.value.message_dict["new_amount"] == ["调整后的金额不能为负数。"]


def test_adjust_the_subsidy_standard_of_a_subsidy_household(bozhou_rules, processes, district_officer):
    from anju.distribution.models import Contract, SubsidyDue
    from anju.distribution.services.subsidies import subsidy_month_run

    entry = entry_make(application=household(members=[{"hukou_years": 5, "annual_income": 90000}]))
    contract = Contract.objects.create(
        number="HTBT000001", contract_type="subsidy", register_entry=entry, region_code=entry.region_code,
        subsidy_amount=Decimal("500.00"), subsidy_payment_method="bank", subsidy_starts_on=date(2025, 4, 1),
        signer_name=entry.applicant_name, signer_id_number=entry.id_number, status="signed",
        effective_on=date(2025, 4, 1), signed_at=timezone.now(),
    )  # fmt: skip
    for month in (4, 5, 6):
        subsidy_month_run(year=2025, month=month, acting_user=None)
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    review_round_evaluate(review_round=review_round, acting_user=district_officer)
    result = ReviewResult.objects.get(round=review_round, register_entry=entry)
    subsidy = {**ADJUST, "adjust_kind": "subsidy", "new_amount": Decimal("300"), "adjust_reason": "收入增加，降低补贴"}
    # a month already generated is refused (its dues are never rewritten)
    with pytest.raises(ValidationError, match="调整应自2025年7月起"):
        review_result_decide(result=result, outcome="adjust", opinion="调整补贴", acting_user=district_officer,
                             **{**subsidy, "effective_month": "2025-06"})  # fmt: skip
    # when
    review_result_decide(result=result, outcome="adjust", opinion="调整补贴", acting_user=district_officer,
                         **{**subsidy, "effective_month": "2025-07"})  # fmt: skip
    # then
    for month in (7, 8):
        subsidy_month_run(year=2025, month=month, acting_user=None)
    dues = dict(SubsidyDue.objects.filter(contract=contract).values_list("month", "amount"))
    assert dues == {4: Decimal("500.00"), 5: Decimal("500.00"), 6: Decimal("500.00"), 7: Decimal("300.00"),
                    8: Decimal("300.00")}  # fmt: skip
    adjustment = StandardAdjustment.objects.get(review_result=result)
    assert (adjustment.kind, adjustment.contract_id, adjustment.old_amount) == (
        "subsidy",
        contract.pk,
        Decimal("500.00"),
    )
    from anju.archive.household_file import household_timeline_collect

    titles = [e.title for e in household_timeline_collect(application=entry.application, user=district_officer).events]
    assert "调整补贴标准：500.00 → 300.00 元/月" in titles


def test_rent_adjust_without_a_tenancy_is_refused(bozhou_rules, processes, district_officer):
    entry = entry_make(application=household(members=[{"hukou_years": 5, "annual_income": 90000}]))
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    review_round_evaluate(review_round=review_round, acting_user=district_officer)
    result = ReviewResult.objects.get(round=review_round, register_entry=entry)
    with pytest.raises(ValidationError) as error:
        review_result_decide(result=result, outcome="adjust", opinion="调整", acting_user=district_officer, **ADJUST)
    assert error.value.message_dict["adjust_kind"] == ["该家庭没有在租的入住记录，不能调整租金。"]


def test_decision_page_shows_the_adjust_fields_and_requires_them(client, flagged_tenant, district_officer):
    result, move_in = flagged_tenant
    client.force_login(district_officer)
    url = reverse("tenancy:review_result_decide", args=[result.pk])
    page = client.get(url).content.decode()
    for label in ("调整对象", "调整后金额", "调整起始月份", "调整理由", "调整补贴标准"):
        assert label in page
    response = client.post(url, {"outcome": "adjust", "opinion": "调整"})
    body = response.content.decode()
    assert response.status_code == 200
    for message in (
        "请选择调整租金或调整补贴标准。",
        "请填写调整后的金额（元/月）。",
        "请填写调整起始月份（YYYY-MM）。",
        "请填写调整理由。",
    ):
        assert message in body
    response = client.post(url, {"outcome": "adjust", "opinion": "调整", "adjust_kind": "rent", "new_amount": "420",
                                 "effective_month": "2025-06", "adjust_reason": "年审调整"})  # fmt: skip
    assert response.status_code == 200 and "租金已计收至2025年6月" in response.content.decode()
    response = client.post(url, {"outcome": "adjust", "opinion": "调整", "adjust_kind": "rent", "new_amount": "420",
                                 "effective_month": "2025-07", "adjust_reason": "年审调整"})  # fmt: skip
    assert response.status_code == 302
    detail = client.get(result.get_absolute_url()).content.decode()
    assert "300.00 → 420.00 元/月" in detail and "年审调整" in detail
    rent_run(period="2025-07", acting_user=None)
    assert _charges(move_in)["2025-07"] == Decimal("400.00")


def test_api_decision_requires_the_adjust_fields(flagged_tenant, district_officer):
    result, move_in = flagged_tenant
    api = APIClient()
    api.force_authenticate(district_officer)
    path = f"/api/v1/tenancy/review-results/{result.pk}/decide/"
    bad = api.post(path, {"outcome": "adjust", "opinion": "调整", "adjust_kind": "rent"}, format="json")
    assert bad.status_code == 400 and "请填写调整后的金额（元/月）。" in bad.content.decode()
    month = api.post(path, {"outcome": "adjust", "opinion": "调整", "adjust_kind": "rent", "new_amount": "420",
                            "effective_month": "2025/07", "adjust_reason": "年审"}, format="json")  # fmt: skip
    assert month.status_code == 400 and "月份格式应为 YYYY-MM" in month.content.decode()
    ok = api.post(path, {"outcome": "adjust", "opinion": "调整", "adjust_kind": "rent", "new_amount": "420",
                         "effective_month": "2025-07", "adjust_reason": "年审"}, format="json")  # fmt: skip
    assert ok.status_code == 200 and ok.json()["outcome"] == "adjust"
    rent_run(period="2025-07", acting_user=None)
    assert _charges(move_in)["2025-07"] == Decimal("400.00")


def test_move_in_page_shows_the_rent_in_force_and_the_adjustments(client, flagged_tenant, district_officer):
    # given: the rent adjusted from 2025-08
    result, move_in = flagged_tenant
    review_result_decide(result=result, outcome="adjust", opinion="调整租金", acting_user=district_officer, **ADJUST)
    client.force_login(district_officer)
    # when: the page is read after the month the adjustment starts
    import time_machine

    with time_machine.travel(date(2025, 9, 15), tick=False):
        html = client.get(reverse("tenancy:move_in_detail", args=[move_in.pk])).content.decode()
    # then: the rent of this month is the adjusted one, and the adjustment is listed with its reason
    assert "本月适用租金（元/月）" in html and "450.00" in html
    assert "租金调整（年审）" in html and "2025-08" in html and ADJUST["adjust_reason"] in html
