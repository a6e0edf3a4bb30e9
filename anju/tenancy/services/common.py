"""What every tenancy service shares: audit, the acting user as a column value, months."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError


def actor(user: Any) -> Any:
    """The user to store in created_by/updated_by (None for system jobs)."""
    return user if getattr(user, "is_authenticated", False) else None


def audit(*, action: str, user: Any, obj: Any, event: str, detail: dict | None = None) -> None:
    """Record one audit event (action = AuditAction name) with the tenancy event id in detail."""
    from anju.core.services.auditing import audit_record

    audit_record(action=action, user=actor(user), obj=obj, detail={"event": event, **(detail or {})})


def month_parse(value: str | date) -> date:
    """'2026-11' (or a date) → the first day of that month; a Chinese ValidationError otherwise."""
    if isinstance(value, date):
        return value.replace(day=1)
    try:
        year_text, month_text = str(value).strip().split("-")[:2]
        return date(int(year_text), int(month_text), 1)
    except (ValueError, TypeError):
        raise ValidationError(f"月份“{value}”格式应为 YYYY-MM，例如 2026-11。") from None


def month_end(period: date) -> date:
    """The last day of the month of `period`."""
    return period.replace(day=calendar.monthrange(period.year, period.month)[1])


def months_between(earlier: date, later: date) -> int:
    """Whole months from the month of `earlier` to the month of `later` (same month = 0)."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def add_months(period: date, months: int) -> date:
    """The first day of the month `months` after `period`'s month."""
    index = period.year * 12 + period.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
