"""台账 (A.6.1–A.6.4): ledger entries written by services, ledgers computed from them, and the check.

    ledger_entry_post(...)          one entry, idempotent by source_type + source_id + direction
    ledger_collect(since=None)      derive the missing entries from the source records, set-wise and idempotently
    ledger_compute(period_type, period, region_code)
                                    the A.6.1 / A.6.3 balances of every program in a region and period:
                                    opening = the net of all entries before the period (= the previous closing),
                                    closing = opening + increase − decrease
    ledger_check()                  prove every stored ledger balances, matches its entries and chains to the
                                    previous period; returns the differences in Chinese (empty = all good)

Sources of entries (`ledger_collect`): 竣工移交 (units and area in), signed contracts (households and persons
in; for lease and sale also the unit and its area out), 补贴实发 (money out) and households leaving the
register after a signed contract (households and persons out). Money received by a program (funds app) is
posted with `ledger_entry_post(source_type=SOURCE_FUNDS, ...)`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, DecimalField, Exists, F, IntegerField, OuterRef, Q, Sum, Value, When
from django.utils import timezone

from anju.allocation.choices import EntryDirection, PeriodType, ResourceCategory, mode_resource_category
from anju.allocation.events import AllocationEvent
from anju.allocation.models import ProgramLedger, ProgramLedgerEntry, SupportLedger, SupportLedgerEntry
from anju.allocation.permissions import allocation_edit_check
from anju.allocation.selectors import ProgramResolver, plan_programs_of_entries
from anju.allocation.services.common import acting, audit
from anju.allocation.services.plans import period_bounds
from anju.core.scoping import significant_prefix

SOURCE_HANDOVER, SOURCE_CONTRACT, SOURCE_SUBSIDY, SOURCE_EXIT, SOURCE_FUNDS = (
    "handover", "contract", "subsidy_payment", "register_exit", "funds_receipt",
)  # fmt: skip
SOURCE_LABELS = {
    SOURCE_HANDOVER: "竣工移交", SOURCE_CONTRACT: "合同签约", SOURCE_SUBSIDY: "补贴实发",
    SOURCE_EXIT: "退出保障", SOURCE_FUNDS: "资金到账",
}  # fmt: skip
_SOURCE_CODES = {
    SOURCE_HANDOVER: "YJ",
    SOURCE_CONTRACT: "HT",
    SOURCE_SUBSIDY: "BT",
    SOURCE_EXIT: "TC",
    SOURCE_FUNDS: "ZJ",
}
IN, OUT = EntryDirection.INCREASE, EntryDirection.DECREASE
ZERO = Decimal("0.00")

# (ledger field prefix, entry field) of the five A.6.1 measures and the two A.6.3 measures.
PROGRAM_MEASURES = (
    ("money", "amount"),
    ("units", "units"),
    ("area", "floor_area"),
    ("households", "households"),
    ("persons", "persons"),
)
SUPPORT_MEASURES = (("money", "amount"), ("land", "land_area"))
MEASURE_LABELS = {
    "money": "资金",
    "units": "住房套数",
    "area": "住房面积",
    "households": "保障户数",
    "persons": "保障人数",
    "land": "土地面积",
}


def entry_number(*, region_code: str, source_type: str, source_id: Any, direction: str, prefix: str = "MX") -> str:
    """A readable number that is a function of the source (so a repeated post can never make a second one)."""
    number = f"{prefix}{region_code[:6]}{_SOURCE_CODES.get(source_type, source_type.upper())}{source_id}{'I' if direction == IN else 'O'}"
    if len(number) <= 40:
        return number
    digest = hashlib.sha256(f"{source_type}:{source_id}:{direction}".encode()).hexdigest()[:24]
    return f"{prefix}{region_code[:6]}{digest}{'I' if direction == IN else 'O'}"


# ---------------------------------------------------------------- posting


def _quantities_check(values: dict[str, Any]) -> None:
    if any((value or 0) < 0 for value in values.values()):
        raise ValidationError("台账明细的数量和金额不能为负数；减少请用“支出（减少）”。")
    if not any(values.values()):
        raise ValidationError("台账明细至少应有一项数量或金额。")


@transaction.atomic
def ledger_entry_post(
    *,
    program: Any,
    region_code: str,
    direction: str,
    resource_category: str,
    received_on: date,
    source_type: str,
    source_id: Any,
    households: int = 0,
    persons: int = 0,
    amount: Decimal = ZERO,
    units: int = 0,
    floor_area: Decimal = ZERO,
    batch_number: str = "",
    handed_over_by: str = "",
    received_by: str = "",
    note: str = "",
    acting_user: Any = None,
) -> ProgramLedgerEntry:
    """Post one program ledger entry (A.6.2); posting the same source and direction again returns the first one."""
    existing = ProgramLedgerEntry.objects.filter(
        source_type=source_type, source_id=str(source_id), direction=direction
    ).first()
    if existing is not None:
        return existing
    if acting_user is not None:
        allocation_edit_check(acting_user, region_code)
    if direction not in EntryDirection.values:
        raise ValidationError({"direction": ["收支类型应为收入（增加）或支出（减少）。"]})
    _quantities_check(
        {"households": households, "persons": persons, "amount": amount, "units": units, "floor_area": floor_area}
    )
    entry = ProgramLedgerEntry(
        number=entry_number(region_code=region_code, source_type=source_type, source_id=source_id, direction=direction),
        region_code=region_code,
        program=program,
        direction=direction,
        resource_category=resource_category,
        received_on=received_on,
        source_type=source_type,
        source_id=str(source_id),
        households=households,
        persons=persons,
        amount=amount,
        units=units,
        floor_area=floor_area,
        batch_number=batch_number,
        handed_over_by=handed_over_by,
        received_by=received_by,
        note=note,
        created_by=acting(acting_user),
    )
    entry.full_clean(validate_unique=False)
    entry.save()
    audit(action="RECORD_CREATED", user=acting_user, obj=entry, event=AllocationEvent.LEDGER_ENTRY_POSTED,
          detail={"source": f"{source_type}:{source_id}", "direction": direction})  # fmt: skip
    return entry


@transaction.atomic
def support_ledger_entry_post(
    *,
    support_program: Any,
    region_code: str,
    direction: str,
    resource_category: str,
    received_on: date,
    source_type: str,
    source_id: Any,
    amount: Decimal = ZERO,
    land_area: Decimal = ZERO,
    batch_number: str = "",
    handed_over_by: str = "",
    received_by: str = "",
    note: str = "",
    acting_user: Any = None,
) -> SupportLedgerEntry:
    """Post one support program ledger entry (A.6.4); idempotent like `ledger_entry_post`."""
    existing = SupportLedgerEntry.objects.filter(
        source_type=source_type, source_id=str(source_id), direction=direction
    ).first()
    if existing is not None:
        return existing
    if acting_user is not None:
        allocation_edit_check(acting_user, region_code)
    if direction not in EntryDirection.values:
        raise ValidationError({"direction": ["收支类型应为收入（增加）或支出（减少）。"]})
    _quantities_check({"amount": amount, "land_area": land_area})
    entry = SupportLedgerEntry(
        number=entry_number(
            region_code=region_code, source_type=source_type, source_id=source_id, direction=direction, prefix="ZM"
        ),
        region_code=region_code,
        support_program=support_program,
        direction=direction,
        resource_category=resource_category,
        received_on=received_on,
        source_type=source_type,
        source_id=str(source_id),
        amount=amount,
        land_area=land_area,
        batch_number=batch_number,
        handed_over_by=handed_over_by,
        received_by=received_by,
        note=note,
        created_by=acting(acting_user),
    )
    entry.full_clean(validate_unique=False)
    entry.save()
    audit(action="RECORD_CREATED", user=acting_user, obj=entry, event=AllocationEvent.LEDGER_ENTRY_POSTED,
          detail={"source": f"{source_type}:{source_id}", "direction": direction})  # fmt: skip
    return entry


# ---------------------------------------------------------------- collecting


def _cast_id_q(source_type: str, direction: str) -> Exists:
    """EXISTS an entry of this source and direction for the outer row's id (ids stored as text)."""
    from django.db.models import CharField
    from django.db.models.functions import Cast

    return Exists(
        ProgramLedgerEntry.objects.filter(
            source_type=source_type, direction=direction, source_id=Cast(OuterRef("pk"), output_field=CharField())
        )
    )


