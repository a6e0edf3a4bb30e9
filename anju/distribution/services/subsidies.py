"""Subsidies: amounts due each month from the subsidy contracts (A.7.5), payments (A.7.6), payment lists.

`subsidy_month_run` is set-based and idempotent: it reads the subsidy contracts covering the
month in chunks, computes each household's amount (a part month is paid by days), leaves out the
households that already have a due row for the month, numbers the rest in blocks and inserts
them with `bulk_create`. The database refuses a second row per (对象类型, 对象编号, 年度, 月份)
(`distribution_subsidy_due_month_once`), so even two concurrent runs create each due once.

Each month is paid at the standard in force in that month (`subsidy_standard_expression`): the amount
of the contract's latest `SubsidyStandardChange` with `effective_from` on or before the month, else the
standard before its first change, else the contract's `subsidy_amount`. Without any change at all the
plain column is read (the flat path).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import DecimalField, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from anju.core.services.numbers import business_numbers_reserve
from anju.distribution.choices import (
    ContractStatus,
    ContractType,
    PaymentStatus,
    SubsidyPaymentMethod,
    SubsidyTargetType,
)
from anju.distribution.events_contracts import ContractEvent
from anju.distribution.models import Contract, SubsidyDue, SubsidyPayment, SubsidyStandardChange
from anju.distribution.services.common_contracts import actor, audit, edit_check, number_next

CHUNK = 1000
SUBSIDY_DUE_DAY = 15  # 应发时间: the 15th of the month
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# contracts that paid (or pay) for some period: signed, later renewed, expired or terminated
PAYING_STATUSES = (ContractStatus.SIGNED, ContractStatus.RENEWED, ContractStatus.EXPIRED, ContractStatus.TERMINATED)
DEFAULT_SUBSIDY_MODE = "30"  # 租赁补贴
SUBSIDY_TYPES = {"3": "租赁补贴", "4": "购房补贴"}


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    if not (1 <= month <= 12) or not (2000 <= year <= 2100):
        raise ValidationError({"month": ["请填写有效的年度和月份。"]})
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def covered_days(
    *,
    year: int,
    month: int,
    effective_on: dt.date | None,
    starts_on: dt.date | None,
    expires_on: dt.date | None,
    terminated_on: dt.date | None,
) -> int:
    """Days of the month the contract pays for: from max(生效, 发放起始) to min(失效, 解除前一日)."""
    first, last = month_bounds(year, month)
    begin = max(d for d in (first, effective_on, starts_on) if d is not None)
    ends = [last]
    if expires_on is not None:
        ends.append(expires_on)
    if terminated_on is not None:
        ends.append(terminated_on - dt.timedelta(days=1))
    end = min(ends)
    return max((end - begin).days + 1, 0)


def month_amount(*, standard: Decimal, days: int, year: int, month: int) -> Decimal:
    """补贴金额 of a month: the standard for a full month, by days (half-up to the fen) for a part."""
    days_in_month = calendar.monthrange(year, month)[1]
    if days >= days_in_month:
        return standard.quantize(CENT)
    return (standard * days / days_in_month).quantize(CENT, rounding=ROUND_HALF_UP)


MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)


def subsidy_standard_expression(first: dt.date, *, changes: bool = True) -> Any:
    """Over Contract rows: the monthly standard in force in the month starting `first` (补贴应发, A.7.5).

    The latest standard change with `effective_from` ≤ the month, else the standard before the contract's
    earliest change (`old_amount`: the months before every change keep the signed standard even though
    `Contract.subsidy_amount` holds the newest one), else the column. `changes=False` (no change exists
    among the contracts read) gives the plain column, so the run stays flat.
    """
    if not changes:
        return F("subsidy_amount")
    latest = (
        SubsidyStandardChange.objects.filter(contract=OuterRef("pk"), effective_from__lte=first)
        .order_by("-effective_from", "-pk")
        .values("amount")[:1]
    )
    before_all = (
        SubsidyStandardChange.objects.filter(contract=OuterRef("pk"))
        .order_by("effective_from", "pk")
        .values("old_amount")[:1]
    )
    return Coalesce(Subquery(latest), Subquery(before_all), F("subsidy_amount"), output_field=MONEY_FIELD)


def subsidy_standard_in_force(contract: Contract, first: dt.date) -> Decimal:
    """The monthly standard of one contract in the month starting `first` (same rule as the run)."""
    changes = SubsidyStandardChange.objects.filter(contract=contract)
    latest = changes.filter(effective_from__lte=first.replace(day=1)).order_by("-effective_from", "-pk").first()
    if latest is not None:
        return latest.amount
    earliest = changes.order_by("effective_from", "pk").first()
    if earliest is not None:
        return earliest.old_amount
    return contract.subsidy_amount or ZERO


def _covering_contracts(*, year: int, month: int, prefix: str, changes: bool = True) -> QuerySet:
    first, last = month_bounds(year, month)
    # a contract whose newest standard is 0 may still owe the months before that change
    paying = Q(subsidy_amount__gt=0)
    if changes:
        paying |= Exists(SubsidyStandardChange.objects.filter(contract=OuterRef("pk")))
    return (
        Contract.objects.filter(
            paying,
            contract_type=ContractType.SUBSIDY,
            status__in=PAYING_STATUSES,
            signed_at__isnull=False,
            effective_on__lte=last,
            region_code__startswith=prefix,
        )
        .filter(Q(subsidy_starts_on__isnull=True) | Q(subsidy_starts_on__lte=last))
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=first))
        .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gt=first))
        .order_by("pk")
    )


def _program_codes() -> list[tuple[str, str, str, str]]:
    """(region prefix, 保障方式 code, program code, mode name) of the enabled subsidy modes, most specific first."""
    from anju.core.scoping import significant_prefix
    from anju.rules.models import Mode

    rows = Mode.objects.filter(
        Q(mode__startswith="3") | Q(mode__startswith="4"), is_enabled=True, program__is_enabled=True
    ).values_list("program__region_code", "mode", "program__code")
    found = [(significant_prefix(region or ""), mode, code, "") for region, mode, code in rows]
    return sorted(found, key=lambda row: -len(row[0]))


def _subsidy_type(mode: str) -> str:
    """补贴类型: the 保障方式 name (租赁补贴, 购房补贴 …) from the code table."""
    from anju.core.selectors import dictionary_label

    label = dictionary_label("security_mode", mode)
    return label if label and label != mode else SUBSIDY_TYPES.get(mode[:1], "租赁补贴")


def _program_for(programs: list[tuple[str, str, str, str]], region_code: str, mode: str) -> tuple[str, str]:
    """(补贴项目编号, 补贴类型) for a household: the subsidy program of its region and mode (else the mode code)."""
    for prefix, program_mode, code, _name in programs:
        if program_mode == mode and region_code.startswith(prefix):
            return code, _subsidy_type(mode)
    return mode, _subsidy_type(mode)


@dataclass(frozen=True)
class SubsidyRunResult:
    """What one monthly run did."""

    year: int
    month: int
    contracts: int
    households: int
    created: int
    existing: int
    amount_created: Decimal

    def as_dict(self) -> dict[str, Any]:
        """For the job result and the API."""
        return {
            "year": self.year,
            "month": self.month,
            "contracts": self.contracts,
            "households": self.households,
            "created": self.created,
            "existing": self.existing,
            "amount_created": str(self.amount_created),
        }


def subsidy_month_run(
    *,
    year: int,
    month: int,
    acting_user: Any,
    region_prefix: str | None = None,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> SubsidyRunResult:
    """补贴应发 of a month for the contracts in the user's jurisdiction (or `region_prefix` for a system job)."""
    from anju.core.scoping import jurisdiction_prefix

    _first, last = month_bounds(year, month)
    if acting_user is not None:
        edit_check(acting_user, region_prefix or (jurisdiction_prefix(acting_user) or "x"), what="该区域")
        prefix = jurisdiction_prefix(acting_user) or ""
        if region_prefix and region_prefix.startswith(prefix):
            prefix = region_prefix
    else:
        prefix = region_prefix or ""
    any_change = SubsidyStandardChange.objects.filter(region_code__startswith=prefix).exists()
    covering = _covering_contracts(year=year, month=month, prefix=prefix, changes=any_change)
    has_changes = any_change and SubsidyStandardChange.objects.filter(contract__in=covering.values("pk")).exists()
    contracts = covering.annotate(standard=subsidy_standard_expression(_first, changes=has_changes)).values(
        "pk",
        "region_code",
        "effective_on",
        "subsidy_starts_on",
        "expires_on",
        "terminated_on",
        "standard",
        "register_entry__number",
        "register_entry__security_mode",
    )
    if on_total is not None:
        on_total(contracts.count())
    programs = _program_codes()
    due_on = dt.date(year, month, min(SUBSIDY_DUE_DAY, last.day))
    contract_count = households = created = existing = 0
    amount_created = ZERO
    # one household may have two contracts in a month (a renewal starting mid-month): add them up, keep the later one
    pending: dict[str, dict[str, Any]] = {}

    def flush(rows: dict[str, dict[str, Any]]) -> None:
        nonlocal created, existing, amount_created
        if not rows:
            return
        have = set(
            SubsidyDue.objects.filter(
                target_type=SubsidyTargetType.HOUSEHOLD, year=year, month=month, target_number__in=list(rows)
            ).values_list("target_number", flat=True)
        )
        existing += len(have)
        fresh = [row for target, row in rows.items() if target not in have]
        by_county: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in fresh:
            by_county[row["region_code"][:6]].append(row)
        objects = []
        now = timezone.now()
        user = actor(acting_user)
        for county, county_rows in sorted(by_county.items()):
            numbers = business_numbers_reserve(
                kind="subsidy_due", region_code=county, year=year, count=len(county_rows)
            )
            for number, row in zip(numbers, county_rows, strict=True):
                program, subsidy_type = _program_for(programs, row["region_code"], row["mode"])
                objects.append(
                    SubsidyDue(
                        region_code=row["region_code"],
                        number=number,
                        contract_id=row["contract_id"],
                        target_number=row["target"],
                        target_type=SubsidyTargetType.HOUSEHOLD,
                        subsidy_program_number=program[:40],
                        subsidy_type=subsidy_type[:40],
                        standard_amount=row["standard"],
                        amount=row["amount"],
                        year=year,
                        month=month,
                        due_on=due_on,
                        created_by=user,
                        updated_by=user,
                        created_at=now,
                        updated_at=now,
                    )
                )
        with transaction.atomic():
            made = SubsidyDue.objects.bulk_create(objects, ignore_conflicts=True, batch_size=CHUNK)
        # with ignore_conflicts a concurrent run's rows are skipped silently: count what is really there
        mine = SubsidyDue.objects.filter(number__in=[obj.number for obj in made]).values_list("amount", flat=True)
        mine = list(mine)
        created += len(mine)
        existing += len(objects) - len(mine)
        amount_created += sum(mine, ZERO)

    # ordered by household, so a household's contracts are consecutive and never split between two flushes
    last_target = None
    seen = 0
    for row in contracts.order_by("register_entry_id", "pk").iterator(chunk_size=CHUNK):
        target = row["register_entry__number"]
        if target != last_target and len(pending) >= CHUNK:
            flush(pending)
            pending = {}
        last_target = target
        contract_count += 1
        seen += 1
        if progress is not None and seen % CHUNK == 0:
            progress(CHUNK)
        days = covered_days(
            year=year,
            month=month,
            effective_on=row["effective_on"],
            starts_on=row["subsidy_starts_on"],
            expires_on=row["expires_on"],
            terminated_on=row["terminated_on"],
        )
        if days <= 0 or not row["standard"]:
            continue  # nothing covered, or a standard of 0 in force this month
        amount = month_amount(standard=row["standard"], days=days, year=year, month=month)
        security_mode = row["register_entry__security_mode"] or ""
        mode = security_mode if security_mode[:1] in ("3", "4") else DEFAULT_SUBSIDY_MODE
        previous = pending.get(target)
        if previous is None:
            households += 1
            pending[target] = {
                "target": target,
                "region_code": row["region_code"],
                "contract_id": row["pk"],
                "mode": mode,
                "standard": row["standard"],
                "amount": amount,
                "effective_on": row["effective_on"],
            }
        else:  # a renewal starting within the month: one due with both parts, linked to the later contract
            previous["amount"] += amount
            if row["effective_on"] >= previous["effective_on"]:
                previous.update(contract_id=row["pk"], standard=row["standard"], effective_on=row["effective_on"])
    if progress is not None and seen % CHUNK:
        progress(seen % CHUNK)
    flush(pending)
    result = SubsidyRunResult(
        year=year,
        month=month,
        contracts=contract_count,
        households=households,
        created=created,
        existing=existing,
        amount_created=amount_created,
    )
    audit(
        action="BATCH_RUN",
        user=acting_user,
        obj=None,
        event=ContractEvent.SUBSIDY_MONTH_RUN,
        detail={**result.as_dict(), "region_prefix": prefix},
    )
    return result


