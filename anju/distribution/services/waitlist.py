"""Waitlist order (轮候顺序, A.7.1): computed set-wise from the ordering scheme, explained, changed only by a recorded decision.

How a household's place is computed (one SQL query over the plan's households, then a sort):

- every factor line of the scheme (OrderingFactor) is a test "factor relation value" on the
  household's facts (the same fact columns the eligibility batch path reads: Application columns
  and the `rf_*` annotations of `household_facts_queryset`; a member factor counts members that
  meet it and is met when at least one does);
- a met line adds its points; a met line with a priority group puts the household in that group
  (the smallest group number wins); households in no priority group form 普通组;
- groups choose in group order (优先组1, 优先组2 …, 普通组); within a group by points (high first),
  then by the scheme's tie-breaker: application time (earlier first) or lottery (SM3 of the
  round's published tie-break seed and the 登记编号, smaller first); last by 登记编号.

Each QueueEntry keeps its explanation (points per factor, group, tie-breaker value), which staff
and the household see. Staff change a place only through `queue_reorder` (reason and decision
number, recorded in QueueReorder and the audit log).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BooleanField, Case, Count, DecimalField, ExpressionWrapper, F, IntegerField, Q, Value, When
from django.utils import timezone

from anju.distribution.choices import RoundMethod, RoundState
from anju.distribution.events_rounds import RoundEvent
from anju.distribution.models import AllocationRound, QueueEntry, QueueReorder
from anju.distribution.services.common_rounds import actor, audit, distribution_edit_check
from anju.distribution.services.rounds import plan_households, round_lock

ORDINARY_GROUP = "普通组"
ORDINARY_GROUP_RANK = 32767
LOTTERY_GROUP = "摇号"
LOOKUPS = {"gt": "gt", "ge": "gte", "lt": "lt", "le": "lte", "eq": "exact"}
TIE_APPLICATION_TIME, TIE_LOTTERY = "application_time", "lottery"
NUMBER_FIELD = DecimalField(max_digits=20, decimal_places=4)


def group_name(priority_group: int | None) -> str:
    """配给分组 of a priority group number (None = 普通组)."""
    return ORDINARY_GROUP if priority_group is None else f"优先组{priority_group}"


def _compare(column: str, relation: str, rhs: Any) -> Q:
    if relation == "ne":
        return Q(**{f"{column}__lt": rhs}) | Q(**{f"{column}__gt": rhs})
    return Q(**{f"{column}__{LOOKUPS[relation]}": rhs})


def _bool_q(column: str, relation: str, value: Decimal) -> Q:
    expected = bool(value)
    return Q(**{column: expected if relation != "ne" else not expected})


def _member_q(factor: Any, relation: str, value: Decimal, as_of: Any) -> Q:
    """Members meeting one factor line (member level)."""
    from anju.rules.factors import BOOL, NOT_EMPLOYED_CODES

    if factor.code == "age":
        from anju.rules.services.evaluation import Threshold, _age_q

        return _age_q([Threshold(relation, value, "")], as_of)
    if factor.code == "is_disabled":
        q = ~Q(disability_type="")
        return q if bool(value) == (relation != "ne") else ~q
    if factor.code == "is_employed":
        q = ~Q(employment_status__in=NOT_EMPLOYED_CODES)
        return q if bool(value) == (relation != "ne") else ~q
    if factor.kind == BOOL:
        return _bool_q(factor.field, relation, value)
    if factor.kind == "code":
        q = Q(**{factor.field: _code_text(value)})
        return ~q if relation == "ne" else q
    return _compare(factor.field, relation, value)


def _code_text(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


@dataclass
class _Line:
    """One ordering factor line, compiled."""

    line: Any
    factor: Any
    hit_name: str
    value_name: str | None


def _compile_lines(scheme: Any, as_of: Any) -> tuple[list[_Line], dict[str, Any]]:
    """The scheme's lines as annotations over the Application queryset (hit booleans and member counts)."""
    from anju.admission.models import Member
    from anju.rules.factors import BOOL, MEMBER, factor_get
    from anju.rules.services.facts import per_application, queryset_column

    lines: list[_Line] = []
    annotations: dict[str, Any] = {}
    if scheme is None:
        return lines, annotations
    for index, line in enumerate(scheme.factors.order_by("sequence", "id")):
        try:
            factor = factor_get(line.factor)
        except KeyError:
            raise ValidationError(f"排队规则“{scheme.name}”的因素“{line.name}”无法识别（{line.factor}）。") from None
        hit = f"oq_hit_{index}"
        value_name = None
        if factor.level == MEMBER:
            count = f"oq_members_{index}"
            annotations[count] = per_application(
                Member.objects.filter(_member_q(factor, line.relation, line.value, as_of)), Count("id"), IntegerField()
            )
            q = Q(**{f"{count}__gte": 1})
            value_name = count
        elif factor.kind == BOOL:
            value_name = queryset_column(factor.code)
            q = _bool_q(value_name, line.relation, line.value)
        elif factor.kind == "code":
            value_name = queryset_column(factor.code)
            q = Q(**{value_name: _code_text(line.value)})
            q = ~q if line.relation == "ne" else q
        elif factor.base:
            column = queryset_column(factor.base)
            scale: Any = F("household_size") if factor.per_capita else Value(factor.scale)
            q = _compare(column, line.relation, ExpressionWrapper(scale * Value(line.value), output_field=NUMBER_FIELD))
            value_name = column
        else:
            value_name = queryset_column(factor.code)
            q = _compare(value_name, line.relation, Value(line.value))
        annotations[hit] = Case(When(q, then=Value(True)), default=Value(False), output_field=BooleanField())
        lines.append(_Line(line=line, factor=factor, hit_name=hit, value_name=value_name))
    return lines, annotations