def _entry(**kwargs: Any) -> ProgramLedgerEntry:
    kwargs["number"] = entry_number(region_code=kwargs["region_code"], source_type=kwargs["source_type"],
                                    source_id=kwargs["source_id"], direction=kwargs["direction"])  # fmt: skip
    kwargs["source_id"] = str(kwargs["source_id"])
    return ProgramLedgerEntry(**kwargs)


@dataclass
class CollectOutcome:
    """What `ledger_collect` posted, by source, and what it could not place in any program."""

    handovers: int = 0
    contracts: int = 0
    subsidies: int = 0
    exits: int = 0
    unassigned: int = 0

    def as_result(self) -> dict[str, int]:
        """For the job page and the API."""
        return {"handovers": self.handovers, "contracts": self.contracts, "subsidies": self.subsidies,
                "exits": self.exits, "unassigned": self.unassigned, "total": self.total}  # fmt: skip

    @property
    def total(self) -> int:
        """Entries created."""
        return self.handovers + self.contracts + self.subsidies + self.exits


def _local(moment: Any) -> date:
    return timezone.localtime(moment).date() if moment else timezone.localdate()


def collect_pending_count(*, since: date | None = None) -> int:
    """How many source records `ledger_collect` would read (to decide whether to run it as a background job)."""
    handovers, contracts, payments, exits = _sources(since)
    return handovers.count() + contracts.count() + payments.count() + exits.count()


