"""租金: the monthly run of charges (A.8.5), payments allocated oldest first (A.8.6), fixed costs (A.8.7).

The rent run is set-wise and idempotent: for each chunk of move-ins one `INSERT … SELECT … ON CONFLICT
(lease_id, period) DO NOTHING` built from an ORM queryset; the unique constraint on (lease, month) means a
second run of the same month inserts nothing. Arrears are charges − payments; `paid_amount` on each charge is
kept by `payment_record` under row locks and never exceeds the charge (a DB check).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import (
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat, LPad, Substr
from django.utils import timezone

from anju.core.services.numbers import business_number_next
from anju.tenancy.choices import OccupancyStatus, PaymentMethod
from anju.tenancy.events import TenancyEvent
from anju.tenancy.models import (
    AdjustKind,
    FixedCost,
    MoveIn,
    RentCharge,
    RentPayment,
    RentReceipt,
    StandardAdjustment,
)
from anju.tenancy.permissions import tenancy_check
from anju.tenancy.services.common import actor, audit, month_end, month_parse
from anju.tenancy.services.occupancy import ACTIVE_LEASE_STATUSES

RENT_DUE_DAY = 10  # 应收时间: the 10th of the rent month
RUN_CHUNK = 50_000
CHARGE_COLUMNS = (
    "number", "lease_id", "move_in_id", "register_entry_id", "unit_id", "amount", "period", "year", "month", "due_on",
    "paid_amount", "created_by_id", "updated_by_id", "region_code", "created_at", "updated_at",
)  # fmt: skip


def chargeable_move_ins(*, period: date, region_prefix: str = "") -> Any:
    """Move-ins that owe rent for the month: active lease, moved in by the month's end, not vacated before it."""
    queryset = (
        MoveIn.objects.filter(
            lease__status__in=ACTIVE_LEASE_STATUSES,
            moved_in_on__lte=month_end(period),
        )
        .exclude(status=OccupancyStatus.VACATED)
        .exclude(vacate__vacated_on__lt=period)
    )
    if region_prefix:
        queryset = queryset.filter(region_code__startswith=region_prefix)
    return queryset


def rent_in_force_expression(period: date) -> Any:
    """Over MoveIn rows: the monthly rent of `period` — the latest rent adjustment in force by then, else the move-in rent.

    Without any adjustment in force by the month the plain column is used (the rent run stays one flat
    INSERT … SELECT); otherwise a correlated subquery on (move_in, effective_from), which is indexed.
    """
    if not StandardAdjustment.objects.filter(kind=AdjustKind.RENT, effective_from__lte=period).exists():
        return F("rent")
    latest = (
        StandardAdjustment.objects.filter(kind=AdjustKind.RENT, move_in=OuterRef("pk"), effective_from__lte=period)
        .order_by("-effective_from", "-pk")
        .values("new_amount")[:1]
    )
    return Coalesce(Subquery(latest), F("rent"), output_field=DecimalField(max_digits=14, decimal_places=2))


def rent_in_force(move_in: MoveIn, period: date | str) -> Decimal:
    """The monthly rent (before reduction) of one move-in for a month."""
    period = month_parse(period)
    latest = (
        StandardAdjustment.objects.filter(kind=AdjustKind.RENT, move_in=move_in, effective_from__lte=period)
        .order_by("-effective_from", "-pk")
        .values_list("new_amount", flat=True)
        .first()
    )
    return move_in.rent if latest is None else latest


def rent_adjust(
    *,
    move_in: MoveIn,
    new_rent: Decimal,
    effective_from: date | str,
    reason: str,
    acting_user: Any,
    review_result: Any = None,
) -> StandardAdjustment:
    """调整租金: the lease's monthly rent becomes `new_rent` from the month on (audited; past charges untouched).

    The month must come after the last month already charged for the move-in (charges are never rewritten);
    the rent run of every later month charges the new rent less the move-in's reduction.
    """
    from anju.core.services.numbers import business_numbers_reserve

    effective_from = month_parse(effective_from)
    reason = (reason or "").strip()
    errors: dict[str, list[str]] = {}
    if not reason:
        errors["adjust_reason"] = ["请填写调整理由。"]
    if new_rent is None:
        errors["new_amount"] = ["请填写调整后的月租金。"]
    elif new_rent < move_in.reduction_amount:
        errors["new_amount"] = [f"调整后的月租金不能低于该户的租金减免金额{move_in.reduction_amount}元。"]
    last = RentCharge.objects.filter(move_in=move_in).aggregate(last=Max("period"))["last"]
    if last is not None and effective_from <= last:
        errors["effective_month"] = [
            f"租金已计收至{last.year}年{last.month}月，调整起始月份应在此之后（已计收的月份不改）。"
        ]
    if errors:
        raise ValidationError(errors)
    old = rent_in_force(move_in, effective_from)
    with transaction.atomic():
        adjustment = StandardAdjustment.objects.create(
            number=business_numbers_reserve(kind="notice", prefix="TJ", region_code=move_in.region_code, count=1)[0],
            kind=AdjustKind.RENT, register_entry_id=move_in.register_entry_id, review_result=review_result,
            move_in=move_in, contract_id=move_in.lease_id, effective_from=effective_from, old_amount=old,
            new_amount=new_rent, reason=reason, region_code=move_in.region_code,
            created_by=actor(acting_user), updated_by=actor(acting_user),
        )  # fmt: skip
        audit(action="RECORD_UPDATED", user=acting_user, obj=move_in, event=TenancyEvent.REVIEW_DECIDED,
              detail={"adjustment": adjustment.number, "kind": "rent", "old": str(old), "new": str(new_rent),
                      "from": f"{effective_from:%Y-%m}", "reason": reason})  # fmt: skip
    return adjustment


