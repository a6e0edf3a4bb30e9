"""摇号 of a lottery round: publish the list and the seed commitment, draw, reveal; the result never changes.

`lottery_commit` fixes the participant list (every household of the plan, ticket = 登记编号), its
SM3 digest and the SM3 commitment of a fresh random seed; the seed itself is kept sealed
(SM4-encrypted, never shown). `lottery_draw` checks the list still matches its digest, reveals the
seed (or takes the seed the notary holds, which must match the commitment), ranks everyone with
`anju.distribution.lottery.draw`, writes the ranks set-wise and puts the winners and then the
substitutes (候补) into the round's order. A drawn lottery is refused any further draw.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from anju.allocation.choices import AllocationState
from anju.core.services.numbers import business_number_next
from anju.distribution import lottery as engine
from anju.distribution.choices import LotteryState, RoundMethod, RoundState
from anju.distribution.events_rounds import RoundEvent
from anju.distribution.models import AllocationRound, Lottery, LotteryParticipant, QueueEntry
from anju.distribution.services.common_rounds import actor, audit, distribution_edit_check
from anju.distribution.services.rounds import plan_households, plan_units, round_lock
from anju.distribution.services.waitlist import LOTTERY_GROUP

RANK_CHUNK = 5000  # rows per UPDATE … FROM (VALUES …): 2 parameters a row, under SQLite's 32,766


@transaction.atomic
def lottery_commit(
    *,
    round_: AllocationRound,
    acting_user: Any,
    winners_count: int | None = None,
    substitutes_count: int = 0,
    draw_at: datetime | None = None,
    notary: str = "",
) -> Lottery:
    """公布摇号名单和种子承诺 (before the draw)."""
    distribution_edit_check(acting_user, round_.region_code)
    locked = round_lock(round_)
    if locked.method != RoundMethod.LOTTERY:
        raise ValidationError("该批次按轮候顺序配给，不需要摇号。")
    if locked.state != RoundState.DRAFT or Lottery.objects.filter(round=locked).exists():
        raise ValidationError("该批次已公布摇号名单。")
    households = list(plan_households(locked.plan).values_list("register_entry_id", "register_entry__number"))
    if not households:
        raise ValidationError("方案中没有参与摇号的家庭。")
    units = plan_units(locked.plan).count()
    winners = units if winners_count is None else winners_count
    errors: dict[str, list[str]] = {}
    if winners < 1:
        errors["winners_count"] = ["正选名额至少为 1。"]
    if substitutes_count < 0:
        errors["substitutes_count"] = ["候补名额不能为负数。"]
    if draw_at is not None and draw_at < timezone.now():
        errors["draw_at"] = ["计划摇号时间不能早于现在。"]
    if errors:
        raise ValidationError(errors)
    tickets = [number for _, number in households]
    seed = engine.seed_generate()
    user = actor(acting_user)
    lottery = Lottery(
        number=business_number_next(kind="lottery", region_code=locked.region_code),
        region_code=locked.region_code,
        round=locked,
        algorithm=engine.ALGORITHM,
        participants_digest=engine.participants_digest(tickets),
        seed_commitment=engine.seed_commitment(seed),
        sealed_seed=seed,
        participant_count=len(tickets),
        winners_count=min(winners, len(tickets)),
        substitutes_count=max(0, min(substitutes_count, len(tickets) - min(winners, len(tickets)))),
        state=LotteryState.COMMITTED,
        committed_at=timezone.now(),
        draw_at=draw_at,
        notary=(notary or "").strip(),
        created_by=user,
        updated_by=user,
    )
    lottery.full_clean()
    lottery.save()
    _participants_insert(lottery, locked)
    locked.state, locked.updated_by = RoundState.COMMITTED, user
    locked.save(update_fields=["state", "updated_by", "updated_at"])
    audit(
        action="RECORD_CREATED",
        user=acting_user,
        obj=lottery,
        event=RoundEvent.LOTTERY_COMMITTED,
        detail={
            "round": locked.number,
            "participants": len(tickets),
            "participants_digest": lottery.participants_digest,
            "seed_commitment": lottery.seed_commitment,
            "winners": lottery.winners_count,
            "substitutes": lottery.substitutes_count,
        },
    )
    round_.state = locked.state
    return lottery


def _participants_insert(lottery: Lottery, round_: AllocationRound) -> None:
    """The published list as participant rows, set-wise (INSERT … SELECT from the plan's households)."""
    from anju.admission.models import RegisterEntry
    from anju.allocation.models import PlanHousehold

    q = connection.ops.quote_name
    participants, households = LotteryParticipant._meta.db_table, PlanHousehold._meta.db_table
    entries = RegisterEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(participants)} (lottery_id, register_entry_id, ticket, {q('rank')}, is_substitute) "  # noqa: S608 - names from the models
            f"SELECT %s, h.register_entry_id, e.number, NULL, %s FROM {q(households)} h "
            f"JOIN {q(entries)} e ON e.id = h.register_entry_id WHERE h.plan_id = %s AND h.state <> %s",
            [lottery.pk, False, round_.plan_id, AllocationState.WITHDRAWN],
        )


