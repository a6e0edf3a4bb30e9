"""一户一档: the allocation, distribution and supervision providers produce real events from their rows."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from anju.archive.household_file import household_timeline_collect

pytestmark = pytest.mark.django_db
DISTRICT = "341602000000"


@pytest.fixture
def allocated(dictionaries, demo_regions, district_officer):
    """A registered household of 白布社区 taken through a lottery round to a unit, a lease and a subsidy."""
    from anju.allocation.models import PlanHousehold
    from anju.allocation.tests.factories import program_for, register_entry_for
    from anju.distribution.models import (
        AllocationRound,
        Contract,
        Lottery,
        LotteryParticipant,
        QueueEntry,
        QueueReorder,
        Selection,
        SubsidyDue,
        SubsidyPayment,
    )
    from anju.distribution.tests.factories import allocatable_units, published_plan

    now = timezone.now()
    today = timezone.localdate()
    entry = register_entry_for("341602001001", name="钱多多")
    [unit] = allocatable_units(1)
    plan = published_plan(program=program_for(), entries=[entry], units=[unit])
    PlanHousehold.objects.filter(plan=plan, register_entry=entry).update(
        state="allocated", allocated_at=now - timedelta(days=1)
    )
    PlanHousehold.objects.filter(plan=plan).update(created_at=now - timedelta(days=12))
    round_ = AllocationRound.objects.create(
        number="PC-T-1", plan=plan, name="第一批摇号", method="lottery", state="closed",
        ordered_at=now - timedelta(days=10), region_code=DISTRICT,
    )  # fmt: skip
    queue = QueueEntry.objects.create(
        round=round_, register_entry=entry, group="A", position=3, points=Decimal("12.50"), region_code=DISTRICT
    )
    QueueReorder.objects.create(
        entry=queue, from_position=3, to_position=2, reason="重度残疾优先", decision_number="谯住保〔2026〕1号",
        decided_by=district_officer,
    )  # fmt: skip
    QueueReorder.objects.filter(entry=queue).update(decided_at=now - timedelta(days=9, hours=12))
    lottery = Lottery.objects.create(
        number="YH-T-1", round=round_, participants_digest="0" * 64, seed_commitment="1" * 64, winners_count=1,
        participant_count=1, state="drawn", committed_at=now - timedelta(days=9), drawn_at=now - timedelta(days=8),
        region_code=DISTRICT,
    )  # fmt: skip
    LotteryParticipant.objects.create(lottery=lottery, register_entry=entry, ticket=entry.number, rank=1)
    selection = Selection.objects.create(
        round=round_, register_entry=entry, order=1, window_start=now - timedelta(days=7),
        window_end=now - timedelta(days=7) + timedelta(minutes=30), unit=unit, status="confirmed",
        chosen_at=now - timedelta(days=7) + timedelta(minutes=10), is_reviewed=True,
        reviewed_at=now - timedelta(days=6, hours=12), region_code=DISTRICT,
    )  # fmt: skip
    lease = Contract.objects.create(
        number="HT-T-1", contract_type="lease", register_entry=entry, selection=selection, unit=unit,
        signer_name="钱多多", signer_id_number=entry.id_number, signed_at=now - timedelta(days=5),
        effective_on=today - timedelta(days=4), status="signed", region_code=entry.region_code,
    )  # fmt: skip
    subsidy = Contract.objects.create(
        number="HT-T-2", contract_type="subsidy", register_entry=entry, signer_name="钱多多",
        signer_id_number=entry.id_number, subsidy_amount=Decimal("600.00"), status="draft",
        region_code=entry.region_code,
    )  # fmt: skip
    Contract.objects.filter(pk__in=[lease.pk, subsidy.pk]).update(created_at=now - timedelta(days=6))
    due = SubsidyDue.objects.create(
        number="YF-T-1", contract=subsidy, target_number=entry.number, subsidy_program_number="BZ-P01",
        subsidy_type="租赁补贴", standard_amount=Decimal("600.00"), amount=Decimal("600.00"), year=today.year,
        month=today.month, due_on=today - timedelta(days=3), region_code=entry.region_code,
    )  # fmt: skip
    SubsidyPayment.objects.create(
        number="SF-T-1", due=due, status="partial", paid_amount=Decimal("500.00"), shortfall=Decimal("100.00"),
        shortfall_reason="账户冻结", paid_on=today - timedelta(days=2), method="bank", region_code=entry.region_code,
    )  # fmt: skip
    return entry.application


def titles(timeline, source):
    """The titles of one source's events."""
    return [e.title for e in timeline.events if e.source == source]


