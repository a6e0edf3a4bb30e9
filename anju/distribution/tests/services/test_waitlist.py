"""Waitlist order (A.7.1): computed from the ordering scheme, explained, changed only by a recorded decision."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.distribution.choices import RoundMethod, RoundState
from anju.distribution.models import QueueEntry, QueueReorder
from anju.distribution.selectors import household_queue_positions, queue_entries
from anju.distribution.services.rounds import round_create
from anju.distribution.services.waitlist import queue_compute, queue_reorder

pytestmark = pytest.mark.django_db


def _order(round_):
    return [
        (e.group, e.position, e.register_entry.number)
        for e in QueueEntry.objects.filter(round=round_)
        .select_related("register_entry")
        .order_by("group_rank", "position")
    ]


def test_round_from_published_plan_uses_the_scheme_in_force(small_plan, district_officer):
    # when
    round_ = round_create(plan=small_plan, method=RoundMethod.WAITLIST, acting_user=district_officer)
    # then
    assert round_.state == RoundState.DRAFT
    assert round_.number.startswith("XF341602")
    assert round_.ordering_scheme is not None
    assert round_.ordering_scheme.version.rule_set.mode.program_id == small_plan.program_id


def test_one_open_round_per_plan(small_plan, district_officer):
    round_create(plan=small_plan, acting_user=district_officer)
    with pytest.raises(ValidationError, match="未结束的配给批次"):
        round_create(plan=small_plan, acting_user=district_officer)


def test_other_district_cannot_create(small_plan, other_district_clerk):
    with pytest.raises(PermissionDenied):
        round_create(plan=small_plan, acting_user=other_district_clerk)


def test_order_by_priority_group_points_and_application_time(small_plan, district_officer):
    # given
    e1, e2, e3, e4 = [h.register_entry for h in small_plan.households.order_by("id")]
    round_ = round_create(plan=small_plan, acting_user=district_officer)
    # when
    count = queue_compute(round_=round_, acting_user=district_officer)
    # then: 低保 household alone in 优先组1; then 15 points (earlier application first), then 10 points
    assert count == 4
    assert _order(round_) == [
        ("优先组1", 1, e3.number),
        ("普通组", 1, e4.number),
        ("普通组", 2, e2.number),
        ("普通组", 3, e1.number),
    ]
    round_.refresh_from_db()
    assert round_.state == RoundState.ORDERED


def test_explanation_lists_points_per_factor_and_tie_breaker(small_plan, district_officer):
    # given
    round_ = round_create(plan=small_plan, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    entry = QueueEntry.objects.get(round=round_, group="优先组1")
    # then
    explanation = entry.explanation
    assert explanation["points"] == "30.00"
    hits = {f["name"]: (f["hit"], f["points"]) for f in explanation["factors"]}
    assert hits["最低生活保障家庭优先"] == (True, "20.00")
    assert hits["人均住房面积低于8平方米"] == (True, "10.00")
    assert hits["三人及以上家庭"] == (False, "0")
    assert explanation["tie_breaker"]["kind"] == "application_time"
    assert entry.points == 30
    # and the household sees the same explanation
    rows = household_queue_positions(register_entry=entry.register_entry)
    assert rows[0]["group"] == "优先组1" and rows[0]["households_ahead"] == 0
    assert rows[0]["explanation"]["factors"][0]["value"] == "是"


def test_reorder_only_by_recorded_decision(small_plan, district_officer):
    # given
    round_ = round_create(plan=small_plan, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    before = _order(round_)
    last = QueueEntry.objects.get(round=round_, group="普通组", position=3)
    # when: no reason / decision number → refused, nothing changes
    with pytest.raises(ValidationError) as info:
        queue_reorder(entry=last, to_position=1, reason="", decision_number="", acting_user=district_officer)
    assert set(info.value.message_dict) == {"reason", "decision_number"}
    assert _order(round_) == before
    # when: a recorded decision
    reorder = queue_reorder(
        entry=last,
        to_position=1,
        reason="重度残疾，经复核调整",
        decision_number="谯住保〔2026〕12号",
        acting_user=district_officer,
    )
    # then
    after = _order(round_)
    assert after[1:] == [("普通组", 1, before[3][2]), ("普通组", 2, before[1][2]), ("普通组", 3, before[2][2])]
    assert (reorder.from_position, reorder.to_position, reorder.decided_by) == (3, 1, district_officer)
    assert QueueReorder.objects.count() == 1
    from anju.audit.models import AuditEvent

    audited = AuditEvent.objects.filter(detail__event="DISTRIBUTION_QUEUE_REORDERED").get()
    assert audited.detail["decision_number"] == "谯住保〔2026〕12号" and audited.detail["changes"]["position"] == [3, 1]
    # and the order cannot be recomputed over the decision
    with pytest.raises(ValidationError, match="顺序调整决定"):
        queue_compute(round_=round_, acting_user=district_officer)


def test_reorder_moves_down(small_plan, district_officer):
    round_ = round_create(plan=small_plan, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    first = QueueEntry.objects.get(round=round_, group="普通组", position=1)
    queue_reorder(
        entry=first, to_position=3, reason="核实材料不实", decision_number="D-1", acting_user=district_officer
    )
    positions = sorted(QueueEntry.objects.filter(round=round_, group="普通组").values_list("position", flat=True))
    assert positions == [1, 2, 3]
    first.refresh_from_db()
    assert first.position == 3 and first.computed_position == 1


def test_staff_of_other_district_do_not_see_the_queue(small_plan, district_officer, other_district_clerk):
    round_ = round_create(plan=small_plan, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    assert queue_entries(user=district_officer, round_=round_).count() == 4
    assert queue_entries(user=other_district_clerk, round_=round_).count() == 0


def test_lottery_tie_breaker_uses_published_seed(small_plan, district_officer):
    # given: the scheme breaks ties by lottery
    scheme = small_plan.program.modes.first().rule_set.versions.first().ordering_scheme
    scheme.tie_breaker = "lottery"
    scheme.save()
    round_ = round_create(plan=small_plan, acting_user=district_officer)
    # when
    queue_compute(round_=round_, acting_user=district_officer)
    # then
    round_.refresh_from_db()
    assert len(round_.tie_break_seed) == 64
    entry = QueueEntry.objects.filter(round=round_).first()
    assert entry.explanation["tie_breaker"]["kind"] == "lottery"
    from anju.distribution.services.waitlist import tie_break_value

    assert entry.tie_breaker_value == tie_break_value(
        kind="lottery", seed=round_.tie_break_seed, register_number=entry.register_entry.number, applied_at=None
    )


def test_member_and_derived_factors(program, district_officer):
    from anju.distribution.tests.factories import allocatable_units, households, published_plan
    from anju.rules.models import OrderingFactor

    # given: the scheme also rewards a member with 5+ years of local hukou, a member aged 60+ and low monthly income
    scheme = program.modes.first().rule_set.versions.first().ordering_scheme
    OrderingFactor.objects.create(
        scheme=scheme, name="本地户口满5年", factor="hukou_years", relation="ge", value=5, points=3, sequence=4
    )
    OrderingFactor.objects.create(
        scheme=scheme, name="有60岁以上成员", factor="age", relation="ge", value=60, points=2, sequence=5
    )
    OrderingFactor.objects.create(
        scheme=scheme,
        name="人均月收入低于1000元",
        factor="income_per_capita_monthly",
        relation="lt",
        value=1000,
        points=1,
        sequence=6,
    )
    old, young = households(
        [
            {"members": [{"hukou_years": 10, "age": 65, "annual_income": 6000}]},
            {"members": [{"hukou_years": 1, "age": 30, "annual_income": 60000}]},
        ]
    )
    plan = published_plan(program=program, entries=[old, young], units=allocatable_units(1))
    round_ = round_create(plan=plan, acting_user=district_officer)
    # when
    queue_compute(round_=round_, acting_user=district_officer)
    # then: 10 (area) + 3 + 2 + 1 against 10 only
    entries = {e.register_entry_id: e for e in QueueEntry.objects.filter(round=round_)}
    assert entries[old.pk].points == 16 and entries[young.pk].points == 10
    assert entries[old.pk].position == 1
    facts = {f["name"]: f for f in entries[old.pk].explanation["factors"]}
    assert facts["本地户口满5年"]["value"] == "1 名成员符合" and facts["本地户口满5年"]["hit"]
    assert facts["人均月收入低于1000元"]["value"] == "500元" and facts["人均月收入低于1000元"]["hit"]
    assert not {f["name"]: f for f in entries[young.pk].explanation["factors"]}["有60岁以上成员"]["hit"]