def _sources(since: date | None) -> tuple[Any, Any, Any, Any]:
    """The source querysets of records not posted yet."""
    from anju.admission.models import RegisterEntry
    from anju.distribution.models import Contract, SubsidyPayment
    from anju.housing.models import Handover

    handovers = Handover.objects.exclude(_cast_id_q(SOURCE_HANDOVER, IN))
    contracts = Contract.objects.filter(signed_at__isnull=False, renewal_of__isnull=True).exclude(
        _cast_id_q(SOURCE_CONTRACT, IN)
    )
    payments = SubsidyPayment.objects.filter(paid_amount__gt=0).exclude(_cast_id_q(SOURCE_SUBSIDY, OUT))
    signed = Contract.objects.filter(register_entry=OuterRef("pk"), signed_at__isnull=False, renewal_of__isnull=True)
    exits = (
        RegisterEntry.objects.filter(exited_at__isnull=False)
        .filter(Exists(signed))
        .exclude(_cast_id_q(SOURCE_EXIT, OUT))
    )
    if since:
        handovers = handovers.filter(handed_over_on__gte=since)
        contracts = contracts.filter(signed_at__date__gte=since)
        payments = payments.filter(paid_on__gte=since)
        exits = exits.filter(exited_at__gte=since)
    return handovers, contracts, payments, exits


def _household_programs(resolver: ProgramResolver, facts: list[tuple]) -> dict[int, int | None]:
    """register entry id → program id from (entry id, region, income class, special group, mode) tuples (set-wise)."""
    planned = plan_programs_of_entries([fact[0] for fact in facts if fact[0]])
    result: dict[int, int | None] = {}
    for entry_id, region_code, income_class, special_group, mode in facts:
        if entry_id is None or entry_id in result:
            continue
        result[entry_id] = planned.get(entry_id) or resolver.for_household(
            region_code=region_code, income_class=income_class or "", special_group=special_group or "", mode=mode or ""
        )
    return result


def _bulk(entries: list[ProgramLedgerEntry]) -> int:
    """Insert, skipping any a concurrent run inserted first (the source constraint); returns how many are new."""
    if not entries:
        return 0
    before = ProgramLedgerEntry.objects.count()
    ProgramLedgerEntry.objects.bulk_create(entries, batch_size=1000, ignore_conflicts=True)
    return ProgramLedgerEntry.objects.count() - before


