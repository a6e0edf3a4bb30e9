"""Every business step writes its audit event: who did it, on what, with the stable event id in detail["event"].

Covers 资源配置方案发布 (allocation), 选房 and 审核确认选房, 补贴应发 and 补贴实发 (distribution),
竣工移交 and 楼栋住房导入 (housing). The event ids are written out as strings on purpose: they are what the
audit log and its readers search for, so renaming one must fail here.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from anju.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def the_event(event_id: str, *, user, obj, action: str) -> AuditEvent:
    """The single audit event with this id; it names the acting user and the object."""
    events = list(AuditEvent.objects.filter(detail__event=event_id))
    assert len(events) == 1, f"{event_id}: {len(events)} 条审计事件"
    event = events[0]
    assert event.user_id == user.pk and event.username == user.username
    assert event.action == action and event.result == "success"
    assert event.object_id == str(obj.pk)
    return event


# --- allocation: 发布资源配置方案 -------------------------------------------------------------------


def test_plan_publish_is_audited(rental_plan, district_officer):
    from anju.allocation.services import plans
    from anju.allocation.tests.factories import allocatable_units_for, register_entry_for

    plans.plan_households_add(plan=rental_plan, entries=[register_entry_for()], acting_user=district_officer)
    _h, units = allocatable_units_for(count=1)
    plans.plan_units_add(plan=rental_plan, units=units, acting_user=district_officer)
    assert not AuditEvent.objects.filter(detail__event="ALLOCATION_PLAN_PUBLISHED").exists()
    # when
    plan = plans.plan_publish(plan=rental_plan, acting_user=district_officer)
    # then
    the_event("ALLOCATION_PLAN_PUBLISHED", user=district_officer, obj=plan, action="APPROVAL")


# --- distribution: 选房 / 审核确认选房 ------------------------------------------------------------


@pytest.fixture
def selecting(demo_regions, district_officer):
    """A waiting-list round of a published 谯城区 plan (4 households, 3 units), selection open."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed
    from anju.distribution.choices import RoundMethod
    from anju.distribution.models import Selection
    from anju.distribution.services.rounds import round_create
    from anju.distribution.services.selection import selections_open
    from anju.distribution.services.waitlist import queue_compute
    from anju.distribution.tests.factories import allocatable_units, households, published_plan
    from anju.rules.demo import rules_demo_load
    from anju.rules.models import OrderingScheme

    dictionary_load_seed()
    admission_dictionaries_ensure()
    rules_demo_load()
    scheme = OrderingScheme.objects.select_related("version__rule_set__mode__program").first()
    entries = households([{"members": [{}], "applied_days_ago": 300}, {"members": [{}, {}], "applied_days_ago": 200}])
    plan = published_plan(program=scheme.version.rule_set.mode.program, entries=entries, units=allocatable_units(2))
    round_ = round_create(plan=plan, method=RoundMethod.WAITLIST, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    selections_open(
        round_=round_, starts_at=timezone.now() - timedelta(minutes=1), window_minutes=30, acting_user=district_officer
    )
    units = [r.unit for r in plan.resources.select_related("unit").order_by("id")]
    return Selection.objects.filter(round=round_).order_by("order").first(), units


def test_selection_choose_and_confirm_are_audited(selecting, district_officer, city_officer):
    from anju.distribution.services.selection import selection_choose, selection_confirm

    selection, units = selecting
    # when the household's choice is recorded by the district officer
    chosen = selection_choose(selection=selection, unit=units[0], acting_user=district_officer)
    # then
    the_event("DISTRIBUTION_UNIT_CHOSEN", user=district_officer, obj=chosen, action="RECORD_UPDATED")
    assert not AuditEvent.objects.filter(detail__event="DISTRIBUTION_SELECTION_CONFIRMED").exists()
    # when it is confirmed
    confirmed = selection_confirm(selection=chosen, acting_user=district_officer)
    # then
    the_event("DISTRIBUTION_SELECTION_CONFIRMED", user=district_officer, obj=confirmed, action="APPROVAL")


# --- distribution: 补贴应发 / 补贴实发 ------------------------------------------------------------


@pytest.fixture
def subsidy_contract(dictionaries, demo_regions):
    """A signed 租赁补贴 contract of 600 元 a month from 2026-01-01 (written straight to the table)."""
    from anju.distribution.choices import ContractStatus, ContractType
    from anju.distribution.models import Contract
    from anju.distribution.services.contracts import contract_end
    from anju.distribution.tests.factories_contracts import SIGNER_ID, register_entry

    entry = register_entry(security_mode="30")
    start = dt.date(2026, 1, 1)
    return Contract.objects.create(
        region_code=entry.region_code, number="HTAUDIT00000001", contract_type=ContractType.SUBSIDY,
        register_entry=entry, subsidy_amount=Decimal("600.00"), subsidy_payment_method="bank",
        subsidy_starts_on=start, signer_name="王建国", signer_id_number=SIGNER_ID, signed_at=timezone.now(),
        effective_on=start, term_months=12, expires_on=contract_end(start, 12), status=ContractStatus.SIGNED,
    )  # fmt: skip


def test_subsidy_month_run_and_payment_are_audited(subsidy_contract, district_officer):
    from anju.distribution.models import SubsidyDue
    from anju.distribution.services.subsidies import subsidy_month_run, subsidy_payment_record

    # when the month is run
    subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    # then one event for the run, by the officer
    events = list(AuditEvent.objects.filter(detail__event="DISTRIBUTION_SUBSIDY_MONTH_RUN"))
    assert len(events) == 1 and events[0].user_id == district_officer.pk and events[0].action == "BATCH_RUN"
    assert (events[0].detail["year"], events[0].detail["month"], events[0].detail["created"]) == (2026, 3, 1)
    due = SubsidyDue.objects.get()
    # when the payment is recorded
    payment = subsidy_payment_record(
        due=due, paid_amount=Decimal("600.00"), paid_on=dt.date(2026, 3, 15), method="bank",
        acting_user=district_officer,
    )  # fmt: skip
    # then
    the_event("DISTRIBUTION_SUBSIDY_PAID", user=district_officer, obj=payment, action="PAYMENT")


# --- housing: 竣工移交 / 导入楼栋和住房 ------------------------------------------------------------


def test_handover_create_is_audited(demo_regions, district_officer):
    from anju.housing.services import handover_create
    from anju.housing.tests.factories import building_for, complete, project_for, unit_for

    project = project_for()
    building = complete(building_for(project))
    units = [unit_for(building, room="101"), unit_for(building, room="102")]
    # when
    handover = handover_create(project=project, units=units, handed_over_on=dt.date(2026, 7, 1),
                               handed_over_by="李建设", acting_user=district_officer)  # fmt: skip
    # then
    the_event("HOUSING_HANDOVER_CREATED", user=district_officer, obj=handover, action="RECORD_CREATED")


def test_units_import_is_audited(demo_regions, district_officer):
    from anju.housing.imports import units_import
    from anju.housing.tests.factories import project_for, workbook

    project = project_for()
    content = workbook(
        [{"单体工程名称": "1号楼", "单体工程类别": "住宅", "地上层数": 6, "建筑面积": 3600}],
        [{"单体工程名称": "1号楼", "单元": "1", "房号": "101", "所在起始层": 1, "建筑面积": 60, "套内建筑面积": 50,
          "共用分摊面积": 10, "户型": "两室一厅", "朝向": "南"}],
    )  # fmt: skip
    # when
    outcome = units_import(project=project, content=content, acting_user=district_officer)
    # then
    assert outcome.imported
    event = the_event("HOUSING_UNITS_IMPORTED", user=district_officer, obj=project, action="IMPORT")
    assert (event.detail["buildings"], event.detail["units"]) == (1, 1)


def test_a_refused_import_writes_no_event(demo_regions, district_officer):
    from anju.housing.imports import units_import
    from anju.housing.tests.factories import project_for, workbook

    project = project_for()
    content = workbook([{"单体工程名称": "1号楼", "单体工程类别": "别墅", "地上层数": 2, "建筑面积": 100}], [])
    outcome = units_import(project=project, content=content, acting_user=district_officer)
    assert not outcome.imported
    assert not AuditEvent.objects.filter(detail__event="HOUSING_UNITS_IMPORTED").exists()