def subsidy_month_start(*, year: int, month: int, acting_user: Any) -> Any:
    """Create the progress record and enqueue the monthly run (after commit on huey)."""
    from anju.core.scoping import jurisdiction_prefix
    from anju.core.services.jobs import job_attach_task, job_create
    from anju.distribution.tasks import distribution_subsidy_month

    month_bounds(year, month)
    edit_check(acting_user, jurisdiction_prefix(acting_user) or "x", what="该区域")
    with transaction.atomic():
        job = job_create(
            kind=SUBSIDY_JOB_KIND, title=f"生成补贴应发：{year}年{month}月", total=0, acting_user=acting_user
        )
        result = distribution_subsidy_month.enqueue(job_id=job.pk, year=year, month=month, user_id=acting_user.pk)
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job


SUBSIDY_JOB_KIND = "distribution_subsidy_month"


# --- payments -----------------------------------------------------------------------------------


def _paid_total_subquery() -> Any:
    return Coalesce(
        Subquery(
            SubsidyPayment.objects.filter(due=OuterRef("pk"))
            .values("due")
            .annotate(total=Sum("paid_amount"))
            .values("total")[:1]
        ),
        Value(ZERO),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def dues_with_payments(queryset: QuerySet) -> QuerySet:
    """Dues annotated with paid_total (实发合计)."""
    return queryset.annotate(paid_total=_paid_total_subquery())


def subsidy_payment_record(
    *,
    due: SubsidyDue,
    paid_amount: Decimal,
    paid_on: dt.date,
    method: str,
    acting_user: Any,
    shortfall_reason: str = "",
) -> SubsidyPayment:
    """补贴实发 of one due: full, short (with the reason) or none (with the reason); never more than outstanding."""
    edit_check(acting_user, due.region_code, what="该补贴")
    errors: dict[str, list[str]] = {}
    if paid_amount is None or paid_amount < 0:
        errors["paid_amount"] = ["实发金额不能为负数。"]
    if method not in SubsidyPaymentMethod.values:
        errors["method"] = ["请选择实发方式。"]
    if paid_on is None or paid_on > timezone.localdate():
        errors["paid_on"] = ["实发时间不能晚于今天。"]
    if errors:
        raise ValidationError(errors)
    paid_amount = Decimal(paid_amount).quantize(CENT)
    with transaction.atomic():
        locked = SubsidyDue.objects.select_for_update(of=("self",)).get(pk=due.pk)
        paid_before = locked.payments.aggregate(total=Sum("paid_amount"))["total"] or ZERO
        outstanding = locked.amount - paid_before
        if outstanding <= 0:
            raise ValidationError({"paid_amount": [f"应发 {locked.number} 已足额发放，不能重复发放。"]})
        if paid_amount > outstanding:
            raise ValidationError({"paid_amount": [f"实发金额不能超过未发金额 {outstanding} 元。"]})
        shortfall = outstanding - paid_amount
        reason = (shortfall_reason or "").strip()
        if shortfall > 0 and not reason:
            raise ValidationError({"shortfall_reason": [f"不足额发放（不足 {shortfall} 元），请填写原因。"]})
        status = (
            PaymentStatus.PAID
            if shortfall == 0
            else PaymentStatus.UNPAID
            if paid_amount == 0
            else PaymentStatus.PARTIAL
        )
        payment = SubsidyPayment(
            region_code=locked.region_code,
            number=number_next(kind="subsidy_payment", region_code=locked.region_code),
            due=locked,
            status=status,
            paid_amount=paid_amount,
            shortfall=shortfall,
            shortfall_reason=reason[:200] if shortfall > 0 else "",
            paid_on=paid_on,
            method=method,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        payment.full_clean()
        payment.save()
        audit(
            action="PAYMENT",
            user=acting_user,
            obj=payment,
            event=ContractEvent.SUBSIDY_PAID,
            detail={
                "number": payment.number,
                "due": locked.number,
                "paid": str(paid_amount),
                "shortfall": str(shortfall),
                "status": status,
                "reason": payment.shortfall_reason,
            },
        )
    return payment


def subsidy_payments_pay_outstanding(*, dues: QuerySet, paid_on: dt.date, method: str, acting_user: Any) -> int:
    """按清单发放: pay every listed due that has no payment yet, in full (one insert); returns the count."""
    from anju.core.scoping import jurisdiction_prefix

    if method not in SubsidyPaymentMethod.values:
        raise ValidationError({"method": ["请选择实发方式。"]})
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": ["实发时间不能晚于今天。"]})
    prefix = jurisdiction_prefix(acting_user) if acting_user is not None else ""
    edit_check(acting_user, prefix or "x", what="该区域") if acting_user is not None else None
    with transaction.atomic():
        rows = list(
            dues.filter(payments__isnull=True, region_code__startswith=prefix or "")
            .select_for_update(of=("self",))
            .order_by("pk")
            .values("pk", "region_code", "amount", "number")
        )
        by_county: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_county[row["region_code"][:6]].append(row)
        payments = []
        user = actor(acting_user)
        for county, county_rows in sorted(by_county.items()):
            numbers = business_numbers_reserve(kind="subsidy_payment", region_code=county, count=len(county_rows))
            payments += [
                SubsidyPayment(
                    region_code=row["region_code"],
                    number=number,
                    due_id=row["pk"],
                    status=PaymentStatus.PAID,
                    paid_amount=row["amount"],
                    shortfall=ZERO,
                    paid_on=paid_on,
                    method=method,
                    created_by=user,
                    updated_by=user,
                )
                for number, row in zip(numbers, county_rows, strict=True)
            ]
        SubsidyPayment.objects.bulk_create(payments, batch_size=CHUNK)
        audit(
            action="PAYMENT",
            user=acting_user,
            obj=None,
            event=ContractEvent.SUBSIDY_PAID,
            detail={
                "count": len(payments),
                "total": str(sum((p.paid_amount for p in payments), ZERO)),
                "dues": [row["number"] for row in rows[:200]],
                "paid_on": paid_on.isoformat(),
                "method": method,
            },
        )
    return len(payments)


def subsidy_dues_mark_printed(*, dues: QuerySet, acting_user: Any, kind: str, mark: bool = True) -> int:
    """是否已打印单据: mark the listed dues printed (PDF or Excel list; `mark=False` for readers); audited as an export."""
    numbers = list(dues.values_list("number", flat=True)[:200])
    count = dues.count()
    if mark:
        count = SubsidyDue.objects.filter(pk__in=dues.values("pk")).update(is_printed=True, updated_at=timezone.now())
    audit(
        action="EXPORT",
        user=acting_user,
        obj=None,
        event=ContractEvent.SUBSIDY_LIST_PRINTED,
        detail={"count": count, "kind": kind, "dues": numbers, "marked_printed": mark},
    )
    return count


__all__ = [
    "SUBSIDY_JOB_KIND",
    "SubsidyRunResult",
    "covered_days",
    "dues_with_payments",
    "month_amount",
    "month_bounds",
    "subsidy_dues_mark_printed",
    "subsidy_month_run",
    "subsidy_month_start",
    "subsidy_payment_record",
    "subsidy_payments_pay_outstanding",
    "subsidy_standard_expression",
    "subsidy_standard_in_force",
]