@transaction.atomic
def ledger_collect(
    *, since: date | None = None, acting_user: Any = None, progress: Callable[[int], Any] | None = None
) -> CollectOutcome:
    """Derive the missing ledger entries from handovers, signed contracts, subsidy payments and exits (idempotent)."""
    from anju.distribution.choices import ContractType
    from anju.housing.models import Unit

    resolver = ProgramResolver()
    outcome = CollectOutcome()
    handovers, contracts, payments, exits = _sources(since)
    entry_fields = ["region_code", "income_class", "special_group", "security_mode", "household_size"]

    # 竣工移交: units and their area enter the stock of the program of the units' kind.
    rows = list(
        handovers.values(
            "id", "region_code", "batch_number", "handed_over_on", "handed_over_by", "received_by__full_name"
        )
    )
    stock: dict[int, dict[str, Any]] = {}
    for row in (
        Unit.objects.filter(handover_id__in=[r["id"] for r in rows])
        .values("handover_id", "housing_kind")
        .annotate(n=Count("id"), area=Sum("floor_area"))
        .order_by("handover_id", "-n")
    ):  # the first kind of a batch is its largest: the batch counts for its program
        stock.setdefault(row["handover_id"], {"n": 0, "area": ZERO, "kind": row["housing_kind"]})
        stock[row["handover_id"]]["n"] += row["n"]
        stock[row["handover_id"]]["area"] += row["area"] or ZERO
    new = []
    for row in rows:
        units = stock.get(row["id"])
        program_id = resolver.for_unit(region_code=row["region_code"], housing_kind=units["kind"] if units else "")
        if not units or program_id is None:
            outcome.unassigned += 1
            continue
        new.append(_entry(
            region_code=row["region_code"], program_id=program_id, direction=IN, resource_category=ResourceCategory.HOUSING,
            units=units["n"], floor_area=units["area"], received_on=row["handed_over_on"], batch_number=row["batch_number"],
            handed_over_by=row["handed_over_by"], received_by=row["received_by__full_name"] or "",
            source_type=SOURCE_HANDOVER, source_id=row["id"], note=f"竣工移交 {row['batch_number']}",
        ))  # fmt: skip
    outcome.handovers = _bulk(new)
    if progress:
        progress(len(rows))

    # 合同签约: the household is under security (in); a lease or sale takes its unit out of the stock.
    rows = list(contracts.values(
        "id", "number", "contract_type", "signed_at", "floor_area", "unit_id", "unit__region_code", "unit__floor_area",
        "register_entry_id", *(f"register_entry__{name}" for name in entry_fields),
    ))  # fmt: skip
    programs = _household_programs(
        resolver, [(r["register_entry_id"], *(r[f"register_entry__{name}"] for name in entry_fields[:4])) for r in rows]
    )
    new = []
    for row in rows:
        program_id = programs.get(row["register_entry_id"])
        if program_id is None:
            outcome.unassigned += 1
            continue
        housing = row["contract_type"] in (ContractType.LEASE, ContractType.SALE)
        category = ResourceCategory.HOUSING if housing else ResourceCategory.FUNDS
        signed_on = _local(row["signed_at"])
        new.append(_entry(
            region_code=row["register_entry__region_code"], program_id=program_id, direction=IN, resource_category=category,
            households=1, persons=row["register_entry__household_size"] or 0, received_on=signed_on,
            source_type=SOURCE_CONTRACT, source_id=row["id"], note=f"合同签约 {row['number']}",
        ))  # fmt: skip
        if housing and row["unit_id"]:
            new.append(_entry(
                region_code=row["unit__region_code"], program_id=program_id, direction=OUT, resource_category=category,
                units=1, floor_area=row["floor_area"] or row["unit__floor_area"] or ZERO, received_on=signed_on,
                source_type=SOURCE_CONTRACT, source_id=row["id"], note=f"合同签约 {row['number']}（住房配出）",
            ))  # fmt: skip
    outcome.contracts = _bulk(new)
    if progress:
        progress(len(rows))

    # 补贴实发: money paid out of the program of the household's contract.
    rows = list(payments.values(
        "id", "number", "region_code", "paid_amount", "paid_on", "due__contract__register_entry_id",
        *(f"due__contract__register_entry__{name}" for name in entry_fields),
    ))  # fmt: skip
    programs = _household_programs(
        resolver,
        [
            (
                r["due__contract__register_entry_id"],
                *(r[f"due__contract__register_entry__{name}"] for name in entry_fields[:4]),
            )
            for r in rows
        ],
    )
    new = []
    for row in rows:
        entry_id = row["due__contract__register_entry_id"]
        program_id = programs.get(entry_id) if entry_id else resolver.for_household(region_code=row["region_code"])
        if program_id is None:
            outcome.unassigned += 1
            continue
        new.append(_entry(
            region_code=row["region_code"], program_id=program_id, direction=OUT, resource_category=ResourceCategory.FUNDS,
            amount=row["paid_amount"], received_on=row["paid_on"], source_type=SOURCE_SUBSIDY, source_id=row["id"],
            note=f"补贴实发 {row['number']}",
        ))  # fmt: skip
    outcome.subsidies = _bulk(new)
    if progress:
        progress(len(rows))

    # 退出保障: a household that was counted in (signed contract) leaves.
    rows = list(exits.values("id", "number", "exited_at", "implemented_mode", *entry_fields))
    programs = _household_programs(resolver, [(r["id"], *(r[name] for name in entry_fields[:4])) for r in rows])
    new = []
    for row in rows:
        program_id = programs.get(row["id"])
        if program_id is None:
            outcome.unassigned += 1
            continue
        new.append(_entry(
            region_code=row["region_code"], program_id=program_id, direction=OUT,
            resource_category=mode_resource_category(row["implemented_mode"] or ""), households=1,
            persons=row["household_size"] or 0, received_on=row["exited_at"], source_type=SOURCE_EXIT, source_id=row["id"],
            note=f"退出保障 {row['number']}",
        ))  # fmt: skip
    outcome.exits = _bulk(new)
    if progress:
        progress(len(rows))
    audit(action="BATCH_RUN", user=acting_user, obj=None, event=AllocationEvent.LEDGER_COLLECTED,
          detail={**outcome.as_result(), "since": since.isoformat() if since else ""})  # fmt: skip
    return outcome


