"""Blocks of business numbers (`business_numbers_reserve`): contiguous, never overlapping, one counter."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from anju.core.models import BusinessSequence
from anju.core.services.numbers import business_number_next, business_numbers_reserve

pytestmark = pytest.mark.django_db


def test_a_block_is_contiguous_and_in_the_number_format():
    # given a fresh counter / when a block of 5 register numbers is reserved
    block = business_numbers_reserve(kind="register", region_code="341602001001", year=2026, count=5)
    # then five consecutive numbers from 1, with the kind's prefix and the county
    assert block == [f"DJ3416022026{i:06d}" for i in range(1, 6)]
    assert BusinessSequence.objects.get(kind="register", region_code="341602", year=2026).last_value == 5


def test_two_blocks_do_not_overlap_and_single_numbers_continue_after():
    # given two blocks of one counter
    first = business_numbers_reserve(kind="application", region_code="341621000000", year=2026, count=3)
    second = business_numbers_reserve(kind="application", region_code="341621", year=2026, count=4)
    # then the second starts where the first ended
    assert not set(first) & set(second)
    assert first + second == [f"SQ3416212026{i:06d}" for i in range(1, 8)]
    # and a single number (the same counter row) continues after both, and a block after that
    assert business_number_next(kind="application", region_code="341621000000", year=2026) == "SQ3416212026000008"
    assert business_numbers_reserve(kind="application", region_code="341621", year=2026, count=2) == [
        "SQ3416212026000009",
        "SQ3416212026000010",
    ]
    # and another county starts at 1
    assert business_numbers_reserve(kind="application", region_code="341602", year=2026, count=1) == [
        "SQ3416022026000001"
    ]


def test_an_empty_block_reserves_nothing():
    assert business_numbers_reserve(kind="register", region_code="341602", year=2026, count=0) == []
    assert not BusinessSequence.objects.filter(kind="register").exists()


def test_a_prefix_override_numbers_on_the_kinds_counter():
    # given one support_plan number from core (ZC) / when a block is reserved with distribution's BF prefix
    assert business_number_next(kind="support_plan", region_code="341602", year=2026) == "ZC3416022026000001"
    block = business_numbers_reserve(kind="support_plan", region_code="341602", year=2026, count=2, prefix="BF")
    # then the prefix is the override and the counter the kind's
    assert block == ["BF3416022026000002", "BF3416022026000003"]


def test_distribution_kinds_have_their_prefixes():
    assert business_numbers_reserve(kind="subsidy_due", region_code="341602", year=2026, count=1) == [
        "YF3416022026000001"
    ]
    assert business_numbers_reserve(kind="subsidy_payment", region_code="341602", year=2026, count=1) == [
        "SF3416022026000001"
    ]


def test_unknown_kind_bad_region_and_overflow_are_refused():
    with pytest.raises(ValueError, match="未知的业务编号类别"):
        business_numbers_reserve(kind="nonsense", region_code="341602", count=2)
    with pytest.raises(ValueError, match="行政区划代码无效"):
        business_numbers_reserve(kind="register", region_code="34", count=2)
    BusinessSequence.objects.create(kind="notice", region_code="341602", year=2026, last_value=97)
    with pytest.raises(OverflowError):
        business_numbers_reserve(kind="notice", region_code="341602", year=2026, count=3, width=2)


@pytest.mark.django_db(transaction=True)
def test_concurrent_blocks_never_overlap():
    # given 6 workers, each reserving 10 blocks of 7 against one counter (none exists yet)
    start = threading.Barrier(6)

    def reserve(_: int) -> list[list[str]]:
        start.wait()
        try:
            return [
                business_numbers_reserve(kind="subsidy_due", region_code="341602", year=2026, count=7)
                for _ in range(10)
            ]
        finally:
            connection.close()

    # when they run at the same time (an exception in a worker fails the test here)
    with ThreadPoolExecutor(max_workers=6) as pool:
        blocks = [block for mine in pool.map(reserve, range(6)) for block in mine]
    # then every block is contiguous and together they are 420 distinct, gap-free numbers
    for block in blocks:
        first = int(block[0][-6:])
        assert [int(number[-6:]) for number in block] == list(range(first, first + 7))
    assert sorted(number for block in blocks for number in block) == [f"YF3416022026{i:06d}" for i in range(1, 421)]
