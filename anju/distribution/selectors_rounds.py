"""Reads of rounds, waitlist order, lottery and selection: scoped by jurisdiction (style.md 3-4).

The public lottery page and `lottery_verify` read a lottery by its number without a user: the
participant list is published with names masked (surname only) and the 登记编号 as ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from anju.core.masking import mask_name
from anju.core.scoping import get_visible_or_404
from anju.distribution.choices import LotteryState, SelectionStatus
from anju.distribution.models import AllocationRound, Lottery, LotteryParticipant, QueueEntry, QueueReorder, Selection
from anju.distribution.permissions import can_read_distribution


def _readable(queryset: QuerySet, user: Any) -> QuerySet:
    """Scoped to the jurisdiction; empty for roles that do not read distribution records."""
    return queryset.visible_to(user) if can_read_distribution(user) else queryset.none()


def published_plans_for(user: Any) -> QuerySet:
    """Published allocation plans the user may make rounds from (allocation's selector)."""
    from anju.allocation.selectors import published_plans_visible_to

    return published_plans_visible_to(user)


def round_list(*, user: Any) -> QuerySet[AllocationRound]:
    """Rounds in the user's jurisdiction, with plan, lottery and counts."""
    return (
        _readable(AllocationRound.objects.all(), user)
        .select_related("plan", "lottery", "ordering_scheme")
        .annotate(
            household_count=Count("queue_entries", distinct=True),
            chosen_count=Count(
                "selections",
                filter=Q(selections__status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED]),
                distinct=True,
            ),
        )
    )


def round_get(*, user: Any, pk: Any) -> AllocationRound:
    """One round in the user's jurisdiction, or 404."""
    if not can_read_distribution(user):
        raise Http404("记录不存在或不在您的管辖范围内。")
    return get_visible_or_404(
        AllocationRound.objects.select_related("plan", "ordering_scheme", "plan__program"), user, pk=pk
    )


def round_lottery(round_: AllocationRound) -> Lottery | None:
    """The round's lottery, if any."""
    return Lottery.objects.filter(round=round_).first()


def queue_entries(*, user: Any, round_: AllocationRound) -> QuerySet[QueueEntry]:
    """The round's order (groups in order, then position), with households and the decisions that moved them."""
    return (
        _readable(QueueEntry.objects.filter(round=round_), user)
        .select_related("register_entry")
        .prefetch_related(Prefetch("reorders", queryset=QueueReorder.objects.select_related("decided_by")))
        .order_by("group_rank", "position")
    )


def queue_entry_get(*, user: Any, pk: Any) -> QueueEntry:
    """One queue entry in the user's jurisdiction, or 404."""
    if not can_read_distribution(user):
        raise Http404("记录不存在或不在您的管辖范围内。")
    return get_visible_or_404(QueueEntry.objects.select_related("round", "register_entry"), user, pk=pk)


def reorder_list(*, user: Any, round_: AllocationRound) -> QuerySet[QueueReorder]:
    """The recorded re-order decisions of a round."""
    entries = queue_entries(user=user, round_=round_)
    return QueueReorder.objects.filter(entry__in=entries.values("pk")).select_related(
        "entry__register_entry", "decided_by"
    )


def selection_list(*, user: Any, round_: AllocationRound | None = None) -> QuerySet[Selection]:
    """Selections in the user's jurisdiction (of one round when given), in order."""
    queryset = _readable(Selection.objects.all(), user).select_related(
        "register_entry", "unit", "unit__building", "round"
    )
    if round_ is not None:
        queryset = queryset.filter(round=round_)
    return queryset.order_by("round_id", "order")


def selection_get(*, user: Any, pk: Any) -> Selection:
    """One selection in the user's jurisdiction, or 404."""
    if not can_read_distribution(user):
        raise Http404("记录不存在或不在您的管辖范围内。")
    return get_visible_or_404(
        Selection.objects.select_related("round", "round__plan", "register_entry", "unit"), user, pk=pk
    )


@dataclass
class BoardUnit:
    """One unit on the selection board and who holds it."""

    unit: Any
    holder: Selection | None


def selection_board(*, user: Any, round_: AllocationRound) -> list[BoardUnit]:
    """The round's units (from the plan) with the household that chose each one."""
    from anju.distribution.services.rounds import plan_units

    held = {
        s.unit_id: s
        for s in selection_list(user=user, round_=round_).filter(
            status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED]
        )
    }
    resources = (
        plan_units(round_.plan)
        .select_related("unit", "unit__building")
        .order_by("unit__building__number", "unit__number")
    )
    return [BoardUnit(unit=r.unit, holder=held.get(r.unit_id)) for r in resources]


