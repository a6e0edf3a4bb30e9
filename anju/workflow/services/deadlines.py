"""办理时限: working days (Monday-Friday, minus `Holiday` rows, plus make-up workdays) or hours."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anju.workflow.choices import DeadlineUnit

MAX_SCAN_DAYS = 3660


def _calendar(start: dt.date, days: int) -> tuple[set[dt.date], set[dt.date]]:
    """(holidays, make-up workdays) in the window that `days` working days can reach."""
    from anju.workflow.models import Holiday

    end = start + dt.timedelta(days=days * 3 + 30)
    rows = Holiday.objects.filter(date__gt=start, date__lte=end).values_list("date", "is_workday")
    holidays = {day for day, is_workday in rows if not is_workday}
    workdays = {day for day, is_workday in rows if is_workday}
    return holidays, workdays


def is_working_day(day: dt.date, holidays: set[dt.date], workdays: set[dt.date]) -> bool:
    """Monday-Friday and not a holiday, or a make-up workday."""
    if day in workdays:
        return True
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """`start` moved forward by `days` working days, keeping the time of day."""
    if days <= 0:
        return start
    if timezone.is_aware(start):
        start = timezone.localtime(start)  # days are counted on the Asia/Shanghai calendar
    holidays, workdays = _calendar(start.date(), days)
    current = start
    counted = 0
    for _ in range(MAX_SCAN_DAYS):
        current += dt.timedelta(days=1)
        if is_working_day(current.date(), holidays, workdays):
            counted += 1
            if counted == days:
                return current
    return current


def deadline_for(node: object, start: dt.datetime) -> dt.datetime | None:
    """The deadline of a task of `node` created at `start` (None when the node has none)."""
    amount = getattr(node, "deadline_amount", 0) or 0
    if amount <= 0:
        return None
    if getattr(node, "deadline_unit", "") == DeadlineUnit.HOURS:
        return start + dt.timedelta(hours=amount)
    return add_working_days(start, amount)