def _fact_text(compiled: _Line, raw: Any, household_size: Any) -> str:
    """The household's fact for a line, as a clerk reads it."""
    from anju.rules.factors import BOOL, MEMBER

    factor = compiled.factor
    if factor.level == MEMBER:
        return f"{raw or 0} 名成员符合"
    if raw is None:
        return "（无数据）"
    if factor.kind == BOOL:
        return "是" if raw else "否"
    if factor.base:
        base = Decimal(str(raw))
        divisor = Decimal(household_size or 0) if factor.per_capita else Decimal(factor.scale)
        raw = (base / divisor).quantize(Decimal("0.01")) if divisor else base
    if isinstance(raw, Decimal | int | float):
        return f"{Decimal(str(raw)).normalize():f}{factor.unit}"
    return str(raw)


def _threshold_text(compiled: _Line) -> str:
    from anju.rules.choices import Relation

    line = compiled.line
    value = f"{line.value.normalize():f}"
    if compiled.factor.kind == "bool":
        value = "是" if line.value else "否"
    return f"{Relation(line.relation).label}{value}{compiled.factor.unit if compiled.factor.kind == 'number' else ''}"


def tie_break_value(*, kind: str, seed: str, register_number: str, applied_at: Any) -> str:
    """The tie-breaker value that sorts ascending: an ISO time, or SM3(seed ‖ 0 ‖ 登记编号)."""
    if kind == TIE_LOTTERY:
        from anju.core.crypto import get_provider

        return get_provider().sm3_hex(f"{seed}\x00{register_number}".encode())
    return timezone.localtime(applied_at).isoformat() if applied_at else "9999"