def available_units(*, round_: AllocationRound) -> QuerySet:
    """Units of the round's plan nobody holds and that are still allocatable."""
    from anju.distribution.services.rounds import plan_units
    from anju.housing.models import Unit
    from anju.housing.services.units import ALLOCATABLE_STATES

    held = Selection.objects.filter(status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED], unit__isnull=False)
    return (
        Unit.objects.filter(pk__in=plan_units(round_.plan).values("unit_id"), state__in=ALLOCATABLE_STATES)
        .exclude(pk__in=held.values("unit_id"))
        .select_related("building")
        .order_by("building__number", "number")
    )


def current_selection(*, round_: AllocationRound) -> Selection | None:
    """The first household still waiting (whose turn it is)."""
    return (
        Selection.objects.filter(round=round_, status=SelectionStatus.WAITING)
        .select_related("register_entry")
        .order_by("order")
        .first()
    )


def household_queue_positions(*, register_entry: Any) -> list[dict[str, Any]]:
    """For the household itself (portal): its place in every round, with the explanation (points per factor, tie-breaker).

    The caller (the portal) decides that the signed-in person belongs to `register_entry`.
    """
    from anju.distribution.services.lottery import lottery_outcome

    rows = []
    entries = (
        QueueEntry.objects.filter(register_entry=register_entry).select_related("round").prefetch_related("reorders")
    )
    for entry in entries.order_by("-round__created_at"):
        ahead = (
            QueueEntry.objects.filter(round=entry.round_id, group_rank__lt=entry.group_rank).count()
            + entry.position
            - 1
        )
        rows.append(
            {
                "round_number": entry.round.number,
                "round_name": entry.round.name,
                "method": entry.round.get_method_display(),
                "group": entry.group,
                "position": entry.position,
                "households_ahead": ahead,
                "points": entry.points,
                "explanation": entry.explanation,
                "lottery_outcome": lottery_outcome(entry.explanation, entry.position)
                if "lottery" in entry.explanation
                else "",
                "decisions": [
                    {
                        "from": r.from_position,
                        "to": r.to_position,
                        "reason": r.reason,
                        "decision_number": r.decision_number,
                        "decided_at": r.decided_at,
                    }
                    for r in entry.reorders.all()
                ],
            }
        )
    return rows


# --- public lottery --------------------------------------------------------------------------------


def lottery_public_list() -> QuerySet[Lottery]:
    """Published lotteries, newest first, for a public list (portal 公示): number, round name, state, times."""
    return Lottery.objects.select_related("round").order_by("-committed_at", "-id")


def lottery_public_get(*, number: str) -> Lottery:
    """A lottery by its number for the public page (committed or drawn), or 404."""
    lottery = Lottery.objects.select_related("round").filter(number=number).first()
    if lottery is None:
        raise Http404("摇号不存在。")
    return lottery


@dataclass
class PublicLottery:
    """What the public page shows: digests, commitment, seed, the masked list, recomputed result and verdict."""

    lottery: Lottery
    participants: list[dict[str, Any]]
    verification: Any
    list_digest_recomputed: str
    commitment_recomputed: str


def lottery_public_data(*, lottery: Lottery, limit: int | None = 2000) -> PublicLottery:
    """The public record of a lottery; after the draw the result is recomputed and compared (verdict)."""
    from anju.distribution import lottery as engine
    from anju.distribution.services.lottery import lottery_verification_cached

    rows = LotteryParticipant.objects.filter(lottery=lottery).values_list(
        "ticket", "rank", "is_substitute", "register_entry__applicant_name"
    )
    rows = list(rows)
    verification = lottery_verification_cached(lottery=lottery) if lottery.state == LotteryState.DRAWN else None
    recomputed_rank = verification.recomputed.ranks if verification and verification.recomputed else {}
    ordered = sorted(rows, key=lambda r: (r[1] is None, r[1] or 0, r[0]))
    participants = []
    for ticket, rank, substitute, name in ordered[:limit] if limit else ordered:
        outcome = ""
        if rank is not None:
            outcome = "正选" if rank <= lottery.winners_count else ("候补" if substitute else "未中签")
        participants.append(
            {
                "ticket": ticket,
                "name": mask_name(name),
                "rank": rank,
                "recomputed_rank": recomputed_rank.get(ticket),
                "outcome": outcome,
            }
        )
    return PublicLottery(
        lottery=lottery,
        participants=participants,
        verification=verification,
        list_digest_recomputed=engine.participants_digest([r[0] for r in rows]) if rows else "",
        commitment_recomputed=engine.seed_commitment(lottery.seed) if lottery.seed else "",
    )
