"""House selection (A.7.2): in order and window, one unit one household, aside with reason, unit state follows."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from anju.allocation.choices import AllocationState
from anju.allocation.models import PlanHousehold, PlanResource
from anju.distribution.choices import RoundMethod, RoundState, SelectionStatus
from anju.distribution.models import Selection
from anju.distribution.selectors import available_units, selection_board
from anju.distribution.services.rounds import round_close, round_create
from anju.distribution.services.selection import (
    selection_choose,
    selection_confirm,
    selection_release,
    selection_waive,
    selections_expire,
    selections_open,
)
from anju.distribution.services.waitlist import queue_compute
from anju.housing.choices import UnitState
from anju.housing.timeline import unit_timeline_collect

pytestmark = pytest.mark.django_db


@pytest.fixture
def selecting(small_plan, district_officer):
    round_ = round_create(plan=small_plan, method=RoundMethod.WAITLIST, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    selections_open(
        round_=round_, starts_at=timezone.now() - timedelta(minutes=1), window_minutes=30, acting_user=district_officer
    )
    units = [r.unit for r in small_plan.resources.select_related("unit").order_by("id")]
    return round_, list(Selection.objects.filter(round=round_).order_by("order")), units


def test_open_gives_consecutive_windows_in_queue_order(selecting):
    round_, selections, _ = selecting
    round_.refresh_from_db()
    assert round_.state == RoundState.SELECTING
    assert [s.order for s in selections] == [1, 2, 3, 4]
    assert selections[0].register_entry.queue_entries.get().group == "优先组1"
    assert selections[1].window_start == selections[0].window_end
    assert selections[3].window_end - selections[0].window_start == timedelta(minutes=120)


def test_choose_moves_unit_and_plan_records(selecting, district_officer):
    round_, selections, units = selecting
    # when
    chosen = selection_choose(selection=selections[0], unit=units[0], acting_user=district_officer)
    # then
    assert chosen.status == SelectionStatus.CHOSEN and chosen.unit_prior_state == UnitState.DELIVERED
    units[0].refresh_from_db()
    assert units[0].state == UnitState.ALLOCATED
    assert units[0].state_changes.filter(to_state=UnitState.ALLOCATED, source="allocation").exists()
    ph = PlanHousehold.objects.get(plan=round_.plan, register_entry=selections[0].register_entry)
    assert ph.state == AllocationState.ALLOCATED and ph.allocated_at is not None
    assert PlanResource.objects.get(plan=round_.plan, unit=units[0]).state == AllocationState.ALLOCATED
    board = {b.unit.pk: b.holder for b in selection_board(user=district_officer, round_=round_)}
    assert board[units[0].pk].pk == chosen.pk
    assert units[0] not in list(available_units(round_=round_))
    # and the unit file shows the selection
    titles = [e.title for e in unit_timeline_collect(unit=units[0], user=district_officer).events]
    assert any(t.startswith(f"选房：批次 {round_.number}") for t in titles)


def test_one_unit_never_goes_to_two_households(selecting, district_officer):
    _, selections, units = selecting
    selection_choose(selection=selections[0], unit=units[0], acting_user=district_officer)
    with pytest.raises(ValidationError, match="已被其他家庭选定"):
        selection_choose(selection=selections[1], unit=units[0], acting_user=district_officer)
    selections[1].refresh_from_db()
    assert selections[1].status == SelectionStatus.WAITING and selections[1].unit is None


def test_database_refuses_a_second_holder(selecting, district_officer):
    _, selections, units = selecting
    selection_choose(selection=selections[0], unit=units[0], acting_user=district_officer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Selection.objects.filter(pk=selections[1].pk).update(unit=units[0], status=SelectionStatus.CHOSEN)


def test_not_before_turn_and_not_after_window(selecting, district_officer):
    _, selections, units = selecting
    # the second household's window has not opened and the first has not finished
    with pytest.raises(ValidationError, match="尚未轮到"):
        selection_choose(selection=selections[1], unit=units[1], acting_user=district_officer)
    # once the first household is done, the next may choose early
    selection_choose(selection=selections[0], unit=units[0], acting_user=district_officer)
    selection_choose(selection=selections[1], unit=units[1], acting_user=district_officer)
    # a window that has closed
    late = timezone.now() + timedelta(hours=5)
    with pytest.raises(ValidationError, match="超过"):
        selection_choose(selection=selections[2], unit=units[2], acting_user=district_officer, now=late)


def test_waive_and_expire_move_aside_with_reason(selecting, district_officer):
    round_, selections, units = selecting
    with pytest.raises(ValidationError):
        selection_waive(selection=selections[0], reason=" ", acting_user=district_officer)
    selection_waive(selection=selections[0], reason="户型不合适，自愿放弃", acting_user=district_officer)
    selections[0].refresh_from_db()
    assert (selections[0].status, selections[0].status_reason) == (SelectionStatus.WAIVED, "户型不合适，自愿放弃")
    # the next household's turn comes at once
    selection_choose(selection=selections[1], unit=units[0], acting_user=district_officer)
    # the windows of 3 and 4 pass
    count = selections_expire(round_=round_, acting_user=district_officer, now=timezone.now() + timedelta(hours=3))
    assert count == 2
    assert set(
        Selection.objects.filter(round=round_, status=SelectionStatus.MISSED).values_list("order", flat=True)
    ) == {3, 4}
    assert Selection.objects.get(round=round_, order=3).status_reason == "超过选房时限未选房"


def test_release_returns_the_unit(selecting, district_officer):
    round_, selections, units = selecting
    selection_choose(selection=selections[0], unit=units[0], acting_user=district_officer)
    # when
    released = selection_release(selection=selections[0], reason="家庭情况变化", acting_user=district_officer)
    # then
    assert released.status == SelectionStatus.WAIVED and "家庭情况变化" in released.status_reason
    units[0].refresh_from_db()
    assert units[0].state == UnitState.DELIVERED
    assert PlanResource.objects.get(plan=round_.plan, unit=units[0]).state == AllocationState.PLANNED
    assert (
        PlanHousehold.objects.get(plan=round_.plan, register_entry=selections[0].register_entry).state
        == AllocationState.PLANNED
    )
    # the unit may be chosen again
    selection_choose(selection=selections[1], unit=units[0], acting_user=district_officer)


def test_confirm_records_the_review(selecting, district_officer):
    _, selections, units = selecting
    with pytest.raises(ValidationError):
        selection_confirm(selection=selections[0], acting_user=district_officer)
    selection_choose(selection=selections[0], unit=units[0], acting_user=district_officer)
    confirmed = selection_confirm(selection=selections[0], acting_user=district_officer)
    assert confirmed.is_reviewed and confirmed.reviewed_by == district_officer and confirmed.reviewed_at
    assert confirmed.status == SelectionStatus.CONFIRMED


def test_unit_outside_the_plan_is_refused(selecting, district_officer):
    from anju.distribution.tests.factories import allocatable_units

    _, selections, _ = selecting
    stranger = allocatable_units(1, name="别的项目")[0]
    with pytest.raises(ValidationError, match="不在本批次"):
        selection_choose(selection=selections[0], unit=stranger, acting_user=district_officer)


def test_close_marks_the_rest_missed(selecting, district_officer):
    round_, selections, units = selecting
    selection_choose(selection=selections[0], unit=units[0], acting_user=district_officer)
    round_close(round_=round_, acting_user=district_officer)
    round_.refresh_from_db()
    assert round_.state == RoundState.CLOSED
    assert Selection.objects.filter(round=round_, status=SelectionStatus.MISSED).count() == 3
    with pytest.raises(ValidationError):
        selection_choose(selection=selections[1], unit=units[1], acting_user=district_officer)


def test_lottery_round_selects_winners_then_substitutes(small_plan, district_officer):
    from anju.distribution.models import LotteryParticipant
    from anju.distribution.services.lottery import lottery_commit, lottery_draw

    round_ = round_create(plan=small_plan, method=RoundMethod.LOTTERY, acting_user=district_officer)
    lottery = lottery_commit(round_=round_, substitutes_count=1, acting_user=district_officer)
    assert lottery.winners_count == 3  # one per unit by default
    lottery_draw(lottery=lottery, acting_user=district_officer)
    selections_open(round_=round_, starts_at=timezone.now(), acting_user=district_officer)
    by_rank = dict(LotteryParticipant.objects.filter(lottery=lottery).values_list("register_entry_id", "rank"))
    orders = list(Selection.objects.filter(round=round_).order_by("order").values_list("register_entry_id", flat=True))
    assert [by_rank[e] for e in orders] == [1, 2, 3, 4]