def _queue_insert(round_: AllocationRound, lottery: Lottery, *, limit: int, user: Any, now: datetime) -> None:
    """Winners then substitutes into the round's order, set-wise (INSERT … SELECT from the ranked participants).

    Each entry's explanation names the lottery and its quotas; the rank is the entry's position and
    正选/候补 follows from it (`lottery_outcome`).
    """
    import json

    q = connection.ops.quote_name
    entries, participants = QueueEntry._meta.db_table, LotteryParticipant._meta.db_table
    explanation = json.dumps(
        {
            "lottery": lottery.number,
            "winners": lottery.winners_count,
            "substitutes": lottery.substitutes_count,
            "tie_breaker": {"kind": "lottery", "label": "摇号顺序"},
        },
        ensure_ascii=False,
    )
    user_id = user.pk if user is not None else None
    rank = q("rank")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(entries)} (created_at, updated_at, region_code, created_by_id, updated_by_id, round_id, "  # noqa: S608 - names from the models
            f"register_entry_id, {q('group')}, group_rank, position, computed_position, points, explanation, "
            f"tie_breaker_value) SELECT %s, %s, %s, %s, %s, %s, p.register_entry_id, %s, 1, p.{rank}, p.{rank}, 0, %s, "
            f"CAST(p.{rank} AS VARCHAR(64)) FROM {q(participants)} p WHERE p.lottery_id = %s AND p.{rank} <= %s",
            [now, now, round_.region_code, user_id, user_id, round_.pk, LOTTERY_GROUP, explanation, lottery.pk, limit],
        )


def lottery_outcome(explanation: dict, position: int) -> str:
    """正选 / 候补 / 未中签 of a lottery queue entry."""
    winners, substitutes = explanation.get("winners", 0), explanation.get("substitutes", 0)
    if position <= winners:
        return "正选"
    return "候补" if position <= winners + substitutes else "未中签"


def _ranks_write(lottery_id: int, pairs: Iterable[tuple[int, int]]) -> None:
    """Set `rank` of many participants with one UPDATE … FROM (VALUES …) per chunk (SQLite ≥ 3.33 and PostgreSQL)."""
    table = LotteryParticipant._meta.db_table
    pairs = list(pairs)
    with connection.cursor() as cursor:
        for start in range(0, len(pairs), RANK_CHUNK):
            chunk = pairs[start : start + RANK_CHUNK]
            values = ", ".join(["(%s, %s)"] * len(chunk))
            params: list[int] = [value for pair in chunk for value in pair]
            cursor.execute(
                f"WITH v(pid, rnk) AS (VALUES {values}) "  # noqa: S608 - table name from the model, values are parameters
                f'UPDATE {table} SET "rank" = v.rnk FROM v WHERE {table}.id = v.pid AND {table}.lottery_id = %s',
                [*params, lottery_id],
            )


