"""Ban and repair periods: calendar arithmetic (property tests, no database)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from anju.supervision.services.credit import add_months, add_years

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


@given(DAYS, st.integers(min_value=0, max_value=30))
def test_add_years_keeps_month_and_day_or_clamps_leap_day(day, years):
    later = add_years(day, years)
    assert later.year == day.year + years and later.month == day.month
    assert later.day == day.day or (day.month, day.day, later.day) == (2, 29, 28)


@given(DAYS, st.integers(min_value=0, max_value=600))
def test_add_months_moves_exactly_that_many_months(day, months):
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day and later >= day
    assert later.day == day.day or later.day >= 28  # clamped only to a month's end


@given(DAYS)
def test_twelve_months_is_one_year(day):
    assert add_months(day, 12) == add_years(day, 1)
