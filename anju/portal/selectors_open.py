"""Open lists of the portal (no login): 轮候名单, 摇号结果 and 失信名单, read from their apps, people masked.

Each list carries its date (排序时间, 摇号/公布时间, 列入日期). The portal serves one city (the system's
deployment), so the lists are not filtered by region; the other apps are imported lazily.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class WaitlistRow:
    """One masked line of a published waitlist."""

    group: str
    position: int
    name: str
    points: Decimal


def waitlist_rounds() -> Any:
    """Rounds whose order has been computed (已排序 and later), newest first."""
    from anju.distribution.choices import RoundState
    from anju.distribution.models import AllocationRound

    return (
        AllocationRound.objects.filter(ordered_at__isnull=False)
        .exclude(state=RoundState.DRAFT)
        .order_by("-ordered_at", "-id")
    )


def waitlist_round_get(number: str) -> Any:
    """A published round by its number, or 404."""
    round_ = waitlist_rounds().filter(number=number).first()
    if round_ is None:
        raise Http404("轮候名单不存在。")
    return round_


def waitlist_rows(round_: Any) -> list[WaitlistRow]:
    """The round's order: group, position, masked name, points (no ID numbers, no register numbers)."""
    from anju.core.masking import mask_name
    from anju.distribution.models import QueueEntry

    entries = (
        QueueEntry.objects.filter(round=round_)
        .order_by("group_rank", "group", "position")
        .values_list("group", "position", "register_entry__applicant_name", "points")
    )
    return [
        WaitlistRow(group=group, position=position, name=mask_name(name), points=points)
        for group, position, name, points in entries
    ]


@dataclass(frozen=True)
class LotteryLine:
    """One lottery of the public list, with the address of its verification page."""

    number: str
    round_name: str
    state: str
    drawn: bool
    participant_count: int
    winners_count: int
    substitutes_count: int
    committed_at: datetime | None
    drawn_at: datetime | None
    url: str


def lottery_lines() -> list[LotteryLine]:
    """Every published lottery (distribution's public list), newest first, linked to its verification page."""
    from django.urls import reverse

    from anju.distribution.choices import LotteryState
    from anju.distribution.selectors import lottery_public_list

    return [
        LotteryLine(
            number=lottery.number,
            round_name=lottery.round.name,
            state=lottery.get_state_display(),
            drawn=lottery.state == LotteryState.DRAWN,
            participant_count=lottery.participant_count,
            winners_count=lottery.winners_count,
            substitutes_count=lottery.substitutes_count,
            committed_at=lottery.committed_at,
            drawn_at=lottery.drawn_at,
            url=reverse("distribution:lottery_public", args=[lottery.number]),
        )
        for lottery in lottery_public_list()
    ]


def credit_entries(*, day: date | None = None) -> list[Any]:
    """The 失信名单 (supervision's public selector: 严重失信, public, in force; already masked)."""
    from anju.supervision.selectors import public_credit_list

    return public_credit_list(region_prefix="", day=day)