def test_allocation_and_distribution_events_in_order(allocated, district_officer):
    # when
    timeline = household_timeline_collect(application=allocated, user=district_officer)

    # then every record is there, oldest first across the sources
    assert timeline.failed == []
    wanted = [
        ("配置方案", "列入配置方案："),
        ("配给管理", "轮候排序：批次 PC-T-1，A组 第 3 位"),
        ("配给管理", "顺序调整：第 3 位 → 第 2 位"),
        ("配给管理", "参加摇号：YH-T-1"),
        ("配给管理", "摇号结果：第 1 号"),
        ("配给管理", "选房时段开始：批次 PC-T-1，第 1 号"),
        ("配给管理", "选房："),
        ("配给管理", "选房审核确认"),
        ("合同", "拟定配租合同 HT-T-1"),
        ("合同", "签订配租合同 HT-T-1"),
        ("合同", "合同生效：HT-T-1"),
        ("补贴发放", "补贴应发："),
        ("补贴发放", "补贴实发："),
        ("配置方案", "方案配置完成："),
    ]
    positions = []
    for source, prefix in wanted:
        matches = [i for i, e in enumerate(timeline.events) if e.source == source and e.title.startswith(prefix)]
        assert matches, f"missing {source} {prefix}: {[e.title for e in timeline.events]}"
        positions.append(matches[0])
    assert positions == sorted(positions)
    payment = next(e for e in timeline.events if e.title.startswith("补贴实发"))
    assert "500.00 元" in payment.title and "账户冻结" in payment.detail
    chosen = next(e for e in timeline.events if e.title.startswith("选房：") and e.source == "配给管理")
    assert chosen.url.startswith("/housing/units/")


def test_contracts_of_other_households_are_not_in_the_file(allocated, district_officer):
    # given another household of the district with its own contract
    from anju.allocation.tests.factories import register_entry_for
    from anju.distribution.models import Contract

    other = register_entry_for("341602001001", name="孙不相干")
    Contract.objects.create(
        number="HT-T-9", contract_type="lease", register_entry=other, signer_name="孙不相干",
        signer_id_number=other.id_number, region_code=other.region_code,
    )  # fmt: skip

    # when
    timeline = household_timeline_collect(application=allocated, user=district_officer)

    # then
    assert not any("HT-T-9" in e.title for e in timeline.events)


def test_contract_files_are_in_the_household_file(allocated, district_officer):
    # given a signed contract scanned into the e-archive of the contract (not of the application)
    from anju.archive.tests.factories import upload
    from anju.distribution.models import Contract

    contract = Contract.objects.get(number="HT-T-1")
    upload(contract, district_officer, title="配租合同签字页", stage="contract", file_type="09")

    # when
    timeline = household_timeline_collect(application=allocated, user=district_officer)

    # then
    assert "电子档案：配租合同签字页" in titles(timeline, "电子档案")


def test_credit_records_and_complaints_are_in_the_file(allocated, district_officer):
    # given a credit record of the household (revoked), a complaint naming its register number and an unrelated one
    from anju.supervision.services import complaint_close
    from anju.supervision.services.credit import credit_record_revoke
    from anju.supervision.tests.factories import complaint, credit_record

    entry = allocated.register_entry
    record = credit_record(district_officer, application=allocated, id_number="", subject_name="")
    credit_record_revoke(record=record, reason="录入有误", acting_user=district_officer)
    mine = complaint(title="该户将公租房转租", target_number=entry.number)
    complaint_close(
        complaint=mine, acting_user=district_officer, handling_opinion="经查不属实。", verification_result="2"
    )
    complaint(title="别家的噪音问题", target_number="SQ999")

    # when
    timeline = household_timeline_collect(application=allocated, user=district_officer)

    # then
    credit = titles(timeline, "信用档案")
    assert credit[0].startswith("列入信用档案：") and record.number in credit[0]
    assert f"信用记录撤销：{record.number}" in credit
    found = titles(timeline, "投诉")
    assert found[0] == f"投诉：该户将公租房转租（{mine.number}）"
    assert f"投诉办结：{mine.number}" in found
    assert not any("别家的噪音问题" in t for t in found)


def test_another_district_sees_none_of_the_rows(allocated, other_district_clerk):
    # the providers read through the user's jurisdiction where the rows carry the household's region
    timeline = household_timeline_collect(application=allocated, user=other_district_clerk)
    assert titles(timeline, "合同") == [] and titles(timeline, "补贴发放") == []
