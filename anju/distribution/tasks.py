"""Background tasks of 配给管理, in the module the worker discovers (`<app>.tasks`).

The tasks live beside their halves of the app (`tasks_contracts.py`: the monthly subsidy run and
the daily contract expiry, which first files the renewal requests of auto-renew contracts nearing
their end — `services.contracts.contracts_auto_renew` — then marks past contracts 已到期); importing
them here registers them with the task backend and huey's periodic schedule. The round part (waitlist, lottery, selection) has no background task.
"""

from __future__ import annotations

from anju.distribution.tasks_contracts import (
    DAILY_EXPIRY,
    distribution_contracts_expire,
    distribution_contracts_expire_daily,
    distribution_subsidy_month,
)

__all__ = [
    "DAILY_EXPIRY",
    "distribution_contracts_expire",
    "distribution_contracts_expire_daily",
    "distribution_subsidy_month",
]