@transaction.atomic
def lottery_draw(*, lottery: Lottery, acting_user: Any, seed: str = "", now: datetime | None = None) -> Lottery:
    """摇号: reveal the seed, rank every participant, put winners then substitutes into the round's order."""
    distribution_edit_check(acting_user, lottery.region_code)
    round_ = round_lock(lottery.round)
    locked = Lottery.objects.select_for_update(of=("self",)).get(pk=lottery.pk)
    if locked.state == LotteryState.DRAWN:
        raise ValidationError("摇号结果已经确定，不能重新摇号或修改。")
    if round_.state != RoundState.COMMITTED:
        raise ValidationError("批次状态不允许摇号。")
    sealed = locked.sealed_seed
    if seed:
        try:
            seed = engine.seed_check(seed)
        except engine.LotteryInputError as exc:
            raise ValidationError({"seed": [str(exc)]}) from None
        if engine.seed_commitment(seed) != locked.seed_commitment:
            raise ValidationError({"seed": ["种子与公布的种子承诺不符。"]})
    else:
        seed = sealed
    if not seed:
        raise ValidationError({"seed": ["请输入公证人员保存的种子。"]})
    rows = list(LotteryParticipant.objects.filter(lottery=locked).values_list("id", "ticket"))
    tickets = [ticket for _, ticket in rows]
    result = engine.draw(seed=seed, tickets=tickets, winners=locked.winners_count, substitutes=locked.substitutes_count)
    if result.list_digest != locked.participants_digest:
        raise ValidationError("参与名单与公布的名单摘要不符，不能摇号。")
    ranks = result.ranks
    _ranks_write(locked.pk, ((pid, ranks[ticket]) for pid, ticket in rows))
    limit = locked.winners_count + locked.substitutes_count
    LotteryParticipant.objects.filter(lottery=locked, rank__gt=locked.winners_count, rank__lte=limit).update(
        is_substitute=True
    )
    now = now or timezone.now()
    user = actor(acting_user)
    locked.seed, locked.sealed_seed = seed, ""
    locked.state, locked.drawn_at, locked.result_digest, locked.updated_by = (
        LotteryState.DRAWN,
        now,
        result.result_digest,
        user,
    )
    locked.save(update_fields=["seed", "sealed_seed", "state", "drawn_at", "result_digest", "updated_by", "updated_at"])
    QueueEntry.objects.filter(round=round_).delete()
    _queue_insert(round_, locked, limit=limit, user=user, now=now)
    round_.state, round_.ordered_at, round_.updated_by = RoundState.DRAWN, now, user
    round_.save(update_fields=["state", "ordered_at", "updated_by", "updated_at"])
    audit(
        action="BATCH_RUN",
        user=acting_user,
        obj=locked,
        event=RoundEvent.LOTTERY_DRAWN,
        detail={
            "round": round_.number,
            "seed": seed,
            "result_digest": result.result_digest,
            "participants": len(rows),
            "winners": locked.winners_count,
            "substitutes": locked.substitutes_count,
        },
    )
    lottery.refresh_from_db()
    lottery.round.refresh_from_db()
    return lottery


def lottery_verification(*, lottery: Lottery) -> engine.Verification:
    """Recompute a drawn lottery from what is stored (list, seed) and compare with the stored ranks."""
    if lottery.state != LotteryState.DRAWN:
        raise ValidationError("尚未摇号，无法核验。")
    rows = list(LotteryParticipant.objects.filter(lottery=lottery).values_list("ticket", "rank"))
    stored = [ticket for ticket, rank in sorted(rows, key=lambda r: (r[1] is None, r[1] or 0, r[0]))]
    return engine.verify(
        seed=lottery.seed,
        commitment=lottery.seed_commitment,
        tickets=[t for t, _ in rows],
        list_digest=lottery.participants_digest,
        stored_order=stored,
        stored_result_digest=lottery.result_digest,
        winners=lottery.winners_count,
        substitutes=lottery.substitutes_count,
    )


VERIFICATION_CACHE_SECONDS = 300


def lottery_verification_cached(*, lottery: Lottery) -> engine.Verification:
    """`lottery_verification` kept for a few minutes (the staff and public pages; 100,000 participants cost ~1 s).

    The key holds the digests and the seed, so a changed record is recomputed; `lottery_verify`,
    the API and the staff "核验并记录" button always recompute.
    """
    from django.core.cache import cache

    key = f"distribution:lottery-verification:{lottery.pk}:{lottery.participants_digest}:{lottery.seed}:{lottery.result_digest}"
    verification = cache.get(key)
    if verification is None:
        verification = lottery_verification(lottery=lottery)
        cache.set(key, verification, VERIFICATION_CACHE_SECONDS)
    return verification


def lottery_verify_recorded(*, lottery: Lottery, acting_user: Any) -> engine.Verification:
    """Verify and record the check in the audit log (staff and API)."""
    verification = lottery_verification(lottery=lottery)
    audit(
        action="AUDIT_VERIFIED",
        user=acting_user,
        obj=lottery,
        event=RoundEvent.LOTTERY_VERIFIED,
        detail={"ok": verification.ok, "mismatches": verification.mismatches},
    )
    return verification