# ---------------------------------------------------------------- computing


def period_previous(period_type: str, period: str) -> str:
    """The period before: 2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025."""
    start, _end = period_bounds(period_type, period)
    if period_type == PeriodType.YEAR:
        return str(start.year - 1)
    if period_type == PeriodType.QUARTER:
        quarter = (start.month - 1) // 3 + 1
        return f"{start.year - 1}-Q4" if quarter == 1 else f"{start.year}-Q{quarter - 1}"
    return f"{start.year - 1}-12" if start.month == 1 else f"{start.year}-{start.month - 1:02d}"


def _signed(field: str, output: Any) -> Case:
    return Case(
        When(direction=IN, then=F(field)), When(direction=OUT, then=-F(field)), default=Value(0), output_field=output
    )


def _output(field: str) -> Any:
    return (
        DecimalField(max_digits=20, decimal_places=2)
        if field in ("amount", "floor_area", "land_area")
        else IntegerField()
    )


def _sums(entries: Any, key: str, measures: tuple, start: date, end: date) -> dict[Any, dict[str, Any]]:
    """Per ledger key (program): opening (net before start), increase and decrease within [start, end] (one query)."""
    before = Q(received_on__lt=start)
    within = Q(received_on__gte=start, received_on__lte=end)
    aggregates = {}
    for prefix, field in measures:
        output = _output(field)
        aggregates[f"{prefix}_opening"] = Sum(_signed(field, output), filter=before, default=0)
        aggregates[f"{prefix}_increase"] = Sum(field, filter=within & Q(direction=IN), default=0)
        aggregates[f"{prefix}_decrease"] = Sum(field, filter=within & Q(direction=OUT), default=0)
    rows = entries.filter(received_on__lte=end).values(key).annotate(**aggregates).order_by(key)
    result = {}
    for row in rows:
        values = {}
        for prefix, field in measures:
            cast = Decimal if field in ("amount", "floor_area", "land_area") else int
            opening, increase, decrease = (
                cast(row[f"{prefix}_{part}"] or 0) for part in ("opening", "increase", "decrease")
            )
            if cast is Decimal:
                opening, increase, decrease = (v.quantize(Decimal("0.01")) for v in (opening, increase, decrease))
            values.update({f"{prefix}_opening": opening, f"{prefix}_increase": increase, f"{prefix}_decrease": decrease,
                           f"{prefix}_closing": opening + increase - decrease})  # fmt: skip
        result[row[key]] = values
    return result


def ledger_number(*, region_code: str, period_type: str, period: str, program_id: int, prefix: str = "TA") -> str:
    """台账编号: region, period and program (a function of the ledger's key)."""
    return f"{prefix}{region_code}{period.replace('-', '')}{period_type[0].upper()}{program_id:05d}"


