"""Background tasks of 配给管理, in the module the worker discovers (`<app>.tasks`).

The tasks live beside their halves of the app (`tasks_contracts.py`: the monthly subsidy run and
the daily contract expiry, which first files the renewal requests of auto-renew contracts nearing
their end — `services.contracts.contracts_auto_renew` — then marks past contracts 已到期); importing
them here registers them with the task backend and huey's periodic schedule. The round part has one
schedule, defined here: every 15 minutes the waiting households of rounds in 选房 whose window has
closed are marked 逾期未选 (`services.selection.selections_expire`, acting as the system).
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from anju.distribution.tasks_contracts import (
    DAILY_EXPIRY,
    distribution_contracts_expire,
    distribution_contracts_expire_daily,
    distribution_subsidy_month,
)

SELECTION_EXPIRY = crontab(minute="*/15")


@db_periodic_task(SELECTION_EXPIRY, name="distribution_selections_expire")
def distribution_selections_expire() -> int:
    """逾期未选 of every round in 选房 (idempotent); returns how many selections were marked."""
    from anju.distribution.choices import RoundState
    from anju.distribution.models import AllocationRound
    from anju.distribution.services.selection import selections_expire

    return sum(
        selections_expire(round_=round_, acting_user=None)
        for round_ in AllocationRound.objects.filter(state=RoundState.SELECTING).order_by("pk")
    )


__all__ = [
    "DAILY_EXPIRY",
    "SELECTION_EXPIRY",
    "distribution_contracts_expire",
    "distribution_contracts_expire_daily",
    "distribution_selections_expire",
    "distribution_subsidy_month",
]