def _charge_select(queryset: Any, *, period: date, user_id: int | None, now: datetime) -> Any:
    """The SELECT giving one charge row per move-in, in CHARGE_COLUMNS order (all annotations)."""
    stamp = f"{period:%Y%m}"
    return queryset.annotate(
        c_number=Concat(Value("YS"), Substr("region_code", 1, 6), Value(stamp),
                        LPad(Cast("lease_id", CharField()), 10, Value("0")), output_field=CharField()),
        c_lease=F("lease_id"),
        c_move_in=F("id"),
        c_entry=F("register_entry_id"),
        c_unit=F("unit_id"),
        c_amount=rent_in_force_expression(period) - F("reduction_amount"),
        c_period=Value(period, output_field=DateField()),
        c_year=Value(period.year, output_field=IntegerField()),
        c_month=Value(period.month, output_field=IntegerField()),
        c_due=Value(period.replace(day=RENT_DUE_DAY), output_field=DateField()),
        c_paid=Value(Decimal("0.00"), output_field=DecimalField(max_digits=14, decimal_places=2)),
        c_created_by=Value(user_id, output_field=IntegerField()),
        c_updated_by=Value(user_id, output_field=IntegerField()),
        c_region=F("region_code"),
        c_created=Value(now, output_field=DateTimeField()),
        c_updated=Value(now, output_field=DateTimeField()),
    ).values(
        "c_number", "c_lease", "c_move_in", "c_entry", "c_unit", "c_amount", "c_period", "c_year", "c_month", "c_due",
        "c_paid", "c_created_by", "c_updated_by", "c_region", "c_created", "c_updated",
    ).order_by()  # fmt: skip


def _insert_charges(select: Any) -> int:
    """INSERT … SELECT … ON CONFLICT DO NOTHING; the number of charges created."""
    sql, params = select.query.sql_with_params()
    table = connection.ops.quote_name(RentCharge._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in CHARGE_COLUMNS)
    statement = f"INSERT INTO {table} ({columns}) {sql} ON CONFLICT (lease_id, period) DO NOTHING"
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return max(cursor.rowcount, 0)