@transaction.atomic
def ledger_compute(*, period_type: str, period: str, region_code: str, acting_user: Any = None) -> dict[str, int]:
    """Compute (create or refresh) the program and support ledgers of a region and period from the entries."""
    if acting_user is not None:
        allocation_edit_check(acting_user, region_code)
    start, end = period_bounds(period_type, period)
    today = timezone.localdate()
    counts = {"program_ledgers": 0, "support_ledgers": 0}
    program_sums = _sums(ProgramLedgerEntry.objects.within(region_code), "program_id", PROGRAM_MEASURES, start, end)
    for program_id, values in program_sums.items():
        ProgramLedger.objects.update_or_create(
            program_id=program_id, region_code=region_code, period_type=period_type, period=period,
            defaults={**values, "period_start": start, "period_end": end, "stat_date": today,
                      "number": ledger_number(region_code=region_code, period_type=period_type, period=period, program_id=program_id)},
        )  # fmt: skip
        counts["program_ledgers"] += 1
    support_sums = _sums(
        SupportLedgerEntry.objects.within(region_code), "support_program_id", SUPPORT_MEASURES, start, end
    )
    for program_id, values in support_sums.items():
        summary = _direction_summary(values)
        SupportLedger.objects.update_or_create(
            support_program_id=program_id, region_code=region_code, period_type=period_type, period=period,
            defaults={**values, "period_start": start, "period_end": end, "stat_date": today, "direction_summary": summary,
                      "number": ledger_number(region_code=region_code, period_type=period_type, period=period,
                                              program_id=program_id, prefix="ZT")},
        )  # fmt: skip
        counts["support_ledgers"] += 1
    audit(action="BATCH_RUN", user=acting_user, obj=None, event=AllocationEvent.LEDGER_COMPUTED,
          detail={"period_type": period_type, "period": period, "region_code": region_code, **counts})  # fmt: skip
    return counts


def _direction_summary(values: dict[str, Any]) -> str:
    increase = values["money_increase"] or values["land_increase"]
    decrease = values["money_decrease"] or values["land_decrease"]
    if increase and decrease:
        return "收支均有"
    return "收入" if increase else "支出" if decrease else "无收支"


# ---------------------------------------------------------------- checking


def _check_ledgers(ledgers: Any, model_label: str, entries_model: Any, key: str, measures: tuple) -> list[str]:
    problems: list[str] = []
    stored = {(getattr(l, key), l.region_code, l.period_type, l.period): l for l in ledgers}  # noqa: E741
    for ledger in stored.values():
        name = f"{model_label} {ledger.number}（{ledger.period}）"
        for prefix, _field in measures:
            o, i, d, c = (
                getattr(ledger, f"{prefix}_{part}") for part in ("opening", "increase", "decrease", "closing")
            )
            if o + i - d != c:
                problems.append(f"{name}：{MEASURE_LABELS[prefix]}不平衡：期初 {o} + 增加 {i} − 减少 {d} ≠ 期末 {c}。")
        sums = _sums(entries_model.objects.within(ledger.region_code).filter(**{key: getattr(ledger, key)}), key, measures,
                     ledger.period_start, ledger.period_end).get(getattr(ledger, key))  # fmt: skip
        for prefix, _field in measures:
            for part, label in (("opening", "期初"), ("increase", "本期增加"), ("decrease", "本期减少")):
                expected = sums[f"{prefix}_{part}"] if sums else 0
                if getattr(ledger, f"{prefix}_{part}") != expected:
                    problems.append(f"{name}：{MEASURE_LABELS[prefix]}{label}为 {getattr(ledger, f'{prefix}_{part}')}，"
                                    f"按收支明细应为 {expected}，请重新计算台账。")  # fmt: skip
        previous = stored.get((getattr(ledger, key), ledger.region_code, ledger.period_type,
                               period_previous(ledger.period_type, ledger.period)))  # fmt: skip
        if previous is not None:
            for prefix, _field in measures:
                if getattr(previous, f"{prefix}_closing") != getattr(ledger, f"{prefix}_opening"):
                    problems.append(f"{name}：{MEASURE_LABELS[prefix]}期初 {getattr(ledger, f'{prefix}_opening')} "
                                    f"与上期（{previous.period}）期末 {getattr(previous, f'{prefix}_closing')} 不一致。")  # fmt: skip
    return problems


def ledger_check(*, user: Any = None) -> list[str]:
    """Every stored ledger balances, matches its entries and chains to the previous period; Chinese differences."""
    programs = ProgramLedger.objects.select_related("program").order_by("program_id", "region_code", "period_start")
    supports = SupportLedger.objects.order_by("support_program_id", "region_code", "period_start")
    if user is not None:
        programs, supports = programs.visible_to(user), supports.visible_to(user)
    return _check_ledgers(
        programs, "保障项目台账", ProgramLedgerEntry, "program_id", PROGRAM_MEASURES
    ) + _check_ledgers(supports, "支持项目台账", SupportLedgerEntry, "support_program_id", SUPPORT_MEASURES)


def ledger_region_prefix(region_code: str) -> str:
    """The significant prefix of a ledger region (for pages)."""
    return significant_prefix(region_code)