def queue_rows(round_: AllocationRound, *, as_of: Any = None) -> list[dict[str, Any]]:
    """The computed order of the round's households (no writes): dicts with group, points and explanation."""
    from anju.admission.models import Application
    from anju.rules.services.facts import household_facts_queryset

    as_of = as_of or timezone.localdate()
    scheme = round_.ordering_scheme
    tie_kind = scheme.tie_breaker if scheme is not None else TIE_APPLICATION_TIME
    households = list(
        plan_households(round_.plan).values(
            "register_entry_id",
            "register_entry__number",
            "register_entry__application_id",
            "register_entry__applied_at",
            "register_entry__registered_at",
        )
    )
    lines, annotations = _compile_lines(scheme, as_of)
    facts: dict[int, dict[str, Any]] = {}
    if lines:
        names = ["pk", "household_size", *annotations.keys(), *{c.value_name for c in lines if c.value_name}]
        queryset = household_facts_queryset(
            Application.objects.filter(pk__in=[h["register_entry__application_id"] for h in households])
        ).annotate(**annotations)
        facts = {row["pk"]: row for row in queryset.order_by().values(*dict.fromkeys(names))}
    rows = []
    for household in households:
        fact = facts.get(household["register_entry__application_id"], {})
        points, priority, items = Decimal(0), None, []
        for compiled in lines:
            hit = bool(fact.get(compiled.hit_name))
            line = compiled.line
            if hit:
                points += line.points
                if line.priority_group is not None:
                    priority = line.priority_group if priority is None else min(priority, line.priority_group)
            items.append(
                {
                    "name": line.name,
                    "factor": compiled.factor.name,
                    "rule": _threshold_text(compiled),
                    "value": _fact_text(
                        compiled,
                        fact.get(compiled.value_name) if compiled.value_name else None,
                        fact.get("household_size"),
                    ),
                    "hit": hit,
                    "points": str(line.points if hit else Decimal(0)),
                    "priority_group": line.priority_group if hit else None,
                }
            )
        applied_at = household["register_entry__applied_at"] or household["register_entry__registered_at"]
        tie = tie_break_value(
            kind=tie_kind,
            seed=round_.tie_break_seed,
            register_number=household["register_entry__number"],
            applied_at=applied_at,
        )
        rows.append(
            {
                "register_entry_id": household["register_entry_id"],
                "register_number": household["register_entry__number"],
                "group": group_name(priority),
                "group_rank": ORDINARY_GROUP_RANK if priority is None else priority,
                "points": points,
                "tie": tie,
                "explanation": {
                    "scheme": scheme.name if scheme is not None else "",
                    "factors": items,
                    "points": str(points),
                    "priority_group": priority,
                    "group": group_name(priority),
                    "tie_breaker": {
                        "kind": tie_kind,
                        "label": "按申请时间先后" if tie_kind == TIE_APPLICATION_TIME else "同分摇号（种子已公开）",
                        "value": tie,
                    },
                },
            }
        )
    rows.sort(key=lambda r: (r["group_rank"], -r["points"], r["tie"], r["register_number"]))
    position_in_group: dict[str, int] = {}
    for row in rows:
        position_in_group[row["group"]] = position_in_group.get(row["group"], 0) + 1
        row["position"] = position_in_group[row["group"]]
        row["explanation"]["computed_position"] = row["position"]
    return rows


@transaction.atomic
def queue_compute(*, round_: AllocationRound, acting_user: Any) -> int:
    """计算轮候顺序 of a waitlist round (draft, or ordered with no recorded re-order); returns the number of entries."""
    distribution_edit_check(acting_user, round_.region_code)
    locked = round_lock(round_)
    if locked.method != RoundMethod.WAITLIST:
        raise ValidationError("摇号批次的顺序由摇号结果决定。")
    if locked.state not in (RoundState.DRAFT, RoundState.ORDERED):
        raise ValidationError("选房已开始，不能重新计算轮候顺序。")
    if QueueReorder.objects.filter(entry__round=locked).exists():
        raise ValidationError("已有顺序调整决定，不能重新计算轮候顺序。")
    if locked.ordering_scheme and locked.ordering_scheme.tie_breaker == TIE_LOTTERY and not locked.tie_break_seed:
        locked.tie_break_seed = secrets.token_hex(32)
    rows = queue_rows(locked)
    user = actor(acting_user)
    QueueEntry.objects.filter(round=locked).delete()
    QueueEntry.objects.bulk_create(
        [
            QueueEntry(
                round=locked,
                region_code=locked.region_code,
                register_entry_id=row["register_entry_id"],
                group=row["group"],
                group_rank=row["group_rank"],
                position=row["position"],
                computed_position=row["position"],
                points=row["points"],
                explanation=row["explanation"],
                tie_breaker_value=row["tie"][:64],
                created_by=user,
                updated_by=user,
            )
            for row in rows
        ],
        batch_size=2000,
    )
    locked.state, locked.ordered_at, locked.updated_by = RoundState.ORDERED, timezone.now(), user
    locked.save(update_fields=["state", "ordered_at", "tie_break_seed", "updated_by", "updated_at"])
    groups: dict[str, int] = {}
    for row in rows:
        groups[row["group"]] = groups.get(row["group"], 0) + 1
    audit(
        action="BATCH_RUN",
        user=acting_user,
        obj=locked,
        event=RoundEvent.QUEUE_ORDERED,
        detail={"entries": len(rows), "groups": groups, "scheme": locked.ordering_scheme_id},
    )
    round_.state = locked.state
    return len(rows)