def rent_run(
    *,
    period: date | str,
    acting_user: Any,
    region_prefix: str = "",
    chunk: int = RUN_CHUNK,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Create the month's charges for every chargeable move-in (set-wise, chunked by id, idempotent)."""
    period = month_parse(period)
    if acting_user is not None:
        from anju.core.scoping import jurisdiction_prefix

        tenancy_check(acting_user, region_prefix.ljust(12, "0") if region_prefix else str(acting_user.jurisdiction_id))
        region_prefix = region_prefix or (jurisdiction_prefix(acting_user) or "")
    queryset = chargeable_move_ins(period=period, region_prefix=region_prefix)
    bounds = queryset.aggregate(low=Min("id"), high=Max("id"))
    total = queryset.count()
    if on_total:
        on_total(total)
    created = 0
    now = timezone.now()
    user_id = actor(acting_user).pk if actor(acting_user) else None
    if bounds["low"] is not None:
        low = bounds["low"]
        while low <= bounds["high"]:
            part = queryset.filter(id__gte=low, id__lt=low + chunk)
            with transaction.atomic():
                created += _insert_charges(_charge_select(part, period=period, user_id=user_id, now=now))
            if progress:
                progress(min(chunk, total))
            low += chunk
    result = {"month": f"{period:%Y-%m}", "leases": total, "created": created, "existing": total - created}
    audit(action="BATCH_RUN", user=acting_user, obj=None, event=TenancyEvent.RENT_CHARGED, detail=result)
    return result


def rent_run_start(*, period: date | str, acting_user: Any) -> Any:
    """Create a progress record and enqueue the rent run (background task; huey after commit)."""
    from anju.core.services.jobs import job_attach_task, job_create
    from anju.tenancy.tasks import rent_run_task

    period = month_parse(period)
    tenancy_check(acting_user, str(acting_user.jurisdiction_id))
    with transaction.atomic():
        job = job_create(
            kind="tenancy_rent_run", title=f"{period.year}年{period.month}月租金应收", total=0, acting_user=acting_user
        )
        result = rent_run_task.enqueue(job_id=job.pk, period=f"{period:%Y-%m}", user_id=acting_user.pk)
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job


def payment_record(
    *,
    register_entry: Any,
    amount: Any,
    method: str,
    acting_user: Any,
    paid_at: datetime | None = None,
    payer_name: str = "",
    shortfall_reason: str = "",
    note: str = "",
    idempotency_key: str | None = None,
) -> RentReceipt:
    """收取租金: one receipt, allocated to the household's outstanding charges oldest first.

    A payment below what is owed needs 未足额收取原因; more than is owed is refused (no prepayment).
    The same idempotency key twice returns the first receipt and records nothing.
    """
    tenancy_check(acting_user, register_entry.region_code)
    if idempotency_key:
        existing = RentReceipt.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    errors: dict[str, list[str]] = {}
    try:
        total = Decimal(str(amount)).quantize(Decimal("0.01"))
    except Exception:
        raise ValidationError({"amount": ["实收金额应为金额。"]}) from None
    if total <= 0:
        errors.setdefault("amount", []).append("实收金额应大于0。")
    if method not in PaymentMethod.values:
        errors.setdefault("method", []).append("请选择实收方式。")
    if errors:
        raise ValidationError(errors)
    paid_at = paid_at or timezone.now()
    with transaction.atomic():
        charges = list(
            RentCharge.objects.select_for_update(of=("self",))
            .filter(register_entry=register_entry, paid_amount__lt=F("amount"))
            .order_by("period", "id")
        )
        owed = sum((c.amount - c.paid_amount for c in charges), Decimal(0))
        if owed == 0:
            raise ValidationError({"amount": ["该家庭没有欠缴租金。"]})
        if total > owed:
            raise ValidationError({"amount": [f"实收金额{total}元超过欠缴租金{owed}元。"]})
        reason = (shortfall_reason or "").strip()
        if total < owed and not reason:
            raise ValidationError(
                {"shortfall_reason": [f"未足额收取（欠缴{owed}元，本次{total}元），请填写未足额收取原因。"]}
            )
        receipt = RentReceipt(
            number=business_number_next(kind="rent", region_code=register_entry.region_code, year=paid_at.year),
            register_entry=register_entry,
            region_code=register_entry.region_code,
            total=total,
            method=method,
            paid_at=paid_at,
            payer_name=(payer_name or "").strip(),
            shortfall_reason=reason,
            note=(note or "").strip(),
            idempotency_key=idempotency_key or None,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        receipt.full_clean()
        receipt.save()
        left, rows = total, []
        for charge in charges:
            if left <= 0:
                break
            part = min(left, charge.amount - charge.paid_amount)
            charge.paid_amount += part
            left -= part
            full = charge.paid_amount == charge.amount
            rows.append(RentPayment(
                number=f"{receipt.number}-{len(rows) + 1:02d}", receipt=receipt, charge=charge,
                register_entry=register_entry, unit_id=charge.unit_id, region_code=charge.region_code, amount=part,
                year=charge.year, month=charge.month, is_full=full, shortfall_reason="" if full else reason,
                paid_at=paid_at, method=method, created_by=actor(acting_user), updated_by=actor(acting_user),
            ))  # fmt: skip
            RentCharge.objects.filter(pk=charge.pk).update(
                paid_amount=charge.paid_amount, updated_by=actor(acting_user)
            )
        RentPayment.objects.bulk_create(rows)
        audit(action="PAYMENT", user=acting_user, obj=receipt, event=TenancyEvent.RENT_PAID,
              detail={"total": str(total), "charges": [r.charge.number for r in rows], "owed_before": str(owed)})  # fmt: skip
    return receipt


def fixed_cost_create(
    *, project: Any, description: str, year: int, month: int, amount: Any, acting_user: Any
) -> FixedCost:
    """登记每月固定发生款项 of an estate."""
    tenancy_check(acting_user, project.region_code)
    errors: dict[str, list[str]] = {}
    if not (description or "").strip():
        errors.setdefault("description", []).append("请填写发生款项说明。")
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
        if value <= 0:
            errors.setdefault("amount", []).append("款项金额应大于0。")
    except Exception:
        value = Decimal(0)
        errors.setdefault("amount", []).append("款项金额应为金额。")
    if not (1 <= int(month or 0) <= 12):
        errors.setdefault("month", []).append("发生月份应为1至12。")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        cost = FixedCost(
            number=business_number_next(kind="payment", region_code=project.region_code, year=year),
            project=project,
            region_code=project.region_code,
            description=description.strip(),
            year=year,
            month=month,
            amount=value,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        cost.full_clean()
        cost.save()
        audit(action="RECORD_CREATED", user=acting_user, obj=cost, event=TenancyEvent.FIXED_COST_SAVED,
              detail={"amount": str(value), "year": year, "month": month})  # fmt: skip
    return cost


def outstanding_q() -> Q:
    """Charges not fully paid."""
    return Q(paid_amount__lt=F("amount"))
