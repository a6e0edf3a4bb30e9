"""The distribution demo: a round per published plan, a drawn lottery, some selections; idempotent."""

import pytest

from anju.distribution.choices import LotteryState, RoundMethod, SelectionStatus
from anju.distribution.demo import demo_distribution_create
from anju.distribution.models import AllocationRound, Selection
from anju.distribution.services.lottery import lottery_verification

pytestmark = pytest.mark.django_db


def test_demo_creates_rounds_lottery_and_selections(program):
    from anju.distribution.tests.factories import allocatable_units, households, published_plan

    first = published_plan(program=program, entries=households([{}] * 5), units=allocatable_units(3))
    second = published_plan(program=program, entries=households([{}] * 4), units=allocatable_units(4, name="安康苑"))
    # when
    counts = demo_distribution_create(plans=[first, second], selections=2)
    # then
    assert counts["rounds"] == 2 and counts["lotteries"] == 1 and counts["chosen"] == 4
    lottery_round = AllocationRound.objects.get(plan=first)
    assert lottery_round.method == RoundMethod.LOTTERY
    assert lottery_round.lottery.state == LotteryState.DRAWN
    assert lottery_verification(lottery=lottery_round.lottery).ok
    assert AllocationRound.objects.get(plan=second).method == RoundMethod.WAITLIST
    assert Selection.objects.filter(status=SelectionStatus.WAIVED).count() == 2
    # idempotent
    assert demo_distribution_create(plans=[first, second])["rounds"] == 0