OFFSET = 1_000_000  # positions are moved out of the way first, so the unique (round, group, position) never clashes


@transaction.atomic
def queue_reorder(
    *, entry: QueueEntry, to_position: int, reason: str, decision_number: str, acting_user: Any
) -> QueueReorder:
    """调整轮候顺序 by a recorded decision: move a household within its group; the others shift by one."""
    round_ = round_lock(entry.round)
    distribution_edit_check(acting_user, round_.region_code)
    if acting_user is None or not getattr(acting_user, "is_authenticated", False):
        raise ValidationError("顺序调整须由经办人员作出。")
    if round_.method != RoundMethod.WAITLIST:
        raise ValidationError("摇号结果不能调整。")
    if round_.state != RoundState.ORDERED:
        raise ValidationError("只有已排序、尚未开始选房的批次可以调整顺序。")
    errors: dict[str, list[str]] = {}
    if not (reason or "").strip():
        errors["reason"] = ["请填写调整原因。"]
    if not (decision_number or "").strip():
        errors["decision_number"] = ["请填写决定文号。"]
    entry = QueueEntry.objects.select_for_update(of=("self",)).get(pk=entry.pk)
    group = QueueEntry.objects.filter(round=round_, group=entry.group)
    size = group.count()
    if not isinstance(to_position, int) or not 1 <= to_position <= size:
        errors["to_position"] = [f"新顺序应在 1 到 {size} 之间。"]
    elif to_position == entry.position:
        errors["to_position"] = ["新顺序与原顺序相同。"]
    if errors:
        raise ValidationError(errors)
    from_position = entry.position
    if to_position < from_position:
        moved = group.filter(position__gte=to_position, position__lt=from_position)
        step = 1
    else:
        moved = group.filter(position__gt=from_position, position__lte=to_position)
        step = -1
    ids = list(moved.values_list("pk", flat=True))
    QueueEntry.objects.filter(pk=entry.pk).update(position=0)
    QueueEntry.objects.filter(pk__in=ids).update(position=F("position") + OFFSET)
    QueueEntry.objects.filter(pk__in=ids).update(position=F("position") - OFFSET + step)
    user = actor(acting_user)
    QueueEntry.objects.filter(pk=entry.pk).update(position=to_position, updated_by=user, updated_at=timezone.now())
    reorder = QueueReorder.objects.create(
        entry=entry,
        from_position=from_position,
        to_position=to_position,
        reason=reason.strip(),
        decision_number=decision_number.strip(),
        decided_by=acting_user,
    )
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=entry,
        event=RoundEvent.QUEUE_REORDERED,
        detail={
            "round": round_.number,
            "group": entry.group,
            "changes": {"position": [from_position, to_position]},
            "reason": reorder.reason,
            "decision_number": reorder.decision_number,
            "shifted": len(ids),
        },
    )
    entry.position = to_position
    return reorder
