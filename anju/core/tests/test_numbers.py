"""Business numbers: readable, unique and consecutive, also under concurrency."""

import threading

import pytest
from django.db import connection

from anju.core.models import BusinessSequence
from anju.core.services.numbers import business_number_next

pytestmark = pytest.mark.django_db


def test_format_is_prefix_county_year_sequence():
    # given a community code in 谯城区 / when the first application number is drawn
    number = business_number_next(kind="application", region_code="341602001001", year=2026)
    # then kind prefix + 6-digit county + year + 6-digit sequence
    assert number == "SQ3416022026000001"


def test_sequential_calls_are_consecutive_and_separate_per_kind_county_year():
    # given / when 50 numbers in one county and year
    numbers = [business_number_next(kind="contract", region_code="341621000000", year=2026) for _ in range(50)]
    # then consecutive from 1
    assert numbers == [f"HT3416212026{i:06d}" for i in range(1, 51)]
    # and another county, year or kind starts again at 1
    assert business_number_next(kind="contract", region_code="341602000000", year=2026).endswith("000001")
    assert business_number_next(kind="contract", region_code="341621000000", year=2027).endswith("000001")
    assert business_number_next(kind="filing", region_code="341621000000", year=2026) == "BA3416212026000001"
    assert BusinessSequence.objects.get(kind="contract", region_code="341621", year=2026).last_value == 50


def test_width_and_current_year_default():
    from django.utils import timezone

    number = business_number_next(kind="complaint", region_code="341602", width=4)
    assert number == f"TS341602{timezone.localdate().year}0001"


def test_unknown_kind_and_bad_region_are_refused():
    with pytest.raises(ValueError, match="未知的业务编号类别"):
        business_number_next(kind="nonsense", region_code="341602000000")
    with pytest.raises(ValueError, match="行政区划代码无效"):
        business_number_next(kind="application", region_code="3416")


def test_overflow_of_the_width_is_an_error():
    BusinessSequence.objects.create(kind="notice", region_code="341602", year=2026, last_value=99)
    with pytest.raises(OverflowError):
        business_number_next(kind="notice", region_code="341602", year=2026, width=2)


@pytest.mark.django_db(transaction=True)
def test_concurrent_threads_never_share_a_number():
    # given 8 threads drawing 25 numbers each against one counter (none exists yet)
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def draw():
        try:
            barrier.wait()
            mine = [business_number_next(kind="application", region_code="341602001001", year=2026) for _ in range(25)]
            with lock:
                results.extend(mine)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=draw) for _ in range(8)]
    # when they run at the same time
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then 200 distinct, gap-free numbers
    assert errors == []
    assert len(results) == 200
    assert sorted(results) == [f"SQ3416022026{i:06d}" for i in range(1, 201)]
